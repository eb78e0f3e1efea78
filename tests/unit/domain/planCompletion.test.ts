import { describe, expect, it } from 'vitest';
import {
  completionCounts,
  completionOutcome,
  completionShare,
} from '../../../src/domain/planCompletion';
import { planMetricSeries } from '../../../src/domain/planMetrics';
import { milestone, plan, sampleJourney } from '../planFactories';

const done = (id: string, doneAt: string) => milestone(id, { done: true, doneAt });
const journey = sampleJourney();

describe('completionOutcome', () => {
  it('keeps a plan open until the end of day start + N', () => {
    // 1 March 2025 + 30 days = 31 March: open on the 31st, failed on 1 April.
    const p = plan('a', { startDate: '2025-03-01', milestones: [milestone('m1')] });
    expect(completionOutcome(p, 30, '2025-03-31')).toBe('open');
    expect(completionOutcome(p, 30, '2025-04-01')).toBe('failed');
    // Without today every window counts as closed.
    expect(completionOutcome(p, 30)).toBe('failed');
  });

  it('counts a success at once, even with days left', () => {
    // Started 26 Nov 2026, 30 days → last day 26 Dec; on 2 Dec there are 24 days left.
    const p = plan('b', {
      startDate: '2026-11-26',
      milestones: [done('m1', '2026-11-30'), done('m2', '2026-12-01')],
    });
    expect(completionOutcome(p, 30, '2026-12-02')).toBe('succeeded');
    const halfDone = plan('c', {
      startDate: '2026-11-26',
      milestones: [done('m1', '2026-11-30'), milestone('m2')],
    });
    expect(completionOutcome(halfDone, 30, '2026-12-02')).toBe('open');
    expect(completionOutcome(halfDone, 30, '2026-12-26')).toBe('open');
    expect(completionOutcome(halfDone, 30, '2026-12-27')).toBe('failed');
  });

  it('fails once the last milestone was done too late, but only after the window', () => {
    // 31 Jan 2025 + 28 days = 28 Feb 2025; done 1 March is too late.
    const p = plan('d', { startDate: '2025-01-31', milestones: [done('m1', '2025-03-01')] });
    expect(completionOutcome(p, 28, '2025-03-01')).toBe('failed');
    // Leap year: 31 Jan 2024 + 29 days = 29 Feb 2024, done that day: in time.
    const leap = plan('e', { startDate: '2024-01-31', milestones: [done('m1', '2024-02-29')] });
    expect(completionOutcome(leap, 29, '2024-02-29')).toBe('succeeded');
  });

  it('measures nothing without a start or milestones', () => {
    expect(completionOutcome(plan('f', { milestones: [milestone('m')] }), 30, '2025-01-01')).toBe(
      null,
    );
    expect(completionOutcome(plan('g', { startDate: '2025-01-01' }), 30, '2025-03-01')).toBe(null);
  });
});

describe('completionCounts', () => {
  // Today is Wednesday 2 December 2026, 30 days.
  const today = '2026-12-02';
  const plans = [
    // November starts: 2 Nov + 30 = 2 Dec (still open today), 1 Nov + 30 = 1 Dec (closed).
    plan('n1', { startDate: '2026-11-02', milestones: [milestone('m')] }), // open
    plan('n2', { startDate: '2026-11-01', milestones: [milestone('m')] }), // failed
    plan('n3', { startDate: '2026-11-26', milestones: [done('m', '2026-11-28')] }), // succeeded
    plan('n4', { startDate: '2026-11-30', milestones: [milestone('m')] }), // open
    plan('n5', { startDate: '2026-11-30', milestones: [milestone('m')], deletedAt: 5 }), // gone
    // October: 31 Oct + 30 = 30 Nov, closed; done on 30 Nov in time.
    plan('o1', { startDate: '2026-10-31', milestones: [done('m', '2026-11-30')] }), // succeeded
    plan('o2', { startDate: '2026-10-01', milestones: [done('m', '2026-11-01')] }), // failed (31 d)
    // December: everything open.
    plan('d1', { startDate: '2026-12-01', milestones: [milestone('m')] }),
  ];

  it('says per month how many succeeded, failed and are still open', () => {
    expect(completionCounts(plans, 30, 'month', today)).toEqual([
      { period: '2026-10', succeeded: 1, failed: 1, open: 0 },
      { period: '2026-11', succeeded: 1, failed: 1, open: 2 },
      { period: '2026-12', succeeded: 0, failed: 0, open: 1 },
    ]);
  });

  it('gives the share of the counted plans only', () => {
    const series = planMetricSeries(
      { kind: 'completed-within', days: 30 },
      plans,
      journey,
      'month',
      undefined,
      today,
    );
    // October 1 of 2; November 1 of 2 counted (2 open are not failures); December none yet.
    expect(series).toEqual([
      { period: '2026-10', value: 50 },
      { period: '2026-11', value: 50 },
    ]);
    expect(completionShare({ period: '2026-12', succeeded: 0, failed: 0, open: 1 })).toBeNull();
  });

  it('does not change a closed period later', () => {
    const later = completionCounts(plans, 30, 'month', '2027-01-15');
    // November: n1 and n4 have closed since (2 Dec, 30 Dec) and are failures now.
    expect(later[1]).toEqual({ period: '2026-11', succeeded: 1, failed: 3, open: 0 });
    expect(later[0]).toEqual({ period: '2026-10', succeeded: 1, failed: 1, open: 0 });
  });

  it('splits by ISO week across the month end', () => {
    // 30 Nov 2026 is a Monday (2026-W49); 26 Nov a Thursday (W48); 2 Nov a Monday (W45).
    expect(completionCounts(plans, 30, 'week', today).map((c) => c.period)).toEqual([
      '2026-W40',
      '2026-W44',
      '2026-W45',
      '2026-W48',
      '2026-W49',
    ]);
  });
});
