/**
 * How the metric chart looks: chart.js datasets and options for a ChartSeries. Types only from
 * chart.js here, so this module does not pull chart.js into the first screen.
 */
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { Unit } from '../../domain/types';
import { formatValue } from '../common/format';
import type { ChartSeries, XY } from './chartData';

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
export function lineDatasets(s: ChartSeries): ChartDataset<'line', XY[]>[] {
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
      borderColor: '#2f5bd3',
      backgroundColor: 'rgba(47, 91, 211, 0.08)',
      fill: 'start',
      borderWidth: 2,
      pointRadius: s.actual.length > DENSE ? 0 : 3,
      pointHitRadius: 6,
    },
    {
      label: 'Pace',
      data: d.Pace,
      borderColor: '#5b6475',
      backgroundColor: '#5b6475',
      borderWidth: 1.5,
      pointStyle: 'line',
      pointRadius: 0,
      pointHitRadius: 0,
    },
    { label: 'Baseline', data: d.Baseline, ...marker('#5b6475', 'circle', 5) },
    { label: 'Benchmarks', data: d.Benchmarks, ...marker('#8a5a00', 'rectRot', 6) },
    { label: 'Targets', data: d.Targets, ...marker('#1a7f37', 'triangle', 8) },
    {
      label: 'Forecast',
      data: d.Forecast,
      borderColor: '#2f5bd3',
      borderDash: [6, 5],
      borderWidth: 2,
      pointRadius: [0, 4],
      pointBackgroundColor: '#fff',
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
): ChartConfiguration<'line', XY[], string> {
  return {
    type: 'line',
    data: { labels: s.labels, datasets: lineDatasets(s) },
    plugins,
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'category', ticks: { autoSkip: true, maxRotation: 0, sampleSize: 24 } },
        y: {
          type: 'linear',
          ticks: { callback: (v) => formatValue(Number(v), unit(), true) },
        },
      },
      plugins: {
        legend: {
          labels: {
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
