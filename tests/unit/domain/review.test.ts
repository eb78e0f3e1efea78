import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attainment,
  movedSinceClose,
  reviewRows,
  suggestTarget,
  treeDifference,
  type ReviewRow,
} from '../../../src/domain/review';
import { buildTree } from '../../../src/domain/tree';
import { aggregate, type Point } from '../../../src/domain/aggregate';
import { nextPeriod, periodEnd, toGrain } from '../../../src/domain/periods';
import { AGGREGATIONS, METRIC_KINDS, type Metric } from '../../../src/domain/types';
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

describe('reviewRows against a straightforward reference', () => {
  // The reference: every point of a metric tested with toGrain for each question (the quarter's
  // values, the quarter before's values, the notes), as reviewRows did before its one pass.
  const inQuarterRef = (points: readonly Point[], quarter: string): Point[] =>
    points.filter((p) => {
      try {
        return toGrain(p.period, 'quarter') === quarter;
      } catch {
        return false;
      }
    });
  const valueRef = (m: Metric, points: readonly Point[], quarter: string): number | null => {
    const values = inQuarterRef(points, quarter).map((p) => p.value);
    return values.length === 0 ? null : aggregate(values, m.aggregation);
  };
  function referenceRow(m: Metric, points: readonly Point[], quarter: string) {
    const before = valueRef(m, points, nextPeriod(quarter, -1));
    const { baselineValue: b, baselineDate: d } = m;
    const start = before ?? (b !== null && (d === null || d <= periodEnd(quarter)) ? b : null);
    const target = m.kind === 'counter' ? null : (m.targets.quarterly[quarter] ?? null);
    const actual = valueRef(m, points, quarter);
    const inQ = inQuarterRef(points, quarter);
    const notes: string[] = [];
    const added = m.createdAt > 0 ? new Date(m.createdAt).toISOString().slice(0, 10) : null;
    if (
      added !== null &&
      added > periodEnd(nextPeriod(quarter, -1)) &&
      added <= periodEnd(quarter)
    ) {
      notes.push(`added during the quarter (${added})`);
    }
    if (m.status === 'retired') notes.push('retired');
    if (actual === null) notes.push('no value was logged in the quarter');
    else if (start === null) notes.push('no start: no value the quarter before and no baseline');
    if (m.kind !== 'counter' && target === null) notes.push('no target was set for the quarter');
    if (new Set(inQ.map((p) => p.period.length)).size > 1) {
      notes.push(
        `its cadence changed during the quarter: the actual combines every value (${m.aggregation})`,
      );
    }
    return {
      start,
      target,
      actual,
      attainment: m.kind === 'counter' ? null : attainment(start, target, actual),
      points: inQ.map((p) => ({ period: p.period, value: p.value })),
      notes,
    };
  }

  // Years around the reviewed ones, with ISO years of 53 weeks (2015, 2020, 2026) among them.
  const YEARS = [2014, 2015, 2016, 2019, 2020, 2021, 2025, 2026, 2027];
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = fc.constantFrom(...YEARS);
  const day = fc.oneof(
    // Year edges: 25 Dec – 31 Dec and 1 – 7 Jan, where weeks straddle years.
    fc.tuple(year, fc.constantFrom(12), fc.integer({ min: 25, max: 31 })),
    fc.tuple(year, fc.constantFrom(1), fc.integer({ min: 1, max: 7 })),
    // Quarter edges and anywhere, including days that do not exist (31 Apr, 30 Feb).
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })),
  );
  const period = fc.oneof(
    day.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    // Weeks, W53 often (real in some years, junk in others), W00 and W54 never real.
    fc
      .tuple(
        year,
        fc.oneof(
          fc.integer({ min: 0, max: 54 }),
          fc.constantFrom(1, 13, 14, 26, 27, 39, 40, 52, 53),
        ),
      )
      .map(([y, w]) => `${y}-W${pad(w)}`),
    fc.tuple(year, fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${pad(m)}`),
    fc.tuple(year, fc.integer({ min: 0, max: 5 })).map(([y, q]) => `${y}-Q${q}`),
    fc.constantFrom('', 'junk', '2026', '2026-W', '2026-Q', '20261-Q1', '2026-1-01', ' 2026-Q4'),
    fc.string({ maxLength: 12 }),
  );
  const point = fc.record({
    period,
    value: fc.integer({ min: -1000, max: 1000 }),
    // Extra fields, as when the points are whole entries: not in the output.
    note: fc.constant('a note'),
  });
  const quarter = fc.oneof(
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    // Not a quarter but a valid key: no point's quarter equals it, in both.
    fc.constantFrom('2026-03', '2026-W01', '2026-01-01'),
  );
  const metricArb = fc.record({
    kind: fc.constantFrom(...METRIC_KINDS),
    aggregation: fc.constantFrom(...AGGREGATIONS),
    baselineValue: fc.option(fc.integer({ min: 0, max: 100 })),
    baselineDate: fc.option(day.map(([y, m, d]) => `${y}-${pad(m)}-${pad(Math.min(d, 28))}`)),
    createdAt: fc.oneof(
      fc.constant(0),
      fc.integer({ min: Date.UTC(2014, 0, 1), max: Date.UTC(2028, 0, 1) }),
    ),
    retired: fc.boolean(),
    target: fc.option(fc.integer({ min: 0, max: 100 })),
    points: fc.array(point, { maxLength: 60 }),
  });

  it('gives the same rows for random points of mixed grains, junk, year edges and week 53, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(metricArb, { minLength: 1, maxLength: 4 }),
        quarter,
        fc.boolean(),
        (specs, q, sorted) => {
          const metrics = specs.map((s, i) =>
            metric(`m${i}`, {
              kind: s.kind,
              aggregation: s.aggregation,
              baselineValue: s.baselineValue,
              baselineDate: s.baselineDate,
              createdAt: s.createdAt,
              status: s.retired ? 'retired' : 'active',
              parentId: i === 0 ? null : 'm0',
              order: `a${i}`,
              targets: { quarterly: s.target === null ? {} : { [q]: s.target }, monthly: {} },
            }),
          );
          const pointsById = new Map(
            specs.map((s, i) => {
              const ps = sorted
                ? [...s.points].sort((a, b) =>
                    a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
                  )
                : s.points;
              return [`m${i}` as string, ps] as const;
            }),
          );
          const got = reviewRows(buildTree(metrics), (id) => pointsById.get(id) ?? [], q);
          expect(got).toHaveLength(metrics.length);
          for (const row of got) {
            const m = metrics.find((x) => x.id === row.metricId) as Metric;
            const want = referenceRow(m, pointsById.get(m.id) ?? [], q);
            expect(row).toMatchObject(want);
            expect(row.points).toStrictEqual(want.points);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps known edge weeks in the right quarter', () => {
    const m = metric('w', { cadence: 'weekly', aggregation: 'sum' });
    const points: Point[] = [
      { period: '2020-W53', value: 1 }, // Thursday 31 Dec 2020: 2020-Q4
      { period: '2021-W01', value: 2 }, // Thursday 7 Jan 2021: 2021-Q1
      { period: '2025-W53', value: 4 }, // 2025 has 52 weeks: junk
      { period: '2026-W53', value: 128 }, // Thursday 31 Dec 2026: 2026-Q4
      { period: '2015-W53', value: 8 }, // Thursday 31 Dec 2015: 2015-Q4
      { period: '2025-W01', value: 16 }, // Monday 30 Dec 2024, Thursday 2 Jan 2025: 2025-Q1
      { period: '2025-W14', value: 32 }, // Thursday 3 Apr 2025: 2025-Q2
      { period: '2025-W13', value: 64 }, // Thursday 27 Mar 2025: 2025-Q1
    ];
    const at = (q: string) => reviewRows(buildTree([m]), () => points, q)[0];
    expect(at('2020-Q4')?.actual).toBe(1);
    expect(at('2021-Q1')).toMatchObject({ start: 1, actual: 2 });
    expect(at('2025-Q4')?.actual).toBeNull();
    expect(at('2026-Q4')?.actual).toBe(128);
    expect(at('2016-Q1')).toMatchObject({ start: 8, actual: null });
    expect(at('2025-Q1')).toMatchObject({ actual: 80 });
    expect(at('2025-Q2')).toMatchObject({ start: 80, actual: 32 });
  });
});
