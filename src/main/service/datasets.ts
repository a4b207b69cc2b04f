/** Exports, the cross-report figures table and the indicator mapping, over the open store. */
import type { PivotView } from '../../core/api';
import { effectiveData } from '../../core/document/effective';
import { indicatorFor, indicatorIds, PivotBuilder, type PivotFigure } from '../../core/indicators';
import { effectiveMetadata } from '../../core/metadata';
import type { WorkspaceStore } from '../store';

/** indicators × reports, from the effective (reviewed) values of every figure. */
export async function pivotOf(store: WorkspaceStore): Promise<PivotView> {
  const w = store.workspace();
  const userMap = w.indicatorMap;
  const builder = new PivotBuilder(userMap);
  const unmapped = new Map<string, { metric: string; unit: string | null; count: number }>();
  const documents: PivotView['documents'] = [];
  for (const meta of w.documents) {
    const doc = await store.readDocument(meta.id);
    const md = effectiveMetadata(doc.text, meta.metadata);
    documents.push({ id: meta.id, name: meta.name, region: md.region ?? null, year: md.year == null ? null : String(md.year) });
    const figures: PivotFigure[] = [];
    for (const f of doc.findings) {
      if (f.type !== 'figure' || f.data.kind === 'name' || f.data.kind === 'date') continue;
      const review = doc.reviews[f.id];
      const figure = effectiveData(f, review);
      const status = review?.status ?? 'suggested';
      figures.push({ id: f.id, figure, status });
      if (status !== 'rejected' && figure.metric && !indicatorFor(figure, userMap)) {
        const key = `${figure.metric}\u0000${figure.unit ?? ''}`;
        const u = unmapped.get(key) ?? { metric: figure.metric, unit: figure.unit, count: 0 };
        u.count++;
        unmapped.set(key, u);
      }
    }
    builder.add(meta.id, figures);
  }
  const pivot = builder.result();
  const known = new Set([...indicatorIds(), ...Object.values(userMap)]);
  return {
    indicators: pivot.indicators,
    documents,
    cells: pivot.cells,
    unmapped: [...unmapped.values()].sort((a, b) => b.count - a.count || a.metric.localeCompare(b.metric)).slice(0, 500),
    knownIndicators: [...known],
    indicatorMap: { ...userMap },
  };
}
