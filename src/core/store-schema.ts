/**
 * What the workspace store keeps on disk (validated on read, migrated by schemaVersion).
 * <workspace>/.report-annotator/workspace.json                → WorkspaceFile (the index)
 * <workspace>/.report-annotator/cache/<id>.json               → CacheFile: derived, rebuildable
 *                                                               from the source (text, detector findings)
 * <workspace>/.report-annotator/work/<analystId>/<id>.json    → WorkFile: one analyst's work on one
 *                                                               document, written only by that analyst's app
 * A DocumentFile is what readers see: the cache and the work composed (see main/store/compose.ts).
 * v1 kept one docs/<id>.json per document holding both (DocumentFileV1); it is migrated on open.
 */
import { z } from 'zod';
import { Analysis, AnalysisCapped, Defect, Duplicate, Figure } from './schema';

export const STORE_SCHEMA_VERSION = 2;

/** Who made a piece of work: a display name and a stable id (a uuid), kept in the app's user settings. */
export const Analyst = z.object({ id: z.string(), name: z.string() });
export type Analyst = z.infer<typeof Analyst>;

export const Tag = z.object({ id: z.string(), name: z.string(), color: z.string(), hotkey: z.string().nullable().default(null) });
export type Tag = z.infer<typeof Tag>;

export const DocFormat = z.enum(['txt', 'md', 'docx', 'html', 'pdf']);
export type DocFormat = z.infer<typeof DocFormat>;

export const DocumentMeta = z.object({
  id: z.string(),
  /** path of the source file: relative to the workspace folder when inside it, else absolute */
  path: z.string(),
  name: z.string(),
  format: DocFormat,
  encoding: z.string().nullable(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  sha256: z.string(),
  /** text length in code points */
  length: z.number().int().nonnegative(),
  importedAt: z.string(),
  counts: z.object({
    figures: z.number().int(), duplicates: z.number().int(), defects: z.number().int(),
    reviewed: z.number().int(), total: z.number().int(),
    /** reviews kept after their report changed, waiting for the analyst */
    orphans: z.number().int().optional(),
  }),
  metadata: z.record(z.string(), z.string().nullable()).default({}),
  /** memory: the kinds of finding cut to their first `n` when it was analysed (the report has more; see core/analyze) */
  capped: AnalysisCapped.optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const WorkspaceFile = z.object({
  schemaVersion: z.number().int(),
  documents: z.array(DocumentMeta),
  taxonomy: z.array(Tag),
  settings: z.record(z.string(), z.unknown()).default({}),
  indicatorMap: z.record(z.string(), z.string()).default({}),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

export const ReviewStatus = z.enum(['suggested', 'accepted', 'rejected', 'corrected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** Where a finding sits, with context, so it can be re-anchored when the text changes. */
export const Anchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /**
   * anchor-s7: true when the quote stands with this same context elsewhere in the text too (a
   * repeated passage), so finding it once in another version is no proof of its place. Absent:
   * it stood there once, or the anchor is older than this field (taken as once, as before).
   */
  repeated: z.boolean().optional(),
});
export type Anchor = z.infer<typeof Anchor>;

export const FindingType = z.enum(['figure', 'duplicate', 'defect']);
export type FindingType = z.infer<typeof FindingType>;

/** A finding as the store and the UI see it: detector output or manual, with a stable id. */
export const Finding = z.discriminatedUnion('type', [
  z.object({ type: z.literal('figure'), id: z.string(), origin: z.enum(['detector', 'manual']), data: Figure }),
  z.object({ type: z.literal('duplicate'), id: z.string(), origin: z.enum(['detector', 'manual']), data: Duplicate }),
  z.object({ type: z.literal('defect'), id: z.string(), origin: z.enum(['detector', 'manual']), data: Defect }),
]);
export type Finding = z.infer<typeof Finding>;

export const Review = z.object({
  findingId: z.string(),
  status: ReviewStatus,
  /** the analyst's values for changed fields (the detector's original stays in the finding) */
  fields: z.record(z.string(), z.unknown()).default({}),
  tags: z.array(z.string()).default([]),
  note: z.string().default(''),
  updatedAt: z.string(),
  annotator: z.string(),
  anchor: Anchor,
});
export type Review = z.infer<typeof Review>;

const History = z.object({ undo: z.array(z.unknown()), redo: z.array(z.unknown()) }).default({ undo: [], redo: [] });

/**
 * A document as readers see it (readDocument): the derived text and findings with one
 * analyst's work. Not a file since v2: the store splits it into a CacheFile and a WorkFile.
 * `analysis` is accepted for callers that still pass it, and never stored.
 */
export const DocumentFile = z.object({
  schemaVersion: z.number().int(),
  id: z.string(),
  sha256: z.string(),
  text: z.string(),
  analysis: Analysis.optional(),
  /** findings with ids: detector findings and manual ones, in reading order */
  findings: z.array(Finding),
  reviews: z.record(z.string(), Review),
  /** reviews whose finding could not be re-anchored after the file changed: never dropped */
  orphans: z.array(Review).default([]),
  /** undo/redo stacks of review operations (see core/review) */
  history: History,
});
export type DocumentFile = z.infer<typeof DocumentFile>;

/** v1's docs/<id>.json: derived data and the analyst's work in one file (read only to migrate it). */
export const DocumentFileV1 = z.object({
  schemaVersion: z.number().int(),
  id: z.string(),
  sha256: z.string(),
  text: z.string(),
  analysis: Analysis,
  findings: z.array(Finding),
  reviews: z.record(z.string(), Review),
  orphans: z.array(Review).default([]),
  history: History,
});
export type DocumentFileV1 = z.infer<typeof DocumentFileV1>;

/** cache/<id>.json: what the machine can recompute from the source bytes and the analyzer. */
export const CacheFile = z.object({
  schemaVersion: z.number().int(),
  id: z.string(),
  /** sha256 of the source bytes */
  sha256: z.string(),
  /** the version of the app whose detectors made `findings` */
  analyzer: z.string(),
  /** on disk: span texts that are slices of `text` are stored empty (see main/store/cache-codec.ts); false in memory */
  sliced: z.boolean().default(false),
  text: z.string(),
  /** detector findings, consistency checks included (never manual ones) */
  findings: z.array(Finding),
});
export type CacheFile = z.infer<typeof CacheFile>;

/** work/<analystId>/<id>.json: everything one analyst made on one document. */
export const WorkFile = z.object({
  schemaVersion: z.number().int(),
  documentId: z.string(),
  analyst: Analyst,
  /** sha256 of the source whose text the anchors and finding ids refer to */
  sha256: z.string(),
  /** the analyst's manual findings */
  findings: z.array(Finding),
  reviews: z.record(z.string(), Review),
  orphans: z.array(Review).default([]),
  history: History,
});
export type WorkFile = z.infer<typeof WorkFile>;
