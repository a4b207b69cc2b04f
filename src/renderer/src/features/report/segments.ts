/**
 * Splits a paragraph into segments where the set of covering marks is constant, so overlapping
 * findings render correctly (each segment is one <span> with the styles of all its marks).
 */
import type { Mark } from './model';

export interface Segment {
  /** code point span */
  start: number;
  end: number;
  /** marks covering the segment, most specific (shortest) first */
  marks: Mark[];
  /** point markers that sit at this segment's end (zero-length findings) */
  points: Mark[];
}

export function segmentParagraph(start: number, end: number, marks: readonly Mark[]): Segment[] {
  const spans: Mark[] = [];
  const points: Mark[] = [];
  for (const m of marks) {
    if (m.point) points.push(m);
    else if (m.end > start && m.start < end && m.end > m.start) spans.push(m);
  }
  const cuts = new Set<number>([start, end]);
  for (const m of spans) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  for (const p of points) cuts.add(Math.min(Math.max(p.start, start), end));
  const bounds = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i];
    const e = bounds[i + 1];
    const covering = spans.filter((m) => m.start <= s && m.end >= e);
    covering.sort((a, b) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? -1 : 1));
    out.push({ start: s, end: e, marks: covering, points: [] });
  }
  if (out.length === 0) out.push({ start, end, marks: [], points: [] });
  for (const p of points) {
    const at = Math.min(Math.max(p.start, start), end);
    // attach to the segment ending at the point (or the first one for a point at the start)
    const seg = out.find((s) => s.end === at) ?? out[0];
    seg.points.push(p);
  }
  return out;
}

/** The mark drawn on top in a segment: the selected finding if it covers it, else the shortest. */
export function topMark(seg: Segment, selectedId: string | null): Mark | null {
  if (seg.marks.length === 0) return null;
  if (selectedId) {
    const sel = seg.marks.find((m) => m.id === selectedId);
    if (sel) return sel;
  }
  return seg.marks[0];
}
