import type { BinOp } from './formulaLex';
import type { Expr, FormulaFn } from './formulaParse';

/**
 * Why a formula has no value for a period, in two parts so a screen can say where: the fact
 * ("“Signups” was 0") and what it stops (“cannot divide”, or null when the fact says it all).
 * A period's sentence is `fact in <period>: effect` (see failureText).
 */
export interface Failure {
  fact: string;
  effect: string | null;
}

export type EvalResult = { ok: true; value: number } | ({ ok: false; error: string } & Failure);

/** A failure as one sentence, for the period named by `where` when given. */
export function failureText(failure: Failure, where?: string): string {
  const fact = where === undefined ? failure.fact : `${failure.fact} in ${where}`;
  return failure.effect === null ? fact : `${fact}: ${failure.effect}`;
}

/** What a lookup returns: a value, null (no value for the period), undefined (no such metric). */
export type Lookup = (name: string) => number | null | undefined;

class EvalError extends Error {
  constructor(
    readonly fact: string,
    readonly effect: string | null = null,
  ) {
    super(failureText({ fact, effect }));
  }
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new EvalError('The result is not a finite number');
  return value;
}

/** What a divisor or an nps count is called in a message: its metric's name, or its role. */
const nameOf = (expr: Expr | undefined, role: string): string =>
  expr?.type === 'ref' ? `“${expr.raw}”` : role;

/** Net Promoter Score from counts: (promoters − detractors) / all responses × 100. */
function nps(promoters: number, passives: number, detractors: number, args: Expr[]): number {
  if (promoters < 0 || passives < 0 || detractors < 0) {
    throw new EvalError('nps counts can’t be negative');
  }
  const total = promoters + passives + detractors;
  if (total === 0) {
    const names = args.every((a) => a.type === 'ref')
      ? `${nameOf(args[0], '')}, ${nameOf(args[1], '')} and ${nameOf(args[2], '')} were all 0`
      : 'All three nps counts were 0';
    throw new EvalError(names, 'nps needs at least one response');
  }
  // Multiplying first keeps whole-number scores exact: (70 − 10) × 100 / 100 = 60.
  return ((promoters - detractors) * 100) / total;
}

function binary(op: BinOp, left: number, right: number, divisor: Expr): number {
  switch (op) {
    case '+':
      return finite(left + right);
    case '-':
      return finite(left - right);
    case '*':
      return finite(left * right);
    case '/':
      if (right === 0)
        throw new EvalError(`${nameOf(divisor, 'The divisor')} was 0`, 'cannot divide');
      return finite(left / right);
  }
}

function call(fn: FormulaFn, args: number[], exprs: Expr[]): number {
  switch (fn) {
    case 'min':
      return finite(Math.min(...args));
    case 'max':
      return finite(Math.max(...args));
    case 'sum':
      return finite(args.reduce((s, v) => s + v, 0));
    case 'avg':
      return finite(args.reduce((s, v) => s + v, 0) / args.length);
    case 'nps':
      return finite(nps(args[0] ?? 0, args[1] ?? 0, args[2] ?? 0, exprs));
  }
}

function run(expr: Expr, lookup: Lookup): number {
  switch (expr.type) {
    case 'num':
      return expr.value;
    case 'ref': {
      const value = lookup(expr.name);
      if (value === undefined) throw new EvalError(`No metric named “${expr.raw}”`);
      if (value === null) throw new EvalError(`“${expr.raw}” has no value`);
      if (!Number.isFinite(value)) throw new EvalError(`“${expr.raw}” is not a finite number`);
      return value;
    }
    case 'neg':
      return -run(expr.arg, lookup);
    case 'bin': {
      const left = run(expr.left, lookup);
      return binary(expr.op, left, run(expr.right, lookup), expr.right);
    }
    case 'call':
      return call(
        expr.fn,
        expr.args.map((a) => run(a, lookup)),
        expr.args,
      );
  }
}

/**
 * Evaluates a parsed formula for one period, left to right; the first problem met is the
 * error. lookup(name) gets the referenced metric's value for that period (undefined when no
 * metric has that name, null when it has no value for the period).
 */
export function evaluate(expr: Expr, lookup: Lookup): EvalResult {
  try {
    return { ok: true, value: run(expr, lookup) };
  } catch (e) {
    if (e instanceof EvalError)
      return { ok: false, error: e.message, fact: e.fact, effect: e.effect };
    throw e;
  }
}
