/**
 * A document's findings: the detector output with ids, in reading order; a finding's primary
 * span; the anchor a review keeps to be placed again.
 */
import type { Analysis } from '../schema';
import type { Anchor, Finding } from '../store-schema';
import { OffsetMap } from '../text';
import { defectId, duplicateId, figureId } from './ids';

/** The detector findings of an analysis, with ids, in reading order (a repeated id is kept once). */
export function findingsFromAnalysis(analysis: Analysis): Finding[] {
  const out: Finding[] = [];
  for (const f of analysis.figures) out.push({ type: 'figure', id: figureId(f), origin: 'detector', data: f });
  for (const d of analysis.duplicates) out.push({ type: 'duplicate', id: duplicateId(d), origin: 'detector', data: d });
  for (const d of analysis.defects) out.push({ type: 'defect', id: defectId(d), origin: 'detector', data: d });
  const seen = new Set<string>();
  const unique = out.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
  return unique.sort(byReadingOrder);
}

/** The primary span of a finding (for a duplicate: its second place, the copy). */
export function findingSpan(f: Finding): { start: number; end: number } {
  switch (f.type) {
    case 'figure':
    case 'defect':
      return { start: f.data.start, end: f.data.end };
    case 'duplicate':
      return { start: f.data.b.start, end: f.data.b.end };
  }
}

export const findingStart = (f: Finding): number => findingSpan(f).start;
export const findingEnd = (f: Finding): number => findingSpan(f).end;

/** Reading order: by primary start, then end (for a stable sort). */
export function byReadingOrder(x: Finding, y: Finding): number {
  const a = findingSpan(x);
  const b = findingSpan(y);
  return a.start - b.start || a.end - b.end;
}

/** Code points of context a review's anchor keeps on each side of its quote. */
export const ANCHOR_CONTEXT = 24;
const CONTEXT = ANCHOR_CONTEXT;

/** Quote with prefix and suffix context, for re-anchoring when the source changes. */
export function makeAnchor(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): Anchor {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  const ps = map.toUtf16(Math.max(0, start - CONTEXT));
  const se = map.toUtf16(Math.min(map.cpLength, end + CONTEXT));
  const prefix = text.slice(ps, s);
  const quote = text.slice(s, e);
  const suffix = text.slice(e, se);
  const anchor: Anchor = { start, end, quote, prefix, suffix };
  // anchor-s7: the same words with the same context at another place (a repeated passage)
  const needle = prefix + quote + suffix;
  if (quote && (text.indexOf(needle) !== ps || text.indexOf(needle, ps + 1) >= 0)) anchor.repeated = true;
  return anchor;
}
