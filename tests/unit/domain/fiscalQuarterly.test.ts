/**
 * Quarterly metrics in a workspace whose fiscal year does not start in a calendar quarter's
 * month: plan metrics, the experiment effect and imported targets use the fiscal quarters
 * ("2026-Q1+1" = February–April 2026 with a February start), as targets, charts and reviews do.
 * An April start shares the calendar quarters, so it is the control that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { planMetricSeries } from '../../../src/domain/planMetrics';
import { completionCounts } from '../../../src/domain/planCompletion';
import { experimentEffect, type EffectPoint } from '../../../src/domain/experimentEffect';
import { guessColumns, planSeriesImport, type ImportMetric } from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { targetPeriodOf } from '../../../src/domain/csvTargets';
import { periodOf } from '../../../src/domain/periods';
import type { StepVisit } from '../../../src/domain/plans';
import { milestone, plan, sampleJourney } from '../planFactories';

const journey = sampleJourney(); // s1 Signed, s2 Onboarded, s3 First request (NSM), s4 Fulfilled
const visits = (...list: [string, string][]): StepVisit[] =>
  list.map(([stepId, at]) => ({ stepId, at }));
const FEB = 2;

/** Customers first onboarded (s2) on these days. */
const onboarded = ['2026-01-20', '2026-02-03', '2026-04-30', '2026-05-01'].map((at, i) =>
  plan(`p${i}`, { stepHistory: visits(['s1', '2025-12-01'], ['s2', at]) }),
);
const reached = { kind: 'reached-step', stepId: 's2' } as const;

describe('plan metrics of a quarterly metric follow the fiscal quarters', () => {
  it('counts customers in the quarters of a February start', () => {
    expect(
      planMetricSeries(reached, onboarded, journey, 'quarter', undefined, undefined, FEB),
    ).toEqual([
      { period: '2025-Q4+1', value: 1 }, // Nov 2025 – Jan 2026: 20 January
      { period: '2026-Q1+1', value: 2 }, // Feb–Apr: 3 February and 30 April
      { period: '2026-Q2+1', value: 1 }, // May–Jul: 1 May
    ]);
    // The keys are the ones the rest of the app picks for those days.
    expect(periodOf('2026-04-30', 'quarter', FEB)).toBe('2026-Q1+1');
  });

  it('keeps the calendar quarters by default and for an April start', () => {
    const calendar = [
      { period: '2026-Q1', value: 2 },
      { period: '2026-Q2', value: 2 },
    ];
    expect(planMetricSeries(reached, onboarded, journey, 'quarter')).toEqual(calendar);
    expect(
      planMetricSeries(reached, onboarded, journey, 'quarter', undefined, undefined, 4),
    ).toEqual(calendar);
  });

  it('runs on to the fiscal quarter of today, and a range is cut in fiscal quarters', () => {
    const upTo = planMetricSeries(
      reached,
      onboarded,
      journey,
      'quarter',
      undefined,
      '2026-09-10',
      FEB,
    );
    expect(upTo.map((p) => p.period)).toEqual([
      '2025-Q4+1',
      '2026-Q1+1',
      '2026-Q2+1',
      '2026-Q3+1', // Aug–Oct, today's
    ]);
    const range = { from: '2026-02-01', to: '2026-04-30' };
    expect(planMetricSeries(reached, onboarded, journey, 'quarter', range, undefined, FEB)).toEqual(
      [{ period: '2026-Q1+1', value: 2 }],
    );
  });

  it('puts plans completed within N days in the fiscal quarter they started in', () => {
    const done = (id: string, doneAt: string) => milestone(id, { done: true, doneAt });
    const plans = [
      plan('a', { startDate: '2026-01-25', milestones: [done('m1', '2026-02-01')] }),
      plan('b', { startDate: '2026-02-02', milestones: [done('m2', '2026-02-10')] }),
      plan('c', { startDate: '2026-04-28', milestones: [milestone('m3')] }),
    ];
    const spec = { kind: 'completed-within', days: 30 } as const;
    expect(planMetricSeries(spec, plans, journey, 'quarter', undefined, '2026-12-01', FEB)).toEqual(
      [
        { period: '2025-Q4+1', value: 100 }, // a
        { period: '2026-Q1+1', value: 50 }, // b done, c not
      ],
    );
    expect(
      completionCounts(plans, 30, 'quarter', '2026-05-10', null, FEB).map((c) => [
        c.period,
        c.succeeded,
        c.open,
      ]),
    ).toEqual([
      ['2025-Q4+1', 1, 0],
      ['2026-Q1+1', 1, 1], // c's 30 days run to 28 May
    ]);
    expect(completionCounts(plans, 30, 'quarter', '2026-05-10').map((c) => c.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('puts the median days to the NSM moment in the fiscal quarter it was reached', () => {
    const plans = [
      plan('a', { startDate: '2026-01-01', stepHistory: visits(['s3', '2026-01-31']) }),
      plan('b', { startDate: '2026-01-01', stepHistory: visits(['s3', '2026-02-10']) }),
    ];
    const spec = { kind: 'median-days-to-nsm' } as const;
    expect(planMetricSeries(spec, plans, journey, 'quarter', undefined, undefined, FEB)).toEqual([
      { period: '2025-Q4+1', value: 30 },
      { period: '2026-Q1+1', value: 40 },
    ]);
  });
});

describe('the effect on a quarterly metric logged in fiscal quarters', () => {
  const e = (period: string, value: number): EffectPoint => ({ period, value });
  // Logged with a February start: May–Jul, Aug–Oct, Nov–Jan, Feb–Apr.
  const logged = [e('2025-Q2+1', 10), e('2025-Q3+1', 20), e('2025-Q4+1', 35), e('2026-Q1+1', 50)];

  it('counts the quarter the window starts inside of as during it', () => {
    // The window starts on 15 January, inside Nov 2025 – Jan 2026.
    const r = experimentEffect(logged, { start: '2026-01-15', end: '2026-03-31' });
    expect(r.before).toEqual([e('2025-Q2+1', 10), e('2025-Q3+1', 20)]);
    expect(r.during).toEqual([e('2025-Q4+1', 35), e('2026-Q1+1', 50)]);
    expect(r.baseline).toEqual(e('2025-Q3+1', 20));
    expect(r.observedChange).toBe(30);
  });

  it('matches the date-by-date rule when the quarters are of two fiscal years', () => {
    // A calendar quarter logged before the setting changed: Oct–Dec 2025 ends before 15 Jan.
    const mixed = [e('2025-Q3', 5), e('2025-Q4', 30), e('2026-Q1+1', 50)];
    const r = experimentEffect(mixed, { start: '2026-01-15', end: '2026-03-31' });
    expect(r.before).toEqual([e('2025-Q3', 5), e('2025-Q4', 30)]);
    expect(r.during).toEqual([e('2026-Q1+1', 50)]);
  });
});

describe('imported targets of a quarterly metric', () => {
  const METRICS: ImportMetric[] = [
    { id: 'm-nps', name: 'NPS', cadence: 'quarterly', formula: null, planMetric: null },
  ];
  const importTargets = (text: string, fiscalStart?: number) => {
    const csv = parseCsv(text);
    const g = guessColumns(csv.header);
    const map = {
      period: g.period ?? -1,
      value: g.value ?? null,
      note: null,
      target: g.target ?? null,
      baseline: null,
    };
    const options = { dateOrder: 'ymd', decimal: '.', fiscalStart } as const;
    return planSeriesImport(csv, map, 'm-nps', options, METRICS);
  };

  it('a dated row sets the target of the fiscal quarter its value goes to', () => {
    const plan = importTargets('Date,Value,Target\n2026-03-10,41,50\n', FEB);
    expect(plan.rejected).toEqual([]);
    expect(plan.rows.map((r) => r.period)).toEqual(['2026-Q1+1']);
    expect(plan.targets).toEqual([{ line: 2, metricId: 'm-nps', period: '2026-Q1+1', value: 50 }]);
    // January: the calendar quarter, for the value and its target alike.
    expect(importTargets('Date,Value,Target\n2026-03-10,41,50\n').targets[0]?.period).toBe(
      '2026-Q1',
    );
  });

  it('a quarter cell sets the target of that quarter, as its value goes to it', () => {
    // "2026-Q2" (April–June) is not a quarter of a February start; the value keeps its months
    // (periodFor), and so does its target.
    const plan = importTargets('Quarter,Value,Target\n2026-Q2,42,60\n', FEB);
    expect(plan.rejected).toEqual([]);
    expect(plan.rows.map((r) => r.period)).toEqual(['2026-Q2']);
    expect(plan.targets.map((t) => [t.period, t.value])).toEqual([['2026-Q2', 60]]);
  });

  it('targetPeriodOf folds finer periods into the fiscal quarter, months stay months', () => {
    expect(targetPeriodOf('2026-04', 'quarter', FEB)).toBe('2026-Q1+1');
    expect(targetPeriodOf('2026-04', 'quarter')).toBe('2026-Q2');
    // A quarter key is its own quarter, of whichever fiscal year.
    expect(targetPeriodOf('2026-Q1+1', 'quarter')).toBe('2026-Q1+1');
    expect(targetPeriodOf('2026-Q2', 'quarter', FEB)).toBe('2026-Q2');
    expect(targetPeriodOf('2026-W06', 'month', FEB)).toBe('2026-02');
  });
});
