/**
 * Numerals: Arabic (half/full width, thousands separators, decimals), Chinese (simplified,
 * traditional, financial forms), and mixtures such as 2万 / 4.52万 / 一点二亿.
 * Values are computed exactly: decimals are shifted as decimal strings, never multiplied as
 * floats (4.52万 = 45200, not 45199.99999999999).
 */
import { hasUnit, unitSet } from './unitset';

/** Chinese digit characters and their values. */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 洞: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 弍: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

/** Chinese place-value characters below 万. */
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};

/** Chinese section multipliers (exponent of ten). */
/** 兆 is 10^12 as Taiwan writes it (2兆7,190億); before 瓦, 赫 … it is a unit prefix, not read as a numeral. */
export const CN_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 兆: 12 };

/** 廿 = 20, 卅 = 30, 卌 = 40 (tens written as one character). */
const CN_TENS: Readonly<Record<string, number>> = { 廿: 20, 卅: 30, 卌: 40 };

/** Characters that can start a number in running text (the scanner's view). */
export function isNumeralStart(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true; // 0-9
  if (code >= 0xff10 && code <= 0xff19) return true; // ０-９
  return hasUnit(SCAN_CHARS, code);
}

/** Chinese numeral characters the scanner reads as part of a number (not 參, 洞, 幺: too ambiguous). */
const SCAN_CHARS = unitSet('零〇一壹二贰貳两兩三叁四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億兆廿卅');

export function isChineseNumeralCode(code: number): boolean {
  return hasUnit(SCAN_CHARS, code);
}

/** CN_DIGITS by UTF-16 unit (-1: not a Chinese digit). */
const CN_DIGIT_OF = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(CN_DIGITS)) CN_DIGIT_OF[ch.charCodeAt(0)] = v;

/** Value of the Chinese digit character with this UTF-16 unit (CN_DIGITS), or -1. */
export function cnDigitValue(code: number): number {
  return code < 0x10000 ? CN_DIGIT_OF[code] : -1;
}

export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** ASCII digit value of a half- or full-width digit code, or -1. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Shift a non-negative decimal string by 10^exp exactly and return it as a number. */
export function shiftDecimal(dec: string, exp: number): number {
  if (exp === 0) return Number(dec);
  let [intPart, frac = ''] = dec.split('.');
  if (exp > 0) {
    const take = frac.slice(0, exp).padEnd(exp, '0');
    intPart += take;
    frac = frac.slice(exp);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return Number(frac ? `${intPart}.${frac}` : intPart);
}

/** Normalise width, separators and decimal marks; returns null on characters outside a numeral. */
function normalise(s: string): string | null {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) { out += String(d); continue; }
    const ch = s[i];
    if (ch === ',' || ch === '，') {
      // thousands separator only between a digit and exactly three digits
      const prev = i > 0 ? digitValue(s.charCodeAt(i - 1)) : -1;
      let k = i + 1;
      while (k < n && digitValue(s.charCodeAt(k)) >= 0) k++;
      if (prev >= 0 && k - (i + 1) === 3) continue;
      return null;
    }
    if (ch === '.' || ch === '．' || ch === '点' || ch === '點') { out += '.'; continue; }
    if (ch === ' ' || ch === '\u00a0') continue;
    out += ch;
  }
  return out;
}

/**
 * Integer value of a Chinese (or mixed) numeral without decimal point, e.g. 一千二百三十四,
 * 两万, 3万5千, 二〇二四 (digit by digit), 一万五 (abbreviated 15000). Null if malformed.
 */
function parseIntegerNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let zhao = 0;
  let yi = 0;
  let acc = 0; // the part between 亿 and 万
  let section = 0; // below 万
  let num = 0;
  let hasNum = false;
  let digitRun = 0; // consecutive single digits (positional writing 二〇二四)
  let lastUnit = 0;
  let sawZero = false;
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      // a run of Arabic digits inside a Chinese numeral (3万5千)
      let j = i;
      while (j < s.length && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) j++;
      num = Number(s.slice(i, j));
      hasNum = true;
      digitRun = 0;
      i = j - 1;
      any = true;
      continue;
    }
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      let zeroPlaceholder = false;
      if (hasNum && digitRun > 0) {
        // positional writing (二〇二四) only without place values; after one, 零 may precede a digit
        if (lastUnit > 0 && num !== 0) return null;
        // 六千零三十八: 零 holds a place; the digit after it starts the next place value
        zeroPlaceholder = lastUnit > 0 && num === 0;
        num = num * 10 + d;
      } else num = d;
      if (d === 0) sawZero = true;
      hasNum = true;
      digitRun = zeroPlaceholder ? 1 : digitRun + 1;
      any = true;
      continue;
    }
    const tens = CN_TENS[ch];
    if (tens !== undefined) {
      section += tens;
      num = 0; hasNum = false; digitRun = 0; lastUnit = 10; sawZero = false; any = true;
      continue;
    }
    const u = CN_SMALL_UNITS[ch];
    if (u !== undefined) {
      if (hasNum && digitRun > 1) return null; // 二三百 is not a number we read
      section += (hasNum ? num : 1) * u;
      num = 0; hasNum = false; digitRun = 0; lastUnit = u; sawZero = false; any = true;
      continue;
    }
    const m = CN_MULTIPLIERS[ch];
    if (m !== undefined) {
      const part = section + (hasNum ? num : 0);
      if (m === 4) {
        acc += (part === 0 && acc === 0 && yi === 0 ? 1 : part) * 10000;
        lastUnit = 10000;
      } else if (m === 8) {
        yi = (yi + acc + part || 1) * 1e8;
        acc = 0;
        lastUnit = 1e8;
      } else {
        zhao = (zhao + yi + acc + part || 1) * 1e12;
        yi = 0;
        acc = 0;
        lastUnit = 1e12;
      }
      section = 0; num = 0; hasNum = false; digitRun = 0; sawZero = false; any = true;
      continue;
    }
    return null;
  }
  if (!any) return null;
  if (hasNum && digitRun === 1 && !sawZero && lastUnit >= 100 && num > 0) {
    // abbreviated forms: 一万五 = 15000, 三千五 = 3500, 两百五 = 250
    num *= lastUnit / 10;
  }
  return zhao + yi + acc + section + (hasNum ? num : 0);
}

/** Decimal-string value of a numeral core (no trailing 万/亿), or null. */
function coreToDecimal(core: string): string | null {
  if (/^\d+(\.\d+)?$/.test(core)) return core;
  const dot = core.indexOf('.');
  if (dot >= 0) {
    const ip = dot === 0 ? 0 : parseIntegerNumeral(core.slice(0, dot));
    if (ip === null) return null;
    let frac = '';
    for (const ch of core.slice(dot + 1)) {
      const c = ch.charCodeAt(0);
      if (c >= 0x30 && c <= 0x39) frac += ch;
      else if (CN_DIGITS[ch] !== undefined) frac += String(CN_DIGITS[ch]);
      else return null;
    }
    if (!frac) return null;
    return `${ip}.${frac}`;
  }
  const v = parseIntegerNumeral(core);
  return v === null ? null : String(v);
}

/**
 * Parses a numeral: 1234, １２, 3,400, 4.52万, 1.2亿, 两万, 一千二百三十四, 壹佰贰拾, 廿三,
 * 百分之九十七点五 (97.5), 二〇二四. Returns null if s is not a numeral.
 */
export function parseChineseNumber(input: string): number | null {
  let s = normalise(input.trim());
  if (s === null || s === '') return null;
  if (s.startsWith('百分之')) s = s.slice(3);
  else if (s.startsWith('千分之')) s = s.slice(3);
  if (s === '') return null;
  // trailing multipliers (万, 亿, 万亿) when the core itself has none: shift exactly
  let exp = 0;
  let end = s.length;
  while (end > 0) {
    const m = CN_MULTIPLIERS[s[end - 1]];
    if (m === undefined) break;
    exp += m;
    end--;
  }
  let core = s.slice(0, end);
  if (exp > 0 && core === '') core = '1';
  if (exp > 0) {
    let hasInner = false;
    for (const ch of core) if (CN_MULTIPLIERS[ch] !== undefined) { hasInner = true; break; }
    if (hasInner) { core = s; exp = 0; }
  }
  const dec = coreToDecimal(core);
  if (dec === null) return null;
  const v = shiftDecimal(dec, exp);
  return Number.isFinite(v) ? v : null;
}
