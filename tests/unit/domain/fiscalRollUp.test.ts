import { describe, expect, it } from 'vitest';
import { rollUp, type Point } from '../../../src/domain/aggregate';
import { metricSeries } from '../../../src/domain/metricSeries';
import { periodReport } from '../../../src/domain/periodReport';
import { reviewRows } from '../../../src/domain/review';
import { buildTree } from '../../../src/domain/tree';
import { metric } from '../factories';

const p = (period: string, value: number): Point => ({ period, value });

describe('values roll up into the fiscal quarters of the setting', () => {
  // Monthly values Nov 2025 – May 2026: 1, 2, 3, 4, 5, 6, 7.
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map(
    (m, i) => p(m, i + 1),
  );

  it('a January start sums the calendar quarters, as before', () => {
    // Q4 2025 = Nov + Dec = 3; Q1 2026 = 3 + 4 + 5 = 12; Q2 2026 = Apr + May = 13.
    expect(rollUp(months, 'quarter', 'sum').points).toEqual([
      p('2025-Q4', 3),
      p('2026-Q1', 12),
      p('2026-Q2', 13),
    ]);
    expect(rollUp(months, 'quarter', 'sum', 1)).toEqual(rollUp(months, 'quarter', 'sum'));
  });

  it('a February start sums Nov–Jan, Feb–Apr and May–Jul', () => {
    // Nov–Jan = 1 + 2 + 3 = 6; Feb–Apr = 4 + 5 + 6 = 15; May–Jul = 7.
    expect(rollUp(months, 'quarter', 'sum', 2).points).toEqual([
      p('2025-Q4+1', 6),
      p('2026-Q1+1', 15),
      p('2026-Q2+1', 7),
    ]);
    // An April start shares the calendar quarters.
    expect(rollUp(months, 'quarter', 'sum', 4)).toEqual(rollUp(months, 'quarter', 'sum'));
  });

  it('a week counts in the fiscal quarter of its Thursday', () => {
    // 2026-W05: Mon 26 Jan – Sun 1 Feb, Thursday 29 Jan: Nov–Jan. 2026-W06 (Thu 5 Feb): Feb–Apr.
    expect(rollUp([p('2026-W05', 10), p('2026-W06', 20)], 'quarter', 'sum', 2).points).toEqual([
      p('2025-Q4+1', 10),
      p('2026-Q1+1', 20),
    ]);
  });

  it('a quarter of another fiscal year is left out and counted, not split', () => {
    // Stored under the calendar quarters, read with a February start.
    const quarters = [p('2026-Q1', 5), p('2026-Q1+1', 7)];
    expect(rollUp(quarters, 'quarter', 'last', 2)).toEqual({
      points: [p('2026-Q1+1', 7)],
      skipped: 1,
    });
  });

  it('a formula is computed on its inputs rolled into the fiscal quarter', () => {
    const a = metric('a', { name: 'A', cadence: 'monthly', aggregation: 'sum' });
    const b = metric('b', { name: 'B', cadence: 'monthly', aggregation: 'sum' });
    const r = metric('r', { name: 'R', cadence: 'quarterly', formula: 'A / B' });
    const logged: Record<string, Point[]> = {
      a: [p('2026-02', 1), p('2026-03', 2), p('2026-04', 3)],
      b: [p('2026-02', 4), p('2026-03', 4), p('2026-04', 4)],
    };
    const series = metricSeries({
      metrics: [a, b, r],
      logged: (id) => logged[id] ?? [],
      fiscalStart: 2,
    });
    // Feb–Apr: A = 6, B = 12, R = 0.5.
    expect(series.at('r', 'quarter').points).toEqual([p('2026-Q1+1', 0.5)]);
  });
});

describe('the review of a shifted quarter', () => {
  it('takes the values of its own months, and the quarter before as the start', () => {
    const m = metric('m', {
      name: 'Orders',
      kind: 'north-star',
      cadence: 'monthly',
      aggregation: 'sum',
      targets: { quarterly: { '2026-Q1+1': 20 }, monthly: {} },
    });
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
    const points = months.map((k, i) => p(k, i + 1)); // 1 … 6
    const [row] = reviewRows(buildTree([m]), () => points, '2026-Q1+1');
    // Feb–Apr = 4 + 5 + 6 = 15 against 20, from Nov–Jan = 1 + 2 + 3 = 6: (15 − 6) / (20 − 6) = 64 %.
    expect(row).toMatchObject({ start: 6, target: 20, actual: 15 });
    expect(row?.attainment).toBeCloseTo(64.29, 1);
    expect(row?.points).toEqual([p('2026-02', 4), p('2026-03', 5), p('2026-04', 6)]);
  });
});

describe('the monthly report of a fiscal workspace', () => {
  it('shows a quarterly metric for the fiscal quarter that ends in the month', () => {
    const q = metric('q', {
      name: 'Retention',
      kind: 'north-star',
      cadence: 'quarterly',
      aggregation: 'last',
      createdAt: Date.UTC(2025, 0, 1),
      baselineDate: '2025-01-01',
    });
    const points = [p('2025-Q4+1', 40), p('2026-Q1+1', 50)];
    const input = {
      tree: buildTree([q]),
      pointsOf: () => points,
      experiments: [],
      insights: [],
      period: '2026-04',
      today: '2026-05-10',
    };
    // February start: Feb–Apr ends on 30 April, inside the report's month: 50, up 10 on Nov–Jan.
    const fiscal = periodReport({ ...input, fiscalStart: 2 });
    expect(fiscal.moved.map((l) => [l.period, l.value, l.previous])).toEqual([
      ['2026-Q1+1', 50, 40],
    ]);
    // Calendar quarters: none ends in April (Q1 on 31 March, Q2 on 30 June): no line.
    expect(periodReport(input).moved).toEqual([]);
  });
});
