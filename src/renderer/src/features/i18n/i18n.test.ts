import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../core/errors';
import { errorTexts } from '../errors/messages';
import { BINDINGS } from '../shortcuts/keys';
import { defaultLang, formatNumber, translate } from './i18n';
import { en, zh } from './messages';

describe('i18n', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const enKeys = Object.keys(en).sort();
    expect(Object.keys(zh).sort()).toEqual(enKeys);
    for (const k of enKeys as (keyof typeof en)[]) {
      expect(en[k].trim(), k).not.toBe('');
      expect(zh[k].trim(), k).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(zh[k]), k).toEqual(ph(en[k]));
    }
  });

  it('has an error text for every error code in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const code of ErrorCode) {
        const e = errorTexts[lang][code];
        expect(e, `${lang} ${code}`).toBeDefined();
        expect(e.what && e.safe && e.todo, `${lang} ${code}`).toBeTruthy();
      }
    }
  });

  it('labels every shortcut', () => {
    for (const b of BINDINGS) expect(en[b.label]).toBeTruthy();
  });

  it('fills placeholders', () => {
    expect(translate('en', 'docs.reviewed', { reviewed: 3, total: 9 })).toBe('3/9 reviewed');
    expect(translate('zh', 'docs.reviewed', { reviewed: 3, total: 9 })).toBe('已审 3/9');
  });

  it('defaults from navigator.language', () => {
    expect(defaultLang('zh-CN')).toBe('zh');
    expect(defaultLang('zh-TW')).toBe('zh');
    expect(defaultLang('en-US')).toBe('en');
    expect(defaultLang(undefined)).toBe('en');
  });

  it('formats numbers grouped or in 万/亿 as the analyst chooses', () => {
    expect(formatNumber(34000000, 'grouped', 'en')).toBe('34,000,000');
    expect(formatNumber(34000000, 'wan', 'zh')).toBe('3400万');
    expect(formatNumber(120000000, 'wan', 'zh')).toBe('1.2亿');
    expect(formatNumber(9500, 'wan', 'zh')).toBe('9500');
    expect(formatNumber(97.5, 'grouped', 'zh')).toBe('97.5');
    expect(formatNumber(null, 'grouped', 'en')).toBe('—');
  });

  // issue 15 (14): "1 duplicates" — the word follows the number, in the template
  it('picks the plural form of a counted word from the number ({n|one|other})', () => {
    expect(translate('en', 'docs.counts', { figures: '1', duplicates: '2', defects: '1,234' })).toBe('1 figure · 2 duplicates · 1,234 defects');
    expect(translate('en', 'report.findings', { count: '1' })).toBe('1 finding');
    expect(translate('en', 'report.findings', { count: 0 })).toBe('0 findings');
    expect(translate('zh', 'docs.counts', { figures: '1', duplicates: '2', defects: '3' })).toBe('数字 1 · 重复 2 · 文字问题 3');
    // no English template shows a bare plural after the number 1
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      const out = translate('en', k, new Proxy({}, { has: () => true, get: () => '1' }) as Record<string, string>);
      expect(out, k).not.toMatch(/(^|[^\d,.])1 (figures|duplicates|defects|findings|reports|places|indicators)\b/);
    }
  });
});
