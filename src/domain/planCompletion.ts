/**
 * "% of plans with every milestone done within N days", counted only when it is known: a plan
 * (with a start date and at least one milestone) has succeeded once every milestone is done on
 * or before start + N days; it has failed once that last day has passed without it (today is
 * after start + N); until then it is open and not counted, so the value of a period never
 * changes later without notice, and how many are still open is said beside it. A milestone
 * done on day N still counts, so the window closes at the end of day start + N, not at its
 * start.
 */
import { addDays, comparePeriods, periodOf, type Grain } from './periods';
import type { Plan } from './plans';

export type CompletionOutcome = 'succeeded' | 'failed' | 'open';

/** Null when the plan has nothing to measure (no start date, or no milestones). */
export function completionOutcome(
  plan: Pick<Plan, 'startDate' | 'milestones'>,
  days: number,
  today?: string,
): CompletionOutcome | null {
  if (plan.startDate === null || plan.milestones.length === 0) return null;
  const last = addDays(plan.startDate, days);
  if (plan.milestones.every((m) => m.done && m.doneAt !== null && m.doneAt <= last)) {
    return 'succeeded';
  }
  return today !== undefined && today <= last ? 'open' : 'failed';
}

export interface CompletionCount {
  /** The period the plans started in. */
  period: string;
  succeeded: number;
  failed: number;
  open: number;
}

/**
 * Per period of the plans' start dates (only periods with a measured plan), chronological.
 * Without `today` every plan's window counts as closed. Deleted plans never count. Quarters are
 * those of a fiscal year starting in `fiscalStart` (default January: calendar quarters).
 */
export function completionCounts(
  plans: readonly Plan[],
  days: number,
  grain: Grain,
  today?: string,
  periods?: { from: string; to: string } | null,
  fiscalStart = 1,
): CompletionCount[] {
  const byPeriod = new Map<string, CompletionCount>();
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    const outcome = completionOutcome(plan, days, today);
    if (outcome === null || plan.startDate === null) continue;
    const period = periodOf(plan.startDate, grain, fiscalStart);
    if (periods && (period < periods.from || period > periods.to)) continue;
    let count = byPeriod.get(period);
    if (!count) byPeriod.set(period, (count = { period, succeeded: 0, failed: 0, open: 0 }));
    count[outcome]++;
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

/** The share (%) of the counted plans that succeeded; null when none is counted yet. */
export function completionShare(c: CompletionCount): number | null {
  const counted = c.succeeded + c.failed;
  return counted === 0 ? null : (100 * c.succeeded) / counted;
}
