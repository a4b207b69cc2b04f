/** One indicator as a chart: across reports (bar) or across years (line, when the years differ); saved as PNG or SVG. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../../lib/Dialog';
import { downloadBlob, safeFileName } from '../../lib/download';
import { useStore } from '../../lib/store';
import { reportError } from '../errors/store';
import { useI18n } from '../i18n/i18n';
import { type ChartKind, type ChartOption, barOption, chartTheme, lineOption } from './chart';
import type { ECharts } from './echarts';

type ChartLib = typeof import('./echarts');
let libPromise: Promise<ChartLib> | null = null;
/** ECharts is loaded with the first chart. */
function loadLib(): Promise<ChartLib> {
  return (libPromise ??= import('./echarts'));
}
import { type PivotTable, indicatorSeries, yearsOf } from './pivot';
import { indicatorUnit, withUnit } from './units';
import { figuresStore, openChart } from './store';

const HEIGHT = 380;

export function ChartDialog({ table }: { table: PivotTable }): React.JSX.Element | null {
  const indicator = useStore(figuresStore, (s) => s.chart);
  if (!indicator) return null;
  return <ChartDialogBody table={table} indicator={indicator} />;
}

/** The chart of one indicator drawn into a div (ECharts loaded with the first chart): its ref, the chart and the option. */
export function useIndicatorChart(table: PivotTable, indicator: string, kind: ChartKind): { el: React.RefObject<HTMLDivElement | null>; chart: React.RefObject<ECharts | null>; lib: ChartLib | null; option: ChartOption; shown: ChartKind; canLine: boolean } {
  const { t, num } = useI18n();
  const years = useMemo(() => yearsOf(table.columns), [table]);
  const canLine = years.length > 1;
  const shown: ChartKind = kind === 'line' && canLine ? 'line' : 'bar';
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [lib, setLib] = useState<ChartLib | null>(null);
  const option = useMemo((): ChartOption => {
    const theme = chartTheme();
    const points = indicatorSeries(table, indicator);
    const stated = points.filter((p) => p.value !== null).length;
    const sub = t('chart.subtitle', { stated, total: points.length });
    const unit = indicatorUnit(indicator);
    const format = (n: number): string => withUnit(num(n), unit);
    const title = unit && !unit.inline ? `${indicator}（${unit.unit}）` : indicator;
    return shown === 'line' ? lineOption(title, points, years, theme, format, sub) : barOption(title, points, theme, format, sub, t('figures.notStated'));
  }, [table, indicator, shown, years, t, num]);

  useEffect(() => {
    let live = true;
    loadLib().then(
      (l) => live && setLib(l),
      (e: unknown) => reportError(e, 'load charts'),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!el.current || !lib) return;
    const c = lib.initChart(el.current);
    chart.current = c;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [lib]);
  useEffect(() => {
    if (chart.current && lib) lib.setChartOption(chart.current, option);
  }, [option, lib]);
  return { el, chart, lib, option, shown, canLine };
}

function ChartDialogBody({ table, indicator }: { table: PivotTable; indicator: string }): React.JSX.Element {
  const { t } = useI18n();
  const [kind, setKind] = useState<ChartKind>('bar');
  const { el, chart, lib, option, shown, canLine } = useIndicatorChart(table, indicator, kind);

  const fileStem = safeFileName(`${indicator}-${shown === 'bar' ? t('chart.byReport') : t('chart.byYear')}`);
  const savePng = (): void => {
    try {
      if (chart.current && lib) downloadBlob(lib.chartPng(chart.current, option.backgroundColor), `${fileStem}.png`);
    } catch (e) {
      reportError(e, 'chart png');
    }
  };
  const saveSvg = (): void => {
    try {
      const w = el.current?.clientWidth || 800;
      if (lib) downloadBlob(lib.chartSvg(option, w, HEIGHT), `${fileStem}.svg`);
    } catch (e) {
      reportError(e, 'chart svg');
    }
  };
  return (
    <Dialog
      title={t('chart.title', { indicator })}
      onClose={() => openChart(null)}
      wide
      testId="chart-dialog"
      footer={
        <>
          <button type="button" onClick={savePng} disabled={!lib} data-testid="chart-png">
            {t('chart.savePng')}
          </button>
          <button type="button" onClick={saveSvg} disabled={!lib} data-testid="chart-svg">
            {t('chart.saveSvg')}
          </button>
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => openChart(null)}>
            {t('dialog.close')}
          </button>
        </>
      }
    >
      <div className="chart-controls">
        <label>
          {t('chart.indicator')}{' '}
          <select value={indicator} onChange={(e) => openChart(e.target.value)} data-testid="chart-indicator">
            {table.rows.map((r) => (
              <option key={r.indicator} value={r.indicator}>
                {r.indicator}
              </option>
            ))}
          </select>
        </label>
        <div className="view-switch" role="group" aria-label={t('chart.kind')}>
          <button type="button" aria-pressed={shown === 'bar'} className={shown === 'bar' ? 'on' : undefined} onClick={() => setKind('bar')} data-testid="chart-bar">
            {t('chart.byReport')}
          </button>
          <button
            type="button"
            aria-pressed={shown === 'line'}
            className={shown === 'line' ? 'on' : undefined}
            onClick={() => setKind('line')}
            disabled={!canLine}
            title={canLine ? undefined : t('chart.oneYear')}
            data-testid="chart-line"
          >
            {t('chart.byYear')}
          </button>
        </div>
      </div>
      <div className="chart" ref={el} style={{ height: HEIGHT }} role="img" aria-label={t('chart.title', { indicator })} data-testid="chart" data-kind={shown} data-ready={lib ? 'true' : undefined} />
    </Dialog>
  );
}
