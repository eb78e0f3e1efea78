import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeFormulaValues,
  evaluate,
  normaliseName,
  parseFormula,
  planFormulas,
  referenceText,
  type Expr,
  type FormulaMetric,
} from '../../../src/domain/formula';

/** Parses and evaluates text with the given (case-insensitive) metric values. */
function calc(text: string, vars: Record<string, number | null> = {}) {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${parsed.error} at ${parsed.position}`);
  const table = new Map(Object.entries(vars).map(([k, v]) => [normaliseName(k), v]));
  return evaluate(parsed.expr, (name) => table.get(name));
}
const value = (text: string, vars: Record<string, number | null> = {}) => {
  const r = calc(text, vars);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const parseError = (text: string) => {
  const r = parseFormula(text);
  return r.ok ? null : { error: r.error, position: r.position };
};

describe('parseFormula and evaluate', () => {
  it('follows precedence and left associativity', () => {
    expect(value('2-3-4')).toBe(-5);
    expect(value('2/4/2')).toBe(0.25);
    expect(value('-2*3')).toBe(-6);
    expect(value('2+3*4')).toBe(14);
    expect(value('2*3+4')).toBe(10);
    expect(value('- -2')).toBe(2);
    expect(value('+2 - +1')).toBe(1);
    expect(value('10 - -2 * 3')).toBe(16);
    const r = parseFormula('2-3-4');
    expect(r.ok && r.expr).toEqual({
      type: 'bin',
      op: '-',
      left: {
        type: 'bin',
        op: '-',
        left: { type: 'num', value: 2 },
        right: { type: 'num', value: 3 },
      },
      right: { type: 'num', value: 4 },
    });
  });

  it('honours parentheses', () => {
    expect(value('(2+3)*4')).toBe(20);
    expect(value('2-(3-4)')).toBe(3);
    expect(value('-(2+3)')).toBe(-5);
    expect(value('((((7))))')).toBe(7);
  });

  it('reads numbers with decimals and exponents', () => {
    expect(value('1.5e3 + .5 + 2.')).toBe(1502.5);
    expect(value('2E-2')).toBe(0.02);
    expect(value('1e+2')).toBe(100);
  });

  it('accepts unicode operators', () => {
    expect(value('6 × 7')).toBe(42);
    expect(value('8 ÷ 2')).toBe(4);
    expect(value('5 − 2')).toBe(3);
    expect(value('5 – 2')).toBe(3);
    expect(value('−3 × −2')).toBe(6);
  });

  it('reads bracketed names with spaces and punctuation, and bare names', () => {
    const vars = {
      'Weekly active users': 50,
      Accounts: 200,
      'Churn (%), EU': 3,
      'Revenue [EUR]': 7,
    };
    expect(value('[Weekly active users] / [Accounts]', vars)).toBe(0.25);
    expect(value('[Churn (%), EU] + [Revenue [EUR]] + accounts', vars)).toBe(210);
    const r = parseFormula('[Weekly active users] / Accounts + [ accounts ]');
    expect(r.ok && r.refs).toEqual(['weekly active users', 'accounts']);
  });

  it('matches names case-insensitively with whitespace collapsed', () => {
    const vars = { 'Weekly Active Users': 10, revenue: 5 };
    expect(value('REVENUE + [  weekly   ACTIVE users ]', vars)).toBe(15);
    expect(normaliseName('  Weekly \t Active\nUsers ')).toBe('weekly active users');
  });

  it('computes min, max, sum, avg (function names in any case)', () => {
    expect(value('min(3, 1, 2) + MAX(3, 1, 2)')).toBe(4);
    expect(value('sum(1, 2, 3) * avg(2, 4)')).toBe(18);
    expect(value('Min(5)')).toBe(5);
  });

  it('computes nps from counts, alone and in a larger formula', () => {
    expect(value('nps(70, 20, 10)')).toBe(60);
    const vars = { promoters: 70, passives: 20, detractors: 10, target: 50 };
    expect(value('nps(promoters, passives, detractors) - target / 2', vars)).toBe(35);
    expect(value('nps(0, 0, 4)')).toBe(-100);
    expect(calc('nps(0, 0, 0)')).toEqual({
      ok: false,
      error: 'All three nps counts were 0: nps needs at least one response',
      fact: 'All three nps counts were 0',
      effect: 'nps needs at least one response',
    });
    expect(calc('nps(p, q, d)', { p: 0, q: 0, d: 0 })).toMatchObject({
      fact: '“p”, “q” and “d” were all 0',
    });
    expect(calc('nps(1, -1, 0)')).toEqual({
      ok: false,
      error: 'nps counts can’t be negative',
      fact: 'nps counts can’t be negative',
      effect: null,
    });
  });

  it('explains every parse error with a position', () => {
    expect(parseError('a + [Weekly users')).toEqual({
      error: 'Expected a closing ] for the name started at 4',
      position: 4,
    });
    expect(parseError('2 +')).toEqual({ error: 'Expected a value after “+”', position: 3 });
    expect(parseError('2 * / 3')).toEqual({ error: 'Expected a value after “*”', position: 4 });
    expect(parseError('* 3')).toEqual({ error: 'Expected a value before “*”', position: 0 });
    expect(parseError('1 + foo(2)')).toEqual({ error: 'Unknown function foo', position: 4 });
    expect(parseError('nps(1, 2)')).toEqual({ error: 'nps needs 3 values', position: 0 });
    expect(parseError('nps(1, 2, 3, 4)')?.error).toBe('nps needs 3 values');
    expect(parseError('min()')?.error).toBe('min needs at least 1 value');
    expect(parseError('min(1,)')?.error).toBe('Expected a value after “,”');
    expect(parseError('min(1 2)')?.error).toBe('Expected a closing ) for the ( at 3 before “2”');
    expect(parseError('')).toEqual({ error: 'Empty formula', position: 0 });
    expect(parseError('  \t ')).toEqual({ error: 'Empty formula', position: 0 });
    expect(parseError('(1 + 2')).toEqual({
      error: 'Expected a closing ) for the ( at 0',
      position: 0,
    });
    expect(parseError('1 + 2)')?.error).toBe('Unexpected ) at 5 with no ( before it');
    expect(parseError('2 3')).toEqual({ error: 'Expected an operator before “3”', position: 2 });
    expect(parseError('1, 2')?.error).toBe('A comma can only separate the values of a function');
    expect(parseError('2 # 3')).toEqual({ error: 'Unexpected character “#” at 2', position: 2 });
    expect(parseError('1 + [ ]')?.error).toBe('Expected a name between the [ and ] at 4');
    expect(parseError('a ] b')?.error).toBe('Unexpected ] with no [ before it');
    expect(parseError('1e999')?.error).toBe('The number 1e999 is too large');
    expect(parseError('revenue (2)')?.error).toBe('Unknown function revenue');
  });

  it('rejects formulas that are too long', () => {
    const ok = '1+'.repeat(999) + '1';
    expect(ok.length).toBe(1999);
    expect(parseFormula(ok).ok).toBe(true);
    expect(parseError('1+'.repeat(1000) + '1')).toEqual({
      error: 'Formula is too long (2001 characters; the limit is 2000)',
      position: 2000,
    });
  });

  it('rejects hostile nesting with an error instead of overflowing the stack', () => {
    const deep = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);
    expect(parseError(deep(10_000))?.error).toMatch(/too long/);
    expect(parseError('('.repeat(10_000))?.error).toMatch(/too long/);
    expect(value(deep(100))).toBe(1);
    expect(parseError(deep(101))).toEqual({
      error: 'Nested too deeply (the limit is 100 levels)',
      position: 100,
    });
    expect(parseError('-'.repeat(1500) + '1')?.error).toMatch(/Nested too deeply/);
    expect(parseError('min('.repeat(300) + '1' + ')'.repeat(300))?.error).toMatch(/Nested/);
  });

  it('reports evaluation errors', () => {
    // A divisor that is a metric is named; any other divisor is "the divisor".
    expect(calc('1 / (a - a)', { a: 3 })).toEqual({
      ok: false,
      error: 'The divisor was 0: cannot divide',
      fact: 'The divisor was 0',
      effect: 'cannot divide',
    });
    expect(calc('a / [Sign ups]', { a: 3, 'Sign ups': 0 })).toMatchObject({
      error: '“Sign ups” was 0: cannot divide',
    });
    expect(calc('[Weekly Users] + 1')).toMatchObject({
      ok: false,
      error: 'No metric named “Weekly Users”',
    });
    expect(calc('a + 1', { a: null })).toMatchObject({ ok: false, error: '“a” has no value' });
    expect(calc('1e300 * 1e300')).toMatchObject({
      ok: false,
      error: 'The result is not a finite number',
    });
    expect(calc('a', { a: Number.NaN })).toMatchObject({
      ok: false,
      error: '“a” is not a finite number',
    });
  });

  it('writes references that parse back to the same name', () => {
    expect(referenceText('Revenue')).toBe('Revenue');
    expect(referenceText(' Weekly active users ')).toBe('[Weekly active users]');
    expect(referenceText('Revenue [EUR]')).toBe('[Revenue [EUR]]');
    expect(referenceText('a ] b')).toBeNull();
    for (const name of ['Revenue', 'Weekly active users', 'Churn (%)', 'Revenue [EUR]']) {
      const r = parseFormula(referenceText(name) ?? '');
      expect(r.ok && r.refs).toEqual([normaliseName(name)]);
    }
  });
});

const fm = (id: string, name: string, formula: string | null = null): FormulaMetric => ({
  id,
  name,
  formula,
});

describe('planFormulas', () => {
  it('reports parse errors, missing names, ambiguous names and self-reference', () => {
    const plan = planFormulas([
      fm('1', 'Users'),
      fm('2', 'Accounts'),
      fm('3', 'accounts'),
      fm('p', 'Parse', '2 +'),
      fm('m', 'Missing', 'Users / [Paying users]'),
      fm('a', 'Ambiguous', 'Users / Accounts'),
      fm('s', 'Self', 'users + self'),
      fm('ok', 'Fine', 'Users * 2'),
      fm('blank', 'Blank', '   '),
    ]);
    expect(plan.problems).toEqual(
      new Map([
        ['p', 'Expected a value after “+”'],
        ['m', 'No metric named “Paying users”'],
        ['a', 'Two metrics are named “Accounts”; rename one'],
        ['s', 'Refers to itself'],
      ]),
    );
    expect(plan.order).toEqual(['ok']);
    expect([...plan.parsed.keys()]).toEqual(['m', 'a', 's', 'ok']);
  });

  it('reports a 3-cycle on all three metrics with the path, and blocks what uses them', () => {
    const plan = planFormulas([
      fm('a', 'A', 'B + 1'),
      fm('b', 'B', '[C] * 2'),
      fm('c', 'C', 'a - x'),
      fm('x', 'X'),
      fm('d', 'D', 'c + x'),
      fm('e', 'E', 'd / 2'),
    ]);
    expect(plan.problems.get('a')).toBe('Refers to itself through A → B → C → A');
    expect(plan.problems.get('b')).toBe('Refers to itself through B → C → A → B');
    expect(plan.problems.get('c')).toBe('Refers to itself through C → A → B → C');
    expect(plan.problems.get('d')).toBe('Uses “C”, which has a problem');
    expect(plan.problems.get('e')).toBe('Uses “D”, which has a problem');
    expect(plan.order).toEqual([]);
  });

  it('orders formulas after the formulas they use, deterministically', () => {
    const metrics = [
      fm('total', 'Total', 'Ratio * 100 + Base'),
      fm('ratio', 'Ratio', 'Active / Base'),
      fm('active', 'Active'),
      fm('base', 'Base', 'Accounts + 1'),
      fm('accounts', 'Accounts'),
      fm('lone', 'Lone', 'Accounts'),
    ];
    const plan = planFormulas(metrics);
    expect(plan.problems.size).toBe(0);
    expect(plan.order).toEqual(['base', 'ratio', 'total', 'lone']);
    expect(planFormulas(metrics)).toEqual(plan);
  });
});

describe('computeFormulaValues', () => {
  const week = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it('computes formulas of formulas in order over the union of periods', () => {
    const metrics = [
      fm('pct', 'Active %', '[Active ratio] * 100'),
      fm('ratio', 'Active ratio', 'Active / Accounts'),
      fm('active', 'Active'),
      fm('accounts', 'Accounts'),
    ];
    const values = new Map([
      ['active', week({ '2025-W01': 10, '2025-W02': 30 })],
      ['accounts', week({ '2025-W01': 40, '2025-W02': 60, '2025-W03': 80 })],
      ['pct', week({ '2025-W01': 999 })], // hand-logged values of a computed metric are ignored
    ]);
    const out = computeFormulaValues(planFormulas(metrics), metrics, values);
    expect(out.values.get('ratio')).toEqual(week({ '2025-W01': 0.25, '2025-W02': 0.5 }));
    expect(out.values.get('pct')).toEqual(week({ '2025-W01': 25, '2025-W02': 50 }));
    expect(out.errors.get('ratio')).toEqual(
      new Map([['2025-W03', { fact: '“Active” has no value', effect: null }]]),
    );
    // pct uses ratio, which has no value in W03: pct has a gap there too, with ratio's reason.
    expect(out.errors.get('pct')).toEqual(
      new Map([['2025-W03', { fact: '“Active” has no value', effect: null }]]),
    );
  });

  it('computes nps per period and reports per-period errors', () => {
    const metrics = [
      fm('score', 'NPS', 'nps(P, Pa, D)'),
      fm('p', 'P'),
      fm('pa', 'Pa'),
      fm('d', 'D'),
      fm('k', 'Per promoter', '100 / P'),
    ];
    const values = new Map([
      ['p', week({ '2025-03': 70, '2025-04': 0 })],
      ['pa', week({ '2025-03': 20, '2025-04': 0 })],
      ['d', week({ '2025-03': 10, '2025-04': 0 })],
    ]);
    const out = computeFormulaValues(planFormulas(metrics), metrics, values);
    expect(out.values.get('score')).toEqual(week({ '2025-03': 60 }));
    expect(out.errors.get('score')?.get('2025-04')).toEqual({
      fact: '“P”, “Pa” and “D” were all 0',
      effect: 'nps needs at least one response',
    });
    expect(out.errors.get('k')?.get('2025-04')).toEqual({
      fact: '“P” was 0',
      effect: 'cannot divide',
    });
  });

  it('gives a broken formula no values without affecting the others', () => {
    const metrics = [
      fm('broken', 'Broken', 'Users +'),
      fm('cyc', 'Cyc', 'cyc * 2'),
      fm('good', 'Good', 'Users * 2'),
      fm('users', 'Users'),
    ];
    const plan = planFormulas(metrics);
    const out = computeFormulaValues(plan, metrics, new Map([['users', week({ '2025-01': 4 })]]));
    expect(plan.problems.has('broken')).toBe(true);
    expect(plan.problems.has('cyc')).toBe(true);
    expect(out.values.has('broken')).toBe(false);
    expect(out.values.has('cyc')).toBe(false);
    expect(out.values.get('good')).toEqual(week({ '2025-01': 8 }));
  });
});

/** A generated tree together with one way of writing it and its binding strength. */
interface Printed {
  expr: Expr;
  text: string;
  /** 0 = sum, 1 = product, 2 = unary, 3 = atom. */
  prec: number;
}

const SPELLINGS = ['Revenue', 'REVENUE', 'Weekly active users', 'weekly  Active users'];
const SPELLINGS_PUNCT = ['Churn (%), EU', 'Revenue [EUR]', 'a1', 'n_p_s'];
const VALUES: Record<string, number> = {
  revenue: 1234.5,
  'weekly active users': 42,
  'churn (%), eu': 0.03,
  'revenue [eur]': -7,
  a1: 3,
  n_p_s: 0,
};

const OPS = [
  ['+', '+'],
  ['-', '-'],
  ['−', '-'],
  ['*', '*'],
  ['×', '*'],
  ['/', '/'],
  ['÷', '/'],
] as const;
const FNS = [
  ['min', 'min'],
  ['max', 'max'],
  ['MAX', 'max'],
  ['sum', 'sum'],
  ['avg', 'avg'],
  ['Avg', 'avg'],
  ['nps', 'nps'],
] as const;
const gap = fc.constantFrom('', ' ', '  ');
const wrap = (p: Printed, min: number): string => (p.prec < min ? `(${p.text})` : p.text);

const num: fc.Arbitrary<Printed> = fc
  .oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e9, noNaN: true }))
  .map((v) => {
    const n = Object.is(v, -0) ? 0 : v;
    return { expr: { type: 'num', value: n }, text: String(n), prec: 3 };
  });
const ref: fc.Arbitrary<Printed> = fc
  .tuple(fc.constantFrom(...SPELLINGS, ...SPELLINGS_PUNCT), fc.boolean(), gap)
  .map(([raw, bare, pad]) => ({
    expr: { type: 'ref', name: normaliseName(raw), raw },
    text: bare && /^[a-z]\w*$/i.test(raw) ? raw : `[${pad}${raw}${pad}]`,
    prec: 3,
  }));

const { node } = fc.letrec<{ node: Printed }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthSize: 'small' },
    fc.oneof(num, ref),
    fc.tuple(tie('node'), fc.constantFrom('-', '−')).map(([arg, minus]): Printed => ({
      expr: { type: 'neg', arg: arg.expr },
      text: minus + wrap(arg, 2),
      prec: 2,
    })),
    fc
      .tuple(tie('node'), fc.constantFrom(...OPS), tie('node'), gap)
      .map(([left, [written, op], right, sp]): Printed => {
        const prec = op === '+' || op === '-' ? 0 : 1;
        return {
          expr: { type: 'bin', op, left: left.expr, right: right.expr },
          text: `${wrap(left, prec)}${sp}${written}${sp}${wrap(right, prec + 1)}`,
          prec,
        };
      }),
    fc
      .tuple(
        fc.constantFrom(...FNS),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        tie('node'),
      )
      .map(([[written, fn], args, extra]): Printed => {
        const all = fn === 'nps' ? [...args, extra, extra].slice(0, 3) : args;
        return {
          expr: { type: 'call', fn, args: all.map((a) => a.expr) },
          text: `${written}(${all.map((a) => a.text).join(', ')})`,
          prec: 3,
        };
      }),
    tie('node').map((inner): Printed => ({ ...inner, text: `( ${inner.text} )`, prec: 3 })),
  ),
}));

const lookup = (name: string): number | undefined => VALUES[name];

/** Whether some division in the tree divides by a value near zero (or cannot be computed). */
function dividesNearZero(expr: Expr): boolean {
  switch (expr.type) {
    case 'num':
    case 'ref':
      return false;
    case 'neg':
      return dividesNearZero(expr.arg);
    case 'call':
      return expr.args.some(dividesNearZero);
    case 'bin': {
      if (dividesNearZero(expr.left) || dividesNearZero(expr.right)) return true;
      if (expr.op !== '/') return false;
      const r = evaluate(expr.right, lookup);
      return !r.ok || Math.abs(r.value) < 1e-9;
    }
  }
}

describe('round trip', () => {
  it('parses a printed expression tree back to the same tree and value', () => {
    fc.assert(
      fc.property(node, ({ expr, text }) => {
        fc.pre(text.length <= 2000 && !dividesNearZero(expr));
        const parsed = parseFormula(text);
        expect(parsed.ok && parsed.expr).toEqual(expr);
        if (!parsed.ok) return;
        expect(evaluate(parsed.expr, lookup)).toEqual(evaluate(expr, lookup));
      }),
      { numRuns: 1500 },
    );
  });
});
