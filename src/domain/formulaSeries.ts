import type { Point } from './aggregate';
import {
  computeFormulaValues,
  hasFormula,
  normaliseName,
  planFormulas,
  referencesOf,
  type Failure,
} from './formula';
import type { Aggregation, Metric } from './types';

/** A period a formula could not be computed for, and why ("“Signups” was 0: cannot divide"). */
export interface Gap extends Failure {
  period: string;
}

export interface FormulaSeries {
  /** Computed values per formula metric id, chronological. */
  points: Map<string, Point[]>;
  /** Why a formula metric cannot be computed at all (cycle, missing metric, parse error). */
  problems: Map<string, string>;
  /** Per formula metric, the periods that could not be computed and why, chronological. */
  gaps: Map<string, Gap[]>;
}

/** How an input's values are brought to the periods a formula is computed for. */
export type Roll = (points: readonly Point[], how: Aggregation) => readonly Point[];

const asLogged: Roll = (points) => points;

/**
 * Computes every formula metric's values from the values of the metrics it refers to (`inputs`:
 * logged by hand or computed from plans, by metric id, chronological). Each input is first
 * brought to the formula's periods by `roll` with ITS OWN aggregation (a sum of promoters, an
 * average of a rate; by default each period as logged), and the formula is evaluated on those:
 * an NPS for November is the NPS of November's promoters, passives and detractors, never a sum
 * or an average of weekly scores. A formula of formulas is computed the same way, from its
 * inputs rolled to the same periods. Only referenced metrics' values are read, so a workspace
 * with a few formulas over 100,000 entries does not pay for the rest. A broken formula yields
 * a problem, never an exception.
 */
export function formulaSeries(
  metrics: readonly Metric[],
  inputs: Pick<ReadonlyMap<string, readonly Point[]>, 'get'>,
  roll: Roll = asLogged,
): FormulaSeries {
  const result: FormulaSeries = { points: new Map(), problems: new Map(), gaps: new Map() };
  if (!metrics.some(hasFormula)) return result;
  const plan = planFormulas(metrics);
  const idsByName = new Map<string, Metric[]>();
  for (const m of metrics) {
    const key = normaliseName(m.name);
    idsByName.set(key, [...(idsByName.get(key) ?? []), m]);
  }
  const values = new Map<string, Map<string, number>>();
  for (const expr of plan.parsed.values()) {
    for (const name of referencesOf(expr).keys()) {
      for (const m of idsByName.get(name) ?? []) {
        if (values.has(m.id) || hasFormula(m)) continue;
        const own = roll(inputs.get(m.id) ?? [], m.aggregation);
        values.set(m.id, new Map(own.map((p) => [p.period, p.value])));
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
  for (const [id, errors] of computed.errors) {
    if (errors.size > 0) {
      const gaps = [...errors].map(([period, failure]) => ({ period, ...failure }));
      result.gaps.set(
        id,
        gaps.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)),
      );
    }
  }
  result.problems = plan.problems;
  return result;
}
