/**
 * The Figures table: the pivot as the backend last answered, the column sort, the indicator
 * shown in the chart, and the unmapped-metric → indicator mapping (indicatorMapSet, then the
 * table is fetched again).
 */
import type { PivotView } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { setView } from '../layout/view';
import { openFinding } from '../report/store';
import { trackWrite } from '../statusbar/saveState';
import { type ColumnSort, DEFAULT_SORT, type PivotCell, cellLink } from './pivot';

export interface FiguresState {
  pivot: PivotView | null;
  loading: boolean;
  sort: ColumnSort;
  /** the indicator whose chart is open */
  chart: string | null;
  /** the metric phrase being mapped (its request in flight) */
  mapping: string | null;
  /** the workspace's map as last answered by indicatorMapSet (metric phrase → indicator) */
  map: Record<string, string> | null;
}

export const figuresStore = createStore<FiguresState>({ pivot: null, loading: false, sort: DEFAULT_SORT, chart: null, mapping: null, map: null });

let seq = 0;

export async function loadPivot(): Promise<PivotView | null> {
  const my = ++seq;
  figuresStore.patch({ loading: true });
  try {
    const pivot = await getClient().pivotGet({});
    if (my === seq) figuresStore.patch({ pivot, loading: false, map: pivot.indicatorMap });
    return pivot;
  } catch (e) {
    if (my === seq) figuresStore.patch({ loading: false });
    reportError(e, 'pivotGet');
    return null;
  }
}

export function setSort(sort: ColumnSort): void {
  figuresStore.patch({ sort });
}

export function openChart(indicator: string | null): void {
  figuresStore.patch({ chart: indicator });
}

/** Maps a metric phrase to an indicator (null: removes the mapping); the table is fetched again. */
export async function mapMetric(metric: string, indicator: string | null): Promise<boolean> {
  const name = indicator?.trim() || null;
  figuresStore.patch({ mapping: metric });
  try {
    const map = await trackWrite(() => getClient().indicatorMapSet({ metric, indicator: name }));
    figuresStore.patch({ map });
    await loadPivot();
    showNotice(name ? t('figures.mapped', { metric, indicator: name }) : t('figures.unmappedDone', { metric }));
    return true;
  } catch (e) {
    reportError(e, 'indicatorMapSet');
    return false;
  } finally {
    figuresStore.patch({ mapping: null });
  }
}

/** A cell was clicked: the review view, that report, the figure the value came from selected. */
export async function openCell(cell: PivotCell): Promise<void> {
  const { documentId, figureId } = cellLink(cell);
  setView('review');
  const ok = await openFinding(documentId, figureId);
  if (!ok) showNotice(t('figures.figureGone'));
}
