import type { Metric } from './types';

/**
 * Whether saving `value` needs a yes first: a percent metric above 100 %, unless the metric
 * says its values may exceed 100 % (a growth rate, a share of a baseline). A slip of the
 * decimal point (1,250.5 for 12.505) is the usual cause, so the user is asked, not refused.
 */
export function asksBeforeSaving(
  metric: Pick<Metric, 'unit' | 'mayExceed100'>,
  value: number,
): boolean {
  return metric.unit === 'percent' && !metric.mayExceed100 && value > 100;
}
