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
  return { start, end, quote: text.slice(s, e), prefix: text.slice(ps, s), suffix: text.slice(e, se) };
}

const HASHED = 16;
/** up to this many anchors, each is looked up alone (indexOf: ~1 ms each on 1M characters) */
const FEW = 64;
const BASE = 0x01000193;

/**
 * anchor-s7: where each needle occurs in text (UTF-16 offsets, at most `cap` of them each).
 * One pass over the text for many needles (a rolling hash of their first 16 UTF-16 units, each
 * hit compared in full); a few needles, or short ones, are looked up one by one (indexOf).
 */
export function findAll(text: string, needles: Iterable<string>, cap: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const n of needles) if (n && !out.has(n)) out.set(n, []);
  const byHash = new Map<number, { needle: string; at: number[] }[]>();
  for (const [needle, at] of out) {
    if (needle.length < HASHED || out.size <= FEW) {
      for (let u = text.indexOf(needle); u >= 0 && at.length < cap; u = text.indexOf(needle, u + 1)) at.push(u);
      continue;
    }
    let h = 0;
    for (let j = 0; j < HASHED; j++) h = (Math.imul(h, BASE) + needle.charCodeAt(j)) | 0;
    const list = byHash.get(h);
    if (list) list.push({ needle, at });
    else byHash.set(h, [{ needle, at }]);
  }
  if (byHash.size > 0 && text.length >= HASHED) {
    let top = 1; // BASE^(HASHED-1): the weight of the unit leaving the window
    for (let j = 1; j < HASHED; j++) top = Math.imul(top, BASE);
    let h = 0;
    for (let j = 0; j < HASHED; j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
    const seen = new Uint8Array(1 << 20); // a first filter on the hash's low bits: most windows stop here
    for (const k of byHash.keys()) seen[k & 0xfffff] = 1;
    for (let u = 0; ; u++) {
      const hits = seen[h & 0xfffff] === 1 ? byHash.get(h) : undefined;
      if (hits) for (const x of hits) if (x.at.length < cap && text.startsWith(x.needle, u)) x.at.push(u);
      if (u + HASHED >= text.length) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(u), top), BASE) + text.charCodeAt(u + HASHED)) | 0;
    }
  }
  return out;
}

/**
 * anchor-s7: marks `repeated` on each anchor (made on `text`) whose quote stands with the same
 * context at more than one place of the text — a repeated passage, where finding the words once
 * in another version is no proof of the place. ~0.1 s for thousands of anchors on a
 * 1M-character report, ~1 ms each for a few. Changes the anchors given.
 */
export function markRepeated(text: string, anchors: readonly Anchor[]): void {
  const needle = (a: Anchor): string => (a.quote ? a.prefix + a.quote + a.suffix : '');
  const found = findAll(text, anchors.map(needle), 2);
  for (const a of anchors) if ((found.get(needle(a))?.length ?? 0) > 1) a.repeated = true;
}
