import { describe, expect, it } from 'vitest';
import { aggregate, regroup, type Point } from '../../../src/domain/aggregate';
import { nextPeriod, periodsBetween } from '../../../src/domain/periods';

describe('aggregate', () => {
  const values = [4, 1, 7, 2];
  it('computes each kind', () => {
    expect(aggregate(values, 'sum')).toBe(14);
    expect(aggregate(values, 'average')).toBe(3.5);
    expect(aggregate(values, 'last')).toBe(2);
    expect(aggregate(values, 'min')).toBe(1);
    expect(aggregate(values, 'max')).toBe(7);
  });
  it('is null for no values, whatever the kind', () => {
    for (const how of ['sum', 'average', 'last', 'min', 'max'] as const) {
      expect(aggregate([], how)).toBeNull();
    }
  });
  it('returns the value itself for a single one', () => {
    for (const how of ['sum', 'average', 'last', 'min', 'max'] as const) {
      expect(aggregate([-3.5], how)).toBe(-3.5);
    }
  });
  it('handles negatives and zero', () => {
    expect(aggregate([-2, 0, -5], 'max')).toBe(0);
    expect(aggregate([-2, 0, -5], 'min')).toBe(-5);
    expect(aggregate([-2, 0, -5], 'sum')).toBe(-7);
  });
});

describe('regroup', () => {
  // Each week belongs to the month of its Thursday:
  // 2024-W52 (Thu 26 Dec) → Dec; W01 (Thu 2 Jan) → Jan; W05 (Thu 30 Jan) → Jan;
  // W06 (Thu 6 Feb) → Feb; W09 (Thu 27 Feb) → Feb; W10 (Thu 6 Mar) → Mar; W14 (Thu 3 Apr) → Apr.
  const weekly: Point[] = [
    { period: '2024-W52', value: 1 },
    { period: '2025-W01', value: 2 },
    { period: '2025-W05', value: 3 },
    { period: '2025-W06', value: 4 },
    { period: '2025-W09', value: 5 },
    { period: '2025-W10', value: 6 },
    { period: '2025-W14', value: 7 },
  ];
  const months = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
  const valuesOf = (ps: Point[]): number[] => ps.map((p) => p.value);

  it('regroups weeks into months by their Thursday', () => {
    const sum = regroup(weekly, 'month', 'sum');
    expect(sum.map((p) => p.period)).toEqual(months);
    expect(valuesOf(sum)).toEqual([1, 5, 9, 6, 7]);
    expect(valuesOf(regroup(weekly, 'month', 'average'))).toEqual([1, 2.5, 4.5, 6, 7]);
    expect(valuesOf(regroup(weekly, 'month', 'last'))).toEqual([1, 3, 5, 6, 7]);
    expect(valuesOf(regroup(weekly, 'month', 'min'))).toEqual([1, 2, 4, 6, 7]);
    expect(valuesOf(regroup(weekly, 'month', 'max'))).toEqual([1, 3, 5, 6, 7]);
  });

  it('regroups weeks into quarters, directly or through months', () => {
    const expected = [
      { period: '2024-Q4', value: 1 },
      { period: '2025-Q1', value: 20 },
      { period: '2025-Q2', value: 7 },
    ];
    expect(regroup(weekly, 'quarter', 'sum')).toEqual(expected);
    expect(regroup(regroup(weekly, 'month', 'sum'), 'quarter', 'sum')).toEqual(expected);
    expect(regroup(weekly, 'quarter', 'last')).toEqual([
      { period: '2024-Q4', value: 1 },
      { period: '2025-Q1', value: 6 },
      { period: '2025-Q2', value: 7 },
    ]);
  });

  it('keeps an equal grain, merging repeated periods', () => {
    expect(
      regroup(
        [
          { period: '2025-03', value: 2 },
          { period: '2025-03', value: 3 },
          { period: '2025-04', value: 1 },
        ],
        'month',
        'sum',
      ),
    ).toEqual([
      { period: '2025-03', value: 5 },
      { period: '2025-04', value: 1 },
    ]);
  });

  it('sorts its output even from unsorted input', () => {
    const out = regroup(
      [
        { period: '2025-05-02', value: 1 },
        { period: '2025-01-10', value: 2 },
        { period: '2025-05-20', value: 3 },
      ],
      'month',
      'last',
    );
    expect(out).toEqual([
      { period: '2025-01', value: 2 },
      { period: '2025-05', value: 3 },
    ]);
  });

  it('is empty for no points, and refuses a finer grain', () => {
    expect(regroup([], 'quarter', 'sum')).toEqual([]);
    expect(() => regroup([{ period: '2025-03', value: 1 }], 'week', 'sum')).toThrow(RangeError);
    const bad = ['2025-03-01', '2025-03-1x'].map((period) => ({ period, value: 1 }));
    expect(() => regroup(bad, 'month', 'sum')).toThrow(RangeError);
  });

  it('regroups 100,000 points well under 100 ms', () => {
    // 100,000 distinct days (1800-01-01 … 2073-10-15), and 500 weeks × 200 points.
    const days = periodsBetween('1800-01-01', nextPeriod('1800-01-01', 99_999));
    const daily: Point[] = days.map((period, i) => ({ period, value: i % 17 }));
    const weekly: Point[] = [];
    for (const period of periodsBetween('2000-W01', nextPeriod('2000-W01', 499))) {
      for (let m = 0; m < 200; m++) weekly.push({ period, value: m });
    }
    expect(weekly).toHaveLength(100_000);
    // Speed is measured by `npm run bench`, not asserted here; this checks the results at scale.
    expect(regroup(weekly, 'quarter', 'sum')).toHaveLength(39);
    const months = regroup(daily, 'month', 'sum');
    expect(months).toHaveLength(3286);
    expect(months[0]).toEqual({
      period: '1800-01',
      value: aggregate(
        daily.slice(0, 31).map((p) => p.value),
        'sum',
      ),
    });
    expect(months.at(-1)?.period).toBe('2073-10');
  });
});
