import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../i18n/i18n';
import { figureValueText } from './figure-value';

describe('figureValueText (issue 15 #11)', () => {
  it('a date (a year) is never formatted as a quantity: 2023, not 2,023', () => {
    for (const style of ['grouped', 'wan'] as const)
      for (const lang of ['zh', 'en'] as const) {
        const num = (n: number): string => formatNumber(n, style, lang);
        expect(figureValueText(2023, 'date', num)).toBe('2023');
        expect(figureValueText(2023, 'count', num)).toBe(num(2023));
      }
    expect(figureValueText(2023, 'count', (n) => formatNumber(n, 'grouped', 'en'))).toBe('2,023');
  });
  it('any year reads back as the same digits', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99999 }), (y) => figureValueText(y, 'date', (n) => formatNumber(n, 'grouped', 'zh')) === String(y)));
  });
});

describe('a range of years', () => {
  it('2023–24年度 shows its ends as years (2023, 2024), a range of quantities stays grouped', () => {
    const num = (n: number): string => formatNumber(n, 'grouped', 'en');
    expect(figureValueText(2023, 'range', num, '年度')).toBe('2023');
    expect(figureValueText(2024, 'range', num, '學年')).toBe('2024');
    expect(figureValueText(2021, 'range', num, '年')).toBe('2021');
    expect(figureValueText(2000, 'range', num, '人')).toBe('2,000');
    expect(figureValueText(2000, 'range', num, null)).toBe('2,000');
  });
});
