/**
 * Messages for the success plan form, shown at the field they are about; days in them are in
 * `locale` (undefined: the runtime's, the user's in a browser).
 */
import { shortDay } from './dayWords';
import { isDate } from './periods';
import { MAX_NAME } from './validate';

/** A date as a form holds it: 'YYYY-MM-DD', or '' / null when empty. */
type DateInput = string | null;

const filled = (d: DateInput): d is string => d !== null && d.trim() !== '';
/** The date when it is a valid one, else null (the date field reports it). */
const valid = (d: DateInput): string | null => (filled(d) && isDate(d.trim()) ? d.trim() : null);

export function customerProblem(name: string): string | null {
  if (name.trim() === '') return 'A customer name is required.';
  if (name.trim().length > MAX_NAME) return `Keep the customer name under ${MAX_NAME} characters.`;
  return null;
}

export function dateProblem(date: DateInput): string | null {
  return filled(date) && valid(date) === null ? 'Use a date like 2025-03-31.' : null;
}

/** An error: the goal is before the start. */
export function goalDateProblem(startDate: DateInput, goalDate: DateInput): string | null {
  const start = valid(startDate);
  const goal = valid(goalDate);
  if (start === null || goal === null || goal >= start) return null;
  return 'The goal date is before the start date.';
}

/** A warning only (plans are often written up after the fact): the goal date has passed. */
export function goalDateWarning(
  goalDate: DateInput,
  today: string,
  locale?: string,
): string | null {
  const goal = valid(goalDate);
  if (goal === null || goal >= today) return null;
  return `The goal date (${shortDay(goal, today, locale)}) is in the past.`;
}

export function milestoneTitleProblem(title: string): string | null {
  if (title.trim() === '') return 'A milestone needs a title.';
  if (title.trim().length > MAX_NAME) return `Keep the title under ${MAX_NAME} characters.`;
  return null;
}

/** An error: the milestone is due before the plan starts. */
export function milestoneDueProblem(
  due: DateInput,
  startDate: DateInput,
  today: string,
  locale?: string,
): string | null {
  const d = valid(due);
  const start = valid(startDate);
  if (d === null || start === null || d >= start) return null;
  return `Due ${shortDay(d, today, locale)}, before the plan starts (${shortDay(start, today, locale)}).`;
}

export interface PlanForm {
  customer: string;
  startDate: DateInput;
  goalDate: DateInput;
  milestones: readonly { id: string; title: string; due: DateInput }[];
}

export type PlanFormField = 'customer' | 'startDate' | 'goalDate';

export interface PlanFormCheck {
  /** Errors by field; any error blocks saving. */
  errors: Partial<Record<PlanFormField, string>>;
  /** Warnings by field; they do not block saving. */
  warnings: Partial<Record<PlanFormField, string>>;
  /** Errors by milestone id. */
  milestones: Record<string, string>;
  ok: boolean;
}

/** Every message for a whole plan form at once. */
export function checkPlanForm(form: PlanForm, today: string, locale?: string): PlanFormCheck {
  const errors: Partial<Record<PlanFormField, string>> = {};
  const warnings: Partial<Record<PlanFormField, string>> = {};
  const milestones: Record<string, string> = {};
  const put = (to: Partial<Record<PlanFormField, string>>, f: PlanFormField, m: string | null) => {
    if (m !== null && to[f] === undefined) to[f] = m;
  };
  put(errors, 'customer', customerProblem(form.customer));
  put(errors, 'startDate', dateProblem(form.startDate));
  put(errors, 'goalDate', dateProblem(form.goalDate));
  put(errors, 'goalDate', goalDateProblem(form.startDate, form.goalDate));
  if (errors.goalDate === undefined)
    put(warnings, 'goalDate', goalDateWarning(form.goalDate, today, locale));
  for (const m of form.milestones) {
    const message =
      milestoneTitleProblem(m.title) ??
      dateProblem(m.due) ??
      milestoneDueProblem(m.due, form.startDate, today, locale);
    if (message !== null) milestones[m.id] = message;
  }
  const ok = Object.keys(errors).length === 0 && Object.keys(milestones).length === 0;
  return { errors, warnings, milestones, ok };
}

/**
 * Live plans already kept for a customer of that name (compared trimmed, case and accents
 * ignored, as "ACME GmbH" and "Acme GmbH " are one customer), so a second one is not made by
 * mistake.
 */
export function plansForCustomer<P extends { customer: string; deletedAt: number | null }>(
  plans: readonly P[],
  customer: string,
): P[] {
  const key = customerKey(customer);
  if (key === '') return [];
  return plans.filter((p) => p.deletedAt === null && customerKey(p.customer) === key);
}

function customerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase();
}
