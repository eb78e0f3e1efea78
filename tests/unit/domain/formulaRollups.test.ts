/**
 * The quarterly review and the weekly/monthly report compute a formula from its inputs at their
 * period (through metricSeries), never by adding up or averaging its weekly results.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/domain/aggregate';
import { periodReport } from '../../../src/domain/periodReport';
import { reviewRows } from '../../../src/domain/review';
import { buildTree } from '../../../src/domain/tree';
import { metric } from '../factories';

const pts = (values: Record<string, number>): Point[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));

// November 2026 (W45–W48); W47 has no signups. Weekly shares: 25 %, 50 %, (gap), 45 %.
const metrics = [
  metric('share', {
    kind: 'north-star',
    name: 'Activated share',
    unit: 'percent',
    aggregation: 'sum', // what the issue saw: a month of weekly shares summed to 120 %
    formula: 'Activated / Signups * 100',
  }),
  metric('s', { name: 'Signups', parentId: 'share' }),
  metric('a', { name: 'Activated', parentId: 'share' }),
];
const LOGGED: Record<string, Point[]> = {
  s: pts({ '2026-W45': 40, '2026-W46': 60, '2026-W47': 0, '2026-W48': 100, '2026-W49': 50 }),
  a: pts({ '2026-W45': 10, '2026-W46': 30, '2026-W47': 0, '2026-W48': 45, '2026-W49': 10 }),
  // What the summaries hold for the formula at its own (weekly) cadence.
  share: pts({ '2026-W45': 25, '2026-W46': 50, '2026-W48': 45, '2026-W49': 20 }),
};
const tree = buildTree(metrics);
const pointsOf = (id: string) => LOGGED[id] ?? [];

describe('a formula in the quarterly review', () => {
  it('takes the quarter’s actual from the quarter’s inputs', () => {
    const share = reviewRows(tree, pointsOf, '2026-Q4').find((r) => r.metricId === 'share');
    // Q4 holds W45–W49: activated 10+30+0+45+10 = 95 of 40+60+0+100+50 = 250 signups = 38 %
    // (summing the weekly shares would give 140 %).
    expect(share?.actual).toBe(38);
    expect(share?.points).toEqual(LOGGED['share']);
    // The quarter before has no inputs: no start.
    expect(share?.start).toBeNull();
  });
});

describe('a formula in the weekly and monthly report', () => {
  const report = (period: string) =>
    periodReport({ tree, pointsOf, experiments: [], insights: [], period, today: '2026-12-10' });

  it('computes November from November’s inputs and December from December’s', () => {
    // November (W45–W48): 85 / 200 = 42.5 %; December (W49, Thursday 3 Dec): 10 / 50 = 20 %.
    const dec = report('2026-12').moved.find((l) => l.metric.id === 'share');
    expect(dec).toMatchObject({ period: '2026-12', value: 20, previous: 42.5, change: -22.5 });
  });

  it('does not compare a week with the one before a ÷0 week', () => {
    // W48: 45 %; W47 could not be computed, so there is nothing to compare with.
    const w48 = report('2026-W48').moved.find((l) => l.metric.id === 'share');
    expect(w48).toMatchObject({ value: 45, previous: null, change: null });
  });
});
