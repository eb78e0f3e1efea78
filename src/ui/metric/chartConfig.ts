/**
 * How the metric chart looks: chart.js datasets and options for a ChartSeries. Types only from
 * chart.js here, so this module does not pull chart.js into the first screen. Colours come from
 * the page's colour tokens (chartPalette), so the chart follows light and dark mode.
 */
import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { Unit } from '../../domain/types';
import { formatValue } from '../common/format';
import type { ChartSeries, XY } from './chartData';
import { LIGHT_PALETTE, type ChartPalette } from './chartPalette';

/** Dense series draw no point markers: they would hide the line and cost time. */
const DENSE = 200;

export const SERIES = ['Actual', 'Pace', 'Baseline', 'Benchmarks', 'Targets', 'Forecast'] as const;
export type SeriesName = (typeof SERIES)[number];

function dataOf(s: ChartSeries): Record<SeriesName, XY[]> {
  return {
    Actual: s.actual,
    Pace: s.pace,
    Baseline: s.baseline,
    Benchmarks: s.benchmarks,
    Targets: s.targets,
    Forecast: s.forecast,
  };
}

/** The names of the series that have something to draw, in legend order. */
export function seriesNames(s: ChartSeries): SeriesName[] {
  const d = dataOf(s);
  return SERIES.filter((name) => d[name].length > 0);
}

/** One dataset per name of SERIES, always all six and in that order (updates rely on it). */
export function lineDatasets(
  s: ChartSeries,
  p: ChartPalette = LIGHT_PALETTE,
): ChartDataset<'line', XY[]>[] {
  const d = dataOf(s);
  const marker = (color: string, style: 'circle' | 'rectRot' | 'triangle', radius: number) => ({
    showLine: false,
    borderColor: color,
    backgroundColor: color,
    pointStyle: style,
    pointRadius: radius,
    pointHoverRadius: radius + 2,
  });
  return [
    {
      label: 'Actual',
      data: d.Actual,
      borderColor: p.actual,
      backgroundColor: p.actualFill,
      fill: 'start',
      borderWidth: 2,
      pointRadius: s.actual.length > DENSE ? 0 : 3,
      pointHitRadius: 6,
    },
    {
      label: 'Pace',
      data: d.Pace,
      borderColor: p.pace,
      backgroundColor: p.pace,
      borderWidth: 1.5,
      pointStyle: 'line',
      pointRadius: 0,
      pointHitRadius: 0,
    },
    { label: 'Baseline', data: d.Baseline, ...marker(p.pace, 'circle', 5) },
    { label: 'Benchmarks', data: d.Benchmarks, ...marker(p.benchmark, 'rectRot', 6) },
    { label: 'Targets', data: d.Targets, ...marker(p.target, 'triangle', 8) },
    {
      label: 'Forecast',
      data: d.Forecast,
      borderColor: p.actual,
      borderDash: [6, 5],
      borderWidth: 2,
      pointRadius: [0, 4],
      pointBackgroundColor: p.panel,
    },
  ];
}

/**
 * The whole configuration; `unit` is read when ticks and tooltips are drawn. `plugins` are
 * this chart's own (the experiment windows).
 */
export function chartConfig(
  s: ChartSeries,
  unit: () => Unit,
  plugins: Plugin<'line'>[] = [],
  p: ChartPalette = LIGHT_PALETTE,
): ChartConfiguration<'line', XY[], string> {
  return {
    type: 'line',
    data: { labels: s.labels, datasets: lineDatasets(s, p) },
    plugins,
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'category',
          ticks: { autoSkip: true, maxRotation: 0, sampleSize: 24, color: p.muted },
          grid: { color: p.grid },
          border: { color: p.line },
        },
        y: {
          type: 'linear',
          ticks: { callback: (v) => formatValue(Number(v), unit(), true), color: p.muted },
          grid: { color: p.grid },
          border: { color: p.line },
        },
      },
      plugins: {
        legend: {
          labels: {
            color: p.ink,
            usePointStyle: true,
            filter: (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0,
          },
        },
        tooltip: {
          usePointStyle: true,
          callbacks: {
            label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatValue(ctx.parsed.y, unit())}`,
          },
        },
      },
    },
  };
}

/** No data: only the colours of `lineDatasets` are read from it. */
const EMPTY_SERIES: ChartSeries = {
  keys: [],
  labels: [],
  actual: [],
  pace: [],
  baseline: [],
  benchmarks: [],
  targets: [],
  forecast: [],
  overlays: true,
  skipped: 0,
  gaps: [],
  clipped: false,
};

/**
 * Recolours a chart in place (the system switched between light and dark): its datasets, axes
 * and legend; the caller redraws.
 */
export function applyPalette(chart: Chart<'line', XY[], string>, p: ChartPalette): void {
  const fresh = lineDatasets(EMPTY_SERIES, p);
  chart.data.datasets.forEach((dataset, i) => {
    const f = fresh[i];
    if (!f) return;
    dataset.borderColor = f.borderColor;
    dataset.backgroundColor = f.backgroundColor;
    if (f.pointBackgroundColor !== undefined) dataset.pointBackgroundColor = f.pointBackgroundColor;
  });
  const scales = chart.options.scales ?? {};
  for (const axis of [scales['x'], scales['y']]) {
    if (!axis) continue;
    if (axis.ticks) axis.ticks.color = p.muted;
    if (axis.grid) axis.grid.color = p.grid;
    if ('border' in axis && axis.border) axis.border.color = p.line;
  }
  const legend = chart.options.plugins?.legend?.labels;
  if (legend) legend.color = p.ink;
}
