/**
 * Zod schemas of everything that is stored or crosses a process boundary.
 * Offsets are Unicode code points, half-open [start, end) (see ANNOTATION-GUIDE.md).
 */
import { z } from 'zod';

export const FigureKind = z.enum(['count', 'money', 'percent', 'range', 'date', 'duration', 'name']);
export type FigureKind = z.infer<typeof FigureKind>;

export const Approx = z.enum(['more', 'less', 'about']).nullable();
export type Approx = z.infer<typeof Approx>;

// [figures-note] Why a figure's value is left null: the analyst sees the reason (i18n key
// `figureNote.<code>`, with params), exports carry it (JSONL `note`, CSV/XLSX `value_note`).
export const FigureNoteCode = z.enum(['spaced-digits', 'cut-by-break', 'leading-zero', 'broken-number', 'minguo-year', 'indefinite', 'list-marker']);
export type FigureNoteCode = z.infer<typeof FigureNoteCode>;
export const FigureNote = z.object({ code: FigureNoteCode, params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type FigureNote = z.infer<typeof FigureNote>;

export const Figure = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: FigureKind,
  value: z.number().nullable(),
  value_to: z.number().nullable().default(null),
  unit: z.string().nullable(),
  approx: Approx,
  metric: z.string().nullable(),
  /** only on a figure whose value is null because its reading is uncertain [figures-note] */
  note: FigureNote.optional(),
});
export type Figure = z.infer<typeof Figure>;

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const DuplicateKind = z.enum(['exact_paragraph', 'near_paragraph', 'copied_passage', 'repeated_word', 'boilerplate']);
export type DuplicateKind = z.infer<typeof DuplicateKind>;

export const Duplicate = z.object({
  kind: DuplicateKind,
  /** first place */
  a: Span,
  /** second place (for boilerplate in a single place, equal to a) */
  b: Span,
  /** shared length in code points */
  length: z.number().int().nonnegative(),
  /** character 5-gram Jaccard similarity, for near_paragraph */
  similarity: z.number().min(0).max(1).optional(),
  /** every place of a group repeated more than twice (a and b are the first two) */
  places: z.array(Span).optional(),
});
export type Duplicate = z.infer<typeof Duplicate>;

/** `consistency`: a figure that contradicts another (a rate over 100%, a part above its whole, two values of one total); found when a report is imported, with the reason in `note`. */
export const DefectKind = z.enum(['broken_paragraph', 'foreign_token', 'markup_residue', 'caption', 'mixed_punctuation', 'consistency']);
export type DefectKind = z.infer<typeof DefectKind>;

export const Defect = z.object({
  kind: DefectKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** suggested replacement of [start, end), or null where no fix is certain */
  replacement: z.string().nullable(),
  /** why (English; a consistency finding also carries `check`, from which the UI words it in the analyst's language) */
  note: z.string().optional(),
  /** a consistency finding's check: which rule, the other place involved, the indicator */
  check: z
    .object({
      rule: z.enum(['percent_over_100', 'part_exceeds_whole', 'conflicting_values']),
      value: z.number().nullable().optional(),
      related: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }).optional(),
      indicator: z.string().optional(),
    })
    .optional(),
});
export type Defect = z.infer<typeof Defect>;

// memory: a report with more findings of one kind than the analysis keeps (core/analyze.ts)
/** Kinds of finding cut to their first `n` (in reading order), with `n`: the report has more. Never silent: the UI and the CLI say so. */
export const AnalysisCapped = z.object({
  figures: z.number().int().positive().optional(),
  duplicates: z.number().int().positive().optional(),
  defects: z.number().int().positive().optional(),
});
export type AnalysisCapped = z.infer<typeof AnalysisCapped>;

export const Analysis = z.object({
  figures: z.array(Figure),
  duplicates: z.array(Duplicate),
  defects: z.array(Defect),
  /** memory: present only when a kind was cut to its first findings (see AnalysisCapped) */
  capped: AnalysisCapped.optional(),
});
export type Analysis = z.infer<typeof Analysis>;
