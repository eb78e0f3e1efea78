import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/domain/aggregate';
import { chartSeries, type ChartInput } from '../../../src/ui/metric/chartData';
import { windowRange } from '../../../src/ui/metric/chartWindows';

const pts = (...pairs: [string, number][]): Point[] =>
  pairs.map(([period, value]) => ({ period, value }));

/** A monthly metric summed per quarter, today 10 March 2026. */
function input(patch: Partial<ChartInput> = {}): ChartInput {
  return {
    points: pts(['2026-01', 1], ['2026-02', 2], ['2026-03', 3]),
    anchors: [{ date: '2026-04-30', value: 10, kind: 'target' }],
    forecast: null,
    today: '2026-03-10',
    baseGrain: 'month',
    grain: 'quarter',
    aggregation: 'last',
    ...patch,
  };
}

describe('the chart by quarter follows the fiscal year start', () => {
  it('January: calendar quarters, as before', () => {
    const s = chartSeries(input());
    // Jan–Mar holds the three values (last: 3); the target of 30 Apr sits in Apr–Jun.
    expect(s.keys).toEqual(['2026-Q1', '2026-Q2']);
    expect(s.labels).toEqual(['Q1 2026', 'Q2 2026']);
    expect(s.actual).toEqual([{ x: 0, y: 3 }]);
    expect(s.targets).toEqual([{ x: 1, y: 10 }]);
  });

  it('February: Nov–Jan and Feb–Apr, named in FY2026 and FY2027, with the target in Feb–Apr', () => {
    const s = chartSeries(input({ fiscalStart: 2 }));
    // January is the last month of Nov 2025 – Jan 2026 (Q4 FY2026); Feb and Mar are in Feb–Apr
    // (Q1 FY2027, last: 3), and so is the target of 30 April.
    expect(s.keys).toEqual(['2025-Q4+1', '2026-Q1+1']);
    expect(s.labels).toEqual(['Q4 FY2026', 'Q1 FY2027']);
    expect(s.actual).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
    ]);
    expect(s.targets).toEqual([{ x: 1, y: 10 }]);
  });
});

describe('experiment windows on the chart by fiscal quarter', () => {
  it('cover the shifted quarters that hold their days', () => {
    const keys = ['2025-Q4+1', '2026-Q1+1', '2026-Q2+1'];
    // 10 Jan – 20 Feb 2026: Nov–Jan (index 0) and Feb–Apr (index 1).
    expect(windowRange(keys, { start: '2026-01-10', end: '2026-02-20' })).toEqual({
      from: 0,
      to: 1,
    });
    // 1–31 May 2026: May–Jul only.
    expect(windowRange(keys, { start: '2026-05-01', end: '2026-05-31' })).toEqual({
      from: 2,
      to: 2,
    });
  });
});
