import { hasFormula } from './formula';
import { CADENCE_GRAIN, duePeriods, nextPeriod, periodOf, type Grain } from './periods';
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
  return m.deletedAt === null && m.status !== 'retired' && !hasFormula(m) && m.cadence !== null;
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

/**
 * The check-ins due by `today`: for each tracked metric, the current period of its cadence and
 * the past periods since tracking started that have no entry, newest first, at most `maxBack`
 * past ones per metric (the rest are counted in olderMissing). Items come metric by metric in
 * the given order.
 */
export function dueCheckins(
  metrics: readonly Metric[],
  entries: EntriesByMetric,
  today: string,
  maxBack = 6,
): DueList {
  const items: DueItem[] = [];
  const olderMissing = new Map<string, number>();
  for (const m of metrics) {
    if (!isTracked(m) || m.cadence === null) continue;
    const grain: Grain = CADENCE_GRAIN[m.cadence];
    const have = new Set((entries.get(m.id) ?? []).map((e) => e.period));
    const current = periodOf(today, grain);
    const since = trackingSince(m);
    const periods = since > today ? [current] : duePeriods(grain, since, today);
    let listed = 0;
    let older = 0;
    for (let i = periods.length - 1; i >= 0; i--) {
      const period = periods[i] as PeriodKey;
      if (have.has(period)) continue;
      const isCurrent = period === current;
      if (isCurrent || listed < maxBack) {
        items.push({ metricId: m.id, period, current: isCurrent });
        if (!isCurrent) listed++;
      } else older++;
    }
    if (older > 0) olderMissing.set(m.id, older);
  }
  return { items, olderMissing };
}

/** Whether a metric missed its last check-in: the period before the current one has no value. */
export function isStale(m: Metric, entries: readonly Entry[] | undefined, today: string): boolean {
  if (!isTracked(m) || m.cadence === null) return false;
  const grain = CADENCE_GRAIN[m.cadence];
  const previous = nextPeriod(periodOf(today, grain), -1);
  if (periodOf(trackingSince(m), grain) > previous) return false;
  return !(entries ?? []).some((e) => e.period === previous);
}
