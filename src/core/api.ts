/**
 * THE contract between the UI and the backend. Every call is one entry here with its request
 * and response schema; the IPC handler, the preload bridge, the HTTP binding and the renderer
 * client are generated from this table by a loop. Events are pushed from the backend.
 */
import { z } from 'zod';
import { isTagColor } from './colors';
import { ErrorCode } from './errors';
import { EXPORT_FILTERS, EXPORT_FOLDER_FORMATS, EXPORT_FORMATS } from './export/formats';
import { Analysis } from './schema';
import { DocumentMeta, Finding, Review, ReviewStatus, Tag } from './store-schema';
// team: the team methods' schemas (src/core/team/api.ts)
import * as team from './team/api';
import { Rule, RuleAction } from './rules'; // rules:

export const SaveState = z.object({
  state: z.enum(['saved', 'saving', 'error', 'idle']),
  lastSavedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SaveState = z.infer<typeof SaveState>;

export const ProgressEvent = z.object({
  taskId: z.string(),
  label: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  finished: z.boolean(),
  /** s7: an import reads every file first (its text), then analyses them: which of the two `done` counts */
  phase: z.enum(['reading', 'analysing']).optional(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const WorkspaceView = z.object({
  dir: z.string(),
  name: z.string(),
  isSample: z.boolean(),
  documents: z.array(DocumentMeta),
  taxonomy: z.array(Tag),
  /**
   * recoveries and warnings from opening the store, to be shown once: `message` is English, the
   * UI words a known `code` itself with `params`
   */
  notices: z.array(z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  /** s7: the import under way in this workspace (Open folder, files new in its folder), so a window opened during it shows its progress */
  importing: ProgressEvent.nullable().optional(),
});
export type WorkspaceView = z.infer<typeof WorkspaceView>;

export const DocumentView = z.object({
  meta: DocumentMeta,
  text: z.string(),
  /** duplicates' places carry offsets only (text ''): slice them from `text` */
  findings: z.array(Finding),
  reviews: z.record(z.string(), Review),
  orphans: z.array(Review),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** A finding packed for the UI (src/core/findings-pack.ts): an array of values, or rarely the finding itself. */
export const PackedFinding = z.union([z.array(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.number(), z.string()]))])), Finding]);

/**
 * What the review screen loads (`documentView`): a DocumentView with the findings packed —
 * a long report's view is about half the JSON, and faster to write and to parse. Unpack with
 * `unpackFindings(findings, text)`.
 */
export const PackedDocumentView = DocumentView.extend({
  findings: z.array(PackedFinding),
  /**
   * Asked for with `findings: 'apart'` (a long report): `findings` is empty and this many come
   * from `documentFindings` — the text is on screen before they are parsed.
   */
  findingsApart: z.number().int().nonnegative().optional(),
});
export type PackedDocumentView = z.infer<typeof PackedDocumentView>;

/**
 * A part of a long report's packed findings, apart from its view: `findings` are the packed
 * findings [from, from + size) of `count` — the UI asks for the parts at once and parses one per
 * task (each answer its own small JSON), never all of them in one long task. `sha256` and
 * `count` say which state of the document they belong to.
 */
export const DocumentFindings = z.object({ sha256: z.string(), count: z.number().int().nonnegative(), from: z.number().int().nonnegative(), findings: z.array(PackedFinding) });
export type DocumentFindings = z.infer<typeof DocumentFindings>;

/**
 * Names that cannot be keys of the plain objects the store keeps (reviews by finding id, the
 * indicator map, metadata, tags): "__proto__" would set the object's prototype instead of
 * storing a key, "constructor" and "prototype" read inherited members when absent. Refused at
 * the boundary (bad-request) rather than acknowledged and silently dropped.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const notReserved = { message: 'this name is reserved (__proto__, constructor, prototype) and cannot be used' };
/** A string used as an object key: any string but the reserved names. */
export const plainKey = z.string().refine((k) => !RESERVED_KEYS.has(k), notReserved);
const KeyedFinding = Finding.refine((f) => !RESERVED_KEYS.has(f.id), { ...notReserved, path: ['id'] });
const KeyedTag = Tag.refine((t) => !RESERVED_KEYS.has(t.id), { ...notReserved, path: ['id'] }).refine((t) => isTagColor(t.color), {
  message: 'a tag colour must be #rgb, #rrggbb, #rrggbbaa or a basic colour name',
  path: ['color'],
});

export const ReviewActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setStatus'), findingIds: z.array(plainKey).max(100_000), status: ReviewStatus }),
  z.object({ type: z.literal('setFields'), findingId: plainKey, fields: z.record(plainKey, z.unknown()) }),
  z.object({ type: z.literal('toggleTag'), findingId: plainKey, tag: plainKey }),
  z.object({ type: z.literal('setNote'), findingId: plainKey, note: z.string().max(10_000) }),
  z.object({ type: z.literal('addFinding'), finding: KeyedFinding, status: ReviewStatus.optional(), tags: z.array(plainKey).optional() }),
  z.object({ type: z.literal('removeFinding'), findingId: plainKey }),
  z.object({
    type: z.literal('applyToAll'),
    findingIds: z.array(plainKey).max(100_000),
    decision: z.object({ status: ReviewStatus.optional(), fields: z.record(plainKey, z.unknown()).optional() }),
  }),
]);

/**
 * What a review call returns: the document's review state after the change. `findings` (packed,
 * see PackedDocumentView) is null when the step did not add or remove findings: the UI keeps
 * the ones it has.
 */
export const ReviewResult = z.object({
  findings: z.array(PackedFinding).nullable(),
  reviews: z.record(z.string(), Review),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  meta: DocumentMeta,
  /**
   * undo-s6: an undo or redo that reverted a workspace "apply to all like this" in every report
   * of it: how many findings in how many reports, and how many reports kept their part (another
   * step was made there since)
   */
  batch: z.object({ findings: z.number().int(), documents: z.number().int(), kept: z.number().int() }).optional(),
});
export type ReviewResult = z.infer<typeof ReviewResult>;

export const ImportFailure = z.object({ path: z.string(), error: z.object({ code: z.string(), message: z.string() }) });
// [figures-import-warnings] What an importer did to a file's text that the analyst should know
// (layout spaces removed, pages repeated …): a code + params, worded by the UI (importWarning.<code>).
export const ImportWarningCode = z.enum([
  'pdf-page-unreadable', 'pdf-pages-repeated', 'pdf-layout-spaces', 'pdf-radicals-fixed', 'undecodable-bytes',
  'html-unterminated', 'html-declared-utf8', 'html-declared-mismatch', 'docx-message', 'encoding-ignored',
  'line-ends-normalised', // import-s6: CRLF / CR / U+2028–9 line ends of a text file read as LF (offsets count one per line end)
]);
export type ImportWarningCode = z.infer<typeof ImportWarningCode>;
export const ImportWarning = z.object({ code: ImportWarningCode, params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type ImportWarning = z.infer<typeof ImportWarning>;
export const ImportSummary = z.object({
  imported: z.array(DocumentMeta),
  failed: z.array(ImportFailure),
  cancelled: z.boolean(),
  /** [figures-import-warnings] warnings of the imported files, by source path */
  warnings: z.array(z.object({ path: z.string(), warning: ImportWarning })).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const SearchHit = z.object({
  documentId: z.string(),
  name: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export { EXPORT_FILTERS, EXPORT_FOLDER_FORMATS, EXPORT_FORMATS };

export const ExportResult = z.object({
  format: z.enum(EXPORT_FORMATS),
  filter: z.enum(EXPORT_FILTERS),
  files: z.array(z.string()),
  documents: z.number().int(),
  findings: z.number().int(),
  failed: z.array(z.object({ id: z.string(), name: z.string(), error: z.object({ code: z.string(), message: z.string() }) })),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const PivotCellView = z.object({
  value: z.number().nullable(),
  figureId: z.string(),
  documentId: z.string(),
  status: ReviewStatus,
  candidates: z.number().int(),
  conflict: z.boolean(),
});
export const PivotView = z.object({
  indicators: z.array(z.string()),
  documents: z.array(z.object({ id: z.string(), name: z.string(), region: z.string().nullable(), year: z.string().nullable() })),
  cells: z.record(z.string(), z.record(z.string(), PivotCellView)),
  /** metric phrases of accepted/suggested count figures that map to no indicator, most frequent first */
  unmapped: z.array(z.object({ metric: z.string(), unit: z.string().nullable(), count: z.number().int() })),
  /** every indicator of the dictionary and the workspace map, for the mapping picker */
  knownIndicators: z.array(z.string()),
  /** the workspace's own mapping: metric phrase → indicator */
  indicatorMap: z.record(z.string(), z.string()),
});
export type PivotView = z.infer<typeof PivotView>;

const empty = z.object({}).strict();

/** Who is annotating: `id` names the analyst's work files, `name` is recorded on every review; `confirmed` once asked. */
export const AnalystIdentity = z.object({ id: z.string(), name: z.string(), confirmed: z.boolean() });
export type AnalystIdentity = z.infer<typeof AnalystIdentity>;
const docId = z.string().min(1).max(200);
const path = z.string().min(1).max(4096);


// rules: issue 16 — workspace rules and "apply to all like this"
export const RuleEntry = z.object({
  rule: Rule,
  /** this analyst's own rule (editable); otherwise a teammate's shared rule, read-only */
  mine: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }),
  shared: z.boolean(),
  /** findings it changed at the last analysis of each report, summed */
  changed: z.number().int(),
  /** reviews it made through apply-to-all */
  applied: z.number().int(),
});
export type RuleEntry = z.infer<typeof RuleEntry>;
export const RulesView = z.object({
  rules: z.array(RuleEntry),
  /** report names by document id, for the rules' provenance */
  reports: z.record(z.string(), z.string()),
  /** problems reading the rules files (a damaged file moved aside), English */
  problems: z.array(z.string()),
});
export type RulesView = z.infer<typeof RulesView>;
export const LikeScope = z.enum(['report', 'workspace']);
export const LikePreviewItem = z.object({
  documentId: z.string(),
  findingId: z.string(),
  before: z.object({ status: ReviewStatus, data: z.unknown() }),
  after: z.object({ status: ReviewStatus, data: z.unknown() }),
});
export const LikePreview = z.object({
  count: z.number().int(),
  documents: z.number().int(),
  /** the decision repeated */
  decision: z.object({ status: ReviewStatus.optional(), fields: z.record(z.string(), z.unknown()).optional() }),
  /** the rule the decision teaches (null: an accept teaches none) */
  rule: Rule.nullable(),
  /** the first items (at most `limit`), with their text */
  items: z.array(LikePreviewItem.extend({ text: z.string(), documentName: z.string() })),
});
export type LikePreview = z.infer<typeof LikePreview>;
export const LikeApplied = z.object({
  count: z.number().int(),
  documents: z.number().int(),
  ruleId: z.string().nullable(),
  failed: z.array(z.object({ documentId: z.string(), message: z.string() })),
  /** the review state of the report asked about, after the batch */
  result: ReviewResult.nullable(),
});
export type LikeApplied = z.infer<typeof LikeApplied>;
export const ReanalysisReport = z.object({
  documents: z.number().int(),
  failed: z.array(ImportFailure),
  cancelled: z.boolean(),
  /** per rule: findings it changed before and after the re-analysis */
  rules: z.array(z.object({ ruleId: z.string(), before: z.number().int(), after: z.number().int() })),
  findingsBefore: z.number().int(),
  findingsAfter: z.number().int(),
  /** undo-s6: reports whose source file is missing, re-analysed from the text kept in the workspace (counted in `documents`) */
  fromStore: z.number().int().default(0),
  /** undo-s6: reports whose source file is missing and whose text the workspace does not keep (nothing changed in them) */
  skipped: z.array(z.object({ documentId: z.string(), path: z.string(), code: z.literal('source-missing') })).default([]),
});
export type ReanalysisReport = z.infer<typeof ReanalysisReport>;
const likeRequest = z.object({ documentId: z.string().min(1).max(200), findingId: plainKey.max(500), scope: LikeScope }).strict();
const ruleId = z.string().min(1).max(200);
export const rulesApi = {
  rulesList: { request: z.object({}).strict(), response: RulesView },
  ruleUpdate: {
    request: z.object({ id: ruleId, enabled: z.boolean().optional(), note: z.string().max(2000).optional(), shared: z.boolean().optional(), action: RuleAction.optional() }).strict(),
    response: RulesView,
  },
  ruleDelete: { request: z.object({ id: ruleId }).strict(), response: RulesView },
  rulesExport: { request: z.object({}).strict(), response: z.object({ json: z.string() }) },
  rulesImport: { request: z.object({ json: z.string().max(20_000_000) }).strict(), response: z.object({ added: z.number().int(), skipped: z.number().int(), view: RulesView }) },
  /** how many findings like this one (in the report or the workspace) the analyst's decision on it would change, with a preview */
  likePreview: { request: likeRequest.extend({ limit: z.number().int().min(0).max(500).default(50) }).strict(), response: LikePreview },
  /** applies the decision to them (one undo step: in any report of the batch it reverts all of it — undo-s6) and keeps the rule it teaches unless `learn` is false */
  likeApply: { request: likeRequest.extend({ learn: z.boolean().default(true) }).strict(), response: LikeApplied },
  /** re-analyses every report of the workspace with the active rules; reports what changed per rule */
  rulesReanalyze: { request: z.object({ taskId: z.string().max(100).optional() }).strict(), response: ReanalysisReport },
} as const;
// rules: end

export const api = {
  appInfo: { request: empty, response: z.object({ name: z.string(), version: z.string(), mode: z.enum(['desktop', 'browser']), platform: z.string() }) },
  workspaceGet: { request: empty, response: WorkspaceView.nullable() },
  /** opens the workspace in `dir`; a missing folder is `workspace-not-found` unless `create` asks for a new workspace there */
  workspaceOpen: { request: z.object({ dir: path, create: z.boolean().optional() }).strict(), response: WorkspaceView },
  workspaceOpenSample: { request: empty, response: WorkspaceView },
  /** Desktop: the native folder dialog; browser mode answers null (the UI asks for a path). */
  chooseFolder: { request: empty, response: z.object({ dir: z.string().nullable() }) },
  /** Desktop: the native open dialog; browser mode answers []. */
  chooseFiles: { request: empty, response: z.object({ paths: z.array(z.string()) }) },
  importFiles: { request: z.object({ paths: z.array(path).min(1).max(10_000), taskId: z.string().max(100).optional() }).strict(), response: ImportSummary },
  /**
   * Files dropped on the window: their bytes (base64), never a path. They are copied into the
   * workspace folder (`dropped/`, never overwriting) and imported from there.
   */
  importDropped: {
    request: z.object({ files: z.array(z.object({ name: z.string().min(1).max(255), data: z.string().max(70_000_000) })).min(1).max(200), taskId: z.string().max(100).optional() }).strict(),
    response: ImportSummary,
  },
  cancelTask: { request: z.object({ taskId: z.string().max(100) }).strict(), response: z.object({ cancelled: z.boolean() }) },
  documentGet: { request: z.object({ id: docId }).strict(), response: DocumentView },
  /** The review screen's view of a document: documentGet with the findings packed. */
  documentView: { request: z.object({ id: docId, findings: z.enum(['inline', 'apart']).optional() }).strict(), response: PackedDocumentView },
  /** A part of a long report's findings, packed (documentView with `findings: 'apart'` left them out). */
  documentFindings: { request: z.object({ id: docId, from: z.number().int().min(0), size: z.number().int().min(1).max(20_000) }).strict(), response: DocumentFindings },
  analyzeText: { request: z.object({ text: z.string().max(60_000_000) }).strict(), response: Analysis },
  reviewApply: { request: z.object({ documentId: docId, action: ReviewActionSchema }).strict(), response: ReviewResult },
  reviewUndo: { request: z.object({ documentId: docId }).strict(), response: ReviewResult },
  reviewRedo: { request: z.object({ documentId: docId }).strict(), response: ReviewResult },
  taxonomySet: { request: z.object({ tags: z.array(KeyedTag).max(200) }).strict(), response: z.array(Tag) },
  /** hits in document order, the document `first` (the open report) before the others */
  search: { request: z.object({ query: z.string().min(1).max(200), limit: z.number().int().min(1).max(1000).default(200), first: z.string().max(200).optional() }).strict(), response: z.array(SearchHit) },
  saveStateGet: { request: empty, response: SaveState },
  /** Desktop: the native save dialog (a folder for csv, brat, text); browser mode answers null. */
  chooseExportTarget: { request: z.object({ format: z.enum(EXPORT_FORMATS) }).strict(), response: z.object({ path: z.string().nullable() }) },
  exportDataset: {
    // overwrite: replace files that exist already (the user confirmed it); otherwise such an export is refused with file-exists
    // team: layer — absent: mine; 'adjudicated'; 'all' (annotator column / one Label Studio annotation per analyst); {analyst}
    request: z.object({ format: z.enum(EXPORT_FORMATS), filter: z.enum(EXPORT_FILTERS).default('accepted'), out: path, taskId: z.string().max(100).optional(), overwrite: z.boolean().optional(), layer: team.ExportLayer.optional() }).strict(),
    response: ExportResult,
  },
  pivotGet: { request: empty, response: PivotView },
  /** The analyst resolved an orphaned review (re-attached it by hand, or let it go). */
  orphanResolve: { request: z.object({ documentId: docId, index: z.number().int().min(0) }).strict(), response: PackedDocumentView },
  /** Re-decode a report with the encoding the analyst chose (reviews are carried over). */
  documentSetEncoding: { request: z.object({ documentId: docId, encoding: z.string().min(1).max(40) }).strict(), response: PackedDocumentView },
  indicatorMapSet: { request: z.object({ metric: plainKey.min(1).max(200), indicator: z.string().min(1).max(100).nullable() }).strict(), response: z.record(z.string(), z.string()) },
  metadataSet: { request: z.object({ documentId: docId, metadata: z.record(plainKey, z.string().max(500).nullable()) }).strict(), response: DocumentMeta },
  /** The analyst's identity (app user settings, not the workspace): a stable id and the name recorded on every review. */
  identityGet: { request: empty, response: AnalystIdentity },
  identitySet: { request: z.object({ name: z.string().trim().min(1).max(100) }).strict(), response: AnalystIdentity },

  // team: several analysts on one workspace folder synced by Syncthing (issue 14; schemas and words in src/core/team/api.ts)
  /** Every analyst with work in this workspace (work folders and their profiles), me included, me first. */
  teamAnalysts: { request: empty, response: z.array(team.TeamAnalyst) },
  /** Each analyst's decisions on each finding of one report (who accepted, rejected or corrected what, with the values given), and teammates' manual findings. */
  teamLayers: { request: team.teamRequests.docOnly, response: team.TeamLayersView },
  /** Pairwise agreement (span F1, Krippendorff's alpha for status, unit, value, kind), pooled and per report, with analyst × analyst matrices for `kind` ('all' by default); over `documentIds` or every report. */
  teamAgreement: { request: team.teamRequests.agreement, response: team.TeamAgreementView },
  /** The reports two or more analysts worked on, with their adjudication counts (agree / single / disagree / open). */
  teamAdjudicationSummary: { request: empty, response: team.AdjudicationSummaryView },
  /** The adjudication queue of one report: every item in reading order with its class, the decisions and the adjudicator's resolution. */
  teamAdjudicationQueue: { request: team.teamRequests.docOnly, response: team.AdjudicationQueueView },
  /**
   * Settles one item of the queue as me (the adjudicator): take an analyst's decision (with `fields` edited), or reject the item; `choice: null` undoes my choice.
   * Writes my adjudicated layer of the report; answers the queue after the change.
   */
  teamAdjudicate: { request: team.teamRequests.adjudicate, response: team.AdjudicationQueueView },
  /** The workspace's assignment (the one set last by anyone), planned with core/team/assign. */
  teamAssignmentGet: { request: empty, response: team.AssignmentView },
  /** Sets the assignment (even split of the reports over `analysts`, `overlap` share with a second analyst, `manual` report → analysts by hand); written as my assignment file. */
  teamAssignmentSet: { request: team.AssignmentSetRequest, response: team.AssignmentView },
  /** My queue: the reports assigned to me (every report when no assignment is set), with my progress on each. */
  teamMyQueue: { request: empty, response: team.MyQueueView },
  /** Syncthing on this machine: running?, device ID, is this workspace shared, with whom, the install hint. Never throws for Syncthing's state. */
  teamStatus: { request: empty, response: team.TeamStatusView },
  /** Adds a teammate's device to the local Syncthing (errors: syncthing-bad-device-id, syncthing-not-running, …). */
  teamAddDevice: { request: team.teamRequests.addDevice, response: team.TeamStatusView },
  /** Writes the workspace's .stignore and shares the folder with `devices` (added first) under the status's folderId (errors: syncthing-folder-shared-elsewhere, …). */
  teamShareFolder: { request: team.teamRequests.shareFolder, response: team.TeamStatusView },
  /**
   * This machine has no work in the workspace yet (a new install, or lost user settings): take an existing analyst's id as mine, so that analyst's
   * work shows as mine again. Refused (bad-request) when I already have work here or the id has no work folder.
   */
  teamAdoptAnalyst: { request: team.teamRequests.adopt, response: AnalystIdentity },
  ...rulesApi, // rules:
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export const API_METHODS = Object.keys(api) as ApiMethod[];
export type ApiRequest<M extends ApiMethod> = z.input<Api[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<Api[M]['response']>;


export const events = {
  progress: ProgressEvent,
  saveState: SaveState,
  workspaceChanged: WorkspaceView,
  /** an application menu item that the UI carries out (desktop) */
  menuCommand: z.object({ command: z.enum(['export', 'toggleView', 'help']) }),
  // team: teammates' work (or an adjudication, the assignment) changed on disk
  teamChanged: team.TeamChangedEvent,
} as const satisfies Record<string, z.ZodType>;
export type ApiEvents = typeof events;
export type ApiEventName = keyof ApiEvents;
export const API_EVENTS = Object.keys(events) as ApiEventName[];
export type ApiEvent<E extends ApiEventName> = z.infer<ApiEvents[E]>;

export const ApiErrorShape = z.object({ code: z.enum(ErrorCode), message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** What the preload exposes as window.api (and the HTTP client mimics): derived, not written. */
export interface ApiBridge {
  invoke<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Result<ApiResponse<M>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvent<E>) => void): () => void;
}

/** The typed client the renderer uses: one async function per method, errors thrown as ApiError. */
export type ApiClient = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> } & {
  on: ApiBridge['on'];
};

export class ApiError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds the typed client from a bridge, by a loop over the contract. */
export function createApiClient(bridge: ApiBridge): ApiClient {
  const client = { on: bridge.on.bind(bridge) } as Record<string, unknown>;
  for (const method of API_METHODS) {
    client[method] = async (request: unknown) => {
      const result = await bridge.invoke(method, request as never);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value;
    };
  }
  return client as ApiClient;
}
