/**
 * What every export format starts from: a finding with its review folded in (the "effective"
 * finding), the export filter, and span helpers. Pure; one document at a time.
 */
import { type EffectiveFinding, effectiveFinding, isAcceptedStatus } from '../document/effective';
import type { DocumentFile, Tag } from '../store-schema';

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

// the effective finding is built in core/document (one rule for exports, the figures table and the inspector)
export { type EffectiveFinding, type FindingData, effectiveData, effectiveFinding, isAcceptedStatus } from '../document/effective';

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

