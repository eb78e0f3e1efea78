import { describe, expect, it } from 'vitest';
import { firstReached, planMetricSeries } from '../../../src/domain/planMetrics';
import { describePlanMetric, readPlanMetricSpec } from '../../../src/domain/planMetricSpec';
import { Problems } from '../../../src/domain/validate';
import { buildJourney } from '../../../src/domain/journey';
import type { StepVisit } from '../../../src/domain/plans';
import { milestone, plan, sampleJourney } from '../planFactories';

const journey = sampleJourney(); // s1 Signed, s2 Onboarded, s3 First request (NSM), s4 Fulfilled
const visits = (...list: [string, string][]): StepVisit[] =>
  list.map(([stepId, at]) => ({ stepId, at }));

/** Reaching "Onboarded" (s2) or a later step, first time: hand-placed around period edges. */
const reaching = [
  plan('p1', {
    stepHistory: visits(['s1', '2025-03-01'], ['s2', '2025-03-31'], ['s3', '2025-04-10']),
  }),
  plan('p2', { stepHistory: visits(['s1', '2025-03-15'], ['s2', '2025-04-01']) }),
  // Skips Onboarded: reaching a later step counts.
  plan('p3', { stepHistory: visits(['s1', '2025-02-10'], ['s3', '2025-03-31']) }),
  // Deleted plans never count.
  plan('p4', { stepHistory: visits(['s2', '2025-03-05']), deletedAt: 1 }),
  // Moved back and forward again: only the first time counts.
  plan('p5', {
    stepHistory: visits(['s2', '2025-01-15'], ['s1', '2025-02-01'], ['s2', '2025-04-15']),
  }),
  // Sunday 30 March: ISO week 13; Monday 31 March starts week 14.
  plan('p6', { stepHistory: visits(['s1', '2025-03-20'], ['s2', '2025-03-30']) }),
  plan('p7', { stepHistory: visits(['s1', '2025-03-20']) }),
];

describe('reached-step', () => {
  const spec = { kind: 'reached-step', stepId: 's2' } as const;

  it('counts customers by the month they first reached the step, 0 where none did', () => {
    const range = { from: '2025-01-01', to: '2025-04-30' };
    expect(planMetricSeries(spec, reaching, journey, 'month', range)).toEqual([
      { period: '2025-01', value: 1 }, // p5
      { period: '2025-02', value: 0 },
      { period: '2025-03', value: 3 }, // p1 and p3 on the 31st, p6 on the 30th
      { period: '2025-04', value: 1 }, // p2 on the 1st
    ]);
  });

  it('runs on to today with zeros when no range is given', () => {
    expect(planMetricSeries(spec, reaching, journey, 'month', undefined, '2025-06-15')).toEqual([
      { period: '2025-01', value: 1 },
      { period: '2025-02', value: 0 },
      { period: '2025-03', value: 3 },
      { period: '2025-04', value: 1 },
      { period: '2025-05', value: 0 },
      { period: '2025-06', value: 0 },
    ]);
    // A today before the last event changes nothing.
    expect(planMetricSeries(spec, reaching, journey, 'month', undefined, '2025-02-01')).toEqual(
      planMetricSeries(spec, reaching, journey, 'month'),
    );
  });

  it('splits at ISO week boundaries', () => {
    const range = { from: '2025-03-24', to: '2025-04-06' };
    expect(planMetricSeries(spec, reaching, journey, 'week', range)).toEqual([
      { period: '2025-W13', value: 1 }, // p6, Sunday 30 March
      { period: '2025-W14', value: 3 }, // p1, p3 (Mon 31 March), p2 (Tue 1 April)
    ]);
  });

  it('counts the NSM moment, across the ISO year boundary', () => {
    const plans = [
      plan('a', { stepHistory: visits(['s3', '2024-12-29']) }), // Sunday: 2024-W52
      plan('b', { stepHistory: visits(['s4', '2024-12-30']) }), // Monday: 2025-W01
      plan('c', { stepHistory: visits(['s2', '2024-12-30']) }), // not there yet
    ];
    const nsm = { kind: 'reached-step', stepId: 'nsm' } as const;
    expect(planMetricSeries(nsm, plans, journey, 'week')).toEqual([
      { period: '2024-W52', value: 1 },
      { period: '2025-W01', value: 1 },
    ]);
  });

  it('counts a plan without history from its current step, and places removed steps', () => {
    const p = plan('p', { stepId: 's3', stepSince: '2025-05-02' });
    expect(firstReached(p, journey, 1)).toBe('2025-05-02');
    // With Onboarded removed, reaching it means reaching Signed (the step before it).
    const without = sampleJourney({ s2: { deletedAt: 1 } });
    const q = plan('q', { stepHistory: visits(['s1', '2025-05-01'], ['s3', '2025-06-01']) });
    expect(planMetricSeries(spec, [q], without, 'month')).toEqual([
      { period: '2025-05', value: 1 },
    ]);
  });

  it('gives zeros for an unknown step and nothing without a range or events', () => {
    const range = { from: '2025-01-01', to: '2025-02-28' };
    const unknown = { kind: 'reached-step', stepId: 'gone' } as const;
    expect(planMetricSeries(unknown, reaching, journey, 'month', range)).toEqual([
      { period: '2025-01', value: 0 },
      { period: '2025-02', value: 0 },
    ]);
    expect(planMetricSeries(spec, [], journey, 'month')).toEqual([]);
  });
});

describe('completed-within', () => {
  const done = (id: string, doneAt: string) => milestone(id, { done: true, doneAt });
  const plans = [
    // 1 → 31 March is 30 days: on the limit, complete.
    plan('a', {
      startDate: '2025-03-01',
      milestones: [done('m1', '2025-03-20'), done('m2', '2025-03-31')],
    }),
    // 15 March → 15 April is 31 days: too late.
    plan('b', { startDate: '2025-03-15', milestones: [done('m1', '2025-04-15')] }),
    // One milestone still open.
    plan('c', { startDate: '2025-03-10', milestones: [done('m1', '2025-03-12'), milestone('m2')] }),
    // No milestones: nothing to complete, left out.
    plan('d', { startDate: '2025-03-20' }),
    // 10 Feb → 12 Mar 2025 is 18 + 12 = 30 days: complete.
    plan('e', { startDate: '2025-02-10', milestones: [done('m1', '2025-03-12')] }),
    // Started 1 April: the next month.
    plan('f', { startDate: '2025-04-01', milestones: [done('m1', '2025-05-01')] }),
  ];

  it('gives the share of plans started in the month with every milestone done in time', () => {
    const points = planMetricSeries(
      { kind: 'completed-within', days: 30 },
      plans,
      journey,
      'month',
    );
    expect(points.map((p) => p.period)).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(points[0]?.value).toBe(100);
    expect(points[1]?.value).toBeCloseTo(100 / 3, 10);
    expect(points[2]?.value).toBe(100); // 1 → 1 May is 30 days
  });

  it('gives quarters, and keeps to the range', () => {
    const spec = { kind: 'completed-within', days: 29 } as const;
    // With 29 days: a misses (30), e misses (30), f misses (30); b and c miss anyway.
    expect(planMetricSeries(spec, plans, journey, 'quarter')).toEqual([
      { period: '2025-Q1', value: 0 },
      { period: '2025-Q2', value: 0 },
    ]);
    const range = { from: '2025-04-01', to: '2025-06-30' };
    expect(
      planMetricSeries({ kind: 'completed-within', days: 30 }, plans, journey, 'month', range),
    ).toEqual([{ period: '2025-04', value: 100 }]);
  });
});

describe('median-days-to-nsm', () => {
  const plans = [
    // 1 March → 10 April: 31 + 9 = 40 days (April).
    plan('a', {
      startDate: '2025-03-01',
      stepHistory: visits(['s2', '2025-03-05'], ['s3', '2025-04-10']),
    }),
    // 10 Feb → 31 March: 28 + 21 = 49 days (March).
    plan('b', { startDate: '2025-02-10', stepHistory: visits(['s3', '2025-03-31']) }),
    // Straight past the NSM moment, 1 Jan → 2 April: 31 + 28 + 31 + 1 = 91 days (April).
    plan('c', { startDate: '2025-01-01', stepHistory: visits(['s4', '2025-04-02']) }),
    // 1 → 5 April: 4 days (April).
    plan('d', { startDate: '2025-04-01', stepHistory: visits(['s3', '2025-04-05']) }),
    // 1 → 11 March: 10 days (March).
    plan('e', { startDate: '2025-03-01', stepHistory: visits(['s3', '2025-03-11']) }),
    // No start date, or not there yet: left out.
    plan('f', { stepHistory: visits(['s3', '2025-03-11']) }),
    plan('g', { startDate: '2025-03-01', stepHistory: visits(['s2', '2025-03-11']) }),
  ];

  it('gives the median per month of reaching (odd and even counts)', () => {
    expect(planMetricSeries({ kind: 'median-days-to-nsm' }, plans, journey, 'month')).toEqual([
      { period: '2025-03', value: 29.5 }, // 10 and 49
      { period: '2025-04', value: 40 }, // 4, 40 and 91
    ]);
  });

  it('leaves out a plan that reached the NSM moment before its start (an older copy)', () => {
    // Start 20 March, NSM moment 11 March: −9 days is no duration; March stays 10 and 49.
    const odd = plan('h', { startDate: '2025-03-20', stepHistory: visits(['s3', '2025-03-11']) });
    expect(
      planMetricSeries({ kind: 'median-days-to-nsm' }, [...plans, odd], journey, 'month'),
    ).toEqual([
      { period: '2025-03', value: 29.5 },
      { period: '2025-04', value: 40 },
    ]);
  });

  it('follows the chosen NSM moment', () => {
    const fulfilled = buildJourney(journey.all, 's4');
    expect(planMetricSeries({ kind: 'median-days-to-nsm' }, plans, fulfilled, 'quarter')).toEqual([
      { period: '2025-Q2', value: 91 },
    ]);
  });
});

describe('specs', () => {
  it('reads stored specs and refuses junk', () => {
    const problems = new Problems();
    expect(readPlanMetricSpec({ kind: 'reached-step', stepId: 'nsm' }, problems)).toEqual({
      kind: 'reached-step',
      stepId: 'nsm',
    });
    expect(readPlanMetricSpec({ kind: 'completed-within', days: 30 }, problems)).toEqual({
      kind: 'completed-within',
      days: 30,
    });
    expect(readPlanMetricSpec({ kind: 'median-days-to-nsm', x: 1 }, problems)).toEqual({
      kind: 'median-days-to-nsm',
    });
    expect(problems.list).toEqual([]);
    expect(readPlanMetricSpec({ kind: 'completed-within', days: -1 }, problems)).toBeNull();
    expect(readPlanMetricSpec('reached-step', problems)).toBeNull();
    expect(problems.list).toHaveLength(2);
  });

  it('names them in plain English', () => {
    expect(describePlanMetric({ kind: 'reached-step', stepId: 's2' }, journey)).toBe(
      'Customers reaching “Onboarded”',
    );
    expect(describePlanMetric({ kind: 'completed-within', days: 30 }, journey)).toBe(
      '% of plans with every milestone done within 30 days',
    );
  });
});
