/**
 * Reads one figure at a position of the text: [prefix qualifier] number [qualifier] [万/亿]
 * [qualifier] [unit] [suffix qualifier], plus dates (2024年3月27日, 去年11月, 截至11月底) and
 * ranges (1-7月, 2021—2035年). Offsets here are UTF-16 indices; the detector converts them.
 */
import type { Approx, FigureKind, FigureNote } from '../schema';
import {
  DATE_PREFIXES, DATE_SUFFIXES, INFIX_QUALIFIERS, MULTIPLIERS, PAREN_UNITS, PREFIX_QUALIFIERS,
  RANGE_SEPARATORS, SUFFIX_QUALIFIERS, UNITS, WordSet, YEAR_SUFFIXES, foldCode, foldString, type UnitCategory,
} from './lexicon';
import { isWs } from './layout';
import { cnDigitValue, isChineseNumeralCode, isDigitCode, parseChineseNumber, shiftDecimal } from './numerals';
import { hasUnit, unitSet } from './unitset';

export interface NumberToken {
  start: number;
  end: number;
  text: string;
  value: number | null;
  /** contains an Arabic (half- or full-width) digit */
  hasDigits: boolean;
  /** the token is the single character 一 (or 壹): an article as often as a number */
  isOne: boolean;
  /** the token is only place values (百, 千, 万 …) with no digit */
  bare: boolean;
  /** written digit by digit with 4 digits (2024, 二〇二四): can be a year */
  yearLike: boolean;
}

export interface RawFigure {
  start: number;
  end: number;
  kind: FigureKind;
  value: number | null;
  value_to: number | null;
  unit: string | null;
  approx: Approx;
  unitCat: UnitCategory | null;
  token: NumberToken;
  metric?: string | null;
  /** why value is null (an uncertain reading) */
  note?: FigureNote;
}

const DOT = unitSet('.．');
const CN_POINT = unitSet('点點');
const PLACE = unitSet('十拾百佰千仟万萬亿億兆廿卅');
const CH_ZHAO = '兆'.charCodeAt(0);
/** after 兆: a unit prefix (兆瓦, 兆赫, 兆帕, 兆焦, 兆字节, 兆比特), not the numeral */
const ZHAO_UNIT = unitSet('瓦赫帕焦字比位欧伏');
const THOUSAND = unitSet('千仟');
const TEN = unitSet('十拾');
const OPEN_PAREN = unitSet([0xff08, 0x28]); // （ (
const CLOSE_PAREN = unitSet([0xff09, 0x29]); // ） )
const SLASH = unitSet('/／');
/** after 年初/年末/年底, a character that makes a word of the suffix instead (初步, 初心, 底线, 末端) */
const NOT_YEAR_END = unitSet('步心级期见始衷线气层部端尾');
/** what may follow the slash of a rate unit (元/吨, 公里/小时, 人/平方公里) */
const PER_UNIT = new Set<UnitCategory>(['measure', 'classifier', 'duration', 'month', 'day']);
const CH_GE = '个'.charCodeAt(0);
const CH_DUO = '多'.charCodeAt(0);
const CH_YEAR = '年'.charCodeAt(0);
const CH_MONTH = '月'.charCodeAt(0);
const CH_DU = '度'.charCodeAt(0);
const CH_DI = '第'.charCodeAt(0);
const NOT_NEAR = unitSet('最附临贴靠亲将接');
/** 万 萬 亿 億 */
const TEN_THOUSANDS = unitSet('万萬亿億兆');
/** 万 萬 亿 億 千 百 */
const PLACE_END = unitSet('万萬亿億兆千百');
const TRAILING_MULT = /[万萬亿億兆]+$/;
/** Longer digit runs are codes or noise, not quantities. */
const MAX_TOKEN = 40;

/** Value of text[i, j) if it is a short run of ASCII digits (the common case), else null. */
function asciiInteger(text: string, i: number, j: number): number | null {
  if (j - i > 15) return null;
  let v = 0;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return null;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** parseChineseNumber of every one-unit numeral (NaN: null), so the commonest tokens skip the parser. */
const SINGLE_VALUE = new Float64Array(0x10000).fill(NaN);
for (let c = 0; c < 0x10000; c++) {
  if (isDigitCode(c) || isChineseNumeralCode(c)) SINGLE_VALUE[c] = parseChineseNumber(String.fromCharCode(c)) ?? NaN;
}

function tokenValue(text: string, i: number, j: number, tokText: string): number | null {
  if (j - i === 1) {
    const v = SINGLE_VALUE[text.charCodeAt(i)];
    return Number.isNaN(v) ? null : v;
  }
  return asciiInteger(text, i, j) ?? parseChineseNumber(tokText);
}

/** Reads the maximal numeral token at i (i must be a numeral start), or null. */
export function readNumberToken(text: string, i: number): NumberToken | null {
  const n = text.length;
  let j = i;
  let hasDigits = false;
  let digitsOnly = true; // only digit characters (Arabic or Chinese), no place values
  let digitCount = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isDigitCode(c)) { hasDigits = true; digitCount++; j++; continue; }
    if (isChineseNumeralCode(c)) {
      // 兆 is a numeral only after a number and not before 瓦, 赫 … (兆瓦 is a unit)
      if (c === CH_ZHAO && (j === i || hasUnit(ZHAO_UNIT, text.charCodeAt(j + 1)))) break;
      // 120万千瓦, 30千米: 千 starting a unit of measure is the unit's, not a place value
      // (after Arabic digits only: 一千公頃 is a thousand hectares)
      if (j > i && hasDigits && hasUnit(THOUSAND, c) && UNITS.startsAt(text, j)?.value === 'measure') break;
      if (hasUnit(PLACE, c)) digitsOnly = false;
      else digitCount++;
      j++;
      continue;
    }
    if ((c === 0x2c || c === 0xff0c) && j > i && isDigitCode(text.charCodeAt(j - 1))) {
      let k = j + 1;
      while (k < n && isDigitCode(text.charCodeAt(k))) k++;
      if (k - (j + 1) === 3) {
        j = k;
        digitCount += 3;
        continue;
      }
      break;
    }
    if (hasUnit(DOT, c) && j > i && isDigitCode(text.charCodeAt(j - 1)) && j + 1 < n && isDigitCode(text.charCodeAt(j + 1))) {
      digitsOnly = false;
      j++;
      continue;
    }
    // 十八點三, 二十點六 (點 after a digit or 十, as Hong Kong writes rates)
    if (hasUnit(CN_POINT, c) && j > i && (cnDigitValue(text.charCodeAt(j - 1)) >= 0 || hasUnit(TEN, text.charCodeAt(j - 1))) && j + 1 < n && cnDigitValue(text.charCodeAt(j + 1)) >= 0) {
      digitsOnly = false;
      j++;
      continue;
    }
    break;
  }
  if (j === i) return null;
  if (j - i > MAX_TOKEN) return { start: i, end: j, text: '', value: null, hasDigits, isOne: false, bare: false, yearLike: false };
  const tokText = text.slice(i, j);
  const value = tokenValue(text, i, j, tokText);
  const isOne = tokText === '一' || tokText === '壹';
  // (十 alone is ten: 十年, 十個; 百, 千, 萬 alone are hundreds, thousands, myriads)
  let bare = !hasDigits && !(j - i === 1 && hasUnit(TEN, text.charCodeAt(i)));
  if (bare) for (let k = i; k < j; k++) if (cnDigitValue(text.charCodeAt(k)) >= 0) { bare = false; break; }
  return { start: i, end: j, text: tokText, value, hasDigits, isOne, bare, yearLike: digitsOnly && digitCount === 4 };
}

/** Unit at pos (longest match, with 人（次） → 人次 and 个多月 → 个月 + more). */
function readUnit(text: string, pos: number): { end: number; unit: string; cat: UnitCategory; more: boolean } | null {
  // 两个多月: 个 + 多 + a time unit
  if (text.charCodeAt(pos) === CH_GE && text.charCodeAt(pos + 1) === CH_DUO) {
    const t = UNITS.startsAt(text, pos + 2);
    if (t && (t.value === 'duration' || t.value === 'month')) {
      const unit = text[pos] + text.slice(pos + 2, pos + 2 + t.len);
      const cat: UnitCategory = t.value === 'month' ? 'duration' : t.value;
      return { end: pos + 2 + t.len, unit, cat, more: true };
    }
  }
  const m = UNITS.startsAt(text, pos);
  if (!m) return null;
  let end = pos + m.len;
  let unit = text.slice(pos, end);
  // 个月 etc. are durations; 个 + 月 never a date
  if (m.len === 1) {
    const allowed = PAREN_UNITS.get(foldCode(text.charCodeAt(pos)));
    if (allowed && hasUnit(OPEN_PAREN, text.charCodeAt(end)) && hasUnit(CLOSE_PAREN, text.charCodeAt(end + 2)) && allowed.has(foldCode(text.charCodeAt(end + 1)))) {
      unit += text[end + 1];
      end += 3;
    }
  }
  // a rate of two units: 32微克/立方米, 5000元/吨, 120公里/小时
  if (hasUnit(SLASH, text.charCodeAt(end)) && m.value !== 'percent' && m.value !== 'month' && m.value !== 'day' && m.value !== 'quarter') {
    const per = UNITS.startsAt(text, end + 1);
    if (per && PER_UNIT.has(per.value)) {
      unit = text.slice(pos, end + 1 + per.len);
      end += 1 + per.len;
    }
  }
  return { end, unit, cat: m.value, more: false };
}

function kindOf(cat: UnitCategory | null): FigureKind {
  switch (cat) {
    case 'money': return 'money';
    case 'percent': return 'percent';
    case 'duration': return 'duration';
    case 'month': case 'day': case 'quarter': return 'date';
    default: return 'count';
  }
}

const isInt = (v: number | null): v is number => v !== null && Number.isInteger(v);

/** Extends a date at pos: suffixes such as 底/初/份/上旬 after a month or day. */
function dateSuffix(text: string, pos: number): number {
  const s = DATE_SUFFIXES.startsAt(text, pos);
  return s ? pos + s.len : pos;
}

/** Reads a quarter after a year ([第]一季度, 第三季度) at pos, returning the end or -1. */
function readQuarter(text: string, pos: number): number {
  const p = text.charCodeAt(pos) === CH_DI ? pos + 1 : pos;
  if (!isNumeralAt(text, p)) return -1;
  const t = readNumberToken(text, p);
  if (!t || !isInt(t.value) || t.value < 1 || t.value > 4) return -1;
  const u = UNITS.startsAt(text, t.end);
  return u && u.value === 'quarter' ? t.end + u.len : -1;
}

/** Reads month [day] starting at pos (a numeral), returning the end or -1. */
function readMonthDay(text: string, pos: number): number {
  if (!isNumeralAt(text, pos)) return -1;
  const m = readNumberToken(text, pos);
  if (!m || !isInt(m.value) || m.value < 1 || m.value > 12 || text.charCodeAt(m.end) !== CH_MONTH) return -1;
  const end = m.end + 1;
  if (isNumeralAt(text, end)) {
    const d = readNumberToken(text, end);
    const c = d ? text[d.end] : '';
    if (d && isInt(d.value) && d.value >= 1 && d.value <= 31 && (c === '日' || c === '号' || c === '號')) return d.end + 1;
  }
  return dateSuffix(text, end);
}

export function isNumeralAt(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  return isDigitCode(c) || isChineseNumeralCode(c);
}

/** Prefix date words (去年, 截至 …) ending at start. */
function datePrefixStart(text: string, start: number): number {
  let s = start;
  for (let k = 0; k < 2; k++) {
    const p = DATE_PREFIXES.endsAt(text, s, Math.max(0, s - 3));
    if (!p) break;
    s -= p.len;
  }
  return s;
}

/**
 * Reads a figure whose number token is `tok`. Returns null when no figure stands there (the
 * caller decides about names). The result may be a date.
 */
export function readFigure(text: string, tok: NumberToken, inRange = false): RawFigure | null {
  if (tok.value === null) return null;
  let start = tok.start;
  let value = tok.value;
  let approx: Approx = null;

  const pre = PREFIX_QUALIFIERS.endsAt(text, start, Math.max(0, start - 4));
  // 近 in 最近, 附近 is no qualifier
  if (pre && !(pre.len === 1 && start >= 2 && hasUnit(NOT_NEAR, text.charCodeAt(start - 2)))) {
    approx = pre.value;
    start -= pre.len;
  }

  let pos = tok.end;
  // 3400余万元: qualifier between the number and the multiplier
  const infix = INFIX_QUALIFIERS.startsAt(text, pos);
  let afterInfix = pos;
  let infixApprox: Approx = null;
  if (infix) { afterInfix = pos + infix.len; infixApprox = infix.value; }
  const mult = tok.hasDigits || infix ? MULTIPLIERS.startsAt(text, afterInfix) : null;
  let multiplied = false;
  if (mult && (infix || !hasUnit(PLACE_END, tok.text.charCodeAt(tok.text.length - 1)))) {
    value = shiftDecimal(String(value), mult.value);
    pos = afterInfix + mult.len;
    approx ??= infixApprox;
    multiplied = true;
    const infix2 = INFIX_QUALIFIERS.startsAt(text, pos);
    if (infix2 && readUnit(text, pos + infix2.len)) { pos += infix2.len; approx ??= infix2.value; }
  } else if (infix && readUnit(text, afterInfix)) {
    pos = afterInfix;
    approx ??= infixApprox;
  }

  if (!inRange && !approx) {
    // 2018–19年度, 2022/23學年, 二零二一／二二年度: a fiscal or school year, a range of calendar years
    const fy = tok.yearLike ? readFiscalYear(text, tok, start) : null;
    if (fy) return fy;
    // 民國108年, 108年3月 (a Minguo year): a date whose value is never read as Gregorian
    const roc = tok.yearLike ? null : readMinguoYear(text, tok, start);
    if (roc) return roc;
  }

  // ranges: 1-7月, 2021—2035年, 3至5个
  if (!inRange) {
    const range = readRangeTail(text, tok, value, pos, start, approx);
    if (range) return range;
  }

  const u = readUnit(text, pos);
  if (!u) {
    const rate = multiplied ? null : readRateWord(text, tok, start, pos, approx);
    if (rate) return rate;
    // MOP 1,180億, 新臺幣300億, HK$10,000: the currency written before the amount is its unit
    // (約新臺幣300億: the qualifier before the number holds the currency)
    const cur = hasUnit(CURRENCY_LAST, solidBefore(text, tok.start)) ? CURRENCY_BEFORE.exec(text.slice(Math.max(0, tok.start - 24), tok.start)) : null;
    const cs = cur ? tok.start - cur[0].length : -1;
    // (not across a break before a line holding only the number, a page number: 新臺幣⏎300⏎億)
    if (cur && !/[A-Za-z]/.test(text.charAt(cs - 1)) && (start === tok.start || start <= cs) && !(cur[0].includes('\n') && /\s/.test(text.charAt(tok.end)))) {
      const pre2 = approx ? null : PREFIX_QUALIFIERS.endsAt(text, cs, Math.max(0, cs - 4));
      return { start: pre2 ? cs - pre2.len : Math.min(start, cs), end: pos, kind: 'money', value, value_to: null, unit: cur[1].replace(/\s+/g, ''), approx: pre2 ? pre2.value : approx, unitCat: 'money', token: tok };
    }
    if (multiplied || (tok.hasDigits && hasUnit(TEN_THOUSANDS, tok.text.charCodeAt(tok.text.length - 1)))) {
      return { start, end: pos, kind: 'count', value, value_to: null, unit: null, approx, unitCat: null, token: tok };
    }
    return null;
  }
  if (u.more) approx ??= 'more';

  // dates: 2024年3月27日, 2023年, 11月, 27日
  if (inRange) {
    return { start, end: u.end, kind: kindOf(u.cat === 'month' || u.cat === 'day' ? 'duration' : u.cat), value, value_to: null, unit: u.unit, approx, unitCat: u.cat, token: tok };
  }
  if (u.cat === 'duration' && u.unit.length === 1 && text.charCodeAt(pos) === CH_YEAR && tok.yearLike && isInt(value) && value >= 1000 && value < 3000 && !approx) {
    let end = u.end;
    const md = readMonthDay(text, end);
    const q = md > 0 ? -1 : readQuarter(text, end);
    let onlyYear = true;
    if (md > 0) { end = md; onlyYear = false; }
    else if (q > 0) { end = q; onlyYear = false; }
    else {
      const ys = YEAR_SUFFIXES.startsAt(text, end);
      // 2024年底, 2024年初 — but not 2024年初步 (初 starting a word)
      if (ys && !(ys.len === 1 && hasUnit(NOT_YEAR_END, text.charCodeAt(end + 1)))) end += ys.len;
    }
    const s = datePrefixStart(text, start);
    return { start: s, end, kind: 'date', value: onlyYear ? value : null, value_to: null, unit: onlyYear ? '年' : null, approx: null, unitCat: 'duration', token: tok };
  }
  if (u.cat === 'month') {
    if (!isInt(value) || value < 1 || value > 12 || approx) return null;
    const md = readMonthDay(text, tok.start);
    const end = md > 0 ? md : u.end;
    return { start: datePrefixStart(text, start), end, kind: 'date', value, value_to: null, unit: '月', approx: null, unitCat: 'month', token: tok };
  }
  if (u.cat === 'day') {
    if (u.unit !== '日' || !isInt(value) || value < 1 || value > 31 || approx) return null;
    return { start: datePrefixStart(text, start), end: u.end, kind: 'date', value, value_to: null, unit: '日', approx: null, unitCat: 'day', token: tok };
  }
  if (u.cat === 'quarter') {
    if (!isInt(value) || value < 1 || value > 4) return null;
    // 第二季度, 今年第二季度
    if (!approx && start > 0 && text.charCodeAt(start - 1) === CH_DI) start = datePrefixStart(text, start - 1);
    return { start, end: u.end, kind: 'date', value, value_to: null, unit: u.unit, approx: null, unitCat: 'quarter', token: tok };
  }

  // 23年度, 27年度: two digits before 年度 are a year (abbreviated or Minguo), never a length of
  // 23 years; which year is not certain, so the date has no value
  if (u.cat === 'duration' && u.end === pos + 1 && foldCode(text.charCodeAt(pos)) === CH_YEAR && text.charCodeAt(u.end) === CH_DU && tok.hasDigits && tok.end - tok.start === 2 && !approx) {
    return { start, end: u.end + 1, kind: 'date', value: null, value_to: null, unit: null, approx: null, unitCat: 'duration', token: tok };
  }
  let end = u.end;
  const suf = SUFFIX_QUALIFIERS.startsAt(text, end);
  // (一倍多: 多 after 倍 as after a length of time)
  if (suf && (suf.len > 1 || u.cat === 'duration' || u.unit === '倍')) {
    approx ??= suf.value;
    end += suf.len;
  }
  return { start, end, kind: kindOf(u.cat), value, value_to: null, unit: u.unit, approx, unitCat: u.cat, token: tok };
}

const CH_CHENG = '成'.charCodeAt(0);
const CH_ZHE = '折'.charCodeAt(0);
const CH_BAN = '半'.charCodeAt(0);
/** characters that make a word of 成 after a numeral (三成员 is not 30%: 成员), or of 折 (折合, 折算) */
const NOT_CHENG = unitSet('为员立果本效就功熟绩交长都型品分像形批套片群事全风器年千百万亿天日不药规');
const NOT_ZHE = unitSet('合算扣旧价返射腾叠中衷线损服抵');

/** a currency written before an amount that has no unit after it (MOP 1,180億, 新臺幣300億, HK$500) */
/** the last character of a currency written before an amount */
const CURRENCY_LAST = unitSet('幣币金P$B¥￥');
/** The character before `at`, past whitespace (NaN at the start). */
function solidBefore(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && isWs(text.charCodeAt(k))) k--;
  return text.charCodeAt(k);
}
// (letters may stand spaced apart, as in a letter-spaced line: M O P   1,180億, or a line may wrap)
const CURRENCY_BEFORE = /(新[臺台]幣|新台币|人民[幣币]|港[幣币]|澳[門门][幣币]|美金|M\s{0,3}O\s{0,3}P(?:\s{0,3}\$)?|H\s{0,3}K\s{0,3}\$|N\s{0,3}T\s{0,3}\$|U\s{0,3}S\s{0,3}\$|R\s{0,3}M\s{0,3}B|[¥￥])\s{0,3}$/;

/** a digit written as a tenth after 成 or in 八五折 (not 两/兩: 兩成 is 20%) */
const TENTH_DIGIT = unitSet('一二三四五六七八九壹贰貳叁肆伍陆陸柒捌玖');
const RATE_WORD = unitSet('成折');

/** 四成 (40%), 八折 (80% of the price): a rate written with 成/折, value as written. */
function readRateWord(text: string, tok: NumberToken, start: number, pos: number, approx: Approx): RawFigure | null {
  const c = text.charCodeAt(pos);
  if (c !== CH_CHENG && c !== CH_ZHE) return null;
  let v = tok.value;
  // 八五折, 九五折: the second digit is a tenth (8.5折)
  if (c === CH_ZHE && tok.end - tok.start === 2 && hasUnit(TENTH_DIGIT, text.charCodeAt(tok.start)) && hasUnit(TENTH_DIGIT, text.charCodeAt(tok.start + 1))) {
    v = cnDigitValue(text.charCodeAt(tok.start)) + cnDigitValue(text.charCodeAt(tok.start + 1)) / 10;
  }
  if (v === null || v <= 0 || v > 10 || tok.bare) return null;
  const next = foldCode(text.charCodeAt(pos + 1));
  if (hasUnit(c === CH_CHENG ? NOT_CHENG : NOT_ZHE, next)) return null;
  let end = pos + 1;
  let value = v;
  // 七成半: seven and a half tenths
  if (text.charCodeAt(end) === CH_BAN && Number.isInteger(v)) { value = v + 0.5; end++; }
  // 八成六, 三成五: the digit after 成 is a tenth (8.6成) — unless it starts a figure of its own
  // (三成五年內, 三成五十個) or another rate (一成二成)
  else if (c === CH_CHENG && Number.isInteger(v) && !tok.hasDigits && hasUnit(TENTH_DIGIT, text.charCodeAt(end)) && !isNumeralAt(text, end + 1) &&
    !hasUnit(RATE_WORD, text.charCodeAt(end + 1)) && !readUnit(text, end + 1) && !MULTIPLIERS.startsAt(text, end + 1)) {
    value = v + cnDigitValue(text.charCodeAt(end)) / 10;
    end++;
  }
  // 兩成至三成, 二至三折: a range of rates written with the rate word on both ends
  const sep = RANGE_SEPARATORS.startsAt(text, end);
  if (sep && isNumeralAt(text, end + sep.len)) {
    const t2 = readNumberToken(text, end + sep.len);
    const hi = t2 && t2.hasDigits === tok.hasDigits && text.charCodeAt(t2.end) === c ? readRateWord(text, t2, t2.start, t2.end, null) : null;
    if (hi && hi.value !== null && hi.value > value && hi.value_to === null) return { ...hi, start, kind: 'range', value, value_to: hi.value, approx: approx ?? hi.approx, token: tok };
  }
  const suf = SUFFIX_QUALIFIERS.startsAt(text, end);
  if (suf && suf.len > 1) { approx ??= suf.value; end += suf.len; }
  return { start, end, kind: 'percent', value, value_to: null, unit: text[pos], approx, unitCat: 'percent', token: tok };
}

const CH_FEN = '分'.charCodeAt(0);
const CH_ZHI = '之'.charCodeAt(0);

/** before or after a time of day (三點三分一刻, 五分一秒): 分 is a minute there */
const CLOCK_BEFORE = unitSet('点點时時');
const CLOCK_AFTER = unitSet('刻秒钟鐘');

/**
 * 三分一, 四分三 (Hong Kong and Macau write fractions without 之): a digit of two to nine, 分, and
 * a smaller digit that no other numeral follows — not 十分一致 (very), not a time (三點三分一刻).
 */
function shortFraction(text: string, tok: NumberToken): boolean {
  if (tok.hasDigits || tok.end - tok.start !== 1 || text.charCodeAt(tok.end) !== CH_FEN) return false;
  const den = cnDigitValue(text.charCodeAt(tok.start));
  const num = cnDigitValue(text.charCodeAt(tok.end + 1));
  if (den < 2 || num < 1 || num >= den || !hasUnit(TENTH_DIGIT, text.charCodeAt(tok.end + 1))) return false;
  const before = text.charCodeAt(tok.start - 1);
  const after = text.charCodeAt(tok.end + 2);
  return !isNumeralAt(text, tok.start - 1) && !hasUnit(CLOCK_BEFORE, foldCode(before)) && !isNumeralAt(text, tok.end + 2) && !hasUnit(CLOCK_AFTER, foldCode(after));
}

/** 三分之一, 1/10 at tok: a fraction, kind percent with the decimal value and no unit; else null. */
export function readFraction(text: string, tok: NumberToken): RawFigure | null {
  const den = tok.value;
  if (den === null || den <= 0) return null;
  let p: number;
  let slash = false;
  if (text.charCodeAt(tok.end) === CH_FEN && text.charCodeAt(tok.end + 1) === CH_ZHI) p = tok.end + 2;
  else if (tok.hasDigits && hasUnit(SLASH, text.charCodeAt(tok.end))) { p = tok.end + 1; slash = true; }
  else if (shortFraction(text, tok)) p = tok.end + 1;
  else return null;
  if (!isNumeralAt(text, p)) return null;
  const t2 = readNumberToken(text, p);
  if (!t2 || t2.value === null || t2.hasDigits !== tok.hasDigits) return null;
  let num = t2.value;
  let value: number;
  let perMille = false;
  if (slash) {
    // 1/10: numerator first; not a date (10/11月), a code or a fiscal year
    num = den;
    const d2 = t2.value;
    if (!Number.isInteger(num) || !Number.isInteger(d2) || num >= d2 || d2 > 1000) return null;
    const after = text.charCodeAt(t2.end);
    if (isNumeralAt(text, t2.end) || hasUnit(SLASH, after) || UNITS.startsAt(text, t2.end) || hasUnit(DOT, text.charCodeAt(tok.start - 1)) || hasUnit(SLASH, text.charCodeAt(tok.start - 1))) return null;
    value = num / d2;
  } else {
    // 千分之三點五: a rate per mille, as written (like 百分之N and 3.5‰)
    if (den === 1000 && tok.end - tok.start === 1 && hasUnit(THOUSAND, text.charCodeAt(tok.start))) perMille = true;
    value = perMille ? num : num / den;
    if (!perMille && value > 1) return null;
  }
  let start = tok.start;
  let approx: Approx = null;
  const pre = PREFIX_QUALIFIERS.endsAt(text, start, Math.max(0, start - 3));
  if (pre && !(pre.len === 1 && start >= 2 && hasUnit(NOT_NEAR, text.charCodeAt(start - 2)))) { approx = pre.value; start -= pre.len; }
  let end = t2.end;
  const suf = SUFFIX_QUALIFIERS.startsAt(text, end);
  if (suf && suf.len > 1) { approx ??= suf.value; end += suf.len; }
  return { start, end, kind: 'percent', value, value_to: null, unit: perMille ? '‰' : null, approx, unitCat: 'percent', token: tok };
}

/** before a bracketed year: 本(112)年度, 上（111）年度, 下(113)年 */
const BRACKET_YEAR_LEAD = unitSet('本上下前去今明该該');

/**
 * 本(112)年度, 上（111）年度: a Minguo (ROC) year in brackets after the word it stands for, as
 * Taiwan budgets write it — a date whose value is null (never read as Gregorian), or null.
 */
export function readBracketYear(text: string, tok: NumberToken): RawFigure | null {
  const v = tok.value;
  if (!tok.hasDigits || !isInt(v) || v < 1 || v > 200 || tok.end - tok.start > 3) return null;
  if (!hasUnit(OPEN_PAREN, text.charCodeAt(tok.start - 1)) || !hasUnit(CLOSE_PAREN, text.charCodeAt(tok.end))) return null;
  if (!hasUnit(BRACKET_YEAR_LEAD, foldCode(text.charCodeAt(tok.start - 2))) || foldCode(text.charCodeAt(tok.end + 1)) !== CH_YEAR) return null;
  const end = tok.end + (text.charCodeAt(tok.end + 2) === CH_DU ? 3 : 2);
  return { start: tok.start - 2, end, kind: 'date', value: null, value_to: null, unit: null, approx: null, unitCat: 'duration', token: tok, note: { code: 'minguo-year', params: { year: v } } };
}

const FISCAL_SEPARATORS = unitSet('/／-－–—~～至到');
const CH_XUE = '学'.charCodeAt(0);
const CH_CAI = '财'.charCodeAt(0);
const CH_ZHENG = '政'.charCodeAt(0);
/** 民国, 中华民国 (folded) before a year */
const MINGUO = new WordSet<true>([['民国', true], ['中华民国', true]]);

/** Whether the text of this document dates years by the Minguo (ROC) calendar; set by the detector per document. */
let minguoDocument = false;
export function setMinguoDocument(on: boolean): void {
  minguoDocument = on;
}

/** 年度, 学年, 财政年度 at pos (folded): [end, unit], or null. */
function fiscalSuffix(text: string, pos: number): [number, string] | null {
  const c = foldCode(text.charCodeAt(pos));
  if (c === CH_YEAR && text.charCodeAt(pos + 1) === CH_DU) return [pos + 2, '年度'];
  if (c === CH_XUE && foldCode(text.charCodeAt(pos + 1)) === CH_YEAR) return [pos + 2, text.slice(pos, pos + 2)];
  if (c === CH_CAI && foldCode(text.charCodeAt(pos + 1)) === CH_ZHENG && foldCode(text.charCodeAt(pos + 2)) === CH_YEAR && text.charCodeAt(pos + 3) === CH_DU) return [pos + 4, '年度'];
  return null;
}

/** A fiscal or school year written as two years (2018–19年度, 2022/23學年), or null. */
function readFiscalYear(text: string, tok: NumberToken, start: number): RawFigure | null {
  const lo = tok.value;
  if (!isInt(lo) || lo < 1900 || lo > 2200 || !hasUnit(FISCAL_SEPARATORS, text.charCodeAt(tok.end))) return null;
  const p2 = tok.end + 1;
  if (!isNumeralAt(text, p2)) return null;
  const t2 = readNumberToken(text, p2);
  if (!t2 || !isInt(t2.value) || t2.hasDigits !== tok.hasDigits) return null;
  let hi: number;
  if (t2.yearLike) hi = t2.value;
  else if (t2.end - t2.start === 2 && (t2.hasDigits || cnDigitValue(text.charCodeAt(p2)) >= 0 && cnDigitValue(text.charCodeAt(p2 + 1)) >= 0)) {
    hi = lo - (lo % 100) + t2.value;
    if (hi < lo) hi += 100;
  } else return null;
  if (hi <= lo || hi - lo > 5) return null;
  // 2017-18年, 二零二七／二八年: the second year abbreviated before 年 is a range of years too,
  // never a length of 18 years (a full second year, 2017—2018年, is read as a range elsewhere)
  const suf = fiscalSuffix(text, t2.end) ?? (!t2.yearLike && foldCode(text.charCodeAt(t2.end)) === CH_YEAR ? [t2.end + 1, '年'] as [number, string] : null);
  if (!suf) {
    // 2022-23至2031-32年度: a span of fiscal years, from the first to the last
    const sep = RANGE_SEPARATORS.startsAt(text, t2.end);
    if (!sep || !isNumeralAt(text, t2.end + sep.len) || inFiscalSpan) return null;
    const t3 = readNumberToken(text, t2.end + sep.len);
    if (!t3 || !t3.yearLike) return null;
    inFiscalSpan = true;
    const last = readFiscalYear(text, t3, t3.start);
    inFiscalSpan = false;
    if (!last || last.value === null || last.value <= lo) return null;
    return { ...last, start, value: lo, token: tok };
  }
  return { start, end: suf[0], kind: 'range', value: lo, value_to: hi, unit: suf[1], approx: null, unitCat: 'duration', token: tok };
}
let inFiscalSpan = false;

/** parts of a year after 年 (folded) */
const YEAR_PARTS = new WordSet<true>([['全年', true], ['上半年', true], ['下半年', true], ['第一季', true], ['第二季', true], ['第三季', true], ['第四季', true]]);

/** A Minguo year: 民國108年, or 108年 with a month, or in a document dated by the Minguo calendar. */
function readMinguoYear(text: string, tok: NumberToken, start: number): RawFigure | null {
  const v = tok.value;
  if (!isInt(v) || v < 1 || v > 200 || foldCode(text.charCodeAt(tok.end)) !== CH_YEAR) return null;
  // 民國⏎108年: a line break kept after the era
  const eraEnd = text.charCodeAt(start - 1) === 0x0a ? start - 1 : start;
  const era = MINGUO.endsAt(text, eraEnd, Math.max(0, eraEnd - 4));
  const md = readMonthDay(text, tok.end + 1);
  const fiscal = text.charCodeAt(tok.end + 1) === CH_DU;
  const digits = tok.end - tok.start;
  // 112年度 is a year (Minguo or abbreviated), never a length of 112 years
  // 113年底, 112年全年, 113年1-6月, 112年上半年: a year of three digits with a part of the year
  // after it is a Minguo year (no length of 113 years has an end or a first half)
  const part = v > 100 && (YEAR_SUFFIXES.startsAt(text, tok.end + 1) || isDigitCode(text.charCodeAt(tok.end + 1)) || YEAR_PARTS.startsAt(text, tok.end + 1));
  if (!era && !(v >= 38 && (fiscal || (md > 0 && tok.hasDigits))) && !(minguoDocument && v >= 38 && (digits === 3 || v >= 100)) && !part) return null;
  let end = md > 0 ? md : tok.end + 1;
  if (md <= 0) {
    const ys = YEAR_SUFFIXES.startsAt(text, end);
    if (ys && !(ys.len === 1 && hasUnit(NOT_YEAR_END, text.charCodeAt(end + 1)))) end += ys.len;
  }
  const s = era ? eraEnd - era.len : datePrefixStart(text, start);
  return { start: s, end, kind: 'date', value: null, value_to: null, unit: null, approx: null, unitCat: 'duration', token: tok, note: { code: 'minguo-year', params: { year: v } } };
}

/** After the first number (and its qualifiers) at pos: "-7月", "—2035年", "至5个"? */
function readRangeTail(text: string, tok: NumberToken, low: number, pos: number, start: number, approx: Approx): RawFigure | null {
  // the first number may carry the same unit: 3月至5月, 2023年至2025年
  let sepPos = pos;
  const u1 = readUnit(text, pos);
  if (u1) sepPos = u1.end;
  const sep = RANGE_SEPARATORS.startsAt(text, sepPos);
  if (!sep) return null;
  const p2 = sepPos + sep.len;
  if (!isNumeralAt(text, p2)) return null;
  const tok2 = readNumberToken(text, p2);
  if (!tok2 || tok2.value === null || tok2.hasDigits !== tok.hasDigits) return null;
  const second = readFigure(text, tok2, true);
  if (!second || second.unit === null || second.value === null) return null;
  if (u1 && foldString(u1.unit) !== foldString(second.unit)) return null;
  // 3-5万元: the multiplier written once applies to both ends
  let lo = low;
  if (!u1 && lo === tok.value && !TRAILING_MULT.test(tok.text)) {
    let exp = 0;
    const tm = TRAILING_MULT.exec(tok2.text);
    if (tm) for (const ch of tm[0]) exp += ch === '万' || ch === '萬' ? 4 : ch === '兆' ? 12 : 8;
    if (second.value !== tok2.value && tok2.value) exp += Math.round(Math.log10(second.value / tok2.value));
    if (exp > 0) lo = shiftDecimal(String(low), exp);
  }
  if (lo > second.value) return null;
  // 112至113年度, 112-113年 in a Taiwan report: a span of Minguo years, never years 112 to 113
  if (second.unit === '年' && tok.hasDigits && isInt(lo) && lo > 100 && lo <= 200 && second.value <= 200 && (minguoDocument || text.charCodeAt(second.end) === CH_DU)) {
    const end = second.end + (text.charCodeAt(second.end) === CH_DU ? 1 : 0);
    return { start, end, kind: 'range', value: null, value_to: null, unit: null, approx: null, unitCat: 'duration', token: tok, note: { code: 'minguo-year', params: { year: lo } } };
  }
  // 2023—2024年度: the year suffix goes with the range
  if (second.unit === '年' && tok.yearLike && text.charCodeAt(second.end) === CH_DU) second.end++;
  return { start, end: second.end, kind: 'range', value: lo, value_to: second.value, unit: second.unit, approx: approx ?? second.approx, unitCat: second.unitCat, token: tok };
}


/** 百分之九十七点五 at i (i points at 百): a percent figure, or null. */
export function readPercentWord(text: string, i: number): RawFigure | null {
  if (!(text.startsWith('百分之', i))) return null;
  const p = i + 3;
  if (!isNumeralAt(text, p)) return null;
  const tok = readNumberToken(text, p);
  if (!tok || tok.value === null) return null;
  let end = tok.end;
  let approx: Approx = null;
  const pre = PREFIX_QUALIFIERS.endsAt(text, i, Math.max(0, i - 3));
  const start = pre ? i - pre.len : i;
  if (pre) approx = pre.value;
  const hi = percentRangeEnd(text, tok);
  if (hi) end = hi.end;
  const suf = SUFFIX_QUALIFIERS.startsAt(text, end);
  if (suf && suf.len > 1) { approx ??= suf.value; end += suf.len; }
  return { start, end, kind: hi ? 'range' : 'percent', value: tok.value, value_to: hi ? hi.value : null, unit: '%', approx, unitCat: 'percent', token: { ...tok, start: i, bare: false } };
}

/**
 * 百分之三點五至五點五, 百分之三至百分之五: the high end of a range of rates after the number of
 * 百分之 (tok), or null. Not when the second number goes on as an amount (百分之六至七千六百一十億元:
 * a rate, then the level reached) or is not above the first.
 */
function percentRangeEnd(text: string, tok: NumberToken): { end: number; value: number } | null {
  const sep = RANGE_SEPARATORS.startsAt(text, tok.end);
  if (!sep || tok.value === null || tok.hasDigits) return null;
  let p = tok.end + sep.len;
  if (text.startsWith('百分之', p)) p += 3;
  if (!isNumeralAt(text, p)) return null;
  const t2 = readNumberToken(text, p);
  if (!t2 || t2.value === null || t2.hasDigits || t2.value <= tok.value || t2.value > 100) return null;
  // (a qualifier may close the range: 百分之十至二十多)
  const after = INFIX_QUALIFIERS.startsAt(text, t2.end);
  const q = after ? t2.end + after.len : t2.end;
  if (isNumeralAt(text, t2.end) || MULTIPLIERS.startsAt(text, q) || readUnit(text, q) || hasUnit(RATE_WORD, text.charCodeAt(t2.end))) return null;
  return { end: t2.end, value: t2.value };
}

