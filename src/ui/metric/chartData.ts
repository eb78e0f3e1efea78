import { rollUp, type Point } from '../../domain/aggregate';
import { failureText } from '../../domain/formula';
import type { Series } from '../../domain/metricSeries';
import type { Anchor } from '../../domain/pace';
import {
  addDays,
  grainOf,
  GRAIN_ORDER,
  nextPeriod,
  periodEnd,
  periodOf,
  periodsBetween,
  type Grain,
} from '../../domain/periods';
import type { Aggregation } from '../../domain/types';
import { formatPeriod } from '../common/dates';

/**
 * A point in chart.js's internal format for a category axis: x is the category index. y null is
 * a period with no value that the line must not pass over (a formula's gap).
 */
export interface XY {
  x: number;
  y: number | null;
}

export interface ChartInput {
  /** The metric's values at its own grain, chronological. */
  points: readonly Point[];
  anchors: readonly Anchor[];
  /** Forecast for the end of the quarter running today (at the metric's own grain). */
  forecast: number | null;
  today: string;
  /** The metric's own grain. */
  baseGrain: Grain;
  /** The grain to show: the base grain or coarser. */
  grain: Grain;
  aggregation: Aggregation;
  /**
   * The values already rolled up to `grain` (the workspace's metricSeries: a formula computed
   * from its inputs at that grain, with its gaps). Without it, `points` are rolled up here with
   * `aggregation` (rollUp, as metricSeries does for a metric logged by hand).
   */
  rolled?: Series;
  /** The metric is a formula: its values at a coarser grain are not sums, so overlays stay. */
  computed?: boolean;
  /**
   * The month the workspace's fiscal year starts (default January): it ends "this quarter" (the
   * forecast's end) and numbers quarter labels. Values keep the quarters they are grouped in.
   */
  fiscalStart?: number;
}

export interface ChartSeries {
  /** Period keys of the categories, chronological. */
  keys: string[];
  labels: string[];
  actual: XY[];
  pace: XY[];
  baseline: XY[];
  benchmarks: XY[];
  targets: XY[];
  forecast: XY[];
  /** Whether pace, targets and forecast are drawn (they are per period of the own grain). */
  overlays: boolean;
  /** Values whose period is coarser than the grain shown (left out). */
  skipped: number;
  /** Periods shown as a gap in the line, with why (a formula that could not be computed). */
  gaps: { x: number; period: string; reason: string }[];
  /** The range was cut to the most recent MAX_CATEGORIES periods. */
  clipped: boolean;
}

/** Most categories one chart holds: five years of days is about 1,830. */
export const MAX_CATEGORIES = 4000;

const rank = (g: Grain): number => GRAIN_ORDER.indexOf(g);

/** The grains a metric can be shown at: its own and every coarser one. */
export function grainChoices(base: Grain): Grain[] {
  return GRAIN_ORDER.filter((g) => rank(g) >= rank(base));
}

/**
 * The grain of a metric's values: its cadence's, or (no cadence set) the coarsest grain among
 * its periods, so every value can be placed; a week when there is nothing to go by.
 */
export function baseGrainOf(cadenceGrain: Grain | null, points: readonly Point[]): Grain {
  if (cadenceGrain) return cadenceGrain;
  let best: Grain | null = null;
  for (const p of points) {
    const g = grainOf(p.period);
    if (g && (best === null || rank(g) > rank(best))) best = g;
  }
  return best ?? 'week';
}

const EMPTY: Omit<ChartSeries, 'skipped'> = {
  keys: [],
  gaps: [],
  labels: [],
  actual: [],
  pace: [],
  baseline: [],
  benchmarks: [],
  targets: [],
  forecast: [],
  overlays: false,
  clipped: false,
};

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/**
 * The series of the metric chart at one grain. Values are regrouped with the metric's
 * aggregation; categories run without gaps from the first value or anchor to the last value,
 * anchor or forecast date. Anchors (baseline, benchmarks, targets) sit in the period holding
 * their date, and the pace line joins them with straight segments (one point per period: the
 * later anchor wins). Targets are per period of the metric's own grain, so when a coarser grain
 * sums its periods the overlays would mislead and are left out. The range is capped at two years
 * past today and MAX_CATEGORIES periods, so a stray date cannot make the chart huge.
 */
export function chartSeries(input: ChartInput): ChartSeries {
  const { grain, today } = input;
  // Quarters (the categories of the quarter view, and this quarter) are the workspace's.
  const fiscalStart = input.fiscalStart ?? 1;
  let rolled: Series;
  try {
    rolled = input.rolled ?? {
      ...rollUp(input.points, grain, input.aggregation, fiscalStart),
      gaps: [],
    };
  } catch {
    return { ...EMPTY, skipped: input.points.length };
  }
  const values = rolled.points;
  const skipped = rolled.skipped;
  const overlays = grain === input.baseGrain || input.aggregation !== 'sum' || !!input.computed;
  try {
    const quarterEnd = periodEnd(periodOf(today, 'quarter', fiscalStart));
    const anchors = overlays ? input.anchors : [];
    const hasForecast = overlays && input.forecast !== null && values.length > 0;
    const starts: string[] = [];
    const ends: string[] = [];
    const first = values[0];
    const last = values.at(-1);
    if (first && last) {
      starts.push(first.period);
      ends.push(last.period);
    }
    for (const g of rolled.gaps) {
      starts.push(g.period);
      ends.push(g.period);
    }
    for (const a of anchors) {
      const key = periodOf(a.date, grain, fiscalStart);
      starts.push(key);
      ends.push(key);
    }
    if (hasForecast) ends.push(periodOf(quarterEnd, grain, fiscalStart));
    if (starts.length === 0 || ends.length === 0) return { ...EMPTY, skipped, overlays };
    const cap = periodOf(
      addDays(later(today, last ? periodEnd(last.period) : today), 731),
      grain,
      fiscalStart,
    );
    const hi = earlier(ends.reduce(later), cap);
    let lo = earlier(starts.reduce(earlier), hi);
    let clipped = false;
    const lowest = nextPeriod(hi, -(MAX_CATEGORIES - 1));
    if (lo < lowest) {
      lo = lowest;
      clipped = true;
    }
    const keys = periodsBetween(lo, hi);
    const index = new Map(keys.map((k, i) => [k, i]));
    const at = (key: string): number | undefined => index.get(key);

    const actual: XY[] = [];
    for (const p of values) {
      const x = at(p.period);
      if (x !== undefined) actual.push({ x, y: p.value });
    }
    const gaps: ChartSeries['gaps'] = [];
    for (const g of rolled.gaps) {
      const x = at(g.period);
      if (x === undefined) continue;
      gaps.push({
        x,
        period: g.period,
        reason: failureText(g, formatPeriod(g.period, fiscalStart)),
      });
      actual.push({ x, y: null }); // chart.js breaks the line here (spanGaps is off)
    }
    actual.sort((a, b) => a.x - b.x);
    const byIndex = new Map<number, Anchor>();
    for (const a of anchors) {
      const x = at(periodOf(a.date, grain, fiscalStart));
      if (x === undefined) continue;
      const held = byIndex.get(x);
      if (!held || a.date >= held.date) byIndex.set(x, a);
    }
    const placed = [...byIndex].sort(([a], [b]) => a - b);
    const pick = (kind: Anchor['kind']): XY[] =>
      placed.filter(([, a]) => a.kind === kind).map(([x, a]) => ({ x, y: a.value }));
    const pace = placed.length >= 2 ? placed.map(([x, a]) => ({ x, y: a.value })) : [];

    const forecast: XY[] = [];
    const lastActual = actual.findLast((p) => p.y !== null);
    const end = at(periodOf(quarterEnd, grain, fiscalStart));
    if (hasForecast && lastActual && end !== undefined && end > lastActual.x) {
      forecast.push({ ...lastActual }, { x: end, y: input.forecast ?? lastActual.y });
    }
    return {
      keys,
      labels: keys.map((k) => formatPeriod(k, fiscalStart)),
      actual,
      pace,
      baseline: pick('baseline'),
      benchmarks: pick('benchmark'),
      targets: pick('target'),
      forecast,
      overlays,
      skipped,
      gaps,
      clipped,
    };
  } catch {
    // A key out of the supported years (0000–9999) somewhere: show nothing rather than throw.
    return { ...EMPTY, skipped: input.points.length };
  }
}
