/**
 * Computed metrics: a metric's value for a period can be a formula over other metrics of the
 * same period, e.g. `[Weekly active users] / [Accounts] * 100` or `nps(promoters, passives,
 * detractors)`. Grammar, tokens and limits live in formulaLex/formulaParse, evaluation in
 * formulaEval, checking and computing a whole set of metrics in formulaPlan.
 */
export type { BinOp } from './formulaLex';
export {
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  normaliseName,
  parseFormula,
  referenceText,
  referencesOf,
  type Expr,
  type FormulaFn,
  type ParseResult,
} from './formulaParse';
export { evaluate, failureText, type EvalResult, type Failure, type Lookup } from './formulaEval';
export {
  computeFormulaValues,
  hasFormula,
  isComputed,
  planFormulas,
  type FormulaMetric,
  type FormulaPlan,
  type FormulaValues,
} from './formulaPlan';
