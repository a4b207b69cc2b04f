/**
 * The document model: the one place that builds a document as the analyst sees it. The
 * service (import, re-import, re-decode), the CLI (`analyze`) and the renderer (inspector,
 * preview) call these functions and keep no copy of their rules. Pure.
 *
 * Inputs, kept apart because they are stored apart:
 * - `text` — the decoded report text (derived: rebuilt from the source bytes);
 * - `detectorFindings` — the detectors' output for that text, `Analysis` = { figures,
 *   duplicates, defects } (derived: rebuilt from the text and the analyzer version);
 * - `indicators` — the workspace's metric phrase → indicator map, which the consistency checks
 *   read (workspace settings; `{}` when there is no workspace, as in the CLI);
 * - `work: AnalystWork` — what people made: `reviews` (by finding id), `manualFindings`
 *   (origin 'manual': added by hand, or carried to a new place when the source changed),
 *   `orphans` (reviews that could not be placed again; never dropped) and `history` (undo/redo).
 *
 * Outputs:
 * - `buildDocument(input)` → `DocumentModel` { text, findings, reviews, orphans, history,
 *   counts, work }: findings = detector findings with ids + consistency checks (defects of kind
 *   `consistency`, ids `chk:…`) + manual findings, in reading order, each id once; counts as the
 *   document list shows them. A review whose finding is not among the findings (say the
 *   indicator map changed and a check went away) stays in `reviews` as it is.
 * - `rebuildDocument({ …, previous, sameSource })` → the same, for a report read again: the
 *   work is kept (same source, same text) or carried to the new text by re-anchoring, with what
 *   cannot be placed as orphans; `model.work` is the work to store from then on.
 * - `derivedFindings(text, detectorFindings, indicators)` → the machine's findings alone
 *   (cacheable with the text); `workOf(v1 document)` splits a one-list document's work out.
 * - `effectiveFinding(finding, review)` / `effectiveData` → the finding with the review's
 *   corrected fields applied; `statusWhenSet`, `tagsToggled` → the rules a review step follows.
 * - ids: `figureId`, `duplicateId`, `defectId`, `checkId`, `manualId`, `carriedId` build them,
 *   `parseFindingId` reads them (ids.ts lists the shapes).
 */
export * from './build';
export * from './counts';
export * from './derive';
export * from './effective';
export * from './findings';
export * from './ids';
export * from './reanchor';
