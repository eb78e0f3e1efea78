/**
 * What a metric computed from success plans measures (domain/planMetrics computes it), named in
 * plain English. The spec type lives with the other base types (domain/types) and its reader
 * with the other record readers (domain/validate), so that neither depends on the journey; both
 * are re-exported here for existing importers.
 */
import type { Journey } from './journey';
import type { PlanMetricSpec } from './types';

export type { PlanMetricSpec } from './types';
export { readPlanMetricSpec } from './validate';

/** A plain-English name for a spec: "Customers reaching “Onboarded”". */
export function describePlanMetric(spec: PlanMetricSpec, journey: Journey): string {
  switch (spec.kind) {
    case 'reached-step': {
      if (spec.stepId === 'nsm') return 'Customers reaching the NSM moment';
      const step = journey.all.find((s) => s.id === spec.stepId);
      return `Customers reaching “${step?.name ?? 'a removed step'}”`;
    }
    case 'completed-within':
      return `% of plans with every milestone done within ${spec.days} days`;
    case 'median-days-to-nsm':
      return 'Median days from start to the NSM moment';
  }
}
