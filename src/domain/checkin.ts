import { isComputed } from './formula';
import {
  CADENCE_GRAIN,
  grainOf,
  nextPeriod,
  periodCount,
  periodOf,
  samePeriodSeries,
  type Grain,
} from './periods';
import type { Entry, Metric, PeriodKey } from './types';

export type EntriesByMetric = ReadonlyMap<string, readonly Entry[]>;

/** One value the team owes: a metric and a period of its cadence that has no entry yet. */
export interface DueItem {
  metricId: string;
  period: PeriodKey;
  /** The period running today (not yet late). */
  current: boolean;
}

export interface DueList {
  items: DueItem[];
  /** Per metric, how many more past periods are missing beyond those listed. */
  olderMissing: Map<string, number>;
}

/** Whether values of a metric are logged by hand on a cadence (not retired, not computed). */
export function isTracked(m: Metric): boolean {
  return m.deletedAt === null && m.status !== 'retired' && !isComputed(m) && m.cadence !== null;
}

/** Local calendar date of a timestamp (creation dates are stored as ms). */
export function dateOfTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** When tracking of a metric started: its baseline date, else the day it was created. */
export function trackingSince(m: Metric): string {
  return m.baselineDate ?? dateOfTime(m.createdAt);
}

/** What one metric owes: its due items, newest first, and how many older periods are missing. */
export interface MetricDue {
  items: DueItem[];
  older: number;
}

/**
 * The check-ins one metric owes by `today`: the current period of its cadence and the past
 * periods since tracking started that have no entry, newest first, at most `maxBack` past ones;
 * the rest are only counted. It walks back from today and stops once the list is full, then
 * counts the older gaps arithmetically, so five years of daily values cost little. Quarters are
 * those of a fiscal year starting in `fiscalStart` (domain/fiscal.ts).
 */
export function dueForMetric(
  m: Metric,
  entries: readonly Entry[] | undefined,
  today: string,
  maxBack = 6,
  fiscalStart = 1,
): MetricDue {
  const none: MetricDue = { items: [], older: 0 };
  if (!isTracked(m) || m.cadence === null) return none;
  const grain: Grain = CADENCE_GRAIN[m.cadence];
  const current = periodOf(today, grain, fiscalStart);
  const since = trackingSince(m);
  const first = since > today ? current : periodOf(since, grain, fiscalStart);
  const have = new Set((entries ?? []).map((e) => e.period));
  const items: DueItem[] = [];
  let p = current;
  let listed = 0;
  while (p >= first && (p === current || listed < maxBack)) {
    const isCurrent = p === current;
    if (!have.has(p)) {
      items.push({ metricId: m.id, period: p, current: isCurrent });
      if (!isCurrent) listed++;
    }
    p = nextPeriod(p, -1);
  }
  if (p < first) return { items, older: 0 };
  // Periods first..p are not listed: count those without a value.
  let present = 0;
  for (const e of entries ?? [])
    if (e.period >= first && e.period <= p && grainOf(e.period) === grain) {
      // A quarter of another fiscal year (stored before the setting changed) is not one of these.
      if (grain !== 'quarter' || samePeriodSeries(e.period, first)) present++;
    }
  return { items, older: periodCount(first, p) - present };
}

/** The check-ins due by `today` for every metric, metric by metric in the given order. */
export function dueCheckins(
  metrics: readonly Metric[],
  entries: EntriesByMetric,
  today: string,
  maxBack = 6,
): DueList {
  return collectDue(
    metrics.map((m) => dueForMetric(m, entries.get(m.id), today, maxBack)),
    metrics,
  );
}

/** Joins per-metric due lists into one. */
export function collectDue(perMetric: readonly MetricDue[], metrics: readonly Metric[]): DueList {
  const items: DueItem[] = [];
  const olderMissing = new Map<string, number>();
  perMetric.forEach((d, i) => {
    items.push(...d.items);
    const m = metrics[i];
    if (d.older > 0 && m) olderMissing.set(m.id, d.older);
  });
  return { items, olderMissing };
}

/** Whether a metric missed its last check-in: the period before the current one has no value. */
export function isStale(
  m: Metric,
  entries: readonly Entry[] | undefined,
  today: string,
  fiscalStart = 1,
): boolean {
  if (!isTracked(m) || m.cadence === null) return false;
  const grain = CADENCE_GRAIN[m.cadence];
  const previous = nextPeriod(periodOf(today, grain, fiscalStart), -1);
  if (periodOf(trackingSince(m), grain, fiscalStart) > previous) return false;
  return !(entries ?? []).some((e) => e.period === previous);
}
