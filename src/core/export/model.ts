/**
 * What every export format starts from: a finding with its review folded in (the "effective"
 * finding), the export filter, and span helpers. Pure; one document at a time.
 */
import type { Defect, Duplicate, Figure } from '../schema';
import type { DocumentFile, Finding, Review, ReviewStatus, Tag } from '../store-schema';
import { findingSpan } from '../review/findings';

/**
 * Which findings go into an export.
 * - `accepted` (default): accepted and corrected findings only;
 * - `reviewed`: every reviewed finding (accepted, corrected, rejected);
 * - `all`: everything, including unreviewed detector suggestions;
 * - `complete`: all of the above plus `name` figures and boilerplate in any state: a lossless
 *   copy of the review data (the native JSONL with it imports back to the same workspace).
 * Label formats (Label Studio, doccano, brat, CoNLL) never emit rejected findings as labels.
 */
import type { ExportFilter } from './formats';
export { EXPORT_FILTERS, type ExportFilter } from './formats';

export type FindingData = Figure | Duplicate | Defect;

/** A finding with its review applied: what the analyst's dataset should say. */
export interface EffectiveFinding {
  id: string;
  type: Finding['type'];
  origin: Finding['origin'];
  kind: string;
  /** detector data merged with review.fields */
  data: FindingData;
  /** the stored (detector or manual) data when the review changed fields, else null */
  original: FindingData | null;
  status: ReviewStatus;
  review: Review | null;
  /** primary span (code points) of the effective data */
  start: number;
  end: number;
}

export const isAcceptedStatus = (s: ReviewStatus): boolean => s === 'accepted' || s === 'corrected';

/** Merges review.fields over the finding's data (only keys the data has or that are known optional ones). */
export function effectiveData(finding: Finding, review: Review | null | undefined): FindingData {
  const fields = review?.fields ?? {};
  if (Object.keys(fields).length === 0) return finding.data;
  return { ...finding.data, ...fields } as FindingData;
}

export function effectiveFinding(finding: Finding, review: Review | null | undefined): EffectiveFinding {
  const data = effectiveData(finding, review);
  const changed = data !== finding.data;
  // findingSpan reads only type and data (a spread of the whole finding would cost more than the rest)
  const span = findingSpan({ type: finding.type, data } as Finding);
  return {
    id: finding.id,
    type: finding.type,
    origin: finding.origin,
    kind: (data as { kind: string }).kind,
    data,
    original: changed ? finding.data : null,
    status: review?.status ?? 'suggested',
    review: review ?? null,
    start: span.start,
    end: span.end,
  };
}

/**
 * Whether a finding belongs in an export under the filter. `name`-kind figures and boilerplate
 * duplicates are noise for a dataset: they are kept only when an analyst accepted them.
 */
export function passesFilter(f: EffectiveFinding, filter: ExportFilter): boolean {
  if (filter === 'complete') return true;
  const accepted = isAcceptedStatus(f.status);
  if (f.type === 'figure' && f.kind === 'name' && !accepted) return false;
  if (f.type === 'duplicate' && f.kind === 'boilerplate' && !accepted) return false;
  switch (filter) {
    case 'accepted':
      return accepted;
    case 'reviewed':
      return f.status !== 'suggested';
    case 'all':
      return true;
  }
}

/** The effective findings of one document that pass the filter, in the document's own order (reading order in the store). */
export function exportFindings(doc: Pick<DocumentFile, 'findings' | 'reviews'>, filter: ExportFilter): EffectiveFinding[] {
  const out: EffectiveFinding[] = [];
  for (const f of doc.findings) {
    const e = effectiveFinding(f, doc.reviews[f.id]);
    if (passesFilter(e, filter)) out.push(e);
  }
  return out;
}

/** A copy in reading order (start, then end; stable). */
export function inReadingOrder(fs: readonly EffectiveFinding[]): EffectiveFinding[] {
  return [...fs].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Tag ids → names through the taxonomy (unknown ids stay as they are). */
export function tagNames(ids: readonly string[], taxonomy: readonly Tag[]): string[] {
  if (ids.length === 0) return ids as string[];
  const byId = new Map(taxonomy.map((t) => [t.id, t.name]));
  return ids.map((id) => byId.get(id) ?? id);
}

