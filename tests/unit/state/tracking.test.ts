import { describe, expect, it } from 'vitest';
import { dueForMetric, isTracked } from '../../../src/domain/checkin';
import type { Plan } from '../../../src/domain/plans';
import { Tracking } from '../../../src/state/tracking.svelte';
import { Clock } from '../../../src/state/clock.svelte';
import { buildTree } from '../../../src/domain/tree';
import type { Metric } from '../../../src/domain/types';
import { metric } from '../factories';
import { milestone, plan, sampleJourney } from '../planFactories';

const journey = sampleJourney();

/**
 * Two plans started in March 2026: one finished its milestones in 10 days, one did not and its
 * 30 days ended on 31 March (before today, 2 April), so it counts as not done in time.
 */
const PLANS: Plan[] = [
  plan('a', {
    startDate: '2026-03-02',
    milestones: [milestone('m1', { done: true, doneAt: '2026-03-12' })],
  }),
  plan('b', { startDate: '2026-03-01', milestones: [milestone('m2')] }),
];

describe('Tracking with metrics computed from plans', () => {
  const completed = metric('completed', {
    name: 'Completed',
    cadence: 'monthly',
    unit: 'percent',
    planMetric: { kind: 'completed-within', days: 30 },
  });
  const doubled = metric('doubled', {
    name: 'Doubled',
    cadence: 'monthly',
    formula: 'Completed * 2',
  });
  const source = (metrics: Metric[]) => ({
    tree: { metrics, built: buildTree(metrics) },
    entries: { byMetric: new Map() },
    customers: { plans: PLANS, journey },
  });
  /** Today is fixed: the plans' dates are March 2026. */
  const clock = new Clock(() => new Date(2026, 3, 2, 12));

  it('summarises them from the plans, and formulas can use them', () => {
    const tracking = new Tracking(clock, source([completed, doubled]));
    expect(tracking.planPoints.get('completed')).toEqual([{ period: '2026-03', value: 50 }]);
    expect(tracking.summaries.get('completed')?.points).toEqual([{ period: '2026-03', value: 50 }]);
    expect(tracking.summaries.get('doubled')?.points).toEqual([{ period: '2026-03', value: 100 }]);
  });

  it('ignores a formula written on a plan metric too (its plans win, also inside formulas)', () => {
    const both = { ...completed, formula: 'Doubled + 1000' };
    const tracking = new Tracking(clock, source([both, doubled]));
    expect(tracking.series.problems).toEqual(new Map());
    expect(tracking.summaries.get('completed')?.points).toEqual([{ period: '2026-03', value: 50 }]);
    expect(tracking.summaries.get('doubled')?.points).toEqual([{ period: '2026-03', value: 100 }]);
  });

  it('never asks for them in a check-in', () => {
    expect(isTracked(completed)).toBe(false);
    expect(dueForMetric(completed, undefined, '2026-04-02').items).toEqual([]);
    const tracking = new Tracking(clock, source([completed, doubled]));
    expect(tracking.due.items.filter((d) => d.metricId === 'completed')).toEqual([]);
  });
});
