import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Point } from '../../../src/domain/aggregate';
import { aggregate } from '../../../src/domain/aggregate';
import { metricSeries } from '../../../src/domain/metricSeries';
import { toGrain } from '../../../src/domain/periods';
import { AGGREGATIONS, type Metric } from '../../../src/domain/types';
import { metric } from '../factories';

const pts = (values: Record<string, number>): Point[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));

/**
 * November 2026 by ISO week: W45 2–8 Nov, W46 9–15, W47 16–22, W48 23–29; W44 (26 Oct – 1 Nov,
 * Thursday 29 Oct) is October's and W49 (30 Nov – 6 Dec, Thursday 3 Dec) is December's.
 */
const NOVEMBER = {
  promoters: {
    '2026-W44': 5,
    '2026-W45': 30,
    '2026-W46': 20,
    '2026-W47': 10,
    '2026-W48': 40,
    '2026-W49': 50,
  },
  passives: {
    '2026-W44': 5,
    '2026-W45': 10,
    '2026-W46': 20,
    '2026-W47': 5,
    '2026-W48': 10,
    '2026-W49': 0,
  },
  detractors: {
    '2026-W44': 0,
    '2026-W45': 10,
    '2026-W46': 10,
    '2026-W47': 5,
    '2026-W48': 0,
    '2026-W49': 50,
  },
  signups: { '2026-W45': 40, '2026-W46': 60, '2026-W47': 0, '2026-W48': 100 },
  activated: { '2026-W45': 10, '2026-W46': 30, '2026-W47': 0, '2026-W48': 45 },
};

function workspace(patch: Partial<Record<string, Partial<Metric>>> = {}) {
  const metrics = [
    metric('p', { name: 'Promoters', ...patch['p'] }),
    metric('q', { name: 'Passives', ...patch['q'] }),
    metric('d', { name: 'Detractors', ...patch['d'] }),
    metric('nps', {
      name: 'NPS',
      unit: 'score',
      aggregation: 'average',
      formula: 'nps(Promoters, Passives, Detractors)',
    }),
    metric('s', { name: 'Signups', ...patch['s'] }),
    metric('a', { name: 'Activated', ...patch['a'] }),
    metric('share', {
      name: 'Activated share',
      unit: 'percent',
      formula: 'Activated / Signups * 100',
    }),
  ];
  const logged = new Map<string, Point[]>([
    ['p', pts(NOVEMBER.promoters)],
    ['q', pts(NOVEMBER.passives)],
    ['d', pts(NOVEMBER.detractors)],
    ['s', pts(NOVEMBER.signups)],
    ['a', pts(NOVEMBER.activated)],
    ['share', pts({ '2026-W45': 999 })], // typed by hand before the formula: never read
  ]);
  return metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
}

describe('metricSeries: a formula at a coarser grain is computed from its inputs', () => {
  it('computes November’s NPS from November’s sums, not from the weekly scores', () => {
    const s = workspace();
    // Weekly: W44 (5−0)/10 = 50, W45 (30−10)/50 = 40, W46 (20−10)/50 = 20, W47 (10−5)/20 = 25,
    // W48 (40−0)/50 = 80, W49 (50−50)/100 = 0.
    expect(s.at('nps', 'week').points.filter((p) => p.period.startsWith('2026-W4'))).toEqual(
      pts({
        '2026-W44': 50,
        '2026-W45': 40,
        '2026-W46': 20,
        '2026-W47': 25,
        '2026-W48': 80,
        '2026-W49': 0,
      }),
    );
    // November: promoters 30+20+10+40 = 100, passives 10+20+5+10 = 45, detractors 10+10+5+0 =
    // 25, 170 answers: (100 − 25) / 170 × 100 = 44.1176…; the weekly average would be 41.25 and
    // the weekly sum 165. October holds only W44: (5 − 0) / 10 × 100 = 50. December holds W49:
    // (50 − 50) / 100 = 0.
    const months = s.at('nps', 'month').points;
    expect(months.map((p) => p.period)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(months[0]?.value).toBe(50);
    expect(months[1]?.value).toBeCloseTo(7500 / 170, 10);
    expect(months[2]?.value).toBe(0);
    // The quarter: every week W44–W49 is Q4's: P 155, Pa 50, D 75, 280 answers: 80/280 × 100.
    expect(s.at('nps', 'quarter').points).toEqual([{ period: '2026-Q4', value: 8000 / 280 }]);
  });

  it('computes a share of the month’s sums and keeps the ÷0 week as a gap with its reason', () => {
    const s = workspace();
    const weeks = s.at('share', 'week');
    // W45 10/40 = 25 %, W46 30/60 = 50 %, W47 signups 0: a gap, W48 45/100 = 45 %.
    expect(weeks.points).toEqual(pts({ '2026-W45': 25, '2026-W46': 50, '2026-W48': 45 }));
    expect(weeks.gaps).toEqual([
      { period: '2026-W47', fact: '“Signups” was 0', effect: 'cannot divide' },
    ]);
    // November: activated 85 of 200 signups = 42.5 % (the weekly sum would be 120 %, the
    // average of the three weeks 40 %); the month has signups, so no gap.
    expect(s.at('share', 'month')).toEqual({
      points: [{ period: '2026-11', value: 42.5 }],
      gaps: [],
      skipped: 0,
    });
    // The hand-typed 999 is not a value of the formula at any grain.
    expect(s.at('share', null).points.map((p) => p.value)).toEqual([25, 50, 45]);
  });

  it('rolls each input with its own aggregation (a rate averaged, a count summed)', () => {
    // Signups on "last": November's is W48's 100; activated summed: 85 → 85 %.
    const s = workspace({ s: { aggregation: 'last' } });
    expect(s.at('share', 'month').points).toEqual([{ period: '2026-11', value: 85 }]);
    // Signups averaged over W45–W48: (40+60+0+100)/4 = 50; 85 / 50 = 170 %.
    const avg = workspace({ s: { aggregation: 'average' } });
    expect(avg.at('share', 'month').points).toEqual([{ period: '2026-11', value: 170 }]);
  });

  it('gives one period’s value the same way (valueIn), with a week counted by its Thursday', () => {
    const s = workspace();
    expect(s.valueIn('share', '2026-11')).toEqual({ value: 42.5, gap: null });
    expect(s.valueIn('nps', '2026-11').value).toBeCloseTo(7500 / 170, 10);
    expect(s.valueIn('share', '2026-W47')).toEqual({
      value: null,
      gap: { period: '2026-W47', fact: '“Signups” was 0', effect: 'cannot divide' },
    });
    // A hand metric: promoters in November 100 (W44 is October's, W49 December's).
    expect(s.valueIn('p', '2026-11')).toEqual({ value: 100, gap: null });
    expect(s.valueIn('p', '2026-12')).toEqual({ value: 50, gap: null });
    expect(s.valueIn('p', '2026-Q4')).toEqual({ value: 155, gap: null });
    expect(s.valueIn('p', '2025-Q4')).toEqual({ value: null, gap: null });
  });

  it('puts ISO week 53 in December and its year, and week 1 of the next year in January', () => {
    // 2026-W53 is 28 Dec 2026 – 3 Jan 2027 (Thursday 31 Dec); 2027-W01 is 4–10 Jan 2027.
    const metrics = [
      metric('a', { name: 'A' }),
      metric('b', { name: 'B' }),
      metric('r', { name: 'Ratio', formula: 'A / B' }),
    ];
    const logged = new Map([
      ['a', pts({ '2026-W52': 1, '2026-W53': 3, '2027-W01': 5 })],
      ['b', pts({ '2026-W52': 2, '2026-W53': 2, '2027-W01': 0 })],
    ]);
    const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
    // December: (1 + 3) / (2 + 2) = 1; January: 5 / 0: a gap, said for the month.
    expect(s.at('r', 'month')).toEqual({
      points: [{ period: '2026-12', value: 1 }],
      gaps: [{ period: '2027-01', fact: '“B” was 0', effect: 'cannot divide' }],
      skipped: 0,
    });
    expect(s.at('r', 'quarter').points).toEqual([{ period: '2026-Q4', value: 1 }]);
    expect(s.valueIn('r', '2027-Q1').gap?.fact).toBe('“B” was 0');
  });

  it('computes a formula of formulas from the inputs at the grain', () => {
    // Share in points of 1: [Activated share] / 100 → November 0.425, not a sum of weekly ones.
    const metrics = [
      metric('s', { name: 'Signups' }),
      metric('a', { name: 'Activated' }),
      metric('share', { name: 'Share', formula: 'Activated / Signups * 100' }),
      metric('frac', { name: 'Fraction', formula: 'Share / 100' }),
    ];
    const logged = new Map([
      ['s', pts(NOVEMBER.signups)],
      ['a', pts(NOVEMBER.activated)],
    ]);
    const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
    expect(s.at('frac', 'month').points).toEqual([{ period: '2026-11', value: 0.425 }]);
    // Its weekly W47 gap has its input's reason: Share could not divide that week.
    expect(s.at('frac', 'week').gaps).toEqual([
      { period: '2026-W47', fact: '“Signups” was 0', effect: 'cannot divide' },
    ]);
  });

  it('leaves out values logged for longer periods than asked, and counts them', () => {
    const metrics = [metric('m', { name: 'M', aggregation: 'sum' })];
    const logged = new Map([['m', pts({ '2026-11': 7, '2026-W45': 1, '2026-W46': 2 })]]);
    const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
    expect(s.at('m', 'week')).toEqual({
      points: pts({ '2026-W45': 1, '2026-W46': 2 }),
      gaps: [],
      skipped: 1,
    });
    expect(s.at('m', 'month').points).toEqual([{ period: '2026-11', value: 10 }]);
  });

  it('counts the input values a formula cannot place at a finer grain', () => {
    // A weekly formula over a monthly input: November's 7 cannot be split into weeks.
    const metrics = [
      metric('m', { name: 'M', cadence: 'monthly' }),
      metric('w', { name: 'W' }),
      metric('f', { name: 'F', formula: 'M + W' }),
    ];
    const logged = new Map([
      ['m', pts({ '2026-11': 7 })],
      ['w', pts({ '2026-W45': 1, '2026-W46': 2 })],
    ]);
    const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
    expect(s.at('f', 'week').skipped).toBe(1);
    expect(s.at('f', 'week').gaps.map((g) => g.fact)).toEqual([
      '“M” has no value',
      '“M” has no value',
    ]);
    // By month: 7 + (1 + 2) = 10.
    expect(s.at('f', 'month')).toEqual({
      points: [{ period: '2026-11', value: 10 }],
      gaps: [],
      skipped: 0,
    });
  });

  it('ignores the formula of a metric computed from plans, and has no series for unknown ids', () => {
    const metrics = [
      metric('x', { name: 'X' }),
      metric('pm', {
        name: 'Plans',
        formula: 'X * 2',
        planMetric: { kind: 'median-days-to-nsm' },
        aggregation: 'max',
      }),
    ];
    const logged = new Map([['pm', pts({ '2026-W45': 3, '2026-W46': 9 })]]);
    const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
    expect(s.at('pm', 'month').points).toEqual([{ period: '2026-11', value: 9 }]);
    expect(s.at('nobody', 'month')).toEqual({ points: [], gaps: [], skipped: 0 });
  });
});

describe('metricSeries: property', () => {
  const weeks = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 20 });

  it('a formula at a coarse grain equals the formula over the inputs aggregated to it', () => {
    fc.assert(
      fc.property(
        weeks,
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 20, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 20, maxLength: 20 }),
        fc.constantFrom(...AGGREGATIONS),
        fc.constantFrom(...AGGREGATIONS),
        fc.constantFrom<'month' | 'quarter'>('month', 'quarter'),
        (offsets, as, bs, howA, howB, grain) => {
          // Weeks from 2026-W40 on, across the end of 2026 (W53) into 2027.
          const keys = offsets.map((o) => weekKey(o)).sort();
          const a = keys.map((period, i) => ({ period, value: as[i] ?? 0 }));
          const b = keys.map((period, i) => ({ period, value: bs[i] ?? 0 }));
          const metrics = [
            metric('a', { name: 'A', aggregation: howA }),
            metric('b', { name: 'B', aggregation: howB }),
            metric('r', { name: 'R', formula: 'A / B + nps(A, B, 1)' }),
          ];
          const logged = new Map([
            ['a', a],
            ['b', b],
          ]);
          const s = metricSeries({ metrics, logged: (id) => logged.get(id) ?? [] });
          const rolled = s.at('r', grain);
          const periods = [...new Set(keys.map((k) => toGrain(k, grain)))].sort();
          const expected = new Map<string, number | 'gap'>();
          for (const period of periods) {
            const inside = (p: Point) => toGrain(p.period, grain) === period;
            const av =
              aggregate(
                a.filter(inside).map((p) => p.value),
                howA,
              ) ?? 0;
            const bv =
              aggregate(
                b.filter(inside).map((p) => p.value),
                howB,
              ) ?? 0;
            // A / B + (A − 1) / (A + B + 1) × 100; B = 0 cannot divide.
            expected.set(period, bv === 0 ? 'gap' : av / bv + ((av - 1) * 100) / (av + bv + 1));
          }
          const got = new Map<string, number | 'gap'>(
            rolled.points.map((p) => [p.period, p.value]),
          );
          for (const g of rolled.gaps) got.set(g.period, 'gap');
          expect(got).toEqual(expected);
          for (const period of periods) {
            const one = s.valueIn('r', period);
            expect(one.value ?? 'gap').toEqual(expected.get(period));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The ISO week `offset` weeks after 2026-W39 (2026 has 53 weeks). */
function weekKey(offset: number): string {
  const n = 39 + offset;
  return n <= 53
    ? `2026-W${String(n).padStart(2, '0')}`
    : `2027-W${String(n - 53).padStart(2, '0')}`;
}
