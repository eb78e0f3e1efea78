import type { Point } from './aggregate';
import { isStale } from './checkin';
import type { Gap } from './formulaSeries';
import {
  boundForecast,
  counterBreached,
  forecast,
  FORECAST_WINDOW,
  paceAnchors,
  paceAt,
  trackStatus,
  unitBounds,
  type Anchor,
  type TrackStatus,
} from './pace';
import { CADENCE_GRAIN, periodEnd, periodOf, type Grain } from './periods';
import type { Entry, Metric } from './types';

/** The default tolerance of a counter-metric that has none set, in percent. */
export const DEFAULT_TOLERANCE = 5;

/** Everything the screens show about one metric's progress, computed from its values. */
export interface MetricSummary {
  metricId: string;
  grain: Grain | null;
  /** Values by period of the metric's own cadence, chronological. */
  points: readonly Point[];
  latest: Point | null;
  previous: Point | null;
  /** latest − previous, when both exist and no gap lies after previous (see changeGap). */
  change: number | null;
  /** Periods a formula could not be computed for, with the reason, chronological. */
  gaps: readonly Gap[];
  /** The newest period, when it is a gap (newer than `latest`). */
  latestGap: Gap | null;
  /**
   * Why there is no change to show: the newest period is a gap, or a gap lies between previous
   * and latest (comparing with an older period would pass over it). Null otherwise.
   */
  changeGap: Gap | null;
  anchors: readonly Anchor[];
  /** Where the metric should be at the end of its latest period (or today, if that is sooner). */
  pace: number | null;
  status: TrackStatus;
  /** The target of the quarter running today, if set. */
  quarterTarget: { period: string; value: number } | null;
  /**
   * Forecast for the end of the quarter running today, from the recent trend, held inside what
   * the unit allows (unitBounds); null when there are too few values (MIN_FORECAST_POINTS).
   */
  forecast: number | null;
  /** The trend went past what the unit allows (e.g. above 100 %), so the forecast is that bound. */
  forecastCapped: boolean;
  /** A check-in was missed: the previous period has no value. */
  stale: boolean;
  /** Counter-metrics only: worse than the tolerance allows. */
  counterWarning: boolean;
}

/** Points from entries (already sorted by period). */
export function pointsOf(entries: readonly Entry[] | undefined): readonly Point[] {
  return entries ?? []; // an entry is a point (period, value): no copy of 100,000 objects
}

/** The newest gap newer than `latest`, and the newest one between `previous` and `latest`. */
function gapsAround(
  gaps: readonly Gap[],
  latest: Point | null,
  previous: Point | null,
): { latestGap: Gap | null; changeGap: Gap | null } {
  const newest = gaps.at(-1) ?? null;
  const latestGap =
    newest !== null && (latest === null || newest.period > latest.period) ? newest : null;
  if (latestGap !== null || latest === null) return { latestGap, changeGap: latestGap };
  const between = gaps.filter(
    (g) => g.period < latest.period && (previous === null || g.period > previous.period),
  );
  return { latestGap, changeGap: between.at(-1) ?? null };
}

/**
 * Summarises a metric on `today`. `points` are its values by period (hand-logged entries, or
 * the results of its formula), chronological; `gaps` the periods a formula could not compute.
 * "This quarter" (its target, the forecast's end) is the quarter of a fiscal year starting in
 * `fiscalStart` (domain/fiscal.ts; January: the calendar quarter).
 */
export function summarize(
  metric: Metric,
  points: readonly Point[],
  entries: readonly Entry[] | undefined,
  today: string,
  gaps: readonly Gap[] = [],
  fiscalStart = 1,
): MetricSummary {
  const grain = metric.cadence ? CADENCE_GRAIN[metric.cadence] : null;
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  const { latestGap, changeGap } = gapsAround(gaps, latest, previous);
  const baseline =
    metric.baselineValue !== null && metric.baselineDate !== null
      ? { value: metric.baselineValue, date: metric.baselineDate }
      : null;
  const anchors = paceAnchors(baseline, metric.targets);
  const at = latest ? minDate(periodEnd(latest.period), today) : today;
  const pace = paceAt(at, anchors);
  const quarter = periodOf(today, 'quarter', fiscalStart);
  const target = metric.targets.quarterly[quarter];
  const reference = metric.baselineValue ?? points[0]?.value ?? null;
  // The forecast fits the latest points only: only those are turned into dates (points are
  // chronological, and so are their clamped end dates), not every value of a long series.
  const trend = forecast(
    points
      .slice(-FORECAST_WINDOW)
      .map((p) => ({ date: minDate(periodEnd(p.period), today), value: p.value })),
    periodEnd(quarter),
  );
  const seen = { lowest: Infinity, highest: -Infinity };
  const see = ({ value }: { value: number }): void => {
    if (value < seen.lowest) seen.lowest = value;
    if (value > seen.highest) seen.highest = value;
  };
  if (trend !== null) {
    anchors.forEach(see);
    points.forEach(see);
  }
  const bounded = boundForecast(trend, unitBounds(metric.unit, seen, metric.mayExceed100));
  return {
    metricId: metric.id,
    grain,
    points,
    latest,
    previous,
    change: latest && previous && changeGap === null ? latest.value - previous.value : null,
    gaps,
    latestGap,
    changeGap,
    anchors,
    pace,
    status: trackStatus(latest?.value ?? null, pace, metric.direction, metric.baselineValue),
    quarterTarget: target === undefined ? null : { period: quarter, value: target },
    forecast: bounded.value,
    forecastCapped: bounded.capped,
    stale: isStale(metric, entries, today, fiscalStart),
    counterWarning:
      metric.kind === 'counter' && latest !== null && reference !== null
        ? counterBreached(
            latest.value,
            reference,
            metric.direction,
            metric.tolerance ?? DEFAULT_TOLERANCE,
          )
        : false,
  };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
