import type { Point } from './aggregate';
import { isStale } from './checkin';
import {
  counterBreached,
  forecast,
  paceAnchors,
  paceAt,
  trackStatus,
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
  /** latest − previous, when both exist. */
  change: number | null;
  anchors: readonly Anchor[];
  /** Where the metric should be at the end of its latest period (or today, if that is sooner). */
  pace: number | null;
  status: TrackStatus;
  /** The target of the quarter running today, if set. */
  quarterTarget: { period: string; value: number } | null;
  /** Forecast for the end of the quarter running today, from the recent trend. */
  forecast: number | null;
  /** A check-in was missed: the previous period has no value. */
  stale: boolean;
  /** Counter-metrics only: worse than the tolerance allows. */
  counterWarning: boolean;
}

/** Points from entries (already sorted by period). */
export function pointsOf(entries: readonly Entry[] | undefined): readonly Point[] {
  return entries ?? []; // an entry is a point (period, value): no copy of 100,000 objects
}

/**
 * Summarises a metric on `today`. `points` are its values by period (hand-logged entries, or
 * the results of its formula), chronological.
 */
export function summarize(
  metric: Metric,
  points: readonly Point[],
  entries: readonly Entry[] | undefined,
  today: string,
): MetricSummary {
  const grain = metric.cadence ? CADENCE_GRAIN[metric.cadence] : null;
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  const baseline =
    metric.baselineValue !== null && metric.baselineDate !== null
      ? { value: metric.baselineValue, date: metric.baselineDate }
      : null;
  const anchors = paceAnchors(baseline, metric.targets);
  const at = latest ? minDate(periodEnd(latest.period), today) : today;
  const pace = paceAt(at, anchors);
  const quarter = periodOf(today, 'quarter');
  const target = metric.targets.quarterly[quarter];
  const reference = metric.baselineValue ?? points[0]?.value ?? null;
  return {
    metricId: metric.id,
    grain,
    points,
    latest,
    previous,
    change: latest && previous ? latest.value - previous.value : null,
    anchors,
    pace,
    status: trackStatus(latest?.value ?? null, pace, metric.direction, metric.baselineValue),
    quarterTarget: target === undefined ? null : { period: quarter, value: target },
    forecast: forecast(
      points.map((p) => ({ date: minDate(periodEnd(p.period), today), value: p.value })),
      periodEnd(quarter),
    ),
    stale: isStale(metric, entries, today),
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
