/**
 * What the plan screens show: a view of each live plan (placed step, days on it, status), and
 * filters, sorts, the board, "closest to the NSM moment" and "needs attention" over them. All
 * pure and at most O(n log n): 1,000 plans are a few milliseconds.
 */
import { nsmPosition, placeStep, type Journey, type JourneyStep } from './journey';
import { daysBetween } from './periods';
import { STATUS_LABELS, STATUS_URGENCY, planStatus, type StatusSuggestion } from './planStatus';
import type { Plan, PlanStatus } from './plans';

export interface PlanView {
  plan: Plan;
  /** The live step the plan sits on (a deleted step's plans sit on an earlier one). */
  step: JourneyStep | null;
  /** Position of `step` in the journey; -1 when the journey has no steps. */
  position: number;
  /** Days since the plan entered its step; null when not known or not yet (a later start). */
  daysOnStep: number | null;
  openMilestones: number;
  suggestion: StatusSuggestion;
  /** Override ?? suggestion. */
  status: PlanStatus;
  overridden: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Views of the live plans (deleted ones are left out), in the order given; status reasons name
 * days in `locale` (undefined: the runtime's).
 */
export function viewPlans(
  plans: readonly Plan[],
  journey: Journey,
  today: string,
  locale?: string,
): PlanView[] {
  const out: PlanView[] = [];
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    const step = placeStep(journey, plan.stepId);
    const info = planStatus(plan, step, today, locale);
    out.push({
      plan,
      step,
      position: step === null ? -1 : (journey.indexOf.get(step.id) ?? -1),
      // A plan that starts later enters its step then: no days on it yet.
      daysOnStep:
        plan.stepSince === null || plan.stepSince > today
          ? null
          : daysBetween(plan.stepSince, today),
      openMilestones: plan.milestones.filter((m) => !m.done).length,
      suggestion: info.suggestion,
      status: info.status,
      overridden: info.overridden,
    });
  }
  return out;
}

/** Each field left out matches everything; `ownerId: null` matches plans without an owner. */
export interface PlanFilter {
  ownerId?: string | null;
  /** Compared trimmed and case-insensitively. */
  segment?: string;
  status?: PlanStatus;
  /** The step the plan sits on (after placement). */
  stepId?: string;
}

export function filterPlans(views: readonly PlanView[], filter: PlanFilter): PlanView[] {
  const segment = filter.segment?.trim().toLowerCase();
  return views.filter(
    (v) =>
      (filter.ownerId === undefined || v.plan.ownerId === filter.ownerId) &&
      (segment === undefined || v.plan.segment.toLowerCase() === segment) &&
      (filter.status === undefined || v.status === filter.status) &&
      (filter.stepId === undefined || v.step?.id === filter.stepId),
  );
}

export type PlanSortKey = 'customer' | 'goal-date' | 'days-on-step' | 'status';

/** null sorts last whatever the direction. */
function nullsLast(a: number | string | null, b: number | string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * sign;
}

const byCustomer = (a: PlanView, b: PlanView): number =>
  collator.compare(a.plan.customer, b.plan.customer) ||
  (a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0);

/**
 * Sorted copy. Status sorts by urgency (stuck, at risk, on track, done); missing goal dates
 * and days on step go last in either direction; ties go by customer, then id.
 */
export function sortPlans(
  views: readonly PlanView[],
  by: PlanSortKey,
  direction: 'asc' | 'desc' = 'asc',
): PlanView[] {
  const sign = direction === 'asc' ? 1 : -1;
  const primary = (a: PlanView, b: PlanView): number => {
    switch (by) {
      case 'customer':
        return sign * byCustomer(a, b);
      case 'goal-date':
        return nullsLast(a.plan.goalDate, b.plan.goalDate, sign);
      case 'days-on-step':
        return nullsLast(a.daysOnStep, b.daysOnStep, sign);
      case 'status':
        return sign * (STATUS_URGENCY[a.status] - STATUS_URGENCY[b.status]);
    }
  };
  return [...views].sort((a, b) => primary(a, b) || byCustomer(a, b));
}

export interface BoardColumn {
  step: JourneyStep;
  plans: PlanView[];
}

/**
 * A column per live step, in journey order, each holding the plans that sit on it in the order
 * given. `unplaced` holds plans only when the journey has no steps at all.
 */
export function planBoard(
  views: readonly PlanView[],
  journey: Journey,
): { columns: BoardColumn[]; unplaced: PlanView[] } {
  const columns = journey.steps.map((step): BoardColumn => ({ step, plans: [] }));
  const unplaced: PlanView[] = [];
  for (const v of views) {
    const column = v.position < 0 ? undefined : columns[v.position];
    if (column) column.plans.push(v);
    else unplaced.push(v);
  }
  return { columns, unplaced };
}

export interface NearNsm {
  view: PlanView;
  /** Steps left to the NSM-moment step (0 = on it, or past it, with work still open). */
  stepsToGo: number;
}

/**
 * Plans not done, the ones to start with (quick wins): fewest steps left to the NSM moment,
 * then fewest open milestones, then earliest goal date (none last), then customer.
 */
export function closestToNsm(views: readonly PlanView[], journey: Journey): NearNsm[] {
  const nsm = nsmPosition(journey);
  if (nsm < 0) return [];
  return views
    .filter((v) => v.status !== 'done' && v.position >= 0)
    .map((view) => ({ view, stepsToGo: Math.max(0, nsm - view.position) }))
    .sort(
      (a, b) =>
        a.stepsToGo - b.stepsToGo ||
        a.view.openMilestones - b.view.openMilestones ||
        nullsLast(a.view.plan.goalDate, b.view.plan.goalDate, 1) ||
        byCustomer(a.view, b.view),
    );
}

export interface Attention {
  view: PlanView;
  reasons: string[];
}

/**
 * Plans whose status (override ?? suggestion) is stuck or at risk: stuck first, then the
 * longest on their step, then by customer. A status set by hand says so in the reasons.
 */
export function needsAttention(views: readonly PlanView[]): Attention[] {
  return views
    .filter((v) => v.status === 'stuck' || v.status === 'at-risk')
    .sort(
      (a, b) =>
        STATUS_URGENCY[a.status] - STATUS_URGENCY[b.status] ||
        nullsLast(a.daysOnStep, b.daysOnStep, -1) ||
        byCustomer(a, b),
    )
    .map((view) => ({
      view,
      reasons: view.overridden
        ? [`Set to “${STATUS_LABELS[view.status]}” by hand`, ...view.suggestion.reasons]
        : view.suggestion.reasons,
    }));
}

/** The distinct segments of live plans (first spelling wins), sorted, for a filter menu. */
export function planSegments(plans: readonly Plan[]): string[] {
  const seen = new Map<string, string>();
  for (const p of plans) {
    const key = p.segment.toLowerCase();
    if (p.deletedAt === null && key !== '' && !seen.has(key)) seen.set(key, p.segment);
  }
  return [...seen.values()].sort(collator.compare);
}
