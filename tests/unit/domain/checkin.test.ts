import { describe, expect, it } from 'vitest';
import { dueCheckins, isStale } from '../../../src/domain/checkin';
import type { Entry } from '../../../src/domain/types';
import { metric } from '../factories';

const entry = (metricId: string, period: string, value = 1): Entry => ({
  metricId,
  period,
  value,
  note: '',
  by: null,
  at: 0,
});

describe('dueCheckins', () => {
  const weekly = metric('w', { cadence: 'weekly', baselineDate: '2025-01-06' });
  const monthly = metric('m', { cadence: 'monthly', baselineDate: '2025-01-15' });

  it('lists the current period and missing past ones, newest first', () => {
    const entries = new Map([['w', [entry('w', '2025-W02')]]]);
    // 2025-01-29 is a Wednesday in ISO week 5; tracking began Monday 6 Jan (week 2).
    const due = dueCheckins([weekly, monthly], entries, '2025-01-29');
    expect(due.items).toEqual([
      { metricId: 'w', period: '2025-W05', current: true },
      { metricId: 'w', period: '2025-W04', current: false },
      { metricId: 'w', period: '2025-W03', current: false },
      { metricId: 'm', period: '2025-01', current: true },
    ]);
  });

  it('caps the past periods listed and counts the rest', () => {
    const due = dueCheckins([weekly], new Map(), '2025-06-30', 3);
    expect(due.items).toHaveLength(4);
    // Weeks 2..27 are 26 periods: the current one, 3 listed, 22 older.
    expect(due.olderMissing.get('w')).toBe(22);
  });

  it('skips retired, computed and uncadenced metrics', () => {
    const skip = [
      metric('r', { status: 'retired' }),
      metric('f', { formula: 'a + b' }),
      metric('c', { cadence: null }),
      metric('d', { deletedAt: 1 }),
    ];
    expect(dueCheckins(skip, new Map(), '2025-01-29').items).toEqual([]);
  });

  it('marks a metric stale when the previous period has no value', () => {
    expect(isStale(weekly, [entry('w', '2025-W05')], '2025-02-05')).toBe(false);
    expect(isStale(weekly, [entry('w', '2025-W04')], '2025-02-05')).toBe(true);
    // Tracking started this period: nothing can be late yet.
    expect(isStale(metric('n', { baselineDate: '2025-02-03' }), [], '2025-02-05')).toBe(false);
  });
});
