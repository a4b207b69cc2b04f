/**
 * Parsing what the analyst types into a figure's value field ("3400万" → 34000000) and what they
 * select as a manual figure. A thin adapter over `parseFigureText` / `parseChineseNumber` from
 * core/figures, with a local parser for what they do not read (e.g. a qualifier before the number).
 */
import { parseChineseNumber, parseFigureText } from '../../../../core/figures';
import type { Approx, FigureKind } from '../../../../core/schema';

export interface ParsedFigure {
  value: number | null;
  valueTo: number | null;
  unit: string | null;
  approx: Approx;
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const NUMERAL_RE = /^[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]+/;

/** 两万 → 20000, 十二 → 12, 一千二百三十四 → 1234, 二〇二四 → 2024; null if not a numeral. */
export function chineseNumeral(s: string): number | null {
  if (!s || !NUMERAL_RE.test(s) || NUMERAL_RE.exec(s)![0] !== s) return null;
  const hasUnit = /[十拾百佰千仟万亿]/.test(s);
  if (!hasUnit) {
    let v = 0;
    for (const ch of s) v = v * 10 + DIGIT[ch];
    return v;
  }
  let total = 0;
  let section = 0;
  let number = 0;
  let seenDigit = false;
  for (const ch of s) {
    if (ch in DIGIT) {
      number = DIGIT[ch];
      seenDigit = true;
    } else if (ch in SMALL) {
      section += (seenDigit ? number : 1) * SMALL[ch];
      number = 0;
      seenDigit = false;
    } else if (ch === '万') {
      total += (section + number || 1) * 1e4;
      section = 0;
      number = 0;
      seenDigit = false;
    } else if (ch === '亿') {
      total = (total + section + number || 1) * 1e8;
      section = 0;
      number = 0;
      seenDigit = false;
    }
  }
  return total + section + number;
}

function normalise(s: string): string {
  return s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/％/g, '%')
    .replace(/(\d)[,，](?=\d{3})/g, '$1')
    .replace(/\s+/g, '');
}

const PREFIX: [RegExp, Approx][] = [
  [/^(约|大约|大概)/, 'about'],
  [/^(近|不到|不足|将近)/, 'less'],
  [/^(超过|超|逾|多达|达到|达)/, 'more'],
];
const MULT: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2, 十: 10 };

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Parses one number with its multipliers at the start of s. */
function leadingNumber(s: string): { value: number; rest: string; approx: Approx } | null {
  let approx: Approx = null;
  let value: number;
  let rest: string;
  const pct = /^百分之(.+)$/.exec(s);
  if (pct) {
    const inner = leadingNumber(pct[1]);
    return inner ? { value: inner.value, rest: `%${inner.rest}`, approx: inner.approx } : null;
  }
  const m = /^\d+(?:\.\d+)?/.exec(s);
  if (m) {
    value = Number(m[0]);
    rest = s.slice(m[0].length);
  } else {
    const c = NUMERAL_RE.exec(s);
    if (!c) return null;
    // take the longest prefix that is a numeral
    let text = c[0];
    let v = chineseNumeral(text);
    while (v === null && text.length > 1) {
      text = text.slice(0, -1);
      v = chineseNumeral(text);
    }
    if (v === null) return null;
    value = v;
    rest = s.slice(text.length);
  }
  // qualifier between the number and its multiplier: 3400余万元
  const q = /^(余|多)/.exec(rest);
  if (q) {
    approx = 'more';
    rest = rest.slice(q[0].length);
  }
  for (;;) {
    const mm = /^(万|亿)/.exec(rest);
    if (!mm || !m) break; // Chinese numerals fold 万/亿 themselves
    value *= MULT[mm[0]];
    rest = rest.slice(1);
  }
  if (!q) {
    const q2 = /^(余|多)/.exec(rest);
    if (q2) {
      approx = 'more';
      rest = rest.slice(q2[0].length);
    }
  }
  return { value: round(value), rest, approx };
}

/** The local parser (used until core/figures exports parseFigureText). */
export function parseFigureLocal(input: string): ParsedFigure | null {
  let s = normalise(input);
  if (!s) return null;
  let approx: Approx = null;
  for (const [re, a] of PREFIX) {
    const m = re.exec(s);
    if (m) {
      approx = a;
      s = s.slice(m[0].length);
      break;
    }
  }
  const first = leadingNumber(s);
  if (!first) return null;
  approx = first.approx ?? approx;
  let rest = first.rest;
  let valueTo: number | null = null;
  const range = /^(-|—|－|–|~|～|至|到)/.exec(rest);
  if (range) {
    const second = leadingNumber(rest.slice(range[0].length));
    if (second) {
      valueTo = second.value;
      rest = second.rest;
    }
  }
  const suffix = /(左右|以上|以下|之多)$/.exec(rest);
  if (suffix) {
    approx = suffix[1] === '左右' ? 'about' : suffix[1] === '以下' ? 'less' : 'more';
    rest = rest.slice(0, -suffix[1].length);
  }
  rest = rest.replace(/^[（(]/, '').replace(/[（()）]/g, '');
  return { value: first.value, valueTo, unit: rest.length > 0 ? rest : null, approx };
}

/** Parses a figure's text: core/figures first, then the local parser. */
export function parseFigureInput(input: string): ParsedFigure | null {
  try {
    const r = parseFigureText(input);
    if (r && r.value !== null) return { value: r.value, valueTo: r.value_to, unit: r.unit, approx: r.approx };
  } catch {
    // fall back to the local parser
  }
  const local = parseFigureLocal(input);
  if (local) return local;
  try {
    const v = parseChineseNumber(input.trim());
    if (v !== null && Number.isFinite(v)) return { value: v, valueTo: null, unit: null, approx: null };
  } catch {
    // not a number
  }
  return null;
}

/** The detector's kind for a figure text, when core/figures reads it. */
export function coreKind(input: string): FigureKind | null {
  try {
    return parseFigureText(input)?.kind ?? null;
  } catch {
    return null;
  }
}

/** A value typed into the value field: "3400万" → 34000000, "97.5%" → 97.5; null if not a number. */
export function parseValueInput(input: string): number | null {
  const p = parseFigureInput(input);
  return p ? p.value : null;
}

/** Guesses a figure's kind from its text (for manual figures). */
export function guessKind(text: string): FigureKind {
  const k = coreKind(text);
  if (k) return k;
  const s = normalise(text);
  if (/%|百分点|百分之/.test(s)) return 'percent';
  if (/元/.test(s)) return 'money';
  if (/^\d+(\.\d+)?[-—－–~～至到]\d+/.test(s)) return 'range';
  if (/(个月|周|天|小时|年间|年来|日内|月内|年内)/.test(s) && !/\d{4}年/.test(s)) return 'duration';
  if (/(\d{4}年|\d+月|\d+日|月底|年底)/.test(s)) return 'date';
  if (!/[\d零〇一二两三四五六七八九十百千万亿]/.test(s)) return 'name';
  return 'count';
}
