/**
 * Carries reviews to their new places when a report's text changed: the analyst's own source
 * changed and was re-analysed (rebuildDocument), or a work file made on another version of the
 * text arrived (a teammate's, or this analyst's from another machine: reconcileWork).
 *
 * A review needs nothing of the other text but what it carries itself: its anchor (the quote,
 * 24 code points of context each side, the old offset, and whether those words stood at more
 * than one place) and its finding's id, which says the finding's type and kind (ids.ts).
 *  - Sure: its quote with its whole context found at one place of the new text, the words not
 *    marked repeated and no other review's anchor showing them at another old place; or, when
 *    the old text is known (a re-analysis here), where the two texts are equal from the start
 *    or to the end.
 *  - Else — found at several places, or with part of its context only (8 code points before or
 *    after), or a long quote changed a little (fuzzy) — only where the sure placements say: at
 *    the shift both neighbours share (the text between them kept its length) or of one whose
 *    unchanged words cover this quote, no other place keeping more of its context; or, with
 *    its whole context on one side, at the one such place of the text between its neighbours.
 *    Two reviews from different places sent to one place this way: neither takes it.
 *  - Anything else is an orphan: a wrong placement is worse than none. Content alone cannot tell
 *    a copy from the original in a repetitive text; the position can.
 * A placed review joins the new finding of the same type and kind at that span; where the
 * detector no longer finds one and the old finding's data is known, the old finding is carried
 * over (shifted, as a manual finding) so the analyst's work stays. Reviews that cannot be placed
 * become orphans — never dropped — and an orphan goes back to its finding when a later change
 * brings that finding back at its quote (the encoding switched back, a teammate's text arrives).
 */
import { matchQuote } from '../diff';
import type { Anchor, Finding, Review } from '../store-schema';
import { OffsetMap } from '../text';
import { ANCHOR_CONTEXT as CONTEXT, byReadingOrder, findAll, findingSpan, makeAnchor, markRepeated } from './findings';
import { type ParsedFindingId, carriedId, parseFindingId } from './ids';

export interface ReanchorInput {
  /**
   * the findings of the text the reviews were made on, where known: a finding found here can be
   * carried over when the new analysis no longer reports it; a review of a finding not here is
   * placed by its anchor and its id alone (a teammate's work: only their manual findings travel)
   */
  oldFindings: Finding[];
  reviews: Record<string, Review>;
  newText: string;
  newFindings: Finding[];
  /**
   * reviews left unplaced by an earlier change: each one is given back to its finding when the
   * new analysis finds that finding again where its quote stands (the source changed back)
   */
  orphans?: Review[];
  /** the text the reviews were made on, when known (a re-analysis on this machine) */
  oldText?: string;
}

export interface ReanchorResult {
  findings: Finding[];
  reviews: Record<string, Review>;
  orphans: Review[];
}

const cpLen = (s: string): number => [...s].length;

/** Quotes shorter than this are placed only where they stand unchanged. */
const FUZZY_MIN = 16;
/** More occurrences than this of one needle are not told apart (the review stays an orphan). */
const MAX_OCCURRENCES = 4096;

/** Code point offsets where needle occurs in text, plus `shift` (at most MAX_OCCURRENCES + 1 of them). */
function occurrences(text: string, map: OffsetMap, needle: string, shift: number): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let u = text.indexOf(needle); u >= 0 && out.length <= MAX_OCCURRENCES; u = text.indexOf(needle, u + 1)) out.push(map.toCp(u) + shift);
  return out;
}

/**
 * The places where the anchor's quote stands with the most of its context found (starts, in
 * code points), or null. `whole`: where its quote with its whole context stands (UTF-16
 * offsets), when looked up already for many anchors at once.
 */
function candidatesOf(text: string, map: OffsetMap, a: Anchor, whole?: readonly number[]): { level: number; starts: number[] } | null {
  if (!a.quote) return null;
  const full = whole ? whole.map((u) => map.toCp(u) + cpLen(a.prefix)) : occurrences(text, map, a.prefix + a.quote + a.suffix, cpLen(a.prefix));
  if (full.length > 0) return { level: 1, starts: full };
  const p8 = [...a.prefix].slice(-8).join('');
  const s8 = [...a.suffix].slice(0, 8).join('');
  const before = p8 ? occurrences(text, map, p8 + a.quote, cpLen(p8)) : [];
  const after = s8 ? occurrences(text, map, a.quote + s8, 0) : [];
  if (before.length > 0 || after.length > 0) return { level: 2, starts: [...new Set([...before, ...after])].sort((x, y) => x - y) };
  // the quote itself changed: a short one (a figure: 9次 → 10次, or mojibake 23次 → 23Ω) is
  // another statement, left to the analyst; a long one may move with a small edit (see placeOf)
  if (cpLen(a.quote) < FUZZY_MIN) return null;
  const bare = occurrences(text, map, a.quote, 0);
  return bare.length > 0 ? { level: 3, starts: bare } : null;
}

/**
 * Where the anchor's quote now stands in text, or null: its place with its full context when
 * that is the only one, else the nearest to its old offset (a lookup for one anchor alone, with
 * no other reviews to tell repeated places apart: reanchorReviews does not use it).
 */
export function placeAnchor(text: string, map: OffsetMap, a: Review['anchor']): { start: number; end: number } | null {
  const c = candidatesOf(text, map, a);
  const qLen = cpLen(a.quote);
  if (c) {
    const best = c.starts.reduce((x, y) => (Math.abs(y - a.start) < Math.abs(x - a.start) ? y : x));
    return { start: best, end: best + qLen };
  }
  if (qLen < FUZZY_MIN) return null;
  const m = matchQuote(text, a.quote, a.start, { threshold: 0.2 });
  return m ? { start: m.start, end: m.end } : null;
}

/** What a finding is, apart from where it is: its type and kind (a consistency check's rule too). */
export function findingKey(f: Finding): string {
  switch (f.type) {
    case 'figure':
      return `figure:${f.data.kind}`;
    case 'duplicate':
      return `duplicate:${f.data.kind}`;
    case 'defect':
      return f.data.kind === 'consistency' ? `defect:consistency:${f.data.check?.rule ?? ''}` : `defect:${f.data.kind}`;
  }
}

/** The same, read from a finding's id (null: an id of another shape, or a manual finding not carried from one). */
function keyOfParsed(p: ParsedFindingId | null): string | null {
  if (!p) return null;
  if (p.origin === 'manual') return keyOfParsed(p.from);
  if (p.type === 'defect' && 'rule' in p) return `defect:consistency:${p.rule}`;
  return `${p.type}:${p.kind}`;
}

const typeOfKey = (key: string): string => key.slice(0, key.indexOf(':'));

/** Where the two texts agree: the length of their common start and of their common end (code points, not overlapping). */
function commonEnds(oldText: string, newText: string): { head: number; tail: number; oldLength: number; newLength: number } {
  const n = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < n && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  if (head > 0 && head < n && isHigh(oldText.charCodeAt(head - 1))) head--; // not half a pair
  let tail = 0;
  while (tail < n - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(oldText.charCodeAt(oldText.length - tail))) tail--;
  const oldMap = new OffsetMap(oldText);
  const newMap = new OffsetMap(newText);
  return { head: oldMap.toCp(head), tail: oldMap.cpLength - oldMap.toCp(oldText.length - tail), oldLength: oldMap.cpLength, newLength: newMap.cpLength };
}
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Whether the text at `start` has the anchor's whole context on one side: all of its prefix
 * (and, when that is shorter than the context kept, the text's start right before it), or all
 * of its suffix (and the text's end after a short one).
 */
function oneSideWhole(text: string, map: OffsetMap, a: Anchor, start: number): boolean {
  const s = map.toUtf16(start);
  const e = s + a.quote.length;
  const p = cpLen(a.prefix);
  const x = cpLen(a.suffix);
  const before = p > 0 && text.slice(Math.max(0, s - a.prefix.length), s) === a.prefix && (p >= CONTEXT || s === a.prefix.length);
  const after = x > 0 && text.slice(e, e + a.suffix.length) === a.suffix && (x >= CONTEXT || e + a.suffix.length === text.length);
  return before || after;
}

/** How much of the anchor's context the text keeps around `start` (UTF-16 units, both sides). */
function contextKept(text: string, map: OffsetMap, a: Anchor, start: number): number {
  const s = map.toUtf16(start);
  const e = s + a.quote.length;
  let n = 0;
  while (n < a.prefix.length && s - 1 - n >= 0 && text.charCodeAt(s - 1 - n) === a.prefix.charCodeAt(a.prefix.length - 1 - n)) n++;
  let m = 0;
  while (m < a.suffix.length && e + m < text.length && text.charCodeAt(e + m) === a.suffix.charCodeAt(m)) m++;
  return n + m;
}

/** An anchor's words: the same for two anchors only when their context and quote are the same, split the same way. */
const needleOf = (a: Anchor): string => `${a.prefix}\u0000${a.quote}\u0000${a.suffix}`;

function repeatedNeedles(reviews: readonly Review[]): Set<string> {
  const at = new Map<string, number>();
  const out = new Set<string>();
  for (const r of reviews) {
    const n = needleOf(r.anchor);
    const s = at.get(n);
    if (s === undefined) at.set(n, r.anchor.start);
    else if (s !== r.anchor.start) out.add(n);
  }
  return out;
}

interface Sure {
  old: number;
  now: number;
  /** the old text its anchor's words cover, found unchanged at `now` (code points) */
  from: number;
  to: number;
}

/** The sure placements nearest before and after an old offset (by old offset). */
function neighbours(sure: readonly Sure[], old: number): { prev: Sure | null; next: Sure | null } {
  let lo = 0;
  let hi = sure.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sure[mid]!.old <= old) lo = mid + 1;
    else hi = mid;
  }
  return { prev: lo > 0 ? sure[lo - 1]! : null, next: lo < sure.length ? sure[lo]! : null };
}

export function reanchorReviews(input: ReanchorInput): ReanchorResult {
  const text = input.newText;
  const map = new OffsetMap(text);
  const oldById = new Map(input.oldFindings.map((f) => [f.id, f]));
  const bySpan = new Map<string, Finding[]>();
  for (const f of input.newFindings) {
    const s = findingSpan(f);
    const key = `${f.type}:${s.start}-${s.end}`;
    const list = bySpan.get(key);
    if (list) list.push(f);
    else bySpan.set(key, [f]);
  }
  const findings = [...input.newFindings];
  const ids = new Set(findings.map((f) => f.id));
  const reviews: Record<string, Review> = {};
  const orphans: Review[] = [];
  const ends = input.oldText !== undefined && input.oldText !== text ? commonEnds(input.oldText, text) : null;

  /** Where the old text and the new one are equal around the anchor: its new start, sure. */
  const byEqualEnds = (a: Anchor): number | null => {
    if (!ends) return null;
    if (a.end + cpLen(a.suffix) <= ends.head) return a.start;
    if (a.start - cpLen(a.prefix) >= ends.oldLength - ends.tail) return a.start + ends.newLength - ends.oldLength;
    return null;
  };

  // first pass: every review's candidate places, and the sure ones
  const all = Object.values(input.reviews);
  const wholeAt = findAll(text, all.map((r) => r.anchor.prefix + r.anchor.quote + r.anchor.suffix), MAX_OCCURRENCES + 1);
  const found = all.map((r) => candidatesOf(text, map, r.anchor, wholeAt.get(r.anchor.prefix + r.anchor.quote + r.anchor.suffix)));
  const place: (number | null)[] = all.map(() => null);
  // a quote with its full context that reviews found at two old offsets stood twice in the old
  // text: one place left in the new text is not proof that it is this review's
  const repeated = repeatedNeedles(all);
  const sure: Sure[] = [];
  const isSure: boolean[] = all.map(() => false);
  all.forEach((r, i) => {
    const c = found[i];
    if (!c) return;
    const equal = byEqualEnds(r.anchor);
    if (equal !== null && c.starts.includes(equal)) place[i] = equal;
    else if (c.level === 1 && c.starts.length === 1 && !r.anchor.repeated && !repeated.has(needleOf(r.anchor))) place[i] = c.starts[0]!;
    if (place[i] !== null) {
      isSure[i] = true;
      const a = r.anchor;
      sure.push({ old: a.start, now: place[i]!, from: a.start - cpLen(a.prefix), to: a.end + cpLen(a.suffix) });
    }
  });
  sure.sort((x, y) => x.old - y.old || x.now - y.now);

  // second pass: the others — their words found at several places, or only with part of their
  // context, or (a long quote) changed a little — placed only where the sure placements next to
  // them say: at the shift of both (the text between them kept its length), or of one whose
  // words, found unchanged, cover this quote. Content alone cannot tell a copy from the
  // original in a repetitive text; the position can.
  const fuzzyEnd = new Map<number, number>();
  all.forEach((r, i) => {
    if (place[i] !== null) return;
    const a = r.anchor;
    const { prev, next } = neighbours(sure, a.start);
    const covering = [prev, next].filter((x): x is Sure => x !== null && x.from <= a.start && a.end <= x.to);
    const shifts = [...new Set([...(prev && next && prev.now - prev.old === next.now - next.old ? [prev] : []), ...covering].map((x) => x.now - x.old))];
    const c = found[i];
    if (c) {
      // at that shift, and no other place keeps more of the context
      const at = shifts.map((d) => a.start + d).filter((s) => c.starts.includes(s));
      if (at.length === 1 && c.starts.length <= MAX_OCCURRENCES) {
        const score = contextKept(text, map, a, at[0]!);
        if (c.starts.every((s) => s === at[0] || contextKept(text, map, a, s) <= score)) place[i] = at[0]!;
      }
      // else the one place in the text where the quote stands with all its context on one side
      // (an edit next to it on the other), between the sure placements around it
      else if (at.length === 0 && c.level === 2 && c.starts.length === 1 && !a.repeated && (!prev || prev.now <= c.starts[0]!) && (!next || c.starts[0]! <= next.now) && oneSideWhole(text, map, a, c.starts[0]!)) place[i] = c.starts[0]!;
      return;
    }
    if (cpLen(a.quote) < FUZZY_MIN) return;
    const hits = new Map<number, number>();
    for (const d of shifts) {
      const m = matchQuote(text, a.quote, Math.max(0, a.start + d), { threshold: 0.2 });
      if (m && (m.start === a.start + d || m.end === a.end + d)) hits.set(m.start, m.end);
    }
    if (hits.size === 1) {
      const [start, end] = [...hits][0]!;
      place[i] = start;
      fuzzyEnd.set(i, end);
    }
  });

  // two reviews from different old places sent to one place by position alone: which one is
  // its own is not known (a passage repeated in the old text, one copy left): neither takes it
  const from = new Map<string, Set<number>>();
  all.forEach((r, i) => {
    if (place[i] === null) return;
    const k = `${place[i]}:${r.anchor.quote}`;
    const set = from.get(k);
    if (set) set.add(r.anchor.start);
    else from.set(k, new Set([r.anchor.start]));
  });
  all.forEach((r, i) => {
    if (place[i] !== null && !isSure[i] && from.get(`${place[i]}:${r.anchor.quote}`)!.size > 1) place[i] = null;
  });

  all.forEach((review, i) => {
    const start = place[i];
    const old = oldById.get(review.findingId);
    const key = old ? findingKey(old) : keyOfParsed(parseFindingId(review.findingId));
    if (start === null || start === undefined || !key) {
      orphans.push(review);
      return;
    }
    const end = fuzzyEnd.get(i) ?? start + cpLen(review.anchor.quote);
    let target = (bySpan.get(`${typeOfKey(key)}:${start}-${end}`) ?? []).find((f) => findingKey(f) === key && !reviews[f.id]);
    if (!target) {
      const carried = old ? shifted(old, start, end, text, map) : null;
      if (!carried || ids.has(carried.id)) {
        orphans.push(review);
        return;
      }
      findings.push(carried);
      ids.add(carried.id);
      target = carried;
    }
    reviews[target.id] = { ...review, findingId: target.id, anchor: makeAnchor(text, start, end, map) };
  });

  // orphans of an earlier change: back to their finding where it stands again at their quote
  const newById = new Map(input.newFindings.map((f) => [f.id, f]));
  for (const review of input.orphans ?? []) {
    const back = orphanPlace(review, newById, bySpan, reviews, text, map);
    if (back) reviews[back.finding.id] = { ...review, findingId: back.finding.id, anchor: makeAnchor(text, back.start, back.end, map) };
    else orphans.push(review);
  }
  markRepeated(text, Object.values(reviews).map((r) => r.anchor));
  findings.sort(byReadingOrder);
  return { findings, reviews, orphans };
}

/**
 * An orphan's finding, when it stands again at the orphan's quote: the finding of its id at the
 * place its anchor finds, or the finding of its type and kind at the one place its quote stands
 * with its full context.
 */
function orphanPlace(review: Review, newById: ReadonlyMap<string, Finding>, bySpan: ReadonlyMap<string, Finding[]>, taken: Record<string, Review>, text: string, map: OffsetMap): { finding: Finding; start: number; end: number } | null {
  const c = candidatesOf(text, map, review.anchor);
  if (!c) return null;
  const again = newById.get(review.findingId);
  if (again && !taken[again.id]) {
    const span = findingSpan(again);
    if (c.starts.includes(span.start) && span.end === span.start + cpLen(review.anchor.quote)) return { finding: again, start: span.start, end: span.end };
  }
  if (c.level !== 1 || c.starts.length !== 1 || review.anchor.repeated) return null;
  const key = keyOfParsed(parseFindingId(review.findingId));
  if (!key) return null;
  const start = c.starts[0]!;
  const end = start + cpLen(review.anchor.quote);
  const f = (bySpan.get(`${typeOfKey(key)}:${start}-${end}`) ?? []).find((x) => findingKey(x) === key && !taken[x.id]);
  return f ? { finding: f, start, end } : null;
}

function shifted(f: Finding, start: number, end: number, text: string, map: OffsetMap): Finding | null {
  const quote = text.slice(map.toUtf16(start), map.toUtf16(end));
  switch (f.type) {
    case 'figure':
    case 'defect':
      return { ...f, origin: 'manual', id: carriedId(start, end, f.id), data: { ...f.data, start, end, text: quote } } as Finding;
    case 'duplicate':
      return null; // both places would have to move: left to the analyst as an orphan
  }
}
