import { describe, expect, it } from 'vitest';
import { Tracking } from '../../../src/state/tracking.svelte';
import { Clock } from '../../../src/state/clock.svelte';
import { WorkspaceCalendar } from '../../../src/state/calendar.svelte';
import { buildTree } from '../../../src/domain/tree';
import { metric } from '../factories';
import { plan, sampleJourney } from '../planFactories';

describe('Tracking follows the fiscal year start of its calendar', () => {
  // A quarterly metric tracked since 1 Dec 2025, with a target for Feb–Apr 2026 ("2026-Q1+1",
  // the first quarter of FY2027 when the year starts in February) and one for Jan–Mar 2026.
  const m = metric('q', {
    cadence: 'quarterly',
    baselineDate: '2025-12-01',
    targets: { quarterly: { '2026-Q1+1': 100, '2026-Q1': 90 }, monthly: {} },
  });
  const source = {
    tree: { metrics: [m], built: buildTree([m]) },
    entries: { byMetric: new Map() },
    customers: { plans: [], journey: sampleJourney() },
  };
  // Today: 10 March 2026.
  const clock = new Clock(() => new Date(2026, 2, 10, 12));

  it('a February start: this quarter is Feb–Apr, with its target and its check-ins', () => {
    const calendar = new WorkspaceCalendar('sunday');
    calendar.fiscalStart = 2;
    const tracking = new Tracking(clock, source, calendar);
    expect(tracking.summaries.get('q')?.quarterTarget).toEqual({ period: '2026-Q1+1', value: 100 });
    // Due: Feb–Apr 2026 (current) and Nov 2025 – Jan 2026 (the quarter tracking began in).
    expect(tracking.due.items.map((i) => i.period)).toEqual(['2026-Q1+1', '2025-Q4+1']);

    // Back to January: the same tracking recomputes with the calendar quarters.
    calendar.fiscalStart = 1;
    expect(tracking.summaries.get('q')?.quarterTarget).toEqual({ period: '2026-Q1', value: 90 });
    expect(tracking.due.items.map((i) => i.period)).toEqual(['2026-Q1', '2025-Q4']);
  });
});

describe('Tracking counts a quarterly plan metric in the fiscal quarters', () => {
  const won = metric('won', {
    cadence: 'quarterly',
    planMetric: { kind: 'reached-step', stepId: 'nsm' },
  });
  // Reached the NSM moment (s3) on 20 January 2026 (Nov–Jan with a February start).
  const plans = [plan('a', { stepHistory: [{ stepId: 's3', at: '2026-01-20' }] })];
  const source = {
    tree: { metrics: [won], built: buildTree([won]) },
    entries: { byMetric: new Map() },
    customers: { plans, journey: sampleJourney() },
  };
  const clock = new Clock(() => new Date(2026, 2, 10, 12)); // 10 March 2026

  it('follows the calendar it was given, and a change of it', () => {
    const calendar = new WorkspaceCalendar();
    calendar.fiscalStart = 2;
    const tracking = new Tracking(clock, source, calendar);
    expect(tracking.planPoints.get('won')).toEqual([
      { period: '2025-Q4+1', value: 1 },
      { period: '2026-Q1+1', value: 0 }, // today's quarter, Feb–Apr
    ]);
    calendar.fiscalStart = 1;
    expect(tracking.planPoints.get('won')).toEqual([{ period: '2026-Q1', value: 1 }]);
  });
});
