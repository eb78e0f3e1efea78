import type { Point } from './aggregate';
import type { EntriesByMetric } from './checkin';
import {
  computeFormulaValues,
  hasFormula,
  normaliseName,
  planFormulas,
  referencesOf,
} from './formula';
import type { Metric } from './types';

export interface FormulaSeries {
  /** Computed values per formula metric id, chronological. */
  points: Map<string, Point[]>;
  /** Why a formula metric cannot be computed at all (cycle, missing metric, parse error). */
  problems: Map<string, string>;
  /** Per formula metric, the periods that could not be computed and why (e.g. divides by zero). */
  periodErrors: Map<string, Map<string, string>>;
}

/**
 * Computes every formula metric's values from the logged entries of the metrics it refers to.
 * Only referenced metrics' entries are read, so a workspace with a few formulas over 100,000
 * entries does not pay for the rest. A broken formula yields a problem, never an exception.
 */
export function formulaSeries(metrics: readonly Metric[], entries: EntriesByMetric): FormulaSeries {
  const result: FormulaSeries = { points: new Map(), problems: new Map(), periodErrors: new Map() };
  if (!metrics.some(hasFormula)) return result;
  const plan = planFormulas(metrics);
  const idsByName = new Map<string, string[]>();
  for (const m of metrics) {
    const key = normaliseName(m.name);
    idsByName.set(key, [...(idsByName.get(key) ?? []), m.id]);
  }
  const values = new Map<string, Map<string, number>>();
  for (const expr of plan.parsed.values()) {
    for (const name of referencesOf(expr).keys()) {
      for (const id of idsByName.get(name) ?? []) {
        if (!values.has(id)) {
          values.set(id, new Map((entries.get(id) ?? []).map((e) => [e.period, e.value])));
        }
      }
    }
  }
  const computed = computeFormulaValues(plan, metrics, values);
  for (const [id, byPeriod] of computed.values) {
    result.points.set(
      id,
      [...byPeriod].map(([period, value]) => ({ period, value })),
    );
  }
  for (const [id, errors] of computed.errors)
    if (errors.size > 0) result.periodErrors.set(id, errors);
  result.problems = plan.problems;
  return result;
}
