/**
 * The one i18n module: language and number style (remembered in localStorage), `t()` for
 * strings, `formatNumber()` for figures. Components read through `useI18n()`.
 */
import { createStore, useStore } from '../../lib/store';
import { type MessageKey, type Messages, en, zh } from './messages';

export type Lang = 'zh' | 'en';
export type NumberStyle = 'grouped' | 'wan';

export interface I18nState {
  lang: Lang;
  numberStyle: NumberStyle;
}

const KEY = 'report-annotator.i18n';
export const dictionaries: Record<Lang, Messages> = { en, zh };

export function defaultLang(language: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language): Lang {
  return language && language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function load(): I18nState {
  const lang = defaultLang();
  const fallback: I18nState = { lang, numberStyle: lang === 'zh' ? 'wan' : 'grouped' };
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<I18nState>;
    return {
      lang: v.lang === 'zh' || v.lang === 'en' ? v.lang : fallback.lang,
      numberStyle: v.numberStyle === 'wan' || v.numberStyle === 'grouped' ? v.numberStyle : fallback.numberStyle,
    };
  } catch {
    return fallback;
  }
}

export const i18nStore = createStore<I18nState>(load());
i18nStore.subscribe(() => {
  const s = i18nStore.get();
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // private mode: not remembered
  }
  if (typeof document !== 'undefined') document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
});

export type Vars = Record<string, string | number>;

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** "1" / "1,234" / 3 → the plural category of the number in `lang` ("one", "other"). */
function pluralOf(lang: Lang, v: string | number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US');
    pluralRules.set(lang, rules);
  }
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,\s\u00a0]/g, ''));
  return Number.isFinite(n) ? rules.select(n) : 'other';
}

/**
 * Fills a template: `{name}` is the variable; `{name|one|other}` is the word for the number in
 * `name` (English: `{count} {count|finding|findings}` → "1 finding", "2 findings").
 */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (m, name: string, one: string | undefined, other: string | undefined) => {
    if (!(name in vars)) return m;
    if (one === undefined || other === undefined) return String(vars[name]);
    return pluralOf(lang, vars[name]) === 'one' ? one : other;
  });
}

export function t(key: MessageKey, vars?: Vars): string {
  return translate(i18nStore.get().lang, key, vars);
}

/** Number formats, made once per locale and options (toLocaleString makes a new one per call). */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, grouping: boolean, digits: number): Intl.NumberFormat {
  const key = `${locale}:${grouping}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { useGrouping: grouping, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/** 34000000 → "34,000,000" (grouped) or "3400万" (wan); 120000000 → "1.2亿". */
export function formatNumber(n: number | null | undefined, style: NumberStyle = i18nStore.get().numberStyle, lang: Lang = i18nStore.get().lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  if (style === 'wan') {
    const abs = Math.abs(n);
    const plain = (x: number): string => numberFormat(locale, false, 4).format(x);
    if (abs >= 1e8) return `${plain(n / 1e8)}亿`;
    if (abs >= 1e4) return `${plain(n / 1e4)}万`;
    return plain(n);
  }
  return numberFormat(locale, true, 6).format(n);
}

/** Counts in the UI (findings, reports, characters): always plain grouped digits. */
export function formatCount(n: number, lang: Lang = i18nStore.get().lang): string {
  return numberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', true, 0).format(n);
}

export interface I18n extends I18nState {
  t: (key: MessageKey, vars?: Vars) => string;
  /** a figure's value, in the analyst's chosen style (34,000,000 or 3400万) */
  num: (n: number | null | undefined) => string;
  /** a count of things in the UI, always plain */
  count: (n: number) => string;
}

const cache = new Map<string, I18n>();

/** The current language's translator; re-renders the component when the language changes. */
export function useI18n(): I18n {
  const state = useStore(i18nStore, (s) => s);
  const id = `${state.lang}:${state.numberStyle}`;
  let value = cache.get(id);
  if (!value) {
    value = {
      ...state,
      t: (key, vars) => translate(state.lang, key, vars),
      num: (n) => formatNumber(n, state.numberStyle, state.lang),
      count: (n) => formatCount(n, state.lang),
    };
    cache.set(id, value);
  }
  return value;
}

export function setLang(lang: Lang): void {
  i18nStore.patch({ lang });
}
export function setNumberStyle(numberStyle: NumberStyle): void {
  i18nStore.patch({ numberStyle });
}

export type { MessageKey } from './messages';
