/**
 * ECharts options for one indicator: across reports (bar) and across years (line, one series
 * per region). No animation (UI-GUIDE: nothing longer than 150 ms); text in the UI font stack so
 * CJK labels use the same faces as the app. Pure apart from chartTheme (reads the page's CSS).
 */
import type { PivotDocument } from './pivot';
import { columnLabel } from './pivot';

export interface ChartTheme {
  font: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  background: string;
}

export interface ChartPoint {
  column: PivotDocument;
  value: number | null;
}

export type ChartKind = 'bar' | 'line';

/** Structural type of the options built here (the subset of ECharts' option we use). */
export interface ChartOption {
  animation: boolean;
  backgroundColor: string;
  textStyle: { fontFamily: string; color: string };
  title: { text: string; subtext?: string; left: string; textStyle: { fontFamily: string; color: string; fontSize: number; fontWeight: number }; subtextStyle: { color: string } };
  tooltip: { trigger: 'axis' | 'item'; valueFormatter?: (v: unknown) => string };
  legend?: { top: number; type: 'scroll'; textStyle: { color: string; fontFamily: string } };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: boolean };
  xAxis: { type: 'category'; data: string[]; axisLabel: { color: string; interval: number; rotate: number; fontFamily: string }; axisLine: { lineStyle: { color: string } } };
  yAxis: { type: 'value'; axisLabel: { color: string; formatter: (v: number) => string; fontFamily: string }; splitLine: { lineStyle: { color: string } } };
  series: ({ type: 'bar'; name: string; data: (number | null)[]; itemStyle: { color: string }; label: { show: boolean; position: 'top'; color: string; formatter: (p: { value: unknown }) => string; fontFamily: string }; barMaxWidth: number } | { type: 'line'; name: string; data: (number | null)[]; connectNulls: boolean; showSymbol: boolean; symbolSize: number })[];
}

function base(indicator: string, subtext: string | undefined, theme: ChartTheme, format: (n: number) => string): Omit<ChartOption, 'xAxis' | 'series'> {
  const font = theme.font;
  return {
    animation: false,
    backgroundColor: theme.background,
    textStyle: { fontFamily: font, color: theme.text },
    title: { text: indicator, subtext, left: 'center', textStyle: { fontFamily: font, color: theme.text, fontSize: 15, fontWeight: 600 }, subtextStyle: { color: theme.muted } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    grid: { left: 16, right: 24, top: subtext ? 70 : 56, bottom: 16, containLabel: true },
    yAxis: { type: 'value', axisLabel: { color: theme.muted, formatter: (v) => format(v), fontFamily: font }, splitLine: { lineStyle: { color: theme.border } } },
  };
}

/** The indicator in every report (columns in table order), one bar each. */
export function barOption(indicator: string, points: readonly ChartPoint[], theme: ChartTheme, format: (n: number) => string, subtext?: string, notStated?: string): ChartOption {
  // a report that does not state the figure says so under its place, not with an empty gap
  const labels = points.map((p) => (p.value === null && notStated ? `${columnLabel(p.column)}\n${notStated}` : columnLabel(p.column)));
  return {
    ...base(indicator, subtext, theme, format),
    xAxis: { type: 'category', data: labels, axisLabel: { color: theme.text, interval: 0, rotate: labels.length > 6 ? 30 : 0, fontFamily: theme.font }, axisLine: { lineStyle: { color: theme.muted } } },
    series: [
      {
        type: 'bar',
        name: indicator,
        data: points.map((p) => p.value),
        itemStyle: { color: theme.accent },
        label: { show: true, position: 'top', color: theme.text, formatter: (p) => (typeof p.value === 'number' ? format(p.value) : ''), fontFamily: theme.font },
        barMaxWidth: 56,
      },
    ],
  };
}

/** The indicator over the years: one line per region (a report without a region is its own series). */
export function lineOption(indicator: string, points: readonly ChartPoint[], years: readonly string[], theme: ChartTheme, format: (n: number) => string, subtext?: string): ChartOption {
  const byRegion = new Map<string, Map<string, number | null>>();
  for (const p of points) {
    if (!p.column.year) continue;
    const key = p.column.region ?? columnLabel(p.column);
    const row = byRegion.get(key) ?? new Map<string, number | null>();
    if (!row.has(p.column.year) || row.get(p.column.year) === null) row.set(p.column.year, p.value);
    byRegion.set(key, row);
  }
  const b = base(indicator, subtext, theme, format);
  return {
    ...b,
    legend: { top: subtext ? 62 : 36, type: 'scroll', textStyle: { color: theme.text, fontFamily: theme.font } },
    grid: { ...b.grid, top: b.grid.top + 30 },
    xAxis: { type: 'category', data: [...years], axisLabel: { color: theme.text, interval: 0, rotate: 0, fontFamily: theme.font }, axisLine: { lineStyle: { color: theme.muted } } },
    series: [...byRegion.entries()].map(([name, row]) => ({
      type: 'line' as const,
      name,
      data: years.map((y) => row.get(y) ?? null),
      connectNulls: true,
      showSymbol: true,
      symbolSize: 8,
    })),
  };
}

/** The app's theme as the charts draw it (CSS custom properties of the document). */
export function chartTheme(): ChartTheme {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => cs.getPropertyValue(name).trim() || fallback;
  return {
    // single quotes: the stack also goes into SVG attributes
    font: v('--font-ui', 'sans-serif').replace(/"/g, "'"),
    text: v('--text', '#1f2328'),
    muted: v('--muted', '#5b616b'),
    border: v('--border', '#d9d9d4'),
    accent: v('--fig', '#2563eb'),
    background: v('--paper', '#ffffff'),
  };
}
