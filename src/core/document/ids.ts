/**
 * Finding ids, built and read in this one place. A detector finding's id is stable: the same
 * text and the same detector output give the same id, so a review stays on its finding across
 * re-analysis. The shapes (offsets are code points):
 *
 *   fig:<start>-<end>:<kind>                          a figure
 *   dup:<kind>:<a.start>-<a.end>:<b.start>-<b.end>    a duplicate (a: first place, b: the copy)
 *   def:<kind>:<start>-<end>                          a text defect
 *   chk:<rule>:<start>-<end>                          a consistency check (a defect of kind consistency)
 *   man:<start>-<end>:<stamp>                         a finding the analyst added
 *   man:<start>-<end>:<old id>                        a finding carried to a new place when the source changed
 *
 * Ids of other shapes (imported datasets keep their own) are valid ids; they parse to null.
 */
import type { Defect, Duplicate, Figure } from '../schema';

export function figureId(f: Pick<Figure, 'start' | 'end' | 'kind'>): string {
  return `fig:${f.start}-${f.end}:${f.kind}`;
}

export function duplicateId(d: Pick<Duplicate, 'kind' | 'a' | 'b'>): string {
  return `dup:${d.kind}:${d.a.start}-${d.a.end}:${d.b.start}-${d.b.end}`;
}

export function defectId(d: Pick<Defect, 'kind' | 'start' | 'end'>): string {
  return `def:${d.kind}:${d.start}-${d.end}`;
}

/** A consistency check's id, from its rule (percent_over_100, …) and the span of the figure at fault. */
export function checkId(rule: string, start: number, end: number): string {
  return `chk:${rule}:${start}-${end}`;
}

/** A finding the analyst adds at [start, end); `stamp` (the time, by default) keeps two at one span apart. */
export function manualId(start: number, end: number, stamp: number | string = Date.now()): string {
  return `man:${start}-${end}:${stamp}`;
}

/** The id of a finding carried to [start, end) from the finding `fromId` (the source changed). */
export function carriedId(start: number, end: number, fromId: string): string {
  return `man:${start}-${end}:${fromId}`;
}

export type ParsedFindingId =
  | { origin: 'detector'; type: 'figure'; kind: string; start: number; end: number }
  | { origin: 'detector'; type: 'duplicate'; kind: string; a: { start: number; end: number }; b: { start: number; end: number } }
  | { origin: 'detector'; type: 'defect'; kind: string; start: number; end: number }
  /** a consistency check: a defect of kind `consistency` */
  | { origin: 'detector'; type: 'defect'; kind: 'consistency'; rule: string; start: number; end: number }
  /** a manual finding; `from` is the finding it was carried from (parsed), when it was carried */
  | { origin: 'manual'; start: number; end: number; stamp: string; from: ParsedFindingId | null };

const SPAN = /^(\d+)-(\d+)$/;

function span(s: string | undefined): { start: number; end: number } | null {
  const m = s === undefined ? null : SPAN.exec(s);
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

/** What an id says about its finding, or null for an id of another shape. */
export function parseFindingId(id: string): ParsedFindingId | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const prefix = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (prefix === 'man') {
    const at = rest.indexOf(':');
    const s = span(at < 0 ? undefined : rest.slice(0, at));
    if (!s) return null;
    const stamp = rest.slice(at + 1);
    return { origin: 'manual', ...s, stamp, from: parseFindingId(stamp) };
  }
  const parts = rest.split(':');
  switch (prefix) {
    case 'fig': {
      const s = span(parts[0]);
      return s && parts.length === 2 && parts[1] ? { origin: 'detector', type: 'figure', kind: parts[1], ...s } : null;
    }
    case 'dup': {
      const a = span(parts[1]);
      const b = span(parts[2]);
      return a && b && parts.length === 3 && parts[0] ? { origin: 'detector', type: 'duplicate', kind: parts[0], a, b } : null;
    }
    case 'def': {
      const s = span(parts[1]);
      return s && parts.length === 2 && parts[0] ? { origin: 'detector', type: 'defect', kind: parts[0], ...s } : null;
    }
    case 'chk': {
      const s = span(parts[1]);
      return s && parts.length === 2 && parts[0] ? { origin: 'detector', type: 'defect', kind: 'consistency', rule: parts[0], ...s } : null;
    }
    default:
      return null;
  }
}
