import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/domain/aggregate';
import { readExperiment, type Experiment } from '../../../src/domain/experiments';
import type { Insight } from '../../../src/domain/insights';
import { isReportPeriod, periodReport } from '../../../src/domain/periodReport';
import { buildTree } from '../../../src/domain/tree';
import { Problems } from '../../../src/domain/validate';
import { metric } from '../factories';

// Week 49 of 2026 runs Mon 30 Nov – Sun 6 Dec; today is Thu 3 Dec.
const TODAY = '2026-12-03';

const metrics = [
  metric('nsm', { name: 'Weekly active teams', kind: 'north-star', aggregation: 'last' }),
  metric('sess', { name: 'Sessions', parentId: 'nsm', cadence: 'daily', aggregation: 'sum' }),
  metric('rev', { name: 'Revenue', parentId: 'nsm', cadence: 'monthly', unit: 'currency' }),
  metric('act', {
    name: 'Activated teams',
    parentId: 'nsm',
    aggregation: 'last',
    baselineValue: 50,
    baselineDate: '2026-10-01',
    targets: { quarterly: { '2026-Q4': 150 }, monthly: {} },
  }),
  metric('err', {
    name: 'Errors',
    parentId: 'nsm',
    kind: 'counter',
    direction: 'down',
    aggregation: 'last',
    baselineValue: 10,
    baselineDate: '2026-10-01',
    tolerance: 10,
  }),
  metric('old', { name: 'Old metric', parentId: 'nsm', status: 'retired' }),
];

const POINTS: Record<string, Point[]> = {
  nsm: [
    { period: '2026-W44', value: 90 }, // Thursday 29 Oct: an October week
    { period: '2026-W48', value: 100 },
    { period: '2026-W49', value: 120 },
  ],
  sess: [
    { period: '2026-11-23', value: 5 },
    { period: '2026-11-24', value: 5 },
    { period: '2026-11-30', value: 10 },
    { period: '2026-12-01', value: 20 },
    { period: '2026-12-02', value: 30 },
  ],
  rev: [
    { period: '2026-10', value: 1000 },
    { period: '2026-11', value: 900 },
  ],
  act: [
    { period: '2026-W47', value: 55 },
    { period: '2026-W49', value: 60 },
  ],
  err: [{ period: '2026-W49', value: 12 }],
  old: [{ period: '2026-W49', value: 1 }],
};

function exp(id: string, history: [string, string][], milestones: [string, string, boolean][]) {
  return readExperiment(
    id,
    { title: `Experiment ${id}`, createdAt: 1 },
    {
      milestones: milestones.map(([mid, deadline, done]) => [
        mid,
        { title: `Milestone ${mid}`, deadline, done, createdAt: 1 },
      ]),
      statusHistory: history.map(([status, at]) => ({ status, at, by: null })),
      scope: {},
    },
    new Problems(),
  );
}

const experiments: Experiment[] = [
  exp(
    'started',
    [
      ['idea', '2026-11-01'],
      ['running', '2026-12-01'],
    ],
    [
      ['due', '2026-12-04', false],
      ['done', '2026-12-02', true],
      ['later', '2026-12-10', false],
    ],
  ),
  exp(
    'ended',
    [
      ['running', '2026-11-10'],
      ['done', '2026-12-02'],
    ],
    [],
  ),
  exp('ongoing', [['running', '2026-11-10']], []),
];

const insight = (id: string, date: string, deletedAt: number | null = null): Insight => ({
  id,
  text: `Quote ${id}`,
  customer: '',
  planId: null,
  source: '',
  date,
  tags: [],
  metricId: null,
  stepId: null,
  createdAt: 0,
  deletedAt,
});
const insights = [
  insight('early', '2026-11-29'),
  insight('new', '2026-12-01'),
  insight('newer', '2026-12-02'),
  insight('gone', '2026-12-02', 5),
];

function report(period: string, today = TODAY) {
  return periodReport({
    tree: buildTree(metrics),
    pointsOf: (id) => POINTS[id] ?? [],
    experiments,
    insights,
    period,
    today,
  });
}

describe('the weekly report', () => {
  const r = report('2026-W49');

  it('spans Monday to Sunday', () => {
    expect([r.start, r.end, r.grain]).toEqual(['2026-11-30', '2026-12-06', 'week']);
  });

  it('says what moved, aggregated into weeks, biggest relative change first', () => {
    const moved = r.moved.map((m) => [m.metric.id, m.period, m.value, m.previous, m.better]);
    expect(moved).toEqual([
      // Sessions: 10 + 20 + 30 = 60 against 5 + 5 = 10 (+500 %).
      ['sess', '2026-W49', 60, 10, true],
      // Teams: 120 against 100 (+20 %).
      ['nsm', '2026-W49', 120, 100, true],
      // Revenue is monthly: November closed on Monday 30 Nov, inside this week; 900 < 1,000.
      ['rev', '2026-11', 900, 1000, false],
      // Activated: 60, nothing in week 48.
      ['act', '2026-W49', 60, null, null],
      ['err', '2026-W49', 12, null, null],
    ]);
  });

  it('leaves out retired metrics', () => {
    expect(r.moved.some((m) => m.metric.id === 'old')).toBe(false);
    expect(r.dueValues.some((d) => d.metric.id === 'old')).toBe(false);
  });

  it('a monthly metric shows only in the week its month closes', () => {
    const w48 = report('2026-W48');
    expect(w48.moved.map((m) => m.metric.id)).toContain('nsm');
    expect(w48.moved.map((m) => m.metric.id)).not.toContain('rev');
  });

  it('says what is off track against pace, and counter-metrics beyond their tolerance', () => {
    const off = r.offTrack.map((o) => [o.metric.id, o.status, o.value]);
    // Activated: pace on 3 Dec is 50 + 100 × 63 / 91 = 119.2; 60 is far behind.
    // Errors: 12 is 20 % worse than 10, beyond the 10 % tolerance.
    expect(off).toEqual([
      ['act', 'off-track', 60],
      ['err', 'breached', 12],
    ]);
    expect(r.offTrack[0]?.expected).toBeCloseTo(50 + (100 * 63) / 91, 6);
    expect(r.offTrack[1]?.expected).toBe(10);
  });

  it('says which values are owed: late ones, and the ones running today', () => {
    const due = r.dueValues.map((d) => [d.metric.id, d.periods, d.running]);
    // Every weekly metric has its week 49 value; today's sessions and December's revenue are open.
    // (Tree order: these siblings share one order key, so they sort by id.)
    expect(due).toEqual([
      ['rev', ['2026-12'], true],
      ['sess', ['2026-12-03'], true],
    ]);
  });

  it('a past week owes what ended in it, not what runs today', () => {
    const w48 = report('2026-W48');
    const due = w48.dueValues.map((d) => [d.metric.id, d.periods, d.running]);
    // Week 48: nsm has a value; activated and errors miss the week; sessions miss 25–29 Nov;
    // revenue's November ended after the week, so it is not owed in week 48.
    expect(due).toEqual([
      ['act', ['2026-W48'], false],
      ['err', ['2026-W48'], false],
      ['sess', ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'], false],
    ]);
  });

  it('lists open milestones due in the week, and experiments started or ended in it', () => {
    expect(r.dueMilestones.map((d) => d.milestone.id)).toEqual(['due']);
    expect(r.started.map((s) => [s.experiment.id, s.at])).toEqual([['started', '2026-12-01']]);
    expect(r.ended.map((s) => [s.experiment.id, s.at])).toEqual([['ended', '2026-12-02']]);
  });

  it('lists the insights heard in the week, newest first, not deleted ones', () => {
    expect(r.insights.map((i) => i.id)).toEqual(['newer', 'new']);
  });
});

describe('the monthly report', () => {
  it('groups weeks into the month of their Thursday', () => {
    const r = report('2026-11');
    expect([r.start, r.end]).toEqual(['2026-11-01', '2026-11-30']);
    const moved = Object.fromEntries(r.moved.map((m) => [m.metric.id, [m.value, m.previous]]));
    // November's weeks are 45–48 (week 49's Thursday is 3 Dec); October's last is week 44.
    expect(moved.nsm).toEqual([100, 90]);
    // Sessions: 5 + 5 + 10 in November, nothing in October.
    expect(moved.sess).toEqual([20, null]);
    expect(moved.rev).toEqual([900, 1000]);
  });

  it('crosses a year edge: January compares with December', () => {
    const r = periodReport({
      tree: buildTree([metric('m', { cadence: 'monthly' })]),
      pointsOf: () => [
        { period: '2026-12', value: 4 },
        { period: '2027-01', value: 6 },
      ],
      experiments: [],
      insights: [],
      period: '2027-01',
      today: '2027-02-10',
    });
    expect(r.moved.map((m) => [m.period, m.value, m.previous, m.change])).toEqual([
      ['2027-01', 6, 4, 2],
    ]);
    expect(r.dueValues).toEqual([]);
  });
});

describe('report periods', () => {
  it('are weeks and months only', () => {
    expect(isReportPeriod('2026-W49')).toBe(true);
    expect(isReportPeriod('2026-12')).toBe(true);
    expect(isReportPeriod('2026-Q4')).toBe(false);
    expect(isReportPeriod('2026-12-03')).toBe(false);
    expect(isReportPeriod('junk')).toBe(false);
    expect(() => report('2026-Q4')).toThrow(RangeError);
  });
});
