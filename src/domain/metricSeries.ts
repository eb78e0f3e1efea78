/**
 * A metric's values at any grain, or in one period: the one place a series is rolled up to a
 * coarser period, used by the chart and its table, the summaries (pace, status, forecast, the
 * dashboard), the weekly and monthly report and the quarterly review.
 *
 * - A metric logged by hand (or computed from success plans) is aggregated with its own
 *   aggregation (sum, average, last, min, max).
 * - A formula metric is never rolled up: the metrics it reads are each rolled up the same way
 *   with their own aggregation and the formula is computed on those (formulaSeries), so a
 *   month's NPS is the NPS of the month's promoters, passives and detractors and a share is the
 *   share of the month's sums. A period it cannot be computed for is a gap with its reason.
 *
 * Weeks are never split: a week counts whole in the month, quarter and year of its Thursday
 * (toGrain, the ISO rule that also gives a week its year). So 2026-W49 (30 Nov – 6 Dec) is
 * December's, 2026-W53 (28 Dec 2026 – 3 Jan 2027) is December's and 2026's, and 2027-W01
 * (4–10 Jan 2027) is January's. A value logged for a longer period than the one asked for
 * (a month, asked for a week) cannot be split either: it is left out and counted.
 */
import { aggregate, rollUp, type Point } from './aggregate';
import { hasFormula, normaliseName, planFormulas, referencesOf } from './formula';
import { formulaSeries, type FormulaSeries, type Gap, type Roll } from './formulaSeries';
import { addDays, GRAIN_ORDER, grainOf, periodEnd, periodStart, type Grain } from './periods';
import type { Metric, RepairedTree } from './types';

export type { Gap } from './formulaSeries';

export interface Series {
  /** Values by period of the grain, chronological. */
  points: readonly Point[];
  /** Periods a formula could not be computed for, with the reason, chronological. */
  gaps: readonly Gap[];
  /**
   * Values logged for periods longer than the grain (they cannot be split), left out: the
   * metric's own, or for a formula those of the metrics it reads directly.
   */
  skipped: number;
}

/** A metric's value in one period, or why a formula has none (both null: nothing logged). */
export interface PeriodValue {
  value: number | null;
  gap: Gap | null;
}

export interface SeriesSource {
  /** The live metrics (a metric computed from plans is not also a formula: its formula is ignored). */
  metrics: readonly Metric[];
  /** Values that are not a formula's: hand-logged entries, or a plan metric's computed values. */
  logged: (metricId: string) => readonly Point[];
  /** The month the workspace's fiscal year starts (default January): `at` rolls into its quarters. */
  fiscalStart?: number;
}

/** A metric's series at a grain; null: as logged (each value in its own period). */
export type SeriesAt = (metricId: string, grain: Grain | null) => Series;

export interface MetricSeries {
  at: SeriesAt;
  /**
   * A metric's value in one period of any grain (a report's week or month, a review's quarter,
   * fiscal or not): the values whose period lies in it (a week by its Thursday), rolled up.
   */
  valueIn: (metricId: string, period: string) => PeriodValue;
  /** Why formula metrics cannot be computed at all (cycle, missing metric, parse error), by id. */
  problems: ReadonlyMap<string, string>;
}

const NONE: Series = { points: [], gaps: [], skipped: 0 };

/** The day that places a period in a longer one (a week's Thursday, else its first day). */
const anchors = new Map<string, string | null>();
const ANCHORS_MAX = 50_000;

function anchorDay(period: string, grain: Grain): string | null {
  let day = anchors.get(period);
  if (day === undefined) {
    try {
      day = grain === 'week' ? addDays(periodStart(period), 3) : periodStart(period);
    } catch {
      day = null; // a week whose Thursday is past year 9999: in no period
    }
    if (anchors.size >= ANCHORS_MAX) anchors.clear();
    anchors.set(period, day);
  }
  return day;
}

/** Whether a value's period lies in a period: of an equal or finer grain, its anchor day inside. */
function within(period: string, bounds: { grain: number; start: string; end: string }): boolean {
  const g = grainOf(period);
  if (g === null || GRAIN_ORDER.indexOf(g) > bounds.grain) return false;
  const day = anchorDay(period, g);
  return day !== null && day >= bounds.start && day <= bounds.end;
}

/** Rolls values into the single period `period` (see within). */
function intoPeriod(period: string): Roll {
  const g = grainOf(period);
  if (g === null) return () => [];
  const bounds = {
    grain: GRAIN_ORDER.indexOf(g),
    start: periodStart(period),
    end: periodEnd(period),
  };
  return (points, how) => {
    const values: number[] = [];
    for (const p of points) if (within(p.period, bounds)) values.push(p.value);
    const value = aggregate(values, how);
    return value === null ? [] : [{ period, value }];
  };
}

/**
 * The series of a workspace's metrics (see the file comment). Formulas are computed once per
 * grain asked for, and kept; build a new one when metrics or values change.
 */
export function metricSeries(source: SeriesSource): MetricSeries {
  const metrics = source.metrics.map((m) =>
    m.planMetric !== null && m.formula !== null ? { ...m, formula: null } : m,
  );
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const inputs = { get: source.logged };
  const fiscal = source.fiscalStart ?? 1;
  const formulas = new Map<Grain | null, FormulaSeries>();
  const formulasAt = (grain: Grain | null): FormulaSeries => {
    let held = formulas.get(grain);
    if (held === undefined) {
      held = formulaSeries(
        metrics,
        inputs,
        grain === null ? undefined : (points, how) => rollUp(points, grain, how, fiscal).points,
      );
      formulas.set(grain, held);
    }
    return held;
  };
  const rolled = new Map<string, Series>();
  const at: SeriesAt = (metricId, grain) => {
    const m = byId.get(metricId);
    if (m === undefined) return NONE;
    if (hasFormula(m)) {
      const f = formulasAt(grain);
      const points = f.points.get(metricId) ?? [];
      return { points, gaps: f.gaps.get(metricId) ?? [], skipped: inputsSkipped(metricId, grain) };
    }
    const key = `${grain ?? ''}|${metricId}`;
    let held = rolled.get(key);
    if (held === undefined) {
      const own = rollUp(source.logged(metricId), grain, m.aggregation, fiscal);
      held = { points: own.points, gaps: [], skipped: own.skipped };
      rolled.set(key, held);
    }
    return held;
  };
  const periods = new Map<string, FormulaSeries>();
  const valueIn = (metricId: string, period: string): PeriodValue => {
    const m = byId.get(metricId);
    if (m === undefined || grainOf(period) === null) return { value: null, gap: null };
    const roll = intoPeriod(period);
    if (!hasFormula(m)) {
      return { value: roll(source.logged(metricId), m.aggregation)[0]?.value ?? null, gap: null };
    }
    let f = periods.get(period);
    if (f === undefined) {
      f = formulaSeries(metrics, inputs, roll);
      periods.set(period, f);
    }
    return {
      value: f.points.get(metricId)?.[0]?.value ?? null,
      gap: f.gaps.get(metricId)?.[0] ?? null,
    };
  };
  const plan = planFormulas(metrics);
  const idsByName = new Map<string, string[]>();
  for (const m of metrics) {
    const key = normaliseName(m.name);
    idsByName.set(key, [...(idsByName.get(key) ?? []), m.id]);
  }
  /** How many values of the hand-logged metrics a formula reads cannot be placed at `grain`. */
  function inputsSkipped(metricId: string, grain: Grain | null): number {
    const expr = plan.parsed.get(metricId);
    if (expr === undefined || grain === null) return 0;
    let n = 0;
    for (const name of referencesOf(expr).keys()) {
      const ids = idsByName.get(name) ?? [];
      const input = ids.length === 1 && ids[0] !== undefined ? byId.get(ids[0]) : undefined;
      if (input && !hasFormula(input)) n += at(input.id, grain).skipped;
    }
    return n;
  }
  return { at, valueIn, problems: plan.problems };
}

/** The series of a tree's live metrics, from each metric's values as logged (or from plans). */
export function treeSeries(
  tree: RepairedTree,
  logged: (metricId: string) => readonly Point[],
): MetricSeries {
  return metricSeries({ metrics: [...tree.byId.values()].map((n) => n.metric), logged });
}
