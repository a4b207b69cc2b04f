/**
 * Carries reviews to their new places when a report's source changed and it was re-analysed.
 * A review is placed by its quote: first with its full context, then with part of it, then by
 * diff-match-patch's fuzzy match near the old offset. A placed review joins the new detector
 * finding at that span; where the detector no longer finds one, the old finding is carried
 * over (shifted) so the analyst's work stays. Reviews that cannot be placed become orphans —
 * never dropped — and an orphan goes back to its finding when a later change (say, the
 * encoding switched back) brings that finding back at its quote.
 */
import { matchQuote } from '../diff';
import type { Finding, Review } from '../store-schema';
import { OffsetMap } from '../text';
import { byReadingOrder, findingSpan, makeAnchor } from './findings';
import { carriedId } from './ids';

export interface ReanchorInput {
  oldFindings: Finding[];
  reviews: Record<string, Review>;
  newText: string;
  newFindings: Finding[];
  /**
   * reviews left unplaced by an earlier change: each one is given back to its finding when the
   * new analysis finds that finding again where its quote stands (the source changed back)
   */
  orphans?: Review[];
}

export interface ReanchorResult {
  findings: Finding[];
  reviews: Record<string, Review>;
  orphans: Review[];
}

/** Code point offset of the occurrence of needle nearest to nearCp, or -1. */
function nearestOccurrence(text: string, map: OffsetMap, needle: string, nearCp: number): number {
  if (!needle) return -1;
  const nearU = map.toUtf16(Math.min(nearCp, map.cpLength));
  const after = text.indexOf(needle, nearU);
  const before = nearU > 0 ? text.lastIndexOf(needle, nearU - 1) : -1;
  const best = after < 0 ? before : before < 0 ? after : nearU - before <= after - nearU ? before : after;
  return best < 0 ? -1 : map.toCp(best);
}

const cpLen = (s: string): number => [...s].length;

/** Where the anchor's quote now stands in text, or null. */
export function placeAnchor(text: string, map: OffsetMap, a: Review['anchor']): { start: number; end: number } | null {
  const qLen = cpLen(a.quote);
  const full = nearestOccurrence(text, map, a.prefix + a.quote + a.suffix, a.start - cpLen(a.prefix));
  if (full >= 0) return { start: full + cpLen(a.prefix), end: full + cpLen(a.prefix) + qLen };
  const p8 = [...a.prefix].slice(-8).join('');
  const s8 = [...a.suffix].slice(0, 8).join('');
  const withPrefix = nearestOccurrence(text, map, p8 + a.quote, a.start - cpLen(p8));
  if (withPrefix >= 0 && p8) return { start: withPrefix + cpLen(p8), end: withPrefix + cpLen(p8) + qLen };
  const withSuffix = nearestOccurrence(text, map, a.quote + s8, a.start);
  if (withSuffix >= 0 && s8) return { start: withSuffix, end: withSuffix + qLen };
  // the quote itself changed: a short one (a figure: 9次 → 10次, or mojibake 23次 → 23Ω) is
  // another statement, left to the analyst; a long one may move with a small edit
  if (qLen < FUZZY_MIN) return null;
  const m = matchQuote(text, a.quote, a.start, { threshold: 0.2 });
  return m ? { start: m.start, end: m.end } : null;
}

/** Quotes shorter than this are placed only where they stand unchanged. */
const FUZZY_MIN = 16;

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

export function reanchorReviews(input: ReanchorInput): ReanchorResult {
  const map = new OffsetMap(input.newText);
  const oldById = new Map(input.oldFindings.map((f) => [f.id, f]));
  const bySpan = new Map<string, Finding>();
  for (const f of input.newFindings) {
    const s = findingSpan(f);
    const key = `${f.type}:${s.start}-${s.end}`;
    if (!bySpan.has(key)) bySpan.set(key, f);
  }
  const findings = [...input.newFindings];
  const ids = new Set(findings.map((f) => f.id));
  const reviews: Record<string, Review> = {};
  const orphans: Review[] = [];

  for (const review of Object.values(input.reviews)) {
    const old = oldById.get(review.findingId);
    const place = placeAnchor(input.newText, map, review.anchor);
    if (!old || !place) {
      orphans.push(review);
      continue;
    }
    let target = bySpan.get(`${old.type}:${place.start}-${place.end}`);
    if (target && reviews[target.id]) target = undefined; // already taken by another review
    if (!target) {
      const carried = shifted(old, place.start, place.end, input.newText, map);
      if (!carried || ids.has(carried.id)) {
        orphans.push(review);
        continue;
      }
      findings.push(carried);
      ids.add(carried.id);
      target = carried;
    }
    reviews[target.id] = { ...review, findingId: target.id, anchor: makeAnchor(input.newText, place.start, place.end, map) };
  }
  const newById = new Map(input.newFindings.map((f) => [f.id, f]));
  for (const review of input.orphans ?? []) {
    const again = newById.get(review.findingId);
    const place = again && !reviews[again.id] ? placeAnchor(input.newText, map, review.anchor) : null;
    const span = again && findingSpan(again);
    if (again && place && span && span.start === place.start && span.end === place.end) {
      reviews[again.id] = { ...review, anchor: makeAnchor(input.newText, place.start, place.end, map) };
    } else orphans.push(review);
  }
  findings.sort(byReadingOrder);
  return { findings, reviews, orphans };
}
