/**
 * The Figures table: indicators × reports, each cell the value of the figure chosen for it
 * (number style as set), styled by its review status, ≠ where the report's figures disagree.
 * A cell opens its report with the figure selected; columns sort by report, region or year;
 * the table saves as CSV; a row opens its chart; unmapped metric phrases are mapped at the side.
 */
import { useEffect, useMemo, useState } from 'react';
import { downloadBlob } from '../../lib/download';
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { ChartDialog, useIndicatorChart } from './ChartDialog';
import type { ChartKind } from './chart';
import { indicatorUnit, withUnit } from './units';
import { pivotCsv } from './csv';
import { type PivotCell, type PivotDocument, type PivotTable, type SortKey, nextSort, pivotTable } from './pivot';
import { figuresStore, loadPivot, openCell, openChart, setSort } from './store';
import { UnmappedPanel } from './UnmappedPanel';
import './figures.css';

export function FiguresView(): React.JSX.Element {
  const { t, num } = useI18n();
  const pivot = useStore(figuresStore, (s) => s.pivot);
  const loading = useStore(figuresStore, (s) => s.loading);
  const sort = useStore(figuresStore, (s) => s.sort);
  const hasWorkspace = useStore(workspaceStore, (s) => s.workspace !== null);
  useEffect(() => {
    void loadPivot();
  }, []);
  const table = useMemo(() => (pivot ? pivotTable(pivot, sort) : null), [pivot, sort]);
  // the row charted under the table (the first until another is picked)
  const [inline, setInline] = useState<string | null>(null);
  const inlineIndicator = table?.rows.find((r) => r.indicator === inline)?.indicator ?? table?.rows[0]?.indicator ?? null;

  const saveCsv = (): void => {
    if (!table) return;
    const csv = pivotCsv(table, { indicator: t('figures.indicator'), region: t('figures.region'), year: t('figures.year') });
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${t('figures.csvName')}-${new Date().toISOString().slice(0, 10)}.csv`);
  };

  const sortButton = (key: SortKey, label: string): React.JSX.Element => {
    const on = sort.key === key;
    const arrow = on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    return (
      <button
        type="button"
        className={on ? 'sort on' : 'sort'}
        onClick={() => setSort(nextSort(sort, key))}
        aria-pressed={on}
        title={t('figures.sortBy', { key: label })}
        data-testid={`pivot-sort-${key}`}
        data-dir={on ? sort.dir : undefined}
      >
        {label}
        {arrow}
      </button>
    );
  };

  return (
    <div className="figures-view" data-testid="figures-view">
      <div className="figures-toolbar">
        <h1>{t('figures.title')}</h1>
        {table ? <span className="muted num">{t('figures.size', { indicators: table.rows.length, reports: table.columns.length })}</span> : null}
        <span className="spacer" />
        <button type="button" onClick={() => void loadPivot()} disabled={loading} data-testid="pivot-refresh">
          {loading ? t('app.loading') : t('figures.refresh')}
        </button>
        <button type="button" onClick={() => table && table.rows[0] && openChart(table.rows[0].indicator)} disabled={!table || table.rows.length === 0} data-testid="pivot-chart">
          {t('figures.chart')}
        </button>
        <button type="button" onClick={saveCsv} disabled={!table || table.rows.length === 0} data-testid="pivot-csv">
          {t('figures.saveCsv')}
        </button>
      </div>
      <div className="figures-legend muted" aria-hidden="true">
        <span className="pcell-swatch st-suggested">{t('status.suggested')}</span>
        <span className="pcell-swatch st-accepted">{t('status.accepted')}</span>
        <span className="pcell-swatch st-corrected">{t('status.corrected')}</span>
        <span>
          <span className="conflict-mark">≠</span> {t('figures.conflictLegend')}
        </span>
      </div>
      <div className="figures-body">
        <div className="pivot-scroller">
          {!hasWorkspace ? <p className="muted pivot-note">{t('save.idle')}</p> : null}
          {hasWorkspace && !table ? <p className="muted pivot-note">{t('app.loading')}</p> : null}
          {table && table.columns.length === 0 ? <p className="muted pivot-note">{t('docs.empty')}</p> : null}
          {table && table.columns.length > 0 ? (
            <table className="pivot" data-testid="pivot-table">
              <thead>
                <tr>
                  <th scope="col" className="corner">
                    {sortButton('name', t('figures.report'))}
                  </th>
                  {table.columns.map((c) => (
                    <th key={c.id} scope="col" className="doc-col" title={c.name} data-doc={c.name} data-testid="pivot-col">
                      {shortName(c)}
                    </th>
                  ))}
                </tr>
                <tr className="meta-row">
                  <th scope="row">{sortButton('region', t('figures.region'))}</th>
                  {table.columns.map((c) => (
                    <td key={c.id}>{c.region ?? '—'}</td>
                  ))}
                </tr>
                <tr className="meta-row">
                  <th scope="row">{sortButton('year', t('figures.year'))}</th>
                  {table.columns.map((c) => (
                    <td key={c.id} className="num">
                      {c.year ?? '—'}
                    </td>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr>
                    <td colSpan={table.columns.length + 1} className="muted pivot-note">
                      {t('figures.noIndicators')}
                    </td>
                  </tr>
                ) : null}
                {table.rows.map((row) => (
                  <tr key={row.indicator} data-testid="pivot-row" data-indicator={row.indicator} className={row.indicator === inlineIndicator ? 'charted' : undefined}>
                    <th scope="row" className="indicator">
                      <button type="button" className="indicator-name" lang="zh-Hans" onClick={() => setInline(row.indicator)} aria-pressed={row.indicator === inlineIndicator} title={t('figures.chartsHint')} data-testid="pivot-row-name">
                        {row.indicator}
                        {indicatorUnit(row.indicator) && !indicatorUnit(row.indicator)!.inline ? <span className="unit muted">（{indicatorUnit(row.indicator)!.unit}）</span> : null}
                      </button>
                      <button type="button" className="icon-btn chart-btn" onClick={() => openChart(row.indicator)} title={t('figures.chartOf', { indicator: row.indicator })} aria-label={t('figures.chartOf', { indicator: row.indicator })} data-testid="pivot-row-chart">
                        <BarsIcon />
                      </button>
                    </th>
                    {row.cells.map((cell, i) => (
                      <td key={table.columns[i].id} data-doc={table.columns[i].name}>
                        {cell ? (
                          <Cell cell={cell} indicator={row.indicator} column={table.columns[i]} t={t} num={num} />
                        ) : (
                          <span className="empty" title={t('figures.notStatedTitle', { report: table.columns[i].name, indicator: row.indicator })} aria-label={t('figures.notStated')}>
                            ·
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {table && inlineIndicator ? <InlineChart table={table} indicator={inlineIndicator} /> : null}
        </div>
        <UnmappedPanel />
      </div>
      {table ? <ChartDialog table={table} /> : null}
    </div>
  );
}

function shortName(c: PivotDocument): string {
  return c.name.replace(/\.[a-z0-9]{1,5}$/i, '');
}

/** The chart of one row under the table (the dialog, from the row's button, saves it as PNG or SVG). */
function InlineChart({ table, indicator }: { table: PivotTable; indicator: string }): React.JSX.Element {
  const { t } = useI18n();
  const [kind, setKind] = useState<ChartKind>('bar');
  const { el, lib, shown, canLine } = useIndicatorChart(table, indicator, kind);
  return (
    <section className="inline-chart" aria-label={t('chart.title', { indicator })} data-testid="inline-chart-panel">
      <div className="chart-controls">
        <strong>{t('figures.chartsInline')}</strong>
        <div className="view-switch" role="group" aria-label={t('chart.kind')}>
          <button type="button" aria-pressed={shown === 'bar'} className={shown === 'bar' ? 'on' : undefined} onClick={() => setKind('bar')}>
            {t('chart.byReport')}
          </button>
          <button type="button" aria-pressed={shown === 'line'} className={shown === 'line' ? 'on' : undefined} onClick={() => setKind('line')} disabled={!canLine} title={canLine ? undefined : t('chart.oneYear')}>
            {t('chart.byYear')}
          </button>
        </div>
        <span className="muted small">{t('figures.chartsHint')}</span>
        <span className="spacer" />
        <button type="button" onClick={() => openChart(indicator)} data-testid="inline-chart-open">
          {t('figures.chart')}
        </button>
      </div>
      <div className="chart" ref={el} role="img" aria-label={t('chart.title', { indicator })} data-testid="inline-chart" data-indicator={indicator} data-kind={shown} data-ready={lib ? 'true' : undefined} />
    </section>
  );
}

function Cell({ cell, indicator, column, t, num }: { cell: PivotCell; indicator: string; column: PivotDocument; t: (k: MessageKey, v?: Record<string, string | number>) => string; num: (n: number | null) => string }): React.JSX.Element {
  const value = cell.value === null ? '?' : withUnit(num(cell.value), indicatorUnit(indicator));
  let title = t('figures.cellTitle', { indicator, report: column.name, value, status: t(`status.${cell.status}`) });
  if (cell.conflict) title += ` ${t('figures.conflict', { count: cell.candidates })}`;
  else if (cell.candidates > 1) title += ` ${t('figures.candidates', { count: cell.candidates })}`;
  return (
    <button
      type="button"
      className={`pcell st-${cell.status}${cell.conflict ? ' conflict' : ''}`}
      onClick={() => void openCell(cell)}
      title={title}
      aria-label={title}
      data-testid="pivot-cell"
      data-status={cell.status}
      data-figure-id={cell.figureId}
    >
      <span className="num">{value}</span>
      {cell.conflict ? (
        <span className="conflict-mark" aria-hidden="true">
          ≠
        </span>
      ) : null}
    </button>
  );
}

function BarsIcon(): React.JSX.Element {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect x="1" y="6" width="2.4" height="5" fill="currentColor" />
      <rect x="4.8" y="2" width="2.4" height="9" fill="currentColor" />
      <rect x="8.6" y="4" width="2.4" height="7" fill="currentColor" />
    </svg>
  );
}
