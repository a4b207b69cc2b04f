/** Test helpers: findings and layers from short descriptions. Pure. */
import { effectiveFinding, type EffectiveFinding } from '../document/effective';
import { figureId } from '../document/ids';
import type { FigureKind } from '../schema';
import type { Finding, Review, ReviewStatus } from '../store-schema';

export function figureFinding(start: number, end: number, kind: FigureKind = 'count', value: number | null = 1, unit: string | null = '个', id?: string): Finding {
  const data = { text: 'x'.repeat(end - start), start, end, kind, value, value_to: null, unit, approx: null, metric: null };
  return { type: 'figure', id: id ?? figureId(data), origin: id?.startsWith('man:') ? 'manual' : 'detector', data };
}

export function review(findingId: string, status: ReviewStatus, fields: Record<string, unknown> = {}, updatedAt = '2026-01-01T00:00:00.000Z', annotator = 'a'): Review {
  return { findingId, status, fields, tags: [], note: '', updatedAt, annotator, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } };
}

export function eff(finding: Finding, status: ReviewStatus, fields: Record<string, unknown> = {}): EffectiveFinding {
  return effectiveFinding(finding, status === 'suggested' && Object.keys(fields).length === 0 ? null : review(finding.id, status, fields));
}

/** mulberry32: a small seeded generator, so a failure can be replayed (bench/lib.mjs has the same for the benches) */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
