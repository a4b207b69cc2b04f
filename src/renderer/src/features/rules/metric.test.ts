import { describe, expect, it } from 'vitest';
import { metricOfSelection } from './metric';

describe('metric from the selected words', () => {
  it('trims spaces and punctuation at the ends, keeps the words', () => {
    expect(metricOfSelection('《国土空间总体规划（')).toBe('国土空间总体规划');
    expect(metricOfSelection(' 新冠疫情防控，')).toBe('新冠疫情防控');
    expect(metricOfSelection('召开常委会会议')).toBe('召开常委会会议');
  });
  it('refuses what cannot be a metric', () => {
    expect(metricOfSelection('，。 ')).toBeNull();
    expect(metricOfSelection('第一段\n第二段')).toBeNull();
    expect(metricOfSelection('长'.repeat(101))).toBeNull();
  });
});
