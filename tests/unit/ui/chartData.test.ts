import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/domain/aggregate';
import type { Anchor } from '../../../src/domain/pace';
import {
  MAX_CATEGORIES,
  baseGrainOf,
  chartSeries,
  grainChoices,
  type ChartInput,
} from '../../../src/ui/metric/chartData';

const pts = (...pairs: [string, number][]): Point[] =>
  pairs.map(([period, value]) => ({ period, value }));

/** A weekly metric summed per period, today in the middle of Q1 2025, nothing else set. */
function input(patch: Partial<ChartInput> = {}): ChartInput {
  return {
    points: [],
    anchors: [],
    forecast: null,
    today: '2025-02-12',
    baseGrain: 'week',
    grain: 'week',
    aggregation: 'sum',
    ...patch,
  };
}

const baseline = (date: string, value: number): Anchor => ({ date, value, kind: 'baseline' });
const benchmark = (date: string, value: number): Anchor => ({ date, value, kind: 'benchmark' });
const target = (date: string, value: number): Anchor => ({ date, value, kind: 'target' });

describe('grainChoices', () => {
  it('offers the own grain and every coarser one, finest first', () => {
    expect(grainChoices('day')).toEqual(['day', 'week', 'month', 'quarter']);
    expect(grainChoices('week')).toEqual(['week', 'month', 'quarter']);
    expect(grainChoices('month')).toEqual(['month', 'quarter']);
    expect(grainChoices('quarter')).toEqual(['quarter']);
  });
});

describe('baseGrainOf', () => {
  it("uses the cadence's grain when there is one, whatever the values are", () => {
    expect(baseGrainOf('day', pts(['2025-03', 1], ['2025-Q1', 2]))).toBe('day');
  });

  it('without a cadence, takes the coarsest grain among the values', () => {
    expect(baseGrainOf(null, pts(['2025-01-03', 1], ['2025-W02', 2]))).toBe('week');
    expect(baseGrainOf(null, pts(['2025-01-03', 1], ['2025-02', 2], ['2025-W02', 3]))).toBe(
      'month',
    );
    expect(baseGrainOf(null, pts(['2025-Q2', 1], ['2025-01-03', 2]))).toBe('quarter');
  });

  it('ignores invalid keys and falls back to a week when nothing can be read', () => {
    expect(baseGrainOf(null, pts(['junk', 1], ['2025-13', 2], ['2025-01-05', 3]))).toBe('day');
    expect(baseGrainOf(null, pts(['junk', 1]))).toBe('week');
    expect(baseGrainOf(null, [])).toBe('week');
  });
});

describe('chartSeries', () => {
  it('is empty (nothing to place) with no values and no anchors', () => {
    expect(chartSeries(input())).toEqual({
      keys: [],
      labels: [],
      actual: [],
      pace: [],
      baseline: [],
      benchmarks: [],
      targets: [],
      forecast: [],
      overlays: true,
      skipped: 0,
      gaps: [],
      clipped: false,
    });
  });

  it('breaks the line at a formula’s gap and says why, and keeps overlays for a formula', () => {
    // W01 25, W02 could not be computed (÷0), W03 45: three categories, the middle one null.
    const s = chartSeries(
      input({
        grain: 'month',
        computed: true,
        rolled: {
          points: pts(['2025-01', 30], ['2025-03', 40]),
          gaps: [{ period: '2025-02', fact: '“Signups” was 0', effect: 'cannot divide' }],
          skipped: 0,
        },
      }),
    );
    expect(s.keys).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(s.actual).toEqual([
      { x: 0, y: 30 },
      { x: 1, y: null },
      { x: 2, y: 40 },
    ]);
    expect(s.gaps).toEqual([
      { x: 1, period: '2025-02', reason: '“Signups” was 0 in Feb 2025: cannot divide' },
    ]);
    expect(s.overlays).toBe(true);
  });

  it('runs the categories without gaps and leaves a period with no value without a point', () => {
    const s = chartSeries(input({ points: pts(['2025-W01', 1], ['2025-W03', 3]) }));
    expect(s.keys).toEqual(['2025-W01', '2025-W02', '2025-W03']);
    expect(s.labels).toEqual(['Week 1, 2025', 'Week 2, 2025', 'Week 3, 2025']);
    expect(s.actual).toEqual([
      { x: 0, y: 1 },
      { x: 2, y: 3 },
    ]);
    expect(s.pace).toEqual([]);
    expect(s.forecast).toEqual([]);
    expect(s.overlays).toBe(true);
    expect(s.skipped).toBe(0);
    expect(s.clipped).toBe(false);
  });

  it('places baseline, benchmarks and targets in the period of their date, joined by the pace line', () => {
    const s = chartSeries(
      input({
        points: pts(['2025-W02', 12], ['2025-W03', 14]),
        anchors: [
          baseline('2025-01-01', 10), // Wednesday of 2025-W01
          benchmark('2025-01-31', 20), // 2025-W05
          target('2025-03-31', 40), // Monday of 2025-W14
        ],
      }),
    );
    expect(s.keys[0]).toBe('2025-W01');
    expect(s.keys.at(-1)).toBe('2025-W14');
    expect(s.keys).toHaveLength(14);
    expect(s.actual).toEqual([
      { x: 1, y: 12 },
      { x: 2, y: 14 },
    ]);
    expect(s.baseline).toEqual([{ x: 0, y: 10 }]);
    expect(s.benchmarks).toEqual([{ x: 4, y: 20 }]);
    expect(s.targets).toEqual([{ x: 13, y: 40 }]);
    expect(s.pace).toEqual([
      { x: 0, y: 10 },
      { x: 4, y: 20 },
      { x: 13, y: 40 },
    ]);
  });

  it('keeps one anchor per period: the one with the later date', () => {
    const s = chartSeries(
      input({
        baseGrain: 'month',
        grain: 'month',
        points: pts(['2025-01', 5]),
        anchors: [baseline('2025-01-10', 1), benchmark('2025-01-31', 2), target('2025-03-31', 3)],
      }),
    );
    expect(s.keys).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(s.baseline).toEqual([]);
    expect(s.benchmarks).toEqual([{ x: 0, y: 2 }]);
    expect(s.targets).toEqual([{ x: 2, y: 3 }]);
    expect(s.pace).toEqual([
      { x: 0, y: 2 },
      { x: 2, y: 3 },
    ]);
  });

  it('draws no pace line through a single anchor', () => {
    const s = chartSeries(
      input({ points: pts(['2025-W02', 1]), anchors: [target('2025-03-31', 9)] }),
    );
    expect(s.targets).toEqual([{ x: 12, y: 9 }]);
    expect(s.pace).toEqual([]);
  });

  it('spans anchors alone when there are no values yet', () => {
    const s = chartSeries(
      input({
        baseGrain: 'month',
        grain: 'month',
        anchors: [baseline('2025-01-15', 0), target('2025-06-30', 50)],
        forecast: 70,
      }),
    );
    expect(s.keys).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(s.actual).toEqual([]);
    expect(s.pace).toEqual([
      { x: 0, y: 0 },
      { x: 5, y: 50 },
    ]);
    expect(s.forecast).toEqual([]); // nothing to forecast from
  });

  it('draws the forecast from the last value to the end of the quarter running today', () => {
    const s = chartSeries(
      input({ points: pts(['2025-W05', 3], ['2025-W06', 4]), forecast: 10, today: '2025-02-12' }),
    );
    // 2025-03-31, the end of Q1, is the Monday of 2025-W14.
    expect(s.keys[0]).toBe('2025-W05');
    expect(s.keys.at(-1)).toBe('2025-W14');
    expect(s.forecast).toEqual([
      { x: 1, y: 4 },
      { x: 9, y: 10 },
    ]);
  });

  it('draws no forecast when the last value is already in the quarter-end period', () => {
    const s = chartSeries(
      input({
        baseGrain: 'quarter',
        grain: 'quarter',
        points: pts(['2024-Q4', 1], ['2025-Q1', 2]),
        forecast: 5,
      }),
    );
    expect(s.keys).toEqual(['2024-Q4', '2025-Q1']);
    expect(s.forecast).toEqual([]);
  });

  it('regroups values into a coarser grain with the aggregation of the metric', () => {
    const points = pts(['2025-01-30', 1], ['2025-01-31', 2], ['2025-02-01', 4], ['2025-02-03', 8]);
    const at = (aggregation: ChartInput['aggregation']) =>
      chartSeries(input({ points, baseGrain: 'day', grain: 'month', aggregation })).actual;
    expect(at('sum')).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: 12 },
    ]);
    expect(at('average')).toEqual([
      { x: 0, y: 1.5 },
      { x: 1, y: 6 },
    ]);
    expect(at('max')).toEqual([
      { x: 0, y: 2 },
      { x: 1, y: 8 },
    ]);
    expect(at('min')).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 4 },
    ]);
    expect(at('last')).toEqual([
      { x: 0, y: 2 },
      { x: 1, y: 8 },
    ]);
  });

  it('puts a week into the month of its Thursday', () => {
    // 2025-W05 runs Mon 27 Jan – Sun 2 Feb (Thursday 30 Jan); 2025-W06 starts 3 Feb.
    const s = chartSeries(input({ points: pts(['2025-W05', 1], ['2025-W06', 2]), grain: 'month' }));
    expect(s.keys).toEqual(['2025-01', '2025-02']);
    expect(s.labels).toEqual(['Jan 2025', 'Feb 2025']);
    expect(s.actual).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 2 },
    ]);
  });

  it('leaves the overlays out when a coarser grain sums the periods of the own grain', () => {
    const s = chartSeries(
      input({
        points: pts(['2025-W02', 1], ['2025-W03', 2]),
        grain: 'month',
        anchors: [baseline('2025-01-01', 0), target('2025-03-31', 30)],
        forecast: 40,
      }),
    );
    expect(s.overlays).toBe(false);
    expect(s.keys).toEqual(['2025-01']); // the anchors no longer stretch the range
    expect(s.actual).toEqual([{ x: 0, y: 3 }]);
    expect(s.baseline).toEqual([]);
    expect(s.targets).toEqual([]);
    expect(s.pace).toEqual([]);
    expect(s.forecast).toEqual([]);
  });

  it('keeps the overlays at a coarser grain when the aggregation does not sum', () => {
    const s = chartSeries(
      input({
        points: pts(['2025-W02', 1], ['2025-W03', 3]),
        grain: 'month',
        aggregation: 'average',
        anchors: [baseline('2025-01-01', 0), target('2025-03-31', 30)],
      }),
    );
    expect(s.overlays).toBe(true);
    expect(s.keys).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(s.actual).toEqual([{ x: 0, y: 2 }]);
    expect(s.pace).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 30 },
    ]);
  });

  it('skips (and counts) values coarser than the grain shown, and invalid keys', () => {
    const s = chartSeries(
      input({ points: pts(['2025-W02', 1], ['2025-02', 50], ['2025-Q1', 60], ['junk', 70]) }),
    );
    expect(s.skipped).toBe(3);
    expect(s.keys).toEqual(['2025-W02']);
    expect(s.actual).toEqual([{ x: 0, y: 1 }]);
  });

  it('caps the range two years past today, dropping anchors beyond it', () => {
    const s = chartSeries(
      input({
        baseGrain: 'month',
        grain: 'month',
        today: '2025-01-15',
        points: pts(['2025-01', 1]),
        anchors: [baseline('2025-01-01', 0), target('2040-03-31', 99)],
      }),
    );
    // 2025-01-31 (the end of the last value's month) + 731 days = 2027-02-01.
    expect(s.keys[0]).toBe('2025-01');
    expect(s.keys.at(-1)).toBe('2027-02');
    expect(s.keys).toHaveLength(26);
    expect(s.targets).toEqual([]);
    expect(s.pace).toEqual([]); // one anchor left in range
    expect(s.clipped).toBe(false);
  });

  it('keeps only the most recent MAX_CATEGORIES periods of a very long range', () => {
    const s = chartSeries(
      input({
        baseGrain: 'day',
        grain: 'day',
        today: '2020-01-01',
        points: pts(['2000-01-01', 1], ['2020-01-01', 2]),
      }),
    );
    expect(MAX_CATEGORIES).toBe(4000);
    expect(s.clipped).toBe(true);
    expect(s.keys).toHaveLength(MAX_CATEGORIES);
    expect(s.keys.at(-1)).toBe('2020-01-01');
    expect(s.actual).toEqual([{ x: MAX_CATEGORIES - 1, y: 2 }]);
  });

  it('shows nothing, rather than throwing, for a key at the end of the supported years', () => {
    const s = chartSeries(
      input({ baseGrain: 'quarter', grain: 'quarter', points: pts(['9999-Q4', 1]) }),
    );
    expect(s.keys).toEqual([]);
    expect(s.actual).toEqual([]);
    expect(s.skipped).toBe(1);
  });
});
