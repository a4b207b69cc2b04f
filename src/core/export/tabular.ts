/**
 * The four tables of the CSV and XLSX exports, one document at a time: facts (one row per
 * figure), duplicates, defects, documents. Every exported finding is one row of facts,
 * duplicates or defects, so their rows add up to the export's finding count. Cells are plain
 * values (string, number, boolean, null).
 */
import type { Defect, Duplicate, Figure } from '../schema';
import { type ExportContext, type PreparedDocument, exportIndicator } from './context';
import { tagNames } from './model';

export type Cell = string | number | boolean | null;

/** A value as a cell: analysts' corrected fields may hold anything JSON can. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return JSON.stringify(v);
}

export const FACTS_COLUMNS = ['document_id', 'document', 'region', 'year', 'paragraph', 'figure_id', 'kind', 'start', 'end', 'text', 'value', 'value_to', 'unit', 'approx', 'metric', 'indicator', 'tags', 'status', 'note', 'origin', 'original_value', 'original_value_to', 'original_unit', 'value_note'] as const;
export const DUPLICATES_COLUMNS = ['document_id', 'document', 'finding_id', 'kind', 'a_start', 'a_end', 'a_text', 'b_start', 'b_end', 'b_text', 'length', 'similarity', 'places', 'tags', 'status', 'note'] as const;
/** A text defect: its span, the fix in effect (`replacement`, the analyst's if corrected) and the detector's (`original_replacement`, only when the analyst changed it). */
export const DEFECTS_COLUMNS = ['document_id', 'document', 'paragraph', 'finding_id', 'kind', 'start', 'end', 'text', 'replacement', 'original_replacement', 'tags', 'status', 'note', 'origin'] as const;
export const DOCUMENTS_COLUMNS = ['document_id', 'document', 'path', 'region', 'level', 'body', 'year', 'meeting_year', 'meeting', 'date', 'reporter', 'reporter_title', 'length', 'sha256', 'figures', 'duplicates', 'defects', 'exported_findings', 'reviewed', 'imported_at'] as const;

export function factRows(p: PreparedDocument, ctx: ExportContext): Cell[][] {
  const rows: Cell[][] = [];
  for (const f of p.findings) {
    if (f.type !== 'figure') continue;
    const d = f.data as Figure;
    rows.push(([
      p.meta.id, p.meta.name, p.metadata.region, p.metadata.year, p.paragraphIndex(d.start), f.id, d.kind, d.start, d.end, d.text,
      d.value, d.value_to ?? null, d.unit, d.approx, d.metric, exportIndicator(d, ctx),
      tagNames(f.review?.tags ?? [], ctx.taxonomy).join('; '), f.status, f.review?.note || null, f.origin,
      ...originalFigure(d, f.original as Figure | null), valueNote(d),
    ] as unknown[]).map(toCell));
  }
  return rows;
}

/** [figures-note] Why the value is empty (`minguo-year year=108`), while it is. */
export function valueNote(d: Figure): string | null { // import-s6: exported for the CLI's analyze CSV
  if (!d.note || d.value !== null) return null;
  const params = Object.entries(d.note.params ?? {}).map(([k, v]) => `${k}=${v}`);
  return [d.note.code, ...params].join(' ');
}

/** The detector's (or manual) value, value_to and unit where the analyst changed any of them, else empty cells. */
function originalFigure(d: Figure, o: Figure | null): unknown[] {
  if (!o || (o.value === d.value && (o.value_to ?? null) === (d.value_to ?? null) && o.unit === d.unit)) return [null, null, null];
  return [o.value, o.value_to ?? null, o.unit];
}

export function defectRows(p: PreparedDocument, ctx: ExportContext): Cell[][] {
  const rows: Cell[][] = [];
  for (const f of p.findings) {
    if (f.type !== 'defect') continue;
    const d = f.data as Defect;
    const o = f.original as Defect | null;
    rows.push(([
      p.meta.id, p.meta.name, p.paragraphIndex(d.start), f.id, d.kind, d.start, d.end, d.text, d.replacement,
      o && o.replacement !== d.replacement ? o.replacement : null,
      tagNames(f.review?.tags ?? [], ctx.taxonomy).join('; '), f.status, f.review?.note || null, f.origin,
    ] as unknown[]).map(toCell));
  }
  return rows;
}

export function duplicateRows(p: PreparedDocument, ctx: ExportContext): Cell[][] {
  const rows: Cell[][] = [];
  for (const f of p.findings) {
    if (f.type !== 'duplicate') continue;
    const d = f.data as Duplicate;
    rows.push(([
      p.meta.id, p.meta.name, f.id, d.kind, d.a.start, d.a.end, d.a.text, d.b.start, d.b.end, d.b.text, d.length, d.similarity ?? null,
      d.places ? d.places.map((s) => `${s.start}-${s.end}`).join(' ') : null,
      tagNames(f.review?.tags ?? [], ctx.taxonomy).join('; '), f.status, f.review?.note || null,
    ] as unknown[]).map(toCell));
  }
  return rows;
}

export function documentRow(p: PreparedDocument): Cell[] {
  const m = p.metadata;
  const c = p.meta.counts;
  return ([p.meta.id, p.meta.name, p.meta.path, m.region, m.level, m.body, m.year, m.meeting_year, m.meeting, m.date, m.reporter, m.reporter_title, p.meta.length, p.meta.sha256, c.figures, c.duplicates, c.defects, p.findings.length, c.reviewed, p.meta.importedAt] as unknown[]).map(toCell);
}
