/**
 * The dates things happened in a success plan, as people give them: when it entered a step
 * (a move, or the step it was created or imported on) and when a milestone was done. They
 * default to today, or for a new plan's step to its start date, and can be changed; journey
 * metrics (domain/planMetrics) count by them. Rules, so durations are never negative:
 * - no date is after today;
 * - no step is entered and no milestone done before the plan's start;
 * - a move is not dated before the plan entered the step it leaves, and a corrected entry date
 *   not before the visit before it;
 * - a start date is not after the first step the plan entered (nor after it reached the NSM
 *   moment).
 * Messages name days in `locale` (undefined: the runtime's, the user's in a browser).
 */
import { shortDay } from './dayWords';
import { nsmPosition, placeStep, type Journey } from './journey';
import { isDate } from './periods';
import { firstReachedAt } from './planMetrics';
import type { Plan, StepVisit } from './plans';

/** The date a new plan entered the step it is created on: its start date, else today. */
export function defaultStepSince(startDate: string | null, today: string): string {
  return startDate ?? today;
}

const notADate = 'Use a date like 2025-03-31.';

function commonProblem(
  date: string,
  startDate: string | null,
  today: string,
  what: string,
  locale: string | undefined,
) {
  if (!isDate(date)) return notADate;
  if (date > today) return `${what} ${shortDay(date, today, locale)} is after today.`;
  if (startDate !== null && date < startDate) {
    return `${what} ${shortDay(date, today, locale)} is before the plan starts (${shortDay(startDate, today, locale)}).`;
  }
  return null;
}

/** A move onto another step dated `date`: the message to show, or null when fine. */
export function moveDateProblem(
  date: string,
  plan: Pick<Plan, 'startDate' | 'stepSince'>,
  today: string,
  locale?: string,
): string | null {
  const common = commonProblem(date, plan.startDate, today, 'A move on', locale);
  if (common !== null) return common;
  if (plan.stepSince !== null && date < plan.stepSince) {
    return `A move on ${shortDay(date, today, locale)} is before the plan entered its current step (${shortDay(plan.stepSince, today, locale)}).`;
  }
  return null;
}

/** The visit before the latest one onto the plan's current step, if any. */
function visitBefore(plan: Pick<Plan, 'stepId' | 'stepHistory'>): StepVisit | null {
  const history = plan.stepHistory;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]?.stepId === plan.stepId) return history[i - 1] ?? null;
  }
  return history.at(-1) ?? null;
}

/** A corrected date the plan entered its current step: the message, or null when fine. */
export function stepSinceProblem(
  date: string | null,
  plan: Pick<Plan, 'startDate' | 'stepId' | 'stepHistory'>,
  today: string,
  locale?: string,
): string | null {
  if (date === null) return 'A plan on a step entered it on some day: give the date.';
  const common = commonProblem(date, plan.startDate, today, 'Entering it on', locale);
  if (common !== null) return common;
  const before = visitBefore(plan);
  if (before !== null && date < before.at) {
    return `Entering it on ${shortDay(date, today, locale)} is before the plan's previous move (${shortDay(before.at, today, locale)}).`;
  }
  return null;
}

/** The date a milestone was done: the message, or null when fine. */
export function doneDateProblem(
  date: string | null,
  startDate: string | null,
  today: string,
  locale?: string,
): string | null {
  if (date === null) return 'A done milestone was done on some day: give the date.';
  return commonProblem(date, startDate, today, 'Done on', locale);
}

/**
 * A start date for a plan with this step history: the message, or null when fine. Refused
 * when it is after the plan reached the NSM moment, or after any step it entered.
 */
export function startDateProblem(
  start: string | null,
  plan: Pick<Plan, 'stepId' | 'stepSince' | 'stepHistory'>,
  journey: Journey,
  today: string,
  locale?: string,
): string | null {
  if (start === null || !isDate(start)) return null;
  const nsm = nsmPosition(journey);
  const reachedNsm = nsm < 0 ? null : firstReachedAt(plan, journey, nsm);
  if (reachedNsm !== null && reachedNsm.at < start) {
    const step = placeStep(journey, reachedNsm.stepId);
    return `The plan reached the NSM moment${step ? ` “${step.name}”` : ''} on ${shortDay(reachedNsm.at, today, locale)}, before this start date.`;
  }
  const first = firstReachedAt(plan, journey, 0);
  if (first !== null && first.at < start) {
    const step = placeStep(journey, first.stepId);
    return `The plan entered ${step ? `“${step.name}”` : 'its first step'} on ${shortDay(first.at, today, locale)}, before this start date.`;
  }
  return null;
}
