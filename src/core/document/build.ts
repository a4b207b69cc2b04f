import type { Analysis } from '../schema';
import type { DocumentMeta, Finding, Review } from '../store-schema';
import { countFindings } from './counts';
import { derivedFindings } from './derive';
import { byReadingOrder } from './findings';
import { reanchorReviews } from './reanchor';

/** What the analysts made on one document: nothing here can be recomputed from the source. */
export interface AnalystWork {
  /** reviews by finding id */
  reviews: Record<string, Review>;
  /** findings the analyst added, and findings carried to a new place when the source changed (origin 'manual') */
  manualFindings: Finding[];
  /** reviews that could not be placed again after the source changed: kept, never dropped */
  orphans: Review[];
  /** the review steps, for undo and redo (see core/review) */
  history: { undo: unknown[]; redo: unknown[] };
}

export interface DocumentInput {
  /** the decoded text (line ends normalised) */
  text: string;
  /** the detectors' output for this text (figures, duplicates, defects) */
  detectorFindings: Analysis;
  /** the workspace's metric phrase → indicator map, read by the consistency checks ({} without a workspace) */
  indicators?: Readonly<Record<string, string>>;
  work: AnalystWork;
}

/** A document as the analyst sees it. */
export interface DocumentModel {
  text: string;
  /** detector findings, consistency checks and manual findings, with ids, in reading order */
  findings: Finding[];
  reviews: Record<string, Review>;
  orphans: Review[];
  history: AnalystWork['history'];
  counts: DocumentMeta['counts'];
  /** the analyst's work the document was built with (after carrying, for rebuildDocument): what to keep */
  work: AnalystWork;
}

export function emptyWork(): AnalystWork {
  return { reviews: {}, manualFindings: [], orphans: [], history: { undo: [], redo: [] } };
}

/** The analyst's work held in a document that keeps all its findings in one list (store layout v1). */
export function workOf(doc: { findings: readonly Finding[]; reviews: Record<string, Review>; orphans: Review[]; history: AnalystWork['history'] }): AnalystWork {
  return { reviews: doc.reviews, manualFindings: doc.findings.filter((f) => f.origin === 'manual'), orphans: doc.orphans, history: doc.history };
}

/** Builds the document from its text, the detector output, the indicator map and the analyst's work. Pure. */
export function buildDocument(input: DocumentInput): DocumentModel {
  return assemble(input.text, derivedFindings(input.text, input.detectorFindings, input.indicators), input.work);
}

export interface RebuildInput extends Omit<DocumentInput, 'work'> {
  /** the document as it was before this analysis (null: a new document) */
  previous: { text: string; findings: readonly Finding[]; work: AnalystWork } | null;
  /** the source is the same one the previous document was read from (same bytes) */
  sameSource: boolean;
}

/**
 * Builds a document anew for a report read again (imported again, re-decoded, changed on disk),
 * keeping the analyst's work: from the same source with the same text, the work is kept as it
 * is (undo history included); otherwise every review is carried to the same words in the new
 * text, onto the finding there or onto a manual finding carried with it, and what cannot be
 * placed becomes an orphan (see reanchor.ts). The undo history of the old text is dropped.
 */
export function rebuildDocument(input: RebuildInput): DocumentModel {
  const derived = derivedFindings(input.text, input.detectorFindings, input.indicators);
  const prev = input.previous;
  if (!prev) return assemble(input.text, derived, emptyWork());
  if (input.sameSource && prev.text === input.text) return assemble(input.text, derived, prev.work);
  const carried = reanchorReviews({ oldFindings: [...prev.findings], reviews: prev.work.reviews, newText: input.text, newFindings: derived, orphans: prev.work.orphans, oldText: prev.text });
  const work: AnalystWork = { reviews: carried.reviews, manualFindings: carried.findings.filter((f) => f.origin === 'manual'), orphans: carried.orphans, history: { undo: [], redo: [] } };
  return assemble(input.text, derived, work);
}

function assemble(text: string, derived: Finding[], work: AnalystWork): DocumentModel {
  let findings = derived;
  if (work.manualFindings.length > 0) {
    const ids = new Set(derived.map((f) => f.id));
    findings = [...derived, ...work.manualFindings.filter((f) => !ids.has(f.id))].sort(byReadingOrder);
  }
  return { text, findings, reviews: work.reviews, orphans: work.orphans, history: work.history, counts: countFindings(findings, work.reviews, work.orphans), work };
}
