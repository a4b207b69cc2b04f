import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../core/rules/rules';
import { i18nStore } from '../i18n/i18n';
import { actionWords, matchWords, patternWords } from './describe';

const prov = { analyst: 'a', documentId: 'd', at: '2026-01-01T00:00:00.000Z' };

describe('a rule in words', () => {
  it('reads a clause pattern as the words before the figure and the figure with # for its numbers', () => {
    expect(patternWords('召开常委会会议|#次')).toBe('召开常委会会议 … #次');
  });
  it('says what a rule matches and does, in the analyst’s language', () => {
    const fix: Rule = { id: 'r', enabled: true, match: { type: 'figure', kind: 'count', pattern: '召开常委会会议|#次' }, action: { op: 'fix', fields: { metric: '召开常委会会议次数', unit: null } }, provenance: prov };
    const name: Rule = { ...fix, match: { type: 'figure', kind: 'count', text: '三次产业' }, action: { op: 'name' } };
    i18nStore.patch({ lang: 'en' });
    expect(matchWords(fix)).toBe('Count in the clause “召开常委会会议 … #次”');
    expect(actionWords(fix)).toBe('set metric = 召开常委会会议次数, unit = (empty)');
    expect(matchWords(name)).toBe('Count “三次产业”');
    expect(actionWords(name)).toBe('is a name, never a count');
    i18nStore.patch({ lang: 'zh' });
    expect(matchWords(fix)).toBe('分句“召开常委会会议 … #次”中的数量');
    expect(actionWords(fix)).toBe('设为 指标 = 召开常委会会议次数, 单位 = （空）');
  });
});
