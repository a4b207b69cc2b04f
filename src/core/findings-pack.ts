/**
 * The compact form of a document's findings for the UI (documentView, review results). A long
 * report has tens of thousands of findings; as objects they are most of the view's JSON. Packed,
 * a finding is one array of values in a fixed order, its quoted text is left out where it is
 * the document's own text at its span (the UI slices it). Half the size, and faster to write and
 * to parse. (Ids travel as they are: deriving them on the UI side costs more than parsing them.)
 *
 *   figure    [0, id, origin, start, end, kind, value, value_to, unit, approx, metric, text?]
 *   duplicate [1, id, origin, kind, length, [a.start, a.end, b.start, b.end, …places], similarity | null, hasPlaces]
 *   defect    [2, id, origin, start, end, kind, replacement, note | 0, text?]
 *   defect    [3, id, origin, start, end, kind, edits, note | 0, text?]   (a long fix, as its edits)
 *
 * origin is 0 (detector) or 1 (manual); a missing `text` means the document's text at
 * [start, end). A long fix (a hard-wrapped report's: the whole text with its line breaks joined)
 * travels as its edits of the text, [at, deleted, inserted, …] in UTF-16 units of the text, not as
 * a second copy of the report. Duplicates travel thinned: their places carry
 * offsets only (text ''), as in DocumentView. A finding that does not fit these shapes (a field
 * this codec does not know) travels as its object, so unpacking always gives back the findings.
 */
import type { Finding } from './store-schema';
import { OffsetMap } from './text';
import { applyFixEdits, fixEdits } from './defects/fix-edits';
import { knownDefectEdits } from './defects/reason';

export type PackedValue = string | number | boolean | null | (number | string)[];
/** One finding: its packed row, or (rarely) the finding object itself. */
export type PackedFinding = PackedValue[] | Finding;

const FIGURE_KEYS = ['text', 'start', 'end', 'kind', 'value', 'value_to', 'unit', 'approx', 'metric'];
const DEFECT_KEYS = new Set(['kind', 'start', 'end', 'text', 'replacement', 'note']);
const DUPLICATE_KEYS = new Set(['kind', 'a', 'b', 'length', 'similarity', 'places']);
const TOP_KEYS = 4; // type, id, origin, data
/** a fix at least this long travels as its edits when they are less than half its size */
const LONG_FIX = 256;

/** A long fix as its edits of the text, flat ([at, deleted, inserted, …]), or null when they save little. */
function packedEdits(text: string, replacement: string): (number | string)[] | null {
  if (replacement.length < LONG_FIX) return null;
  const edits = fixEdits(text, replacement);
  let size = 0;
  const flat: (number | string)[] = [];
  for (const e of edits) {
    size += e.ins.length + 12;
    flat.push(e.at, e.del, e.ins);
  }
  return size * 2 < replacement.length ? flat : null;
}

/** Slices the document text by code point offsets. */
export type Slicer = (start: number, end: number) => string;

export function slicerOf(text: string, map: OffsetMap = new OffsetMap(text)): Slicer {
  if (map.isBmp) return (start, end) => text.slice(start, end);
  return (start, end) => text.slice(map.toUtf16(start), map.toUtf16(end));
}

/** Whether `quote` is the document's text at the code point span [start, end) (compared in place). */
type Matcher = (start: number, end: number, quote: string) => boolean;

function matcherOf(text: string, map: OffsetMap): Matcher {
  if (map.isBmp) return (start, end, quote) => quote.length === end - start && text.startsWith(quote, start);
  return (start, end, quote) => {
    const s = map.toUtf16(start);
    return quote.length === map.toUtf16(end) - s && text.startsWith(quote, s);
  };
}

function hasOnly(o: object, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function packOne(f: Finding, isText: Matcher): PackedFinding {
  if (Object.keys(f).length !== TOP_KEYS || typeof f.id !== 'string' || (f.origin !== 'detector' && f.origin !== 'manual')) return f;
  const origin = f.origin === 'manual' ? 1 : 0;
  switch (f.type) {
    case 'figure': {
      const d = f.data;
      if (Object.keys(d).length !== FIGURE_KEYS.length || !FIGURE_KEYS.every((k) => k in d)) return f;
      const row: PackedValue[] = [0, f.id, origin, d.start, d.end, d.kind, d.value, d.value_to, d.unit, d.approx, d.metric];
      if (!isText(d.start, d.end, d.text)) row.push(d.text);
      return row;
    }
    case 'defect': {
      const d = f.data;
      if (!hasOnly(d, DEFECT_KEYS) || !('replacement' in d) || typeof d.text !== 'string' || (d.note !== undefined && typeof d.note !== 'string')) return f;
      const edits = d.replacement === null ? null : packedEdits(d.text, d.replacement);
      const row: PackedValue[] = edits ? [3, f.id, origin, d.start, d.end, d.kind, edits, d.note ?? 0] : [2, f.id, origin, d.start, d.end, d.kind, d.replacement, d.note ?? 0];
      if (!isText(d.start, d.end, d.text)) row.push(d.text);
      return row;
    }
    case 'duplicate': {
      const d = f.data;
      if (!hasOnly(d, DUPLICATE_KEYS) || (d.similarity !== undefined && typeof d.similarity !== 'number')) return f;
      const spans = [d.a.start, d.a.end, d.b.start, d.b.end];
      for (const p of d.places ?? []) spans.push(p.start, p.end);
      return [1, f.id, origin, d.kind, d.length, spans, d.similarity ?? null, d.places ? 1 : 0];
    }
    default:
      return f;
  }
}

/** Packs findings (duplicates are thinned: their places' texts become ''). */
export function packFindings(findings: readonly Finding[], text: string, map: OffsetMap = new OffsetMap(text)): PackedFinding[] {
  const isText = matcherOf(text, map);
  return findings.map((f) => packOne(f, isText));
}

const ORIGINS = ['detector', 'manual'] as const;

function unpackOne(row: PackedFinding, slice: Slicer): Finding {
  if (!Array.isArray(row)) return row;
  const origin = ORIGINS[row[2] as number];
  switch (row[0]) {
    case 0: {
      const start = row[3] as number;
      const end = row[4] as number;
      const data = {
        text: row.length > 11 ? (row[11] as string) : slice(start, end),
        start,
        end,
        kind: row[5],
        value: row[6],
        value_to: row[7],
        unit: row[8],
        approx: row[9],
        metric: row[10],
      } as Extract<Finding, { type: 'figure' }>['data'];
      return { type: 'figure', id: row[1] as string, origin, data };
    }
    case 2:
    case 3: {
      const start = row[3] as number;
      const end = row[4] as number;
      const text = row.length > 8 ? (row[8] as string) : slice(start, end);
      const edits = row[0] === 3 ? editsOf(row[6] as (number | string)[]) : null;
      const replacement = edits ? applyFixEdits(text, edits) : row[6];
      const data = { kind: row[5], start, end, text, replacement } as Extract<Finding, { type: 'defect' }>['data'];
      if (row[7] !== 0) data.note = row[7] as string;
      // the packed edits are fixEdits(text, replacement): counting or sampling them needs no new walk
      if (edits) knownDefectEdits(data, edits);
      return { type: 'defect', id: row[1] as string, origin, data };
    }
    case 1: {
      const s = row[5] as number[];
      const data = { kind: row[3], a: { start: s[0], end: s[1], text: '' }, b: { start: s[2], end: s[3], text: '' }, length: row[4] } as Extract<Finding, { type: 'duplicate' }>['data'];
      if (row[6] !== null) data.similarity = row[6] as number;
      if (row[7] === 1) {
        const places: { start: number; end: number; text: string }[] = [];
        for (let i = 4; i + 1 < s.length; i += 2) places.push({ start: s[i], end: s[i + 1], text: '' });
        data.places = places;
      }
      return { type: 'duplicate', id: row[1] as string, origin, data };
    }
    default:
      throw new Error(`unknown packed finding ${JSON.stringify(row).slice(0, 80)}`);
  }
}

function editsOf(flat: readonly (number | string)[]): { at: number; del: number; ins: string }[] {
  const out: { at: number; del: number; ins: string }[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push({ at: flat[i] as number, del: flat[i + 1] as number, ins: flat[i + 2] as string });
  return out;
}

/** The findings back from their packed form; `text` is the document's text. */
export function unpackFindings(packed: readonly PackedFinding[], text: string | Slicer, map?: OffsetMap): Finding[] {
  const slice = typeof text === 'string' ? slicerOf(text, map) : text;
  const out = new Array<Finding>(packed.length);
  for (let i = 0; i < packed.length; i++) out[i] = unpackOne(packed[i], slice);
  return out;
}
