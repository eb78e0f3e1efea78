import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INSIGHT_PERIODS,
  INSIGHT_PERIOD_LABELS,
  insightRange,
  isInsightPeriod,
  rangeLabel,
  rangeProblem,
} from '../../../src/domain/insightRanges';
import { daysBetween } from '../../../src/domain/periods';

describe('insightRange: last 30 and 90 days', () => {
  it('ends today and includes today', () => {
    expect(insightRange('last-30', '2025-06-15')).toEqual({ from: '2025-05-17', to: '2025-06-15' });
    expect(insightRange('last-90', '2025-06-15')).toEqual({ from: '2025-03-18', to: '2025-06-15' });
  });

  it('crosses month and year ends', () => {
    expect(insightRange('last-30', '2024-01-01')).toEqual({ from: '2023-12-03', to: '2024-01-01' });
    expect(insightRange('last-90', '2025-01-15')).toEqual({ from: '2024-10-18', to: '2025-01-15' });
    expect(insightRange('last-90', '2024-12-31')).toEqual({ from: '2024-10-03', to: '2024-12-31' });
  });

  it('counts 29 February in leap years only', () => {
    expect(insightRange('last-30', '2024-03-01').from).toBe('2024-02-01');
    expect(insightRange('last-30', '2023-03-01').from).toBe('2023-01-31');
    expect(insightRange('last-30', '2024-03-29').from).toBe('2024-02-29');
    expect(insightRange('last-30', '2024-03-30').from).toBe('2024-03-01');
    // 2000 is a leap year (divisible by 400), 1900 is not (divisible by 100).
    expect(insightRange('last-90', '2000-03-30').from).toBe('2000-01-01');
    expect(insightRange('last-90', '1900-03-30').from).toBe('1899-12-31');
  });

  it('always spans exactly 30 or 90 days', () => {
    const day = fc
      .integer({ min: 0, max: 2_900_000 })
      .map((n) => new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (today) => {
        for (const [period, days] of [
          ['last-30', 30],
          ['last-90', 90],
        ] as const) {
          const r = insightRange(period, today);
          expect(r.to).toBe(today);
          expect(daysBetween(r.from ?? '', today)).toBe(days - 1);
        }
      }),
    );
  });

  it('leaves the start open before year 0000', () => {
    expect(insightRange('last-30', '0000-01-10')).toEqual({ from: null, to: '0000-01-10' });
    expect(insightRange('last-30', '0000-01-30')).toEqual({ from: '0000-01-01', to: '0000-01-30' });
  });
});

describe('insightRange: quarters', () => {
  it('gives the whole current quarter', () => {
    expect(insightRange('this-quarter', '2024-02-29')).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(insightRange('this-quarter', '2025-04-01')).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(insightRange('this-quarter', '2025-09-30')).toEqual({
      from: '2025-07-01',
      to: '2025-09-30',
    });
    expect(insightRange('this-quarter', '2024-12-31')).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
  });

  it('gives the previous quarter, across the year end', () => {
    expect(insightRange('last-quarter', '2024-01-01')).toEqual({
      from: '2023-10-01',
      to: '2023-12-31',
    });
    expect(insightRange('last-quarter', '2024-05-15')).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(insightRange('last-quarter', '2025-07-01')).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(insightRange('last-quarter', '2025-12-31')).toEqual({
      from: '2025-07-01',
      to: '2025-09-30',
    });
  });

  it('ends a first quarter on 31 March whatever February holds', () => {
    expect(insightRange('last-quarter', '2024-04-10')).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(insightRange('last-quarter', '2023-04-10')).toEqual({
      from: '2023-01-01',
      to: '2023-03-31',
    });
  });

  it('is open when there is no earlier quarter', () => {
    expect(insightRange('last-quarter', '0000-02-01')).toEqual({ from: null, to: null });
  });
});

describe('insightRange: all time and custom', () => {
  it('is open at both ends for all time', () => {
    expect(insightRange('all', '2025-06-15')).toEqual({ from: null, to: null });
  });

  it('takes the custom dates, blank or invalid ones as open ends', () => {
    const today = '2025-06-15';
    expect(insightRange('custom', today, { from: '2025-01-01', to: '2025-02-28' })).toEqual({
      from: '2025-01-01',
      to: '2025-02-28',
    });
    expect(insightRange('custom', today, { from: '', to: '2025-02-28' })).toEqual({
      from: null,
      to: '2025-02-28',
    });
    expect(insightRange('custom', today, { from: '2023-02-29', to: 'soon' })).toEqual({
      from: null,
      to: null,
    });
    expect(insightRange('custom', today, { from: '2024-02-29', to: '' })).toEqual({
      from: '2024-02-29',
      to: null,
    });
    expect(insightRange('custom', today)).toEqual({ from: null, to: null });
  });

  it('is open when today is not a date', () => {
    expect(insightRange('last-30', 'not a date')).toEqual({ from: null, to: null });
    expect(insightRange('this-quarter', '2025-02-30')).toEqual({ from: null, to: null });
  });
});

describe('rangeProblem and rangeLabel', () => {
  it('flags a range that runs backwards only', () => {
    expect(rangeProblem({ from: '2025-03-02', to: '2025-03-01' })).toMatch(/after/);
    expect(rangeProblem({ from: '2025-03-01', to: '2025-03-01' })).toBeNull();
    expect(rangeProblem({ from: '2025-03-02', to: null })).toBeNull();
    expect(rangeProblem({ from: null, to: null })).toBeNull();
  });

  it('describes a range, its days in the locale given', () => {
    const gb = (r: { from: string | null; to: string | null }) => rangeLabel(r, 'en-GB');
    expect(gb({ from: '2024-01-01', to: '2024-03-31' })).toBe('1 Jan 2024 – 31 Mar 2024');
    expect(gb({ from: '2024-02-29', to: '2024-02-29' })).toBe('29 Feb 2024');
    expect(gb({ from: '2024-02-29', to: null })).toBe('Since 29 Feb 2024');
    expect(gb({ from: null, to: '2024-02-29' })).toBe('Until 29 Feb 2024');
    expect(gb({ from: null, to: null })).toBe('All time');
    const range = { from: '2024-01-01', to: '2024-03-31' };
    expect(rangeLabel(range, 'en-US')).toBe('Jan 1, 2024 – Mar 31, 2024');
    expect(rangeLabel(range, 'de-DE')).toBe('01.01.2024 – 31.03.2024');
    expect(rangeLabel({ from: '2024-02-29', to: null }, 'de-DE')).toBe('Since 29.02.2024');
    expect(rangeLabel({ from: null, to: '2024-02-29' }, 'en-US')).toBe('Until Feb 29, 2024');
  });

  it('labels every period and recognises period names', () => {
    for (const p of INSIGHT_PERIODS) {
      expect(isInsightPeriod(p)).toBe(true);
      expect(INSIGHT_PERIOD_LABELS[p]).not.toBe('');
    }
    expect(isInsightPeriod('last-7')).toBe(false);
  });
});
