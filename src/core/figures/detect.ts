/**
 * The figure detector: one left-to-right pass over the text. At each numeral it decides, in
 * order: fixed word (ignored or a name), 百分之…, session/ordinal/level name, quantity or date;
 * quotations decide between slogans (names) and quoted figures. Linear in the text length:
 * every look-around is bounded by a few characters.
 */
import type { Figure, FigureNoteCode } from '../schema';
import { OffsetMap } from '../text';
import { CHAR_CLASS, C_ASTRAL, C_NUMERAL, C_QUOTE, QUOTE_PAIRS } from './charclass';
import { DURATION_CUES_AFTER, DURATION_CUES_BEFORE, FREQUENCY_PREFIXES, UNITS, WordSet, buildFixedIndex, foldCode } from './lexicon';
import { type Layout, compactLayout, hasUncertain, isWs, toOriginal, toOriginalEnd } from './layout';
import { assignMetrics } from './metric';
import { readName } from './names';
import { isChineseNumeralCode } from './numerals';
import { type NumberToken, type RawFigure, readBracketYear, readFigure, readNumberToken, readFraction, readPercentWord, setMinguoDocument } from './read';
import { hasUnit, unitSet } from './unitset';

const FIXED = buildFixedIndex((c) => isChineseNumeralCode(c) || (c >= 0x30 && c <= 0x39));
/** A quotation longer than this is not a slogan. */
const QUOTE_SCAN = 40;
/** Quotations up to this many characters are names when they hold a numeral. */
const SLOGAN_MAX = 12;
/** Quoted Chinese numerals are figures only in quotations at least this long (sentences). */
const QUOTED_SENTENCE_MIN = 10;

const CH_BAI = '百'.charCodeAt(0);
/** 0.5, ０．５: a leading zero before a decimal point */
const DOT_AFTER_ZERO = /^[0０][.．]/;
const CIRCLE_ZERO = /(?<=[〇零○◯一二三四五六七八九十])[○◯]|[○◯](?=[〇零○◯一二三四五六七八九])/g;
const MINGUO_MARK = /民[國国]\s*(?:\d{2,3}|[〇零一二三四五六七八九十百]+)\s*年/;
/** 本(113)年度: a Minguo year in brackets */
const BRACKET_MINGUO = /[（(]\s*1\d\d\s*[)）]\s*年/;
/** a Taiwan report: 民國108年, 新臺幣, 行政院, 立法院, 本(113)年度 (each looked for on its own: one expression with all of them is slow) */
const isTaiwanReport = (text: string): boolean =>
  MINGUO_MARK.test(text) || text.includes('新臺幣') || text.includes('新台幣') || text.includes('新台币') || text.includes('行政院') || text.includes('立法院') || BRACKET_MINGUO.test(text);
const CH_DI = '第'.charCodeAt(0);
const CH_JI = '级'.charCodeAt(0);
const CH_NEI = '内'.charCodeAt(0);
const CH_FEN = '分'.charCodeAt(0);
const CH_ZHI = '之'.charCodeAt(0);
const CH_QI = '期'.charCodeAt(0);
const CH_ZHE = '折'.charCodeAt(0);
const CH_DAI = '代'.charCodeAt(0);
const CH_MEI = '每'.charCodeAt(0);
const POWER_OF_TEN = new Set([10, 100, 1000, 10000, 100000, 1000000]);
/** after 代: words of their own (2020年代表大会, 代替, 代理), not a decade (folded) */
const DAI_WORD = unitSet('表替理办管为价言码谢购建偿扣收缴课销际偿步');
const CH_BIAO = '表'.charCodeAt(0);
/** before 一: it is an article (每一个, 另一个, 下一期, 这一项) */
const DETERMINERS = unitSet('每另下上本同逐任某这那其单唯');
/** after N期: 期间 (during), 期限, 期待 … */
const NOT_QI = unitSet('间限待望盼末初满刊');
const PHASE_NOUNS = new WordSet<true>(['工程', '项目', '发展', '开发', '建设', '扩建', '用地', '园区', '计划', '工地', '主体', '地块', '厂房', '大楼', '公屋', '屋邨', '校舍', '设施', '线路', '规划', '改造'].map((w) => [w, true] as [string, true]));
const REF_MARK = unitSet('图');

/** 圖 5, 附表 3, 表 2 at the start of a line: a numeral that refers to a figure or table. */
function isReference(text: string, start: number): boolean {
  const p = foldCode(text.charCodeAt(start - 1));
  if (hasUnit(REF_MARK, p)) return true;
  if (p !== CH_BIAO) return false;
  const q = text.charCodeAt(start - 2);
  return !(q >= 0x3400 && q <= 0x9fff) || q === 0x9644; // 附表
}
const PHRASE_END = unitSet('，；。：！？,;:!?、\n\r）)”');

interface Quote {
  open: number;
  close: number; // index of the closing mark
  hasNumeral: boolean;
  hadQuantity: boolean;
  names: RawFigure[];
}

const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
const isIdeograph = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

function nameFigure(start: number, end: number, tok: NumberToken): RawFigure {
  return { start, end, kind: 'name', value: null, value_to: null, unit: null, approx: null, unitCat: null, token: tok, metric: null };
}

/** An amount, a rate or a number of things (not one) that may follow 每年, 每月 … */
function perPeriod(fig: RawFigure): boolean {
  if (fig.value === null) return false;
  if (fig.kind === 'money' || fig.kind === 'percent' || (fig.kind === 'range' && (fig.unitCat === 'money' || fig.unitCat === 'percent'))) return true;
  return fig.kind === 'count' && (fig.unitCat === 'classifier' || fig.unitCat === 'measure') && !fig.token.isOne && fig.value !== 1;
}

/** Whether a quantity read at tok should be reported (the 一 rule, bare place values, context). */
function acceptQuantity(text: string, fig: RawFigure, quote: Quote | null): boolean {
  const tok = fig.token;
  // (a currency written in Latin letters before the amount is its unit: MOP3,795億)
  if ((isLatin(text.charCodeAt(tok.start - 1)) && !(fig.kind === 'money' && fig.start < tok.start)) || isLatin(text.charCodeAt(fig.end))) return false;
  // 每周一次, 每月1日, 每年3月: a frequency or a recurring day, not a figure — but an amount, a
  // rate or a number of things per period is one (每月3,000元, 每年百分之三, 每年約8 000個)
  if (FREQUENCY_PREFIXES.endsAt(text, fig.start, Math.max(0, fig.start - 3)) && !perPeriod(fig)) return false;
  if (fig.kind === 'date') return !tok.bare && !quote;
  // (a span of Minguo years has no value but is a figure: 112至113年度)
  if (fig.value === null) return fig.note?.code === 'minguo-year';
  // 每千人口, 每10万人, 每百户: the denominator of a rate, not a count
  if (fig.kind === 'count' && text.charCodeAt(fig.start - 1) === CH_MEI && POWER_OF_TEN.has(fig.value)) return false;
  if (quote && !tok.hasDigits && quote.close - quote.open - 1 < QUOTED_SENTENCE_MIN) return false;
  const cat = fig.unitCat;
  if (tok.bare) {
    // 百名, 千人: a bare place value counts people or things, never money, time or places
    return cat === 'classifier' || cat === 'measure' || cat === 'verbal';
  }
  // 每一個, 另一個, 下一期: an article after a determiner
  if (tok.isOne && hasUnit(DETERMINERS, foldCode(text.charCodeAt(tok.start - 1)))) return false;
  if (tok.isOne && fig.kind !== 'range') {
    switch (cat) {
      case 'percent': case 'money': case 'measure': return true;
      case 'duration':
        // 一年以內: the closing 以內 is the figure's own qualifier
        return !!(DURATION_CUES_BEFORE.endsAt(text, fig.start, Math.max(0, fig.start - 3)) || DURATION_CUES_AFTER.startsAt(text, fig.end) || (fig.approx === 'less' && foldCode(text.charCodeAt(fig.end - 1)) === CH_NEI));
      case 'classifier': case 'verbal':
        // 一项重点工作 is an article; 开展专题询问一次。 is a count
        return fig.end >= text.length || hasUnit(PHRASE_END, text.charCodeAt(fig.end));
      default: return false;
    }
  }
  return true;
}

/** place values that do not start a number written alone after digits (38⏎萬宗, 68⏎萬2,300人) */
const PLACE_START = unitSet('百千万萬亿億兆');

/**
 * Whitespace left in the compact view between the number and a digit before it, or between a
 * figure ending in its number and a digit (or , or .) after it: the view keeps such breaks only
 * where it cannot tell (a page number between), so the number may be cut.
 */
function cutByBreak(text: string, tok: NumberToken, end: number): boolean {
  // (across a blank line there are two paragraphs — the cells of a table — not one number cut)
  const first = text.charCodeAt(tok.start);
  const digitFirst = (first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19);
  if (tok.start > 0 && isWs(text.charCodeAt(tok.start - 1)) && (digitFirst || hasUnit(PLACE_START, first)) && (digitBefore(text, tok.start) || hasUnit(PLACE_START, solidBefore(text, tok.start))) && !blankBetween(text, tok.start - 1, -1)) return true;
  if (end !== tok.end && !hasUnit(PLACE_START, text.charCodeAt(end - 1))) return false;
  if (!isWs(text.charCodeAt(end)) || blankBetween(text, end, 1)) return false;
  let k = end;
  while (k < text.length && isWs(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  const d = (x: number): boolean => (x >= 0x30 && x <= 0x39) || (x >= 0xff10 && x <= 0xff19);
  return d(c) || ((c === 0x2c || c === 0x2e || c === 0xff0c || c === 0xff0e) && d(text.charCodeAt(k + 1)));
}

/** 数, 几 (folded) before a number make it indefinite */
const SOME = unitSet('数几');
/** before 数: a word for a number of something (人数, 户数, 总数), not 数 meaning several */
const COUNTED = unitSet('人户次件总个岁位台家项票指分倍基多少半册篇宗单条名');
/** 8.6, 3．10, 12.5: one or two digits, a point and digits */
const GLUED_MARKER = /^[0-9０-９]{1,2}[.．][0-9０-９]+$/;

/** Whether only spaces stand between the start of the line (or text) and `at`. */
function lineStartBefore(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x3000 || text.charCodeAt(k) === 0x09)) k--;
  return k < 0 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d;
}

/** Chinese digits one to nine */
const ONE_TO_NINE = unitSet('一二两兩三四五六七八九壹贰貳叁肆伍陆陸柒捌玖');
/** place values a number starts with after 数/几 */
const PLACE_FIRST = unitSet('十拾百佰千仟万萬亿億');
/** 218.2000: one to three digits, a point and a year of four digits */
const GLUED_YEAR = /^[0-9０-９]{1,3}[.．](?:1[89]|2[01])[0-9]{2}$/;
/** 年 and the marks between the years of a range (folded) */
const YEAR_OR_RANGE = unitSet('年-－–—~～/／至到');

/** Why a quantity read at tok cannot be read with certainty, or null. */
function uncertainReading(text: string, tok: NumberToken, fig: RawFigure): FigureNoteCode | null {
  if (cutByBreak(text, tok, fig.end)) return 'cut-by-break';
  // 八成⏎六: the tenth of a rate on the next line, the break kept (after a short line)
  if (fig.unit === '成' && fig.end === tok.end + 1 && isWs(text.charCodeAt(fig.end)) && !blankBetween(text, fig.end, 1) && hasUnit(ONE_TO_NINE, nextSolid(text, fig.end))) return 'cut-by-break';
  if (fig.kind === 'date') return null;
  // 数百人, 几十年, 數十萬: several hundred, some tens — no certain number
  // (not 人数十万人次: the number of people, then the number)
  if (!tok.hasDigits && hasUnit(SOME, foldCode(text.charCodeAt(tok.start - 1))) && hasUnit(PLACE_FIRST, text.charCodeAt(tok.start)) && !hasUnit(COUNTED, foldCode(text.charCodeAt(tok.start - 2)))) return 'indefinite';
  // 一两个, 两三年, 三五年: two numerals side by side are an approximate number (one or two), not 12
  if (!tok.hasDigits && tok.end - tok.start === 2 && hasUnit(ONE_TO_NINE, text.charCodeAt(tok.start)) && hasUnit(ONE_TO_NINE, text.charCodeAt(tok.start + 1)) && fig.unit !== '折') return 'indefinite';
  // 8.6个重大科技专项, 3．10种 at the start of a paragraph: a list item's number glued to the count
  // (8. 6个) as much as a count of 8.6 things
  if (tok.hasDigits && fig.start === tok.start && fig.value === tok.value && (fig.unitCat === 'classifier' || fig.unitCat === 'verbal') && GLUED_MARKER.test(tok.text) && lineStartBefore(text, tok.start)) return 'list-marker';
  // 〇〇年, ○○月: a placeholder of a form, not zero
  if (!tok.hasDigits && tok.value === 0 && tok.end - tok.start > 1) return 'leading-zero';
  if (tok.hasDigits && tok.text.length > 1 && (tok.text.charCodeAt(0) === 0x30 || tok.text.charCodeAt(0) === 0xff10) && !DOT_AFTER_ZERO.test(tok.text)) return 'leading-zero';
  // 218.2000年, 3.2026-27年度: a paragraph's number glued to the year after it (the space between
  // lost), not a decimal — no report writes a length of 218.2000 years
  if (GLUED_YEAR.test(tok.text) && hasUnit(YEAR_OR_RANGE, foldCode(text.charCodeAt(tok.end)))) return 'broken-number';
  if ((hasUnit(PLACE_START, text.charCodeAt(tok.start)) && digitBefore(text, tok.start)) || (hasUnit(PLACE_START, text.charCodeAt(tok.start - 1)) && digitBefore(text, tok.start - 1))) return 'broken-number';
  return null;
}

/** Whether the whitespace run from `at` on (step 1) or back (step -1) holds a blank line. */
function blankBetween(text: string, at: number, step: 1 | -1): boolean {
  let nl = 0;
  for (let k = at; k >= 0 && k < text.length && isWs(text.charCodeAt(k)); k += step) if (text.charCodeAt(k) === 0x0a) nl++;
  return nl >= 2;
}

/** The character at or after `at`, past whitespace and line breaks (NaN at the end). */
function nextSolid(text: string, at: number): number {
  let k = at;
  while (k < text.length && isWs(text.charCodeAt(k))) k++;
  return text.charCodeAt(k);
}

/** The character before `start`, past whitespace and line breaks (NaN at the start). */
function solidBefore(text: string, start: number): number {
  let k = start - 1;
  while (k >= 0 && isWs(text.charCodeAt(k))) k--;
  return text.charCodeAt(k);
}

/** A digit stands before `start`, past whitespace and line breaks. */
function digitBefore(text: string, start: number): boolean {
  const c = solidBefore(text, start);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** 十一 (a holiday) inside 十一萬, 十一個: a fixed word made of numerals that goes on as a number. */
function numeralWordInNumber(text: string, w: { start: number; end: number }): boolean {
  for (let k = w.start; k < w.end; k++) if (!(CHAR_CLASS[text.charCodeAt(k)] & C_NUMERAL)) return false;
  const c = text.charCodeAt(w.end);
  return (CHAR_CLASS[c] & C_NUMERAL) !== 0 || UNITS.startsAt(text, w.end) !== null;
}

/**
 * Reads what stands at the numeral text[i] (code c): a fixed word, a name or a figure, pushed
 * to `raws` (or the open quotation's names). Returns where the scan goes on. Kept out of the
 * scanning loop so that it is compiled once as a whole, not again with the loop.
 */
function readAt(text: string, i: number, c: number, quote: Quote | null, raws: RawFigure[]): number {
  const names = quote ? quote.names : raws;

  // fixed words: 进一步, 千方百计 (ignored); 八项规定, 两个确立 (names) — but 十分之一 is a fraction
  let ign = FIXED.ignore.covering(text, i);
  if (ign && text.charCodeAt(ign.end - 1) === CH_FEN && text.charCodeAt(ign.end) === CH_ZHI) ign = null;
  // 第一批 is an ordinal although 一批 alone is a fixed word
  if (ign && !(ign.start === i && text.charCodeAt(i - 1) === CH_DI) && !numeralWordInNumber(text, ign)) return Math.max(i + 1, ign.end);
  const fixedName = FIXED.names.covering(text, i);
  // 八五折 is 8.5折, not the plan 八五
  if (fixedName && !(fixedName.start === i && fixedName.end - i === 2 && text.charCodeAt(fixedName.end) === CH_ZHE)) {
    if (quote) quote.hasNumeral = true;
    names.push(nameFigure(fixedName.start, fixedName.end, { start: fixedName.start, end: fixedName.end, text: '', value: null, hasDigits: false, isOne: false, bare: false, yearLike: false }));
    return Math.max(i + 1, fixedName.end);
  }

  if (c === CH_BAI) {
    const pf = readPercentWord(text, i);
    if (pf) {
      if (quote) quote.hasNumeral = true;
      if (acceptQuantity(text, pf, quote)) { raws.push(pf); if (quote) quote.hadQuantity = true; }
      return pf.end;
    }
  }

  const tok = readNumberToken(text, i);
  if (!tok) return i + 1;
  if (quote) quote.hasNumeral = true;
  // 本(112)年度: a Minguo year in brackets
  const by = readBracketYear(text, tok);
  if (by) {
    raws.push(by);
    return by.end;
  }

  // 三分之一, 1/10
  const frac = readFraction(text, tok);
  if (frac) {
    if (!FREQUENCY_PREFIXES.endsAt(text, frac.start, Math.max(0, frac.start - 3))) { raws.push(frac); if (quote) quote.hadQuantity = true; }
    return frac.end;
  }
  // 圖 5, 附表 3: a figure or table reference
  if (tok.hasDigits && isReference(text, tok.start)) {
    names.push(nameFigure(tok.start, tok.end, tok));
    return tok.end;
  }

  const name = readName(text, tok);
  if (name) {
    if (!name.hidden) names.push(nameFigure(name.start, name.end, tok));
    return Math.max(name.end, tok.end);
  }

  const fig = readFigure(text, tok);
  // 一期工程, 二期項目: a phase of a project is a name, not a count
  if (fig && fig.unit !== null && fig.end - fig.token.end === 1 && foldCode(text.charCodeAt(fig.token.end)) === CH_QI && !tok.hasDigits) {
    if (PHASE_NOUNS.startsAt(text, fig.end)) { names.push(nameFigure(fig.token.start, fig.end, tok)); return fig.end; }
    if (hasUnit(NOT_QI, foldCode(text.charCodeAt(fig.end)))) return fig.end;
  }
  // 七十年代, 80年代, 1980年代: a decade, not a length of 70 years (a name)
  if (fig && fig.unit === '年' && fig.end === fig.token.end + 1 && text.charCodeAt(fig.end) === CH_DAI && fig.token.value !== null && fig.token.value % 10 === 0 && !hasUnit(DAI_WORD, foldCode(text.charCodeAt(fig.end + 1)))) {
    names.push(nameFigure(fig.token.start, fig.end + 1, tok));
    return fig.end + 1;
  }
  // 10万吨级码头, 百万千瓦级电站: a quantity and unit naming a class (a level, not a figure)
  if (fig && fig.unit !== null && fig.kind !== 'date' && text.charCodeAt(fig.end) === CH_JI) {
    names.push(nameFigure(fig.start, fig.end + 1, tok));
    return fig.end + 1;
  }
  if (fig && acceptQuantity(text, fig, quote)) {
    // 00个, 0123人: digits with a leading zero are a code or a broken number, not a quantity as
    // written; 38⏎萬宗: a bare 萬 after a number cut off by a line break is part of that number;
    // 12⏎⏎2024年, 3億⏎5⏎,000萬: digits across a kept break (a page number between) may belong together
    const code = uncertainReading(text, tok, fig);
    if (code) {
      fig.value = null;
      fig.value_to = null;
      fig.note = { code };
      // 数百人: the span holds the word that makes the number indefinite
      if (code === 'indefinite' && fig.start === tok.start && hasUnit(SOME, foldCode(text.charCodeAt(tok.start - 1)))) fig.start--;
    }
    raws.push(fig);
    if (quote && fig.kind !== 'date') quote.hadQuantity = true;
    return Math.max(fig.end, i + 1);
  }
  if (!fig && tok.hasDigits && tok.value !== null && isIdeograph(text.charCodeAt(tok.end)) && !isLatin(text.charCodeAt(tok.start - 1))) {
    // 985重点产业链, 12.4宪法日: a number that names something
    names.push(nameFigure(tok.start, tok.end, tok));
  }
  return tok.end;
}

/**
 * The classes the scan stops at: numerals, quotation marks, astral characters (clause marks,
 * 7% of a report's characters, need nothing of the scan: passing them over changes nothing but
 * when an ended quotation is closed, which is still before the next numeral or mark is read).
 */
const SCAN_STOP = CHAR_CLASS.map((cls) => cls & (C_NUMERAL | C_QUOTE | C_ASTRAL));

/** Finds every figure (and digit-bearing name) in a text. Offsets are code points. */
export function detectFigures(original: string): Figure[] {
  // whitespace that is layout is read through (2365 件, 428 亿⏎元): the scan runs on the compact view
  const layout = compactLayout(original);
  // 一○七年度: Taiwan documents write zero as ○ (a circle) between Chinese digits — read as 〇
  // (same length: offsets and the original text are unchanged)
  const text = layout.text.includes('○') || layout.text.includes('◯') ? layout.text.replace(CIRCLE_ZERO, '〇') : layout.text;
  // a Taiwan report dates by the Minguo calendar (108年 is 2019): its years are never Gregorian
  setMinguoDocument(isTaiwanReport(text));
  const raws: RawFigure[] = [];
  const n = text.length;
  let quote: Quote | null = null;
  let i = 0;

  const closeQuote = (q: Quote): void => {
    const len = q.close - q.open - 1;
    if (q.hasNumeral && !q.hadQuantity && len <= SLOGAN_MAX) {
      raws.push(nameFigure(q.open, q.close + 1, { start: q.open, end: q.close + 1, text: '', value: null, hasDigits: false, isOne: false, bare: false, yearLike: false }));
    } else raws.push(...q.names);
  };

  /** UTF-16 offsets of astral characters (for code point offsets) */
  const astral: number[] = [];

  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = SCAN_STOP[c];
    while (cls === 0 && ++i < n) {
      c = text.charCodeAt(i);
      cls = SCAN_STOP[c];
    }
    if (i >= n) break;
    if (cls & C_ASTRAL) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { astral.push(i); i += 2; } else i++;
      continue;
    }
    if (quote && i >= quote.close) { closeQuote(quote); quote = null; }
    if (!(cls & C_NUMERAL)) {
      const closing = quote || !(cls & C_QUOTE) ? undefined : QUOTE_PAIRS.get(c);
      if (closing !== undefined) {
        const limit = Math.min(n, i + QUOTE_SCAN);
        let j = i + 1;
        while (j < limit && text.charCodeAt(j) !== closing && text.charCodeAt(j) !== 0x0a) j++;
        if (j < limit && text.charCodeAt(j) === closing) quote = { open: i, close: j, hasNumeral: false, hadQuantity: false, names: [] };
      }
      i++;
      continue;
    }
    i = readAt(text, i, c, quote, raws);
  }
  if (quote) closeQuote(quote);

  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  assignMetrics(text, raws);
  if (!layout.changed) return toFigures(original, raws, astral);
  // a figure holding an uncertain digit junction (1 2345) is shown without a value
  for (const r of raws) {
    if (r.kind !== 'name' && hasUncertain(layout, r.start, r.end)) { r.value = null; r.value_to = null; r.note = { code: 'spaced-digits' }; }
  }
  return toFiguresThroughLayout(original, layout, raws, astral.length > 0);
}

/** Figures found in the compact view, with offsets and text of the original. */
function toFiguresThroughLayout(original: string, layout: Layout, raws: RawFigure[], hasAstral: boolean): Figure[] {
  const map = hasAstral ? new OffsetMap(original) : null;
  const cp = (u: number): number => (map ? map.toCp(u) : u);
  return raws.map((r) => figureOf(r, original, toOriginal(layout, r.start), toOriginalEnd(layout, r.end), cp));
}

/** The figure a raw reading makes, at UTF-16 span [s, e) of `text`. */
function figureOf(r: RawFigure, text: string, s: number, e: number, cp: (u: number) => number): Figure {
  const f: Figure = {
    text: text.slice(s, e),
    start: cp(s),
    end: cp(e),
    kind: r.kind,
    value: r.kind === 'name' ? null : r.value,
    value_to: r.value_to,
    unit: canonicalUnit(r.unit),
    approx: r.approx,
    metric: r.kind === 'name' || r.kind === 'date' ? null : (r.metric ?? null),
  };
  if (r.note && r.kind !== 'name' && r.value === null) f.note = r.note;
  return f;
}

/** A unit as the datasets compare it: the full-width percent sign is the percent sign (97.5％ and 97.5% are one unit). */
function canonicalUnit(unit: string | null): string | null {
  return unit !== null && unit.includes('％') ? unit.replace(/％/g, '%') : unit;
}

/** Code point offset of UTF-16 offset u, given the sorted UTF-16 offsets of astral characters. */
function toCp(u: number, astral: number[]): number {
  if (astral.length === 0) return u;
  let lo = 0;
  let hi = astral.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (astral[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return u - lo;
}

function toFigures(text: string, raws: RawFigure[], astral: number[]): Figure[] {
  const cp = (u: number): number => toCp(u, astral);
  return raws.map((r) => figureOf(r, text, r.start, r.end, cp));
}
