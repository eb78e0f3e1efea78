import { evaluate, type Failure } from './formulaEval';
import { normaliseName, parseFormula, referencesOf, type Expr } from './formulaParse';

export interface FormulaMetric {
  id: string;
  name: string;
  formula: string | null;
}

export interface FormulaPlan {
  /** Formula metrics without problems, each after every formula metric it refers to. */
  order: string[];
  /** Formula metric id → what is wrong with it, in plain English. */
  problems: Map<string, string>;
  /** Formula metric id → its parsed formula (every formula that parses, problem or not). */
  parsed: Map<string, Expr>;
}

/** Whether a metric is computed: a formula that is more than whitespace. */
export const hasFormula = (m: FormulaMetric): boolean =>
  m.formula !== null && m.formula.trim() !== '';

/** Whether a metric's values are computed (from success plans or a formula), never logged. */
export const isComputed = (m: FormulaMetric & { planMetric: unknown }): boolean =>
  m.planMetric !== null || hasFormula(m);

/** Normalised name → ids of the metrics with that name, in input order. */
function idsByName(metrics: readonly FormulaMetric[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of metrics) {
    const key = normaliseName(m.name);
    out.set(key, [...(out.get(key) ?? []), m.id]);
  }
  return out;
}

/** Shortest path (by breadth-first search, edges in reference order) from start back to start. */
function cycleFrom(start: string, edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const cameFrom = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0, at = queue[0]; at !== undefined; at = queue[++head]) {
    for (const next of edges.get(at) ?? []) {
      if (next === start) {
        const path = [start];
        for (let p: string | undefined = at; p !== undefined && p !== start; p = cameFrom.get(p)) {
          path.push(p);
        }
        return [...path, start].reverse();
      }
      if (!cameFrom.has(next) && next !== start) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Checks the formulas of a set of metrics together, in four steps:
 * 1. parse each formula; 2. resolve its names (missing, ambiguous, itself);
 * 3. find, for each formula metric, the shortest way it refers back to itself (breadth-first,
 *    so every member of a cycle gets the cycle written from its own point of view);
 * 4. order the rest by depth-first post-order (iterative, so long chains cannot overflow the
 *    stack), in input order; a formula that uses a formula with a problem gets a problem too.
 * Deterministic: everything follows the input order and the order of names in each formula.
 */
export function planFormulas(metrics: readonly FormulaMetric[]): FormulaPlan {
  const byName = idsByName(metrics);
  const nameOf = new Map(metrics.map((m) => [m.id, m.name]));
  const computed = new Set(metrics.filter(hasFormula).map((m) => m.id));
  const problems = new Map<string, string>();
  const parsed = new Map<string, Expr>();
  /** Formula metric → the formula metrics it refers to. */
  const edges = new Map<string, string[]>();
  const formulaIds: string[] = [];

  for (const m of metrics) {
    if (m.formula === null || !computed.has(m.id) || edges.has(m.id)) continue;
    formulaIds.push(m.id);
    edges.set(m.id, []);
    const result = parseFormula(m.formula);
    if (!result.ok) {
      problems.set(m.id, result.error);
      continue;
    }
    parsed.set(m.id, result.expr);
    const own: string[] = [];
    for (const [name, raw] of referencesOf(result.expr)) {
      const ids = byName.get(name) ?? [];
      const target = ids[0];
      let problem: string | null = null;
      if (target === undefined) problem = `No metric named “${raw}”`;
      else if (ids.length > 1) problem = `Two metrics are named “${raw}”; rename one`;
      else if (target === m.id) problem = 'Refers to itself';
      else if (computed.has(target)) own.push(target);
      if (problem !== null && !problems.has(m.id)) problems.set(m.id, problem);
    }
    edges.set(m.id, own);
  }

  for (const id of formulaIds) {
    if (problems.has(id)) continue;
    const cycle = cycleFrom(id, edges);
    if (cycle) {
      const names = cycle.map((c) => nameOf.get(c) ?? c);
      problems.set(id, `Refers to itself through ${names.join(' → ')}`);
    }
  }

  const order: string[] = [];
  const seen = new Set<string>();
  for (const root of formulaIds) {
    if (problems.has(root) || seen.has(root)) continue;
    seen.add(root);
    const stack = [{ id: root, next: 0 }];
    for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
      const deps = edges.get(top.id) ?? [];
      const dep = deps[top.next++];
      if (dep !== undefined) {
        if (!problems.has(dep) && !seen.has(dep)) {
          seen.add(dep);
          stack.push({ id: dep, next: 0 });
        }
        continue;
      }
      stack.pop();
      const broken = deps.find((d) => problems.has(d));
      if (broken === undefined) order.push(top.id);
      else problems.set(top.id, `Uses “${nameOf.get(broken) ?? broken}”, which has a problem`);
    }
  }
  return { order, problems, parsed };
}

export interface FormulaValues {
  /** Formula metric id → period → value (an entry for every metric in plan.order). */
  values: Map<string, Map<string, number>>;
  /** Formula metric id → period → why it has no value (an entry for every id in plan.order). */
  errors: Map<string, Map<string, Failure>>;
}

/**
 * Computes every sound formula metric, in plan order, so formulas of formulas see the computed
 * values of the formulas they use (never hand-logged values of a computed metric). A formula is
 * evaluated for each period any of its references has a value or a failure for (sorted); a
 * formula without references has no periods and so no values. A period a formula it uses has no
 * value for fails with that formula's reason (“Signups” was 0: cannot divide), not a vaguer one.
 */
export function computeFormulaValues(
  plan: FormulaPlan,
  metrics: readonly FormulaMetric[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>>,
): FormulaValues {
  const byName = idsByName(metrics);
  const computed = new Set(metrics.filter(hasFormula).map((m) => m.id));
  const out: FormulaValues = { values: new Map(), errors: new Map() };
  const source = (id: string): ReadonlyMap<string, number> | undefined =>
    computed.has(id) ? out.values.get(id) : values.get(id);
  const resolve = (name: string): string | undefined => {
    const ids = byName.get(name);
    return ids?.length === 1 ? ids[0] : undefined;
  };

  for (const id of plan.order) {
    const expr = plan.parsed.get(id);
    if (expr === undefined || out.values.has(id)) continue;
    const own = new Map<string, number>();
    const errors = new Map<string, Failure>();
    const periods = new Set<string>();
    for (const name of referencesOf(expr).keys()) {
      const ref = resolve(name);
      if (ref === undefined) continue;
      for (const period of source(ref)?.keys() ?? []) periods.add(period);
      // A formula it uses could not be computed for a period: so it cannot, for the same reason.
      for (const period of out.errors.get(ref)?.keys() ?? []) periods.add(period);
    }
    for (const period of [...periods].sort()) {
      let inner: Failure | undefined;
      const result = evaluate(expr, (name) => {
        const ref = resolve(name);
        if (ref === undefined) return undefined;
        inner ??= out.errors.get(ref)?.get(period);
        return source(ref)?.get(period) ?? null;
      });
      if (result.ok) own.set(period, result.value);
      else errors.set(period, inner ?? { fact: result.fact, effect: result.effect });
    }
    out.values.set(id, own);
    out.errors.set(id, errors);
  }
  return out;
}
