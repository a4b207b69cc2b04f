/**
 * What the workspace store keeps on disk (validated on read, migrated by schemaVersion).
 * <workspace>/.report-annotator/workspace.json   → WorkspaceFile
 * <workspace>/.report-annotator/docs/<id>.json    → DocumentFile
 */
import { z } from 'zod';
import { Analysis, Defect, Duplicate, Figure } from './schema';

export const STORE_SCHEMA_VERSION = 1;

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

export const DocumentFile = z.object({
  schemaVersion: z.number().int(),
  id: z.string(),
  sha256: z.string(),
  text: z.string(),
  analysis: Analysis,
  /** findings with ids: detector findings (derived from analysis) and manual ones */
  findings: z.array(Finding),
  reviews: z.record(z.string(), Review),
  /** reviews whose finding could not be re-anchored after the file changed: never dropped */
  orphans: z.array(Review).default([]),
  /** undo/redo stacks of review operations (see core/review) */
  history: z.object({ undo: z.array(z.unknown()), redo: z.array(z.unknown()) }).default({ undo: [], redo: [] }),
});
export type DocumentFile = z.infer<typeof DocumentFile>;
