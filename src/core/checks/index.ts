/**
 * Consistency checks over one report's figures: a rate over 100%, a part larger than its whole
 * in one sentence, the same indicator stated with different values in the summary and in the
 * body (only indicators marked `total` in the dictionary: yearly totals stated once). Each issue is a finding-like record (kind, code point span, text, message). Pure.
 */
import type { Figure } from '../schema';
import type { Finding } from '../store-schema';
import { checkId } from '../document/ids';
import { OffsetMap, splitParagraphs } from '../text';
import { compileUserMap, defaultIndicatorDictionary, indicatorFor, isTotalIndicator, normaliseUnit, type IndicatorDictionary } from '../indicators';

export type ConsistencyKind = 'percent_over_100' | 'part_exceeds_whole' | 'conflicting_values';

export interface ConsistencyIssue {
  kind: ConsistencyKind;
  /** the figure at fault (code points, half-open) */
  start: number;
  end: number;
  text: string;
  message: string;
  /** the figure's value (a rate over 100%) */
  value?: number | null;
  /** the other place involved: the whole, or the summary's figure */
  related?: { start: number; end: number; text: string };
  indicator?: string;
}

export interface CheckOptions {
  /** the workspace's metric phrase → indicator mapping */
  indicatorMap?: Record<string, string> | null;
  dictionary?: IndicatorDictionary;
}

type Fig = Pick<Figure, 'start' | 'end' | 'text' | 'kind' | 'value' | 'unit' | 'approx' | 'metric'>;

/** Words before a number saying it counts a part of the total before it. */
const PART_CUES = /其中|解决|办结|落实|采纳|办复|答复|吸纳|转化|完成|解决落实|已办|占/;
/** Words saying a percentage is a change, which may exceed 100. */
const GROWTH = /增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|增幅|增速|翻|超过|高于|多于|是上年|为上年|相当于/;

export function checkConsistency(text: string, figures: readonly Fig[], options: CheckOptions = {}): ConsistencyIssue[] {
  const map = new OffsetMap(text);
  const figs = [...figures].filter((f) => f.kind !== 'name').sort((a, b) => a.start - b.start || a.end - b.end);
  return [...percentOver100(text, map, figs), ...partExceedsWhole(text, map, figs), ...conflictingValues(text, map, figs, options)].sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

const slice = (text: string, map: OffsetMap, s: number, e: number): string => text.slice(map.toUtf16(s), map.toUtf16(e));

function percentOver100(text: string, map: OffsetMap, figs: Fig[]): ConsistencyIssue[] {
  const out: ConsistencyIssue[] = [];
  for (const f of figs) {
    if (f.kind !== 'percent' || f.value === null || f.value <= 100 || normaliseUnit(f.unit) !== '%') continue;
    const before = slice(text, map, Math.max(0, f.start - 12), f.start);
    const clause = before.split(/[，,。；;！？\n]/).pop() ?? '';
    if (GROWTH.test(clause) || GROWTH.test(f.metric ?? '')) continue;
    out.push({ kind: 'percent_over_100', start: f.start, end: f.end, text: f.text, value: f.value, message: `A rate of ${f.value}% is over 100% and is not stated as a change.` });
  }
  return out;
}

function sentenceIndex(text: string): (cp: number) => number {
  // sentence number of each code point offset: count sentence ends before it (。！？!?；; and
  // line ends, all in the BMP; a surrogate pair counts as one code point)
  const ends: number[] = [];
  let cp = 0;
  const n = text.length;
  for (let i = 0; i < n; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800) {
      if (c === 0x3002 || c === 0x0a || c === 0x3b || c === 0x21 || c === 0x3f) ends.push(cp);
    } else if (c >= 0xff01) {
      if (c === 0xff01 || c === 0xff1f || c === 0xff1b) ends.push(cp);
    } else if (c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return (at) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function partExceedsWhole(text: string, map: OffsetMap, figs: Fig[]): ConsistencyIssue[] {
  const out: ConsistencyIssue[] = [];
  const sentenceOf = sentenceIndex(text);
  const counted = figs.filter((f) => (f.kind === 'count' || f.kind === 'money') && f.value !== null);
  // lead-in of each figure: the text since the previous figure of its sentence
  const isPart: boolean[] = counted.map((f, i) => {
    const prev = i > 0 && sentenceOf(counted[i - 1].start) === sentenceOf(f.start) ? counted[i - 1].end : null;
    const from = prev ?? Math.max(0, f.start - 20);
    return PART_CUES.test(slice(text, map, from, f.start)) || PART_CUES.test(f.metric ?? '');
  });
  for (let j = 1; j < counted.length; j++) {
    const p = counted[j];
    if (!isPart[j]) continue;
    const unit = normaliseUnit(p.unit);
    // the whole: the nearest earlier figure of the sentence with the same unit that is not itself a part
    for (let i = j - 1; i >= 0; i--) {
      const w = counted[i];
      if (sentenceOf(w.start) !== sentenceOf(p.start)) break;
      if (normaliseUnit(w.unit) !== unit || w.kind !== p.kind) continue;
      if (isPart[i]) continue;
      // the part follows its whole closely: at most one clause break and a short lead-in between
      const between = slice(text, map, w.end, p.start);
      if (!PART_CUES.test(between) || (between.match(/[，,；;]/g) ?? []).length > 1 || [...between].length > 30) break;
      const whole = w.value as number;
      const part = p.value as number;
      // 5000余件 may be up to the next round number: compare only when the whole is stated exactly
      if (part > whole && (w.approx === null || w.approx === 'less')) {
        out.push({ kind: 'part_exceeds_whole', start: p.start, end: p.end, text: p.text, related: { start: w.start, end: w.end, text: w.text }, message: `${p.text} is larger than the total ${w.text} stated before it in the same sentence.` });
      }
      break;
    }
  }
  return out;
}

/**
 * The summary of a report: the first paragraph in its first half that states at least three
 * figures mapped to indicators (the overview "一年来，召开常委会会议9次，…"), or the run of
 * consecutive such paragraphs of a newspaper-style preface.
 */
function conflictingValues(text: string, map: OffsetMap, figs: Fig[], options: CheckOptions): ConsistencyIssue[] {
  const dictionary = options.dictionary ?? defaultIndicatorDictionary();
  const user = compileUserMap(options.indicatorMap);
  const paragraphs = splitParagraphs(text, map);
  const indicators = figs.map((f) => (f.kind === 'count' || f.kind === 'percent' || f.kind === 'money' ? indicatorFor(f, user, dictionary) : null));
  const perParagraph = new Map<number, number>();
  const paragraphOf = (cp: number): number => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid].start <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  figs.forEach((f, i) => {
    if (indicators[i]) perParagraph.set(paragraphOf(f.start), (perParagraph.get(paragraphOf(f.start)) ?? 0) + 1);
  });
  const half = map.cpLength / 2;
  const summary = new Set<number>();
  for (const p of paragraphs) {
    if (p.start > half) break;
    if ((perParagraph.get(p.index) ?? 0) >= 3) summary.add(p.index);
    else if (summary.size > 0) {
      // a preface of several such paragraphs may be interrupted by short ones; stop at prose
      if ([...p.text].length > 40) break;
    }
  }
  if (summary.size === 0) return [];
  const inSummary = new Map<string, Fig>();
  figs.forEach((f, i) => {
    const ind = indicators[i];
    if (ind && summary.has(paragraphOf(f.start)) && !inSummary.has(ind)) inSummary.set(ind, f);
  });
  const out: ConsistencyIssue[] = [];
  figs.forEach((f, i) => {
    const ind = indicators[i];
    if (!ind || summary.has(paragraphOf(f.start)) || !isTotalIndicator(ind, dictionary)) return;
    const s = inSummary.get(ind);
    if (!s || s.value === null || f.value === null || s.value === f.value) return;
    if (s.approx !== null || f.approx !== null) return;
    out.push({ kind: 'conflicting_values', start: f.start, end: f.end, text: f.text, related: { start: s.start, end: s.end, text: s.text }, indicator: ind, message: `${ind}: ${f.text} here, but ${s.text} in the summary.` });
  });
  return out;
}

/**
 * The issues as findings the analyst reviews like any defect (kind `consistency`, no
 * replacement: only the analyst can say which value is right; the reason is in `note`).
 */
export function consistencyFindings(text: string, figures: readonly Fig[], options: CheckOptions = {}): Finding[] {
  return checkConsistency(text, figures, options).map((i) => ({
    type: 'defect',
    id: checkId(i.kind, i.start, i.end),
    origin: 'detector',
    data: {
      kind: 'consistency',
      start: i.start,
      end: i.end,
      text: i.text,
      replacement: null,
      note: i.message,
      check: { rule: i.kind, ...(i.value !== undefined ? { value: i.value } : {}), ...(i.related ? { related: i.related } : {}), ...(i.indicator ? { indicator: i.indicator } : {}) },
    },
  }));
}
