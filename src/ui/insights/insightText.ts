import type { Insight } from '../../domain/insights';
import { isDate, periodLabel } from '../../domain/periods';
import type { Plan } from '../../domain/plans';

/** "3 Mar 2026" for a date; anything else as it is. */
export const dateText = (date: string): string => (isDate(date) ? periodLabel(date) : date);

/** The customer of an insight's plan, or ''. */
export const planCustomerOf =
  (plans: ReadonlyMap<string, Plan>) =>
  (i: Insight): string =>
    i.planId === null ? '' : (plans.get(i.planId)?.customer ?? '');

/** Who said it: the customer, else the plan's customer. */
export const sayer =
  (plans: ReadonlyMap<string, Plan>) =>
  (i: Insight): string =>
    i.customer || planCustomerOf(plans)(i);
