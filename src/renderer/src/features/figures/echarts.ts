/**
 * ECharts, with only what the Figures charts use (tree-shaken by Vite). ECharts evaluates no
 * code at runtime, so it runs under the CSP (script-src 'self'); its canvas output is exported
 * as PNG and an SVG-renderer instance (no DOM) gives the SVG. Loaded on demand (the first chart
 * opened), so the app starts without it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export type ECharts = echarts.ECharts;

export function initChart(el: HTMLElement): ECharts {
  return echarts.init(el, null, { renderer: 'canvas' });
}

export function setChartOption(chart: ECharts, option: ChartOption): void {
  chart.setOption(option as unknown as echarts.EChartsCoreOption, { notMerge: true });
}

/** The chart as a PNG image (twice the screen resolution). */
export function chartPng(chart: ECharts, background: string): Blob {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
  const comma = url.indexOf(',');
  const bytes = atob(url.slice(comma + 1));
  const buf = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
  return new Blob([buf], { type: 'image/png' });
}

/** The same chart drawn by the SVG renderer, as an SVG document. */
export function chartSvg(option: ChartOption, width: number, height: number): Blob {
  const svgChart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    setChartOption(svgChart, option);
    return new Blob([svgChart.renderToSVGString()], { type: 'image/svg+xml;charset=utf-8' });
  } finally {
    svgChart.dispose();
  }
}
