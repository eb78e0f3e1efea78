/**
 * Metrics computed from success plans, per period of a grain, as chronological points that
 * chart like any metric's values:
 * - reached-step: how many customers first reached a step (or any later step; 'nsm' = the NSM
 *   moment) in the period, from each plan's step history (deleted steps placed as the journey
 *   places them). Every period of the range (or up to today) has a point, 0 when nobody did.
 * - completed-within: of the plans started in the period that have milestones, the share (%)
 *   whose milestones were all done within N days of the start (done on or before start + N),
 *   counting a plan only once it succeeded or its window closed (domain/planCompletion: with
 *   `today`; open plans are not counted yet). Plans without milestones are left out.
 * - median-days-to-nsm: the median of days from start to first reaching the NSM moment, for
 *   plans that reached it in the period (a plan that reached it before its start is left out).
 * The last two have points only for periods with plans to measure. Deleted plans never count.
 * Quarters are those of the workspace's fiscal year (`fiscalStart`, default January), the
 * quarters its targets, charts and reviews use.
 */
import type { Point } from './aggregate';
import { completionCounts, completionShare } from './planCompletion';
import { nsmPosition, placeStep, stepPosition, type Journey } from './journey';
import { comparePeriods, daysBetween, periodOf, periodsBetween, type Grain } from './periods';
import type { Plan, StepVisit } from './plans';
import type { PlanMetricSpec } from './types';

/** Calendar dates, inclusive; whole periods containing them are measured. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The first visit (step and date) of a plan to a step at `position` or later, from its
 * history; null if never.
 */
export function firstReachedAt(
  plan: Pick<Plan, 'stepId' | 'stepSince' | 'stepHistory'>,
  journey: Journey,
  position: number,
): StepVisit | null {
  let first: StepVisit | null = null;
  const consider = (stepId: string, at: string): void => {
    if (stepPosition(journey, stepId) >= position && (first === null || at < first.at)) {
      first = { stepId, at };
    }
  };
  for (const v of plan.stepHistory) consider(v.stepId, v.at);
  // A plan written by a peer that keeps no history still counts from its current step.
  if (plan.stepId !== null && plan.stepSince !== null) consider(plan.stepId, plan.stepSince);
  return first;
}

/** The first date a plan was on a step at `position` or later, from its history; null if never. */
export function firstReached(plan: Plan, journey: Journey, position: number): string | null {
  return firstReachedAt(plan, journey, position)?.at ?? null;
}

function targetPosition(spec: { stepId: string }, journey: Journey): number {
  if (spec.stepId === 'nsm') return nsmPosition(journey);
  const step = placeStep(journey, spec.stepId);
  return journey.placement.has(spec.stepId) && step ? (journey.indexOf.get(step.id) ?? -1) : -1;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  const hi = values[mid] ?? 0;
  return values.length % 2 === 1 ? hi : ((values[mid - 1] ?? hi) + hi) / 2;
}

/** Per period, the values gathered from plans; then one point per period. */
class Buckets {
  readonly byPeriod = new Map<string, number[]>();
  constructor(
    private readonly grain: Grain,
    private readonly range: { from: string; to: string } | null,
    private readonly fiscalStart: number,
  ) {}
  add(date: string, value: number): void {
    const period = periodOf(date, this.grain, this.fiscalStart);
    if (this.range && (period < this.range.from || period > this.range.to)) return;
    let list = this.byPeriod.get(period);
    if (!list) this.byPeriod.set(period, (list = []));
    list.push(value);
  }
  points(reduce: (values: number[]) => number): Point[] {
    return [...this.byPeriod.entries()]
      .sort(([a], [b]) => comparePeriods(a, b))
      .map(([period, values]) => ({ period, value: reduce(values) }));
  }
  /**
   * Every period of the range (or from the first seen to the last seen or `until`, whichever
   * is later), 0 where there is none.
   */
  filled(reduce: (values: number[]) => number, until: string | null): Point[] {
    const seen = this.points(reduce);
    const from = this.range?.from ?? seen[0]?.period;
    const last = seen.at(-1)?.period;
    const to =
      this.range?.to ??
      (last !== undefined && until !== null && comparePeriods(until, last) > 0 ? until : last);
    if (from === undefined || to === undefined) return [];
    const value = new Map(seen.map((p) => [p.period, p.value]));
    return periodsBetween(from, to).map((period) => ({ period, value: value.get(period) ?? 0 }));
  }
}

/**
 * The points of a plan metric, chronological. O(plans + history + milestones). Without a
 * range, counts of customers reaching a step run on to the period of `today` when given (so
 * "none yet this month" is a 0, not a gap).
 */
export function planMetricSeries(
  spec: PlanMetricSpec,
  plans: readonly Plan[],
  journey: Journey,
  grain: Grain,
  range?: DateRange,
  today?: string,
  fiscalStart = 1,
): Point[] {
  const periods = range
    ? { from: periodOf(range.from, grain, fiscalStart), to: periodOf(range.to, grain, fiscalStart) }
    : null;
  const buckets = new Buckets(grain, periods, fiscalStart);
  const live = plans.filter((p) => p.deletedAt === null);
  switch (spec.kind) {
    case 'reached-step': {
      const target = targetPosition(spec, journey);
      if (target >= 0) {
        for (const plan of live) {
          const at = firstReached(plan, journey, target);
          if (at !== null) buckets.add(at, 1);
        }
      }
      const until = today === undefined ? null : periodOf(today, grain, fiscalStart);
      return buckets.filled((values) => values.length, until);
    }
    case 'completed-within': {
      const points: Point[] = [];
      for (const count of completionCounts(live, spec.days, grain, today, periods, fiscalStart)) {
        const value = completionShare(count);
        if (value !== null) points.push({ period: count.period, value });
      }
      return points;
    }
    case 'median-days-to-nsm': {
      const target = nsmPosition(journey);
      if (target < 0) return [];
      for (const plan of live) {
        const at = plan.startDate === null ? null : firstReached(plan, journey, target);
        if (plan.startDate === null || at === null) continue;
        // A start after the NSM moment is refused when typed; one from an older copy is not
        // a duration, so it is left out rather than pulling the median below zero.
        const days = daysBetween(plan.startDate, at);
        if (days >= 0) buckets.add(at, days);
      }
      return buckets.points(median);
    }
  }
}
