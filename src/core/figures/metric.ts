/**
 * The metric of a figure: the words of its clause that say what is counted (ANNOTATION-GUIDE §1).
 *
 * Within a clause (ended by ，；。：！？ and line ends) figures are taken in order:
 * - a figure at the end of its phrase (召开常委会会议9次) takes the words before it, back to the
 *   clause start or the previous figure (so 召开常委会会议9次、主任会议23次 gives 主任会议);
 * - a number before a noun (梳理5个问题清单) takes the noun after the unit, up to a word that
 *   starts a new phrase (进行, 的, 对 …, see metric.json);
 * - an action count inside a verb phrase (邀请人大代表50多人次列席常委会会议) takes both sides;
 * - an administrative unit before a verb (赴10县（市、区）走访…) is itself what is counted.
 */
import { CHAR_CLASS, C_CLAUSE } from './charclass';
import {
  ATTRIBUTIVE_ENDS, GENERIC_HEADS, METRIC_KEEP, METRIC_LEADING, METRIC_SCOPE, METRIC_TRAILING, NOUN_BREAKERS, PREDICATE_STARTS,
  RESTATEMENTS, VERBS_BEFORE_NUMBER, WordSet, CHANGE_VERBS, DURATION_VERBS,
} from './lexicon';
import { isDigitCode } from './numerals';
import type { RawFigure } from './read';
import { hasUnit, unitSet } from './unitset';

/** Characters after a figure that close its phrase. */
const PHRASE_CLOSE = unitSet('、等）)》”’」』】');
/** Characters that end the noun after a figure. */
const NOUN_STOP = unitSet('、等（(）)《》“”‘’「」『』【】 \t　');
const OPEN_MARKS = unitSet('《“‘「『（(【');
const CLOSE_MARKS = unitSet('》”’」』）)】');
const CH_DENG = '等'.charCodeAt(0);
const CH_DE = '的'.charCodeAt(0);
const LAI = unitSet('来來');
const CH_YI = '以'.charCodeAt(0);
const CH_NEI = '内'.charCodeAt(0);
const CH_ZHI = '之'.charCodeAt(0);
const CH_LQUOTE = '“'.charCodeAt(0);
const QUOTED_WORD_MAX = 16;

function isClauseEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!(CHAR_CLASS[c] & C_CLAUSE)) return false;
  // 3,400: a comma between digits groups thousands
  if ((c === 0x2c || c === 0xff0c) && i > 0 && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) {
    let k = i + 1;
    while (k < text.length && isDigitCode(text.charCodeAt(k))) k++;
    if (k - i - 1 === 3) return false;
  }
  // 10:30 is a time, not a clause end
  if (c === 0x3a && i > 0 && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) return false;
  return true;
}

const INNER_SPACE_ALL = /[\s\u3000\u2009\u202f]+/g;
/** 1 for the UTF-16 units /[\s\u3000\u2009\u202f]/ matches (\s is these, U+2009 and U+202F among them) */
const IS_INNER_SPACE = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) IS_INNER_SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) IS_INNER_SPACE[c] = 1;
const LATIN_WORD = /[A-Za-z0-9]/;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;

function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Whether s holds a character of INNER_SPACE (\s, U+3000, U+2009, U+202F), without a regular expression. */
export function hasInnerSpace(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (IS_INNER_SPACE[s.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * A figure inside 《…》 or “…”: the metric starts inside the title or quotation — after the last
 * 《 not closed, then the last “ not closed in what is left, then 「 (the marks' last places found
 * in one pass; the same cut as s.lastIndexOf per mark in turn).
 */
export function insideTitle(s: string): string {
  let lo0 = -1, lc0 = -1, lo1 = -1, lc1 = -1, lo2 = -1, lc2 = -1;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x201c) lo1 = k;
    else if (c === 0x201d) lc1 = k;
    else if (c >= 0x300a && c <= 0x300d) {
      if (c === 0x300a) lo0 = k;
      else if (c === 0x300b) lc0 = k;
      else if (c === 0x300c) lo2 = k;
      else lc2 = k;
    }
  }
  let from = 0;
  if (lo0 >= from && lo0 > lc0) from = lo0 + 1;
  if (lo1 >= from && lo1 > lc1) from = lo1 + 1;
  if (lo2 >= from && lo2 > lc2) from = lo2 + 1;
  return from > 0 ? s.slice(from) : s;
}

/** Strips stop words at both ends of a metric; null when nothing remains. */
export const LIST_MARKER = /^(?:\d{1,3}[.．、](?![\d０-９])|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、|[・•·●○◆■□▪►➢]+)[\s\u3000]*/;
/** The characters LIST_MARKER can start with: most metrics start with none, and skip the expression */
const LIST_MARKER_FIRST = new Uint8Array(0x10000);
for (const ch of '0123456789（(一二三四五六七八九十・•·●○◆■□▪►➢') LIST_MARKER_FIRST[ch.charCodeAt(0)] = 1;
/** LIST_MARKER.exec(s), the expression run only when s starts with a character it can start with. */
export const listMarkerAt = (s: string): RegExpExecArray | null => (s.length > 0 && LIST_MARKER_FIRST[s.charCodeAt(0)] === 1 ? LIST_MARKER.exec(s) : null);
const OPEN_BRACKET = '（(【[';
const CLOSE_BRACKET = '）)】]';

export function cleanMetric(raw: string): string | null {
  let s = trimSpace(raw);
  s = insideTitle(s);
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = trimSpace(s);
    while (s.length && hasUnit(OPEN_MARKS, s.charCodeAt(s.length - 1))) s = s.slice(0, -1);
    while (s.length && hasUnit(CLOSE_MARKS, s.charCodeAt(0))) s = s.slice(1);
    const t = METRIC_TRAILING.endsAt(s, s.length);
    if (t && t.len < s.length) s = s.slice(0, s.length - t.len);
    const l = METRIC_LEADING.startsAt(s, 0);
    if (l && l.len < s.length) s = s.slice(l.len);
    // a list marker or bullet (30. 政府…, （二）, ・預計…) and a bracket that opens and never closes (（增幅) are not the metric
    const lm = listMarkerAt(s);
    if (lm && lm[0].length < s.length) s = s.slice(lm[0].length);
    const open = OPEN_BRACKET.indexOf(s[0] ?? '');
    if (open >= 0 && s.length > 1 && !s.includes(CLOSE_BRACKET[open])) s = s.slice(1);
    const sc = METRIC_SCOPE.startsAt(s, 0);
    if (sc && sc.len < s.length) s = s.slice(sc.len);
    const keep = METRIC_KEEP.startsAt(s, 0);
    if (keep) {
      const l2 = METRIC_LEADING.startsAt(s, keep.len);
      if (l2) s = s.slice(0, keep.len) + s.slice(keep.len + l2.len);
    }
    if (s === before) break;
  }
  s = trimSpace(s);
  if (!s.length) return null;
  // whitespace is layout in a metric (a PDF line break, letter spacing), except between Latin words
  if (hasInnerSpace(s)) s = s.replace(INNER_SPACE_ALL, (w, at: number) => (LATIN_WORD.test(s[at - 1] ?? '') && LATIN_WORD.test(s[at + w.length] ?? '') ? ' ' : ''));
  // nothing left but a stop word (内, 为期): no metric
  const lead = METRIC_LEADING.startsAt(s, 0);
  const trail = METRIC_TRAILING.startsAt(s, 0);
  if ((lead && lead.len === s.length) || (trail && trail.len === s.length)) return null;
  return s;
}

/** A phrase written twice by mistake (专业人士专业人士) is counted once. */
function undouble(s: string): string {
  if (s.length >= 4 && s.length % 2 === 0) {
    const h = s.length / 2;
    if (s.slice(0, h) === s.slice(h)) return s.slice(0, h);
  }
  return s;
}

/**
 * Length of the noun after a number-before-noun figure, within text[from, to); `figureAt`: a
 * figure starts at `to`.
 */
function nounLength(text: string, from: number, to: number, figureAt: boolean): number {
  let j = from;
  // 为期一周的学习培训: the noun follows 的
  if (text.charCodeAt(j) === CH_DE && j + 1 < to) j++;
  const first = j;
  while (j < to) {
    // 244个村的村规民约 · 40个政府组成部门的101项重点工作: 的 ends what is counted, unless it
    // closes a relative clause (41个群众关心的难题 counts 难题)
    if (text.charCodeAt(j) === CH_DE && (figureAt || !ATTRIBUTIVE_ENDS.endsAt(text, j, first))) break;
    // 分7个批次组织95名代表: a verb right before the next number starts the next phrase
    if (figureAt && j > first) {
      const v = VERBS_BEFORE_NUMBER.startsAt(text, j, to);
      if (v && j + v.len === to) break;
    }
    const c = text.charCodeAt(j);
    if (c === CH_LQUOTE) {
      // a quoted word inside the noun: 100个“示范型”代表联络站点
      const close = text.indexOf('”', j + 1);
      if (close > j && close < Math.min(to, j + QUOTED_WORD_MAX)) { j = close + 1; continue; }
    }
    if (hasUnit(NOUN_STOP, c)) break;
    if (NOUN_BREAKERS.startsAt(text, j, to)) break;
    j++;
  }
  return j - from;
}

/** Length of 内 or 之内 at i (closing a duration: 1个月内), else 0. */
function innerLength(text: string, i: number): number {
  if (text.charCodeAt(i) === CH_NEI) return 1;
  return text.charCodeAt(i) === CH_ZHI && text.charCodeAt(i + 1) === CH_NEI ? 2 : 0;
}

/** Length of a verb phrase after an action count, within text[from, to). */
function phraseLength(text: string, from: number, to: number): number {
  let j = from;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === CH_DENG || hasUnit(NOUN_STOP, c)) break;
    j++;
  }
  return j - from;
}

/** True if the figure ends its phrase: clause end, 、, 等, a closing bracket or quote. */
function endsPhrase(text: string, end: number, nextStart: number): boolean {
  let j = end;
  while (j < nextStart && (text[j] === ' ' || text[j] === '　')) j++;
  if (j >= nextStart) return true;
  return hasUnit(PHRASE_CLOSE, text.charCodeAt(j));
}

/** Fills `metric` of every quantity figure (dates and names get null). Figures sorted by start. */
export function assignMetrics(text: string, figures: RawFigure[]): void {
  const n = text.length;
  let clauseStart = 0;
  let clauseEnd = -1; // exclusive end of the current clause
  let k = 0;
  let carry: Carry = { end: -1, metric: null, subject: null };
  let scanned = 0; // text before this was searched for sentence ends
  const sentenceEnds = new SentenceEnds(text);
  while (k < figures.length) {
    const f0 = figures[k];
    if (clauseEnd < f0.start) {
      // the clause holding f0: it starts after the last clause end before f0 (searched back
      // from f0, so the text between figures is not read) and ends at the first one from f0
      const low = clauseEnd < 0 ? 0 : clauseEnd + 1;
      let j = f0.start - 1;
      while (j >= low && ((CHAR_CLASS[text.charCodeAt(j)] & C_CLAUSE) === 0 || !isClauseEnd(text, j))) j--;
      clauseStart = j >= low ? j + 1 : low;
      j = f0.start;
      while (j < n && ((CHAR_CLASS[text.charCodeAt(j)] & C_CLAUSE) === 0 || !isClauseEnd(text, j))) j++;
      clauseEnd = j;
    }
    // a new sentence has no subject yet
    if (carry.subject !== null && sentenceEnds.from(scanned) < clauseStart) carry = { ...carry, subject: null };
    scanned = Math.max(scanned, clauseStart);
    // figures whose start lies in [clauseStart, clauseEnd)
    let m = k;
    while (m < figures.length && figures[m].start < clauseEnd) m++;
    if (m === k) m = k + 1;
    carry = assignClause(text, figures, k, m, clauseStart, Math.max(clauseEnd, figures[m - 1].end), carry, k > 0 ? figures[k - 1].end : -1);
    k = m;
  }
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n']);
/** Any of SENTENCE_END (one search for all of them: a regular expression's pass over the text). */
const SENTENCE_END_ANY = /[。！？!?\n]/g;

/**
 * The first sentence end at or after an offset, for offsets that never go back: found by one
 * search for any of the marks (not a loop over every character, nor a search per mark) and kept
 * until the offset passes it, so the text is searched once.
 */
export class SentenceEnds {
  /** the last answer (-1: none yet): it stands while p has not passed it */
  private first = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first sentence end at or after p (p never decreasing between calls), or Infinity. */
  from(p: number): number {
    if (this.first >= p) return this.first;
    SENTENCE_END_ANY.lastIndex = p;
    const m = SENTENCE_END_ANY.exec(this.text);
    this.first = m === null ? Infinity : m.index;
    return this.first;
  }
}

/** The last quantity of the previous clause, when that clause ended right after it. */
interface Carry {
  end: number;
  metric: string | null;
  /** the metric of the sentence's first quantity: its subject, for a figure that restates another (即二十三亿元) */
  subject: string | null;
}

/** Text with whitespace removed, for comparing a short phrase with a word. */
const squeeze = (s: string): string => (hasInnerSpace(s) ? s.replace(INNER_SPACE_ALL, '') : s);

/** Whether the whole of s is one word of the set. */
function isWord(set: { startsAt(t: string, i: number): { len: number } | null }, s: string): boolean {
  const w = s.length ? set.startsAt(s, 0) : null;
  return w !== null && w.len === s.length;
}

const LEVEL_END = unitSet('至到');
const CONTINUOUS = new WordSet<true>([['连续', true], ['連續', true]]);
/** before a length of time, a character that makes it a time frame (首五年, 前四年, 后五年) */
const TIME_FRAME = unitSet('首前后後头頭上下近来來去');
/** 连续4年: a length of time that qualifies a verb (its figure may start at 连续 or after it). */
const isContinuous = (text: string, start: number): boolean => CONTINUOUS.startsAt(text, start) !== null || CONTINUOUS.endsAt(text, start, Math.max(0, start - 2)) !== null;
/** The subject of a metric: the words before its predicate (经常开支将轻微上升 → 经常开支). */
function subjectOf(m: string | null): string | null {
  if (!m) return m;
  for (let i = 1; i < m.length; i++) if (PREDICATE_STARTS.startsAt(m, i)) return m.slice(0, i);
  return m;
}

const YEAR_RANGE_UNITS = new Set(['年度', '学年', '學年']);
/** The clause before the one starting at cs, within its sentence, when it holds no figure: its words. */
function previousClause(text: string, cs: number, lastFigureEnd: number): string | null {
  if (cs < 2 || SENTENCE_END.has(text[cs - 1])) return null;
  const floor = Math.max(0, cs - 1 - PREVIOUS_CLAUSE_MAX);
  let j = cs - 2;
  while (j >= floor && ((CHAR_CLASS[text.charCodeAt(j)] & C_CLAUSE) === 0 || !isClauseEnd(text, j))) j--;
  if (j < floor && floor > 0) return null; // too long to be a subject
  if (lastFigureEnd > j + 1) return null; // it holds a figure
  return cleanMetric(text.slice(j + 1, cs - 1));
}
const PREVIOUS_CLAUSE_MAX = 40;

/** Metrics of the figures figs[from, to), the clause text[cs, ce). */
function assignClause(text: string, figs: RawFigure[], from: number, to: number, cs: number, ce: number, carry: Carry, lastFigureEnd: number): Carry {
  let prevEnd = cs;
  // 发放补助32241人,3400余万元: a figure standing alone after a figure-ended clause shares its metric
  // (within a sentence: a new sentence never inherits the last one's metric)
  // (only by a figure that ends its phrase: 两千余人参加 says itself what is counted)
  const carried: string | null = carry.end === cs - 1 && !SENTENCE_END.has(text[cs - 1]) ? carry.metric : null;
  let subject = carry.subject;
  let prevMetric: string | null = null;
  let prevKind: RawFigure['kind'] | null = null;
  let last: Carry = { end: -1, metric: null, subject };
  // 经营主体连续4年每年新增 · 较对上五年增加: a duration before a figure stands inside its phrase
  let dur: { from: number; start: number; end: number; until: number; keep: boolean } | null = null;
  // 财政储备在二零二三年三月三十一日预计为…: the words before a date
  let date: { from: number; start: number; end: number } | null = null;
  for (let i = from; i < to; i++) {
    const f = figs[i];
    // 近三年来, 五年以来: a time frame, nothing counted (and no phrase taken from what follows)
    if (f.kind === 'duration' && (hasUnit(LAI, text.charCodeAt(f.end)) || (text.charCodeAt(f.end) === CH_YI && hasUnit(LAI, text.charCodeAt(f.end + 1))))) {
      f.metric = null;
      prevEnd = Math.max(prevEnd, f.end);
      continue;
    }
    if (f.kind === 'name' || f.kind === 'date') {
      f.metric = null;
      if (f.kind === 'date') {
        date = { from: Math.min(prevEnd, f.start), start: f.start, end: f.end };
        prevEnd = Math.max(prevEnd, f.end);
      }
      continue;
    }
    let nextStart = ce;
    for (let j = i + 1; j < to; j++) if (figs[j].kind !== 'name') { nextStart = figs[j].start; break; }
    let beforeText = text.slice(Math.min(prevEnd, f.start), f.start);
    if (dur && dur.until === prevEnd && f.kind !== 'duration') {
      const cut = dur.keep ? dur.start : (CONTINUOUS.endsAt(text, dur.start, dur.from)?.len ?? 0);
      beforeText = text.slice(dur.from, dur.keep ? dur.start : dur.start - cut) + (dur.keep ? text.slice(dur.start, dur.end) : '') + beforeText;
    }
    const bare = squeeze(beforeText);
    let before = cleanMetric(beforeText);
    // 比重上升到50.5% · 经常开支将轻微上升至…: the figure is the level its subject reaches
    if (before && bare.length && hasUnit(LEVEL_END, bare.charCodeAt(bare.length - 1))) before = subjectOf(before);
    // 在二零二三年三月三十一日预计为…: what is counted stands before the date
    if (!before && date && date.end === prevEnd) before = cleanMetric(text.slice(date.from, date.start));
    let metric: string | null;
    let consumed = f.end;
    if (f.kind === 'range' && f.unit !== null && YEAR_RANGE_UNITS.has(f.unit)) {
      // 二零二二／二三年度政府收入的修订预算为…: a fiscal year before its subject
      metric = subjectOf(cleanMetric(text.slice(f.end, nextStart))) ?? before;
      date = { from: Math.min(prevEnd, f.start), start: f.start, end: f.end };
      consumed = f.end;
    } else if (isWord(RESTATEMENTS, bare) && subject) {
      // 即二十三亿元, 相当于…: the figure restates an earlier one; what is counted is the sentence subject
      metric = subject;
    } else if ((bare === '至' || bare === '到') && prevKind === 'percent' && prevMetric) {
      // 下降百分之六至七千六百一十亿元: the level after a change belongs to the subject
      metric = subjectOf(prevMetric);
    } else if (f.kind === 'percent' && text.charCodeAt(f.end) === CH_DE && nextStart >= ce) {
      // 80%的中小学纳入教联体: the share of what does what
      metric = cleanMetric(text.slice(f.end + 1, f.end + 1 + phraseLength(text, f.end + 1, nextStart))) ?? before;
      consumed = nextStart;
    } else if (endsPhrase(text, f.end, nextStart)) {
      metric = before ?? prevMetric ?? carried;
      // 增长8.5%，新增4万多亿元: a bare predicate continues the subject of the clause before
      if (before && carried && prevEnd === cs && CHANGE_VERBS.startsAt(before, 0)) {
        const verb = CHANGE_VERBS.endsAt(carried, carried.length);
        if (verb && verb.len < carried.length) metric = carried.slice(0, carried.length - verb.len) + before;
      }
      metric ??= previousClause(text, cs, lastFigureEnd);
    } else if (f.unitCat === 'verbal') {
      // 开展执法检查5次 · 两次开展跟踪监督: the action around the count
      const len = phraseLength(text, f.end, nextStart);
      const after = cleanMetric(text.slice(f.end, f.end + len));
      metric = before && after ? before + after : (before ?? after ?? prevMetric);
      consumed = f.end + len;
    } else if (f.unitCat === 'area') {
      metric = f.unit;
    } else if (before && f.unit !== null && f.unit.endsWith('周年')) {
      // 全国人民代表大会成立70周年纪念活动: an anniversary counts the years since the event
      metric = before;
    } else {
      // 1个月内完成: 内 closes the duration, it is no part of what follows (27项内容 keeps it)
      const from = f.kind === 'duration' ? f.end + innerLength(text, f.end) : f.end;
      const len = nounLength(text, from, nextStart, nextStart < ce);
      const noun = len > 0 ? cleanMetric(text.slice(from, from + len).replace(/^的/, '')) : null;
      if (f.kind === 'duration') consumed = from;
      if (noun && before && isWord(GENERIC_HEADS, noun)) {
        // 下降至约八千二百亿元的水平: the level says nothing about what is counted
        metric = subjectOf(before);
        consumed = from + len;
      } else if (noun) {
        metric = undouble(noun);
        // 本届政府五年任期 · 城市12分钟急救圈: a length of time qualifies the noun of the words before it
        // (not after a verb: 面对三年多疫情; nor a time frame: 首五年, 前四年)
        // (a continuous length, 连续4年每年新增, qualifies the verb after it and leaves it to what follows)
        if (f.kind === 'duration' && before && !DURATION_VERBS.endsAt(before, before.length) && !hasUnit(TIME_FRAME, text.charCodeAt(f.start - 1)) && !CHANGE_VERBS.startsAt(metric, 0)) {
          metric = before + metric;
          if (!isContinuous(text, f.start)) consumed = from + len;
        }
        // a duration before a verb phrase (连续5个月督导…) leaves the phrase to what follows
        if (f.kind !== 'duration') consumed = from + len;
      } else if (before ?? prevMetric) metric = before ?? prevMetric;
      else if (nextStart >= ce) {
        // 两千余人参加: the verb phrase after the figure, when it ends the clause
        const plen = phraseLength(text, f.end, nextStart);
        metric = cleanMetric(text.slice(f.end, f.end + plen));
      } else metric = null;
    }
    f.metric = metric;
    if (f.kind === 'duration' && consumed === f.end + innerLength(text, f.end)) {
      const durFrom: number = dur && dur.until === prevEnd ? dur.from : Math.min(prevEnd, f.start);
      dur = { from: durFrom, start: f.start, end: f.end, until: consumed, keep: !isContinuous(text, f.start) && innerLength(text, f.end) === 0 && squeeze(text.slice(durFrom, f.start)).length > 0 };
    } else if (f.kind !== 'duration') {
      prevMetric = metric;
      prevKind = f.kind;
      if (subject === null && metric) subject = metric;
      last = { end: f.end, metric, subject };
    }
    prevEnd = consumed;
  }
  last.subject = subject;
  return last;
}
