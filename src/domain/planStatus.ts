/**
 * The suggested status of a success plan, with reasons in plain English; the days in them are
 * in `locale` (undefined: the runtime's, the user's in a browser), as screens name days.
 */
import { shortDay } from './dayWords';
import type { JourneyStep } from './journey';
import { daysBetween } from './periods';
import type { Milestone, Plan, PlanStatus } from './plans';

export const STATUS_LABELS: Record<PlanStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  stuck: 'Stuck',
  done: 'Done',
};

/** Most urgent first: the order of "needs attention" lists and of a status sort. */
export const STATUS_URGENCY: Record<PlanStatus, number> = {
  stuck: 0,
  'at-risk': 1,
  'on-track': 2,
  done: 3,
};

export interface StatusSuggestion {
  status: PlanStatus;
  reasons: string[];
}

export interface PlanStatusInfo {
  /** What the plan's data suggests. */
  suggestion: StatusSuggestion;
  /** The status to show: the override when set, else the suggestion. */
  status: PlanStatus;
  overridden: boolean;
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/**
 * What the plan's data says, checked in this order:
 * - done: the plan is on the NSM-moment step and every milestone is done (or it has none);
 * - stuck: it has been on its step more than the step's "stuck after" days (days from the date
 *   it entered the step to today; exactly the limit is not yet stuck);
 * - at risk: a milestone not done was due before today, or the goal date is before today;
 * - on track otherwise.
 * A stuck plan also lists its at-risk reasons. `step` is the step the plan sits on (placed).
 * Days in the reasons are in `locale` ("was due Mar 7"; "was due 7 Mar" in en-GB).
 */
export function suggestStatus(
  plan: Pick<Plan, 'goalDate' | 'stepSince'>,
  milestones: readonly Milestone[],
  step: JourneyStep | null,
  today: string,
  locale?: string,
): StatusSuggestion {
  const open = milestones.filter((m) => !m.done);
  if (step?.nsmMoment && open.length === 0) {
    return {
      status: 'done',
      reasons: [
        milestones.length === 0
          ? `Reached the NSM moment “${step.name}”`
          : `Reached the NSM moment “${step.name}” with every milestone done`,
      ],
    };
  }
  const reasons: string[] = [];
  let stuck = false;
  if (step && step.stuckAfterDays !== null && plan.stepSince !== null) {
    const onStep = daysBetween(plan.stepSince, today);
    if (onStep > step.stuckAfterDays) {
      stuck = true;
      reasons.push(`On “${step.name}” for ${days(onStep)} (stuck after ${step.stuckAfterDays})`);
    }
  }
  for (const m of open) {
    if (m.due !== null && m.due < today) {
      reasons.push(`Milestone “${m.title}” was due ${shortDay(m.due, today, locale)}`);
    }
  }
  if (plan.goalDate !== null && plan.goalDate < today) {
    reasons.push(`The goal date was ${shortDay(plan.goalDate, today, locale)}`);
  }
  const status: PlanStatus = stuck ? 'stuck' : reasons.length > 0 ? 'at-risk' : 'on-track';
  return { status, reasons };
}

/** The suggestion and the status to show (override ?? suggestion). */
export function planStatus(
  plan: Pick<Plan, 'goalDate' | 'stepSince' | 'statusOverride' | 'milestones'>,
  step: JourneyStep | null,
  today: string,
  locale?: string,
): PlanStatusInfo {
  const suggestion = suggestStatus(plan, plan.milestones, step, today, locale);
  return {
    suggestion,
    status: plan.statusOverride ?? suggestion.status,
    overridden: plan.statusOverride !== null,
  };
}
