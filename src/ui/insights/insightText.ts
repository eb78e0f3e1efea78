import type { Insight } from '../../domain/insights';
import type { Plan } from '../../domain/plans';
import { formatDay } from '../common/dates';

/** "Mar 3, 2026" (en-US) for a date; anything else as it is. */
export const dateText = (date: string): string => formatDay(date);

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
