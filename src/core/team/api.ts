/**
 * The team part of the API contract (src/core/api.ts, the `// team:` block): request and
 * response schemas of the team methods and of the `teamChanged` event. Pure (zod only).
 *
 * Words used below:
 * - *analyst id*: the stable id that names an analyst's work folder
 *   (`.report-annotator/work/<analystId>/`); *me* is this machine's analyst.
 * - *layer*: one analyst's decisions on one report (their work file over the report's findings).
 * - *adjudicated layer*: the decisions an adjudicator made in the adjudication queue; kept per
 *   adjudicator (`.report-annotator/team/adjudicated/<adjudicatorId>/<docId>.json`, one writer
 *   each). Where two adjudicators worked on one report, the file adjudicated last wins for that
 *   report (`adjudicatedBy` says whose it is).
 * - *assignment*: kept per writer (`.report-annotator/team/assignment/<analystId>.json`); the one
 *   set last (by `setAt`) is the workspace's.
 */
import { z } from 'zod';
import { Finding, ReviewStatus } from '../store-schema';

/** An analyst id as the store allows it in a file name. */
export const AnalystId = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/, 'not an analyst id');
const DocId = z.string().min(1).max(200);

// ------------------------------------------------------------------ analysts

export const TeamAnalyst = z.object({
  id: z.string(),
  /** display name (the last one the analyst used; the id when none is known) */
  name: z.string(),
  /** this machine's analyst */
  isMe: z.boolean(),
  /** reports this analyst has a work file for (on this machine's copy of the folder) */
  documents: z.number().int(),
  /** newest review time seen in their files (ISO), null when none */
  lastActive: z.string().nullable(),
});
export type TeamAnalyst = z.infer<typeof TeamAnalyst>;

// ------------------------------------------------------------------ layers

/** One analyst's decision on one finding. */
export const TeamDecision = z.object({
  analyst: z.string(),
  status: ReviewStatus,
  /** the values the analyst gave (corrected fields over the finding's data); {} when none */
  fields: z.record(z.string(), z.unknown()),
  /** the effective kind, value and unit after the analyst's corrections (value/unit null for non-figures) */
  kind: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  updatedAt: z.string(),
});
export type TeamDecision = z.infer<typeof TeamDecision>;

export const TeamLayerInfo = z.object({
  analyst: z.string(),
  name: z.string(),
  isMe: z.boolean(),
  /** findings this analyst decided (status other than suggested) */
  reviewed: z.number().int(),
  /**
   * the analyst's work was made on another version of the report's text (their copy of the source
   * differs): their decisions were carried over by the finding ids and anchors, and may be fewer
   */
  otherVersion: z.boolean(),
  /** the analyst's file could not be read (damaged, or arriving): their layer is empty for now */
  unreadable: z.boolean(),
});
export type TeamLayerInfo = z.infer<typeof TeamLayerInfo>;

export const TeamLayersView = z.object({
  documentId: z.string(),
  /** every analyst with a work file on this report, me included (me first) */
  layers: z.array(TeamLayerInfo),
  /** finding id → each analyst's decision on it (me included; analysts without a decision are absent) */
  decisions: z.record(z.string(), z.array(TeamDecision)),
  /**
   * teammates' manual findings that are not in my view (I did not add them), with who added
   * them; their decisions are in `decisions` under the finding's id
   */
  findings: z.array(z.object({ analyst: z.string(), finding: Finding })),
});
export type TeamLayersView = z.infer<typeof TeamLayersView>;

// ------------------------------------------------------------------ agreement

export const AlphaView = z.object({ alpha: z.number().nullable(), units: z.number().int(), values: z.number().int(), observed: z.number().nullable() });

export const AgreementFiguresView = z.object({
  aCount: z.number().int(),
  bCount: z.number().int(),
  matched: z.number().int(),
  f1: z.number().nullable(),
  status: AlphaView,
  unit: AlphaView,
  value: AlphaView,
  kind: AlphaView.nullable(),
});

export const PairAgreementView = z.object({
  a: z.string(),
  b: z.string(),
  /** reports both reviewed */
  documents: z.number().int(),
  /** by kind, plus 'all' */
  byKind: z.record(z.string(), AgreementFiguresView),
});

export const AGREEMENT_MEASURES = ['f1', 'status', 'unit', 'value', 'kind'] as const;

export const TeamAgreementView = z.object({
  /** analysts in matrix order (ids); names in `names` */
  analysts: z.array(z.string()),
  names: z.record(z.string(), z.string()),
  /** kinds seen, sorted, without 'all' */
  kinds: z.array(z.string()),
  /** the kind the matrices are for ('all' or one kind) */
  kind: z.string(),
  /** measure → analyst × analyst matrix (1 on the diagonal, null where undefined); 'value' is null for every cell of 'all' */
  matrices: z.record(z.enum(AGREEMENT_MEASURES), z.array(z.array(z.number().nullable()))),
  /** every pair, pooled over the reports both reviewed */
  pairs: z.array(PairAgreementView),
  /** per report: the pairs that both reviewed it (reports nobody shares are left out); each pair's byKind holds only 'all' (the per-kind figures of a report: call with documentIds: [that report], then read `pairs`) */
  perDocument: z.array(z.object({ documentId: z.string(), name: z.string(), pairs: z.array(PairAgreementView) })),
  /** reports read, and how long the computation took (ms) */
  documents: z.number().int(),
  ms: z.number(),
});
export type TeamAgreementView = z.infer<typeof TeamAgreementView>;

// ------------------------------------------------------------------ adjudication

export const ADJUDICATION_CLASSES = ['agree', 'single', 'disagree'] as const;

/** How the adjudicator settled an item: one analyst's decision (with edited fields), or not a finding. */
export const AdjudicationChoice = z.union([
  z.object({ take: z.string().min(1).max(200), fields: z.record(z.string(), z.unknown()).optional() }).strict(),
  z.object({ reject: z.literal(true) }).strict(),
]);
export type AdjudicationChoice = z.infer<typeof AdjudicationChoice>;

export const AdjudicationItemView = z.object({
  /** stable id of the item (its first finding's id) */
  id: z.string(),
  class: z.enum(ADJUDICATION_CLASSES),
  start: z.number().int(),
  end: z.number().int(),
  /** the text of the item's span */
  quote: z.string(),
  /** each deciding analyst's finding id and decision */
  decisions: z.array(z.object({ findingId: z.string(), type: z.enum(['figure', 'duplicate', 'defect']), decision: TeamDecision })),
  /** participants with no decision on it */
  missing: z.array(z.string()),
  /** the adjudicator's choice, or null (an `agree` item is taken as it is unless chosen otherwise) */
  resolution: z.object({ choice: AdjudicationChoice, by: z.string(), at: z.string() }).nullable(),
  /** the chosen analyst's decision changed after the choice was made (the adjudicated layer keeps what was chosen) */
  stale: z.boolean(),
});
export type AdjudicationItemView = z.infer<typeof AdjudicationItemView>;

export const AdjudicationCounts = z.object({ agree: z.number().int(), single: z.number().int(), disagree: z.number().int(), open: z.number().int(), resolved: z.number().int() });

export const AdjudicationQueueView = z.object({
  documentId: z.string(),
  /** reading order; filter by class in the UI */
  items: z.array(AdjudicationItemView),
  counts: AdjudicationCounts,
  /** whose adjudication of this report is shown (the newest), or null when none yet */
  adjudicatedBy: z.string().nullable(),
});
export type AdjudicationQueueView = z.infer<typeof AdjudicationQueueView>;

export const AdjudicationSummaryView = z.object({
  /** reports with two or more analysts' layers, with their counts */
  documents: z.array(z.object({ documentId: z.string(), name: z.string(), analysts: z.array(z.string()), counts: AdjudicationCounts, adjudicatedBy: z.string().nullable() })),
});
export type AdjudicationSummaryView = z.infer<typeof AdjudicationSummaryView>;

// ------------------------------------------------------------------ assignment

export const AssignmentView = z.object({
  /** analysts in the plan */
  analysts: z.array(z.string()),
  /** share of reports reviewed by two analysts (0..1) */
  overlap: z.number(),
  /** report id → analysts set by hand */
  manual: z.record(z.string(), z.array(z.string())),
  /** report id → its analysts (the plan with the manual ones) */
  byDoc: z.record(z.string(), z.array(z.string())),
  /** analyst → report ids */
  queues: z.record(z.string(), z.array(z.string())),
  /** who set it and when; null when no assignment was ever set (then every report is everyone's) */
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AssignmentSetRequest = z.object({
  analysts: z.array(AnalystId).min(1).max(100),
  overlap: z.number().min(0).max(1),
  manual: z.record(DocId, z.array(AnalystId).max(100)).optional(),
}).strict();

export const MyQueueView = z.object({
  /** false when no assignment is set: the queue is then every report */
  assigned: z.boolean(),
  documents: z.array(z.object({ documentId: z.string(), name: z.string(), reviewed: z.number().int(), total: z.number().int(), done: z.boolean(), coAnalysts: z.array(z.string()) })),
});
export type MyQueueView = z.infer<typeof MyQueueView>;

// ------------------------------------------------------------------ sharing (Syncthing)

/** Which install instructions fit this machine (the UI words them in the analyst's language). */
export const INSTALL_HINTS = ['apt', 'dnf', 'brew', 'windows', 'other'] as const;

export const SYNCTHING_STATES = ['not-configured', 'not-running', 'forbidden', 'running'] as const;

export const TeamStatusView = z.object({
  syncthing: z.enum(SYNCTHING_STATES),
  /** a syncthing-* error code when the state is not running (UI: SYNCTHING_ERROR_KEYS), else null */
  errorCode: z.string().nullable(),
  installHint: z.enum(INSTALL_HINTS),
  /** this machine's device ID when running */
  deviceId: z.string().nullable(),
  /** the folder id used for this workspace (every teammate shares it under the same id) */
  folderId: z.string(),
  /** the workspace is shared through this Syncthing (under folderId) */
  folderShared: z.boolean(),
  /** Syncthing's state of the folder ('idle', 'scanning', 'syncing', …), null when not shared */
  folderState: z.string().nullable(),
  /** the devices the folder is shared with (not this one) */
  devices: z.array(z.object({ deviceId: z.string(), name: z.string(), connected: z.boolean(), completion: z.number().nullable() })),
  /** the app asks Syncthing to scan each work file it writes (faster than the watcher) */
  scanAfterWrite: z.boolean(),
});
export type TeamStatusView = z.infer<typeof TeamStatusView>;

// ------------------------------------------------------------------ exports

/**
 * Which layer an export takes: absent = mine (as before); 'adjudicated'; 'all' (every
 * analyst's layer, with an `annotator` column; Label Studio: one annotation per analyst);
 * { analyst } = that analyst's layer.
 */
export const ExportLayer = z.union([z.literal('adjudicated'), z.literal('all'), z.object({ analyst: AnalystId }).strict()]);
export type ExportLayer = z.infer<typeof ExportLayer>;

// ------------------------------------------------------------------ events

/** Pushed when teammates' work (or an adjudication, the assignment, the analysts) changed on disk. */
export const TeamChangedEvent = z.object({
  /** reports whose layers changed (refetch teamLayers / the queue when the open one is among them) */
  documentIds: z.array(z.string()),
  /** analysts whose files changed */
  analysts: z.array(z.string()),
  /** the assignment or the analysts list changed */
  assignment: z.boolean(),
});
export type TeamChangedEvent = z.infer<typeof TeamChangedEvent>;

// ------------------------------------------------------------------ requests

export const teamRequests = {
  docOnly: z.object({ documentId: DocId }).strict(),
  agreement: z.object({ kind: z.string().max(60).default('all'), documentIds: z.array(DocId).max(100_000).optional() }).strict(),
  adjudicate: z.object({ documentId: DocId, item: z.string().min(1).max(300), choice: AdjudicationChoice.nullable() }).strict(),
  addDevice: z.object({ deviceId: z.string().min(1).max(100), name: z.string().max(100).optional() }).strict(),
  shareFolder: z.object({ devices: z.array(z.string().min(1).max(100)).max(50) }).strict(),
  adopt: z.object({ analystId: AnalystId }).strict(),
};
