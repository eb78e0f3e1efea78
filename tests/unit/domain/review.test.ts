import { describe, expect, it } from 'vitest';
import {
  attainment,
  movedSinceClose,
  reviewRows,
  suggestTarget,
  treeDifference,
  type ReviewRow,
} from '../../../src/domain/review';
import { buildTree } from '../../../src/domain/tree';
import type { Point } from '../../../src/domain/aggregate';
import { metric } from '../factories';

const nsm = metric('nsm', {
  name: 'Weekly active users',
  kind: 'north-star',
  cadence: 'weekly',
  aggregation: 'last',
  targets: { quarterly: { '2026-Q4': 1200 }, monthly: {} },
});
const signups = metric('su', {
  name: 'Sign-ups',
  parentId: 'nsm',
  cadence: 'monthly',
  aggregation: 'sum',
  direction: 'up',
  targets: { quarterly: { '2026-Q4': 300, '2027-Q1': 400 }, monthly: {} },
});
const churn = metric('ch', {
  name: 'Churn',
  parentId: 'nsm',
  kind: 'counter',
  unit: 'percent',
  direction: 'down',
  cadence: 'monthly',
  aggregation: 'average',
  tolerance: 10,
});
const tickets = metric('tk', {
  name: 'Support tickets',
  parentId: 'nsm',
  direction: 'down',
  cadence: 'monthly',
  aggregation: 'sum',
  baselineValue: 90,
  baselineDate: '2026-09-01',
  targets: { quarterly: { '2026-Q4': 60 }, monthly: {} },
});

const POINTS: Record<string, Point[]> = {
  // Q3 ends at 1,000 (last), Q4 ends at 1,150 (last): 150 of the 200 to go = 75 %.
  nsm: [
    { period: '2026-W39', value: 1000 },
    { period: '2026-W40', value: 1050 },
    { period: '2026-W52', value: 1150 },
    // 2026-W53 does not exist; 2027-W01 is Q1 2027 (its Thursday is 7 Jan).
    { period: '2027-W01', value: 1300 },
  ],
  // Q3 sum 80 + 70 + 50 = 200; Q4 sum 100 + 110 + 120 = 330 against 300: (330−200)/(300−200) = 130 %.
  su: [
    { period: '2026-07', value: 80 },
    { period: '2026-08', value: 70 },
    { period: '2026-09', value: 50 },
    { period: '2026-10', value: 100 },
    { period: '2026-11', value: 110 },
    { period: '2026-12', value: 120 },
  ],
  // Q3 average 4 %; Q4 average (4.2 + 4.6 + 4.3) / 3 = 4.3667 %: worse by 9.2 %, within 10 %.
  ch: [
    { period: '2026-09', value: 4 },
    { period: '2026-10', value: 4.2 },
    { period: '2026-11', value: 4.6 },
    { period: '2026-12', value: 4.3 },
  ],
  // No Q3 values: starts at the baseline 90; Q4 sum 20 + 25 + 30 = 75 against 60: 15 of 30 = 50 %, missed.
  tk: [
    { period: '2026-10', value: 20 },
    { period: '2026-11', value: 25 },
    { period: '2026-12', value: 30 },
  ],
};

const tree = buildTree([nsm, signups, churn, tickets]);
const rows = (quarter: string, points = POINTS) =>
  reviewRows(tree, (id) => points[id] ?? [], quarter);
const byId = (list: ReviewRow[]) => Object.fromEntries(list.map((r) => [r.metricId, r]));

describe('the numbers of a quarter', () => {
  it('start, target, actual by aggregation, attainment by direction and status, NSM first', () => {
    const q4 = rows('2026-Q4');
    // The North Star first, its inputs under it (in the tree's order).
    expect(q4[0]?.metricId).toBe('nsm');
    expect(q4.map((r) => r.metricId).sort()).toEqual(['ch', 'nsm', 'su', 'tk']);
    const r = byId(q4);
    expect(r.nsm).toMatchObject({ start: 1000, target: 1200, actual: 1150, status: 'missed' });
    expect(r.nsm?.attainment).toBeCloseTo(75);
    expect(r.su).toMatchObject({ start: 200, target: 300, actual: 330, status: 'met' });
    expect(r.su?.attainment).toBeCloseTo(130);
    expect(r.ch).toMatchObject({ start: 4, target: null, attainment: null, status: 'held' });
    expect(r.ch?.actual).toBeCloseTo(4.3667, 3);
    expect(r.tk).toMatchObject({ start: 90, target: 60, actual: 75, status: 'missed' });
    expect(r.tk?.attainment).toBeCloseTo(50);
    expect(r.nsm?.points.map((p) => p.period)).toEqual(['2026-W40', '2026-W52']);
  });

  it('across the year end: Q1 starts where Q4 ended; a counter worse than its tolerance is breached', () => {
    const points = { ...POINTS, ch: [...(POINTS.ch ?? []), { period: '2027-01', value: 5 }] };
    const r = byId(rows('2027-Q1', points));
    expect(r.nsm).toMatchObject({ start: 1150, actual: 1300, target: null, status: 'no-target' });
    // Q4 average 4.3667; 5 is worse by 14.5 % > 10 %.
    expect(r.ch?.status).toBe('breached');
    expect(r.su).toMatchObject({ start: 330, actual: null, status: 'no-data' });
  });

  it('attainment: no target or actual says nothing; start equal to target counts hitting it', () => {
    expect(attainment(10, null, 12)).toBeNull();
    expect(attainment(10, 20, null)).toBeNull();
    expect(attainment(20, 20, 20)).toBe(100);
    expect(attainment(20, 20, 25)).toBeNull();
    expect(attainment(null, 20, 25)).toBeNull();
    // Down: from 10 to 6 against 8 = 200 %.
    expect(attainment(10, 8, 6)).toBeCloseTo(200);
  });
});

describe('what the page says about a row', () => {
  it('explains missing starts, targets and values, a metric added or retired mid-quarter, a cadence change', () => {
    const added = metric('new', {
      name: 'Activation',
      parentId: 'nsm',
      cadence: 'weekly',
      aggregation: 'sum',
      status: 'retired',
      createdAt: Date.UTC(2026, 10, 15),
    });
    const t = buildTree([nsm, signups, churn, tickets, added]);
    const points: Record<string, Point[]> = {
      ...POINTS,
      // Logged weekly, then monthly: both count in the quarter's sum.
      new: [
        { period: '2026-W47', value: 3 },
        { period: '2026-12', value: 10 },
      ],
    };
    const r = byId(reviewRows(t, (id) => points[id] ?? [], '2026-Q4'));
    expect(r.new?.notes).toEqual([
      'added during the quarter (2026-11-15)',
      'retired',
      'no start: no value the quarter before and no baseline',
      'no target was set for the quarter',
      'its cadence changed during the quarter: the actual combines every value (sum)',
    ]);
    expect(r.new?.actual).toBe(13);
    expect(r.su?.notes).toEqual([]);
    const q1 = byId(reviewRows(t, (id) => points[id] ?? [], '2027-Q1'));
    expect(q1.su?.notes).toEqual(['no value was logged in the quarter']);
    expect(q1.ch?.notes).toEqual(['no value was logged in the quarter']);
  });
});

describe('next targets, moved since close, tree changes', () => {
  it('suggests the actual plus the same change again, bounded by the unit', () => {
    const r = byId(rows('2026-Q4'));
    expect(suggestTarget(r.nsm as ReviewRow)).toBe(1300); // 1,150 + 150
    expect(suggestTarget(r.su as ReviewRow)).toBe(460); // 330 + 130
    expect(suggestTarget(r.ch as ReviewRow)).toBeNull(); // counters are not targeted
    const pct = { ...(r.su as ReviewRow), unit: 'percent' as const, start: 60, actual: 90 };
    expect(suggestTarget(pct)).toBe(100);
    expect(suggestTarget({ ...(r.su as ReviewRow), actual: null })).toBeNull();
  });

  it('a late entry after close is what moved; nothing moved gives nothing', () => {
    const frozen = rows('2026-Q4');
    expect(movedSinceClose(frozen, rows('2026-Q4'))).toEqual([]);
    const late = { ...POINTS, tk: [...(POINTS.tk ?? []), { period: '2026-09', value: 95 }] };
    expect(movedSinceClose(frozen, rows('2026-Q4', late))).toEqual([
      { metricId: 'tk', name: 'Support tickets', field: 'start', was: 90, now: 95 },
    ]);
  });

  it('the tree between two reviews: added, removed, moved, owner and name changes', () => {
    const earlier = rows('2026-Q4');
    const later = reviewRows(
      buildTree([
        { ...nsm, ownerId: 'ann' },
        { ...signups, name: 'New sign-ups' },
        { ...tickets, parentId: 'su' },
        metric('new', { name: 'Activation', parentId: 'nsm' }),
      ]),
      () => [],
      '2027-Q1',
    );
    expect(
      treeDifference(earlier, later)
        .map((c) => `${c.metricId}:${c.change}`)
        .sort(),
    ).toEqual(['ch:removed', 'new:added', 'nsm:owner', 'su:renamed', 'tk:moved']);
  });
});
