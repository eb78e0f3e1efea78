/**
 * What a metric computed from success plans measures (domain/planMetrics computes it): how it
 * is stored on a metric record, read back (validated) and named in plain English.
 */
import type { Journey } from './journey';
import type { Problems } from './validate';

export type PlanMetricSpec =
  | { kind: 'reached-step'; stepId: string | 'nsm' }
  | { kind: 'completed-within'; days: number }
  | { kind: 'median-days-to-nsm' };

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** Reads a stored spec (a peer may write anything); null, with a problem, when unusable. */
export function readPlanMetricSpec(raw: unknown, problems: Problems): PlanMetricSpec | null {
  if (isObject(raw)) {
    if (raw.kind === 'reached-step' && typeof raw.stepId === 'string' && raw.stepId.length <= 100) {
      return { kind: 'reached-step', stepId: raw.stepId };
    }
    const days = raw.days;
    if (raw.kind === 'completed-within' && Number.isInteger(days) && (days as number) >= 0) {
      return { kind: 'completed-within', days: days as number };
    }
    if (raw.kind === 'median-days-to-nsm') return { kind: 'median-days-to-nsm' };
  }
  problems.add('the plan metric is not readable');
  return null;
}

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
