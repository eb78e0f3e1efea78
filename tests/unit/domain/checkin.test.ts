import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueCheckins, dueForMetric, isStale } from '../../../src/domain/checkin';
import { addDays, CADENCE_GRAIN, duePeriods, periodOf } from '../../../src/domain/periods';
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

describe('dueForMetric against a plain count', () => {
  it('lists and counts exactly the missing periods, for any entries and day', () => {
    const grains = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...grains),
        fc.integer({ min: 0, max: 900 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 8 }),
        (cadence, span, offsets, maxBack) => {
          const since = '2023-01-01';
          const today = addDays(since, span);
          const grain = CADENCE_GRAIN[cadence];
          const m = metric('x', { cadence, baselineDate: since });
          const periods = [
            ...new Set(offsets.map((o) => periodOf(addDays(since, o), grain))),
          ].sort();
          const entries = periods.map((p) => entry('x', p));
          const due = dueForMetric(m, entries, today, maxBack);
          const have = new Set(periods);
          const missing = duePeriods(grain, since, today)
            .filter((p) => !have.has(p))
            .reverse();
          const current = periodOf(today, grain);
          const past = missing.filter((p) => p !== current);
          const expected = [
            ...(missing.includes(current) ? [current] : []),
            ...past.slice(0, maxBack),
          ];
          expect(due.items.map((i) => i.period)).toEqual(expected);
          expect(due.older).toBe(Math.max(0, past.length - maxBack));
        },
      ),
      { numRuns: 500 },
    );
  });
});
