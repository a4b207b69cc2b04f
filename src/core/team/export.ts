/**
 * Exports of several analysts' layers of one document, built on the one-layer exports of
 * core/export (so a layer exports exactly as it would alone). Pure.
 * - `layerDocument(doc, findings, work)` → the document as one analyst sees it (their reviews
 *   and manual findings), ready for `prepareDocument`;
 * - `teamFactRows` → the facts table of every layer with an `annotator` column at the end
 *   (FACTS_COLUMNS + 'annotator');
 * - `teamLabelStudioTask` → one Label Studio task per document with each analyst's accepted
 *   findings as a separate annotation (`completed_by` = the analyst), the detector's
 *   suggestions no analyst has decided as the prediction.
 * The adjudicated layer is a layer like any other (its annotator is the adjudicator).
 */
import type { AnalystWork } from '../document/build';
import { byReadingOrder } from '../document/findings';
import type { ExportContext, PreparedDocument } from '../export/context';
import { type LabelStudioTask, labelStudioTask } from '../export/labels';
import { type Cell, FACTS_COLUMNS, factRows } from '../export/tabular';
import type { DocumentFile, Finding } from '../store-schema';

export const TEAM_FACTS_COLUMNS = [...FACTS_COLUMNS, 'annotator'] as const;

/**
 * The document as one analyst sees it: `derived` are the machine's findings (detector output
 * and consistency checks, the same for everyone), plus the analyst's manual findings.
 */
export function layerDocument(doc: DocumentFile, derived: readonly Finding[], work: Pick<AnalystWork, 'reviews' | 'manualFindings' | 'orphans'>): DocumentFile {
  const ids = new Set(derived.map((f) => f.id));
  const findings = [...derived, ...work.manualFindings.filter((f) => !ids.has(f.id))].sort(byReadingOrder);
  return { ...doc, findings, reviews: work.reviews, orphans: work.orphans };
}

export interface PreparedLayer {
  /** the name shown for the analyst (display name, or id) */
  annotator: string;
  prepared: PreparedDocument;
  /** s7: the context of this layer's rows (its analyst's tag names); the export's when absent */
  ctx?: ExportContext;
}

/** Facts rows of every layer, each ending with its annotator. */
export function teamFactRows(layers: readonly PreparedLayer[], ctx: ExportContext): Cell[][] {
  return layers.flatMap((l) => factRows(l.prepared, l.ctx ?? ctx).map((row) => [...row, l.annotator]));
}

/**
 * One task with an annotation per analyst who accepted anything. The prediction holds the
 * suggestions that are still 'suggested' in every layer (a suggestion one analyst decided is
 * not offered again as the model's).
 */
export function teamLabelStudioTask(layers: readonly PreparedLayer[]): LabelStudioTask | null {
  if (layers.length === 0) return null;
  const tasks = layers.map((l) => ({ annotator: l.annotator, task: labelStudioTask(l.prepared) }));
  const first = tasks[0]!.task;
  const out: LabelStudioTask = { data: first.data };
  const annotations = tasks.flatMap(({ annotator, task }) => (task.annotations ?? []).map((a) => ({ ...a, completed_by: annotator })));
  if (annotations.length > 0) out.annotations = annotations;
  // a prediction result stays only when every layer still has it as a suggestion
  const stillSuggested = tasks.map(({ task }) => new Set((task.predictions ?? []).flatMap((p) => p.result.map((r) => r.id))));
  const predictions = (first.predictions ?? [])
    .map((p) => ({ ...p, result: p.result.filter((r) => stillSuggested.every((s) => s.has(r.id))) }))
    .filter((p) => p.result.length > 0);
  if (predictions.length > 0) out.predictions = predictions;
  return out;
}
