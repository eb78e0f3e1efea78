import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CADENCE_GRAIN,
  GRAIN_ORDER,
  addDays,
  comparePeriods,
  daysBetween,
  duePeriods,
  grainOf,
  isDate,
  nextPeriod,
  periodEnd,
  periodLabel,
  periodOf,
  periodStart,
  periodsBetween,
  toGrain,
  todayLocal,
  type Grain,
} from '../../../src/domain/periods';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isDate('2025-03-07')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('1900-02-29')).toBe(false);
    expect(isDate('2025-02-30')).toBe(false);
    expect(isDate('2025-04-31')).toBe(false);
    expect(isDate('2025-13-01')).toBe(false);
    expect(isDate('2025-00-10')).toBe(false);
    expect(isDate('2025-3-7')).toBe(false);
    expect(isDate('2025-03-07T00:00')).toBe(false);
  });
  it('adds and counts days across month, leap and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    // Europe's DST switch (30 Mar 2025) must not shorten a day.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });
  it('throws on a malformed date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => periodOf('yesterday', 'day')).toThrow(RangeError);
    expect(() => addDays('2025-03-01', 0.5)).toThrow(RangeError);
  });
  it('reads the local calendar date', () => {
    expect(todayLocal(new Date(2025, 2, 7, 23, 59))).toBe('2025-03-07');
    expect(todayLocal(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
    expect(isDate(todayLocal())).toBe(true);
  });
});

describe('grains', () => {
  it('maps cadences to grains, fine to coarse', () => {
    expect(CADENCE_GRAIN).toEqual({
      daily: 'day',
      weekly: 'week',
      monthly: 'month',
      quarterly: 'quarter',
    });
    expect(GRAIN_ORDER).toEqual(['day', 'week', 'month', 'quarter']);
  });
  it('validates keys', () => {
    expect(grainOf('2025-03-07')).toBe('day');
    expect(grainOf('2025-W07')).toBe('week');
    expect(grainOf('2025-03')).toBe('month');
    expect(grainOf('2025-Q1')).toBe('quarter');
    expect(grainOf('2020-W53')).toBe('week');
    expect(grainOf('2026-W53')).toBe('week');
    expect(grainOf('2025-W53')).toBeNull(); // 2025 has 52 ISO weeks
    expect(grainOf('2025-W54')).toBeNull();
    expect(grainOf('2025-W00')).toBeNull();
    expect(grainOf('2025-W7')).toBeNull();
    expect(grainOf('2025-13')).toBeNull();
    expect(grainOf('2025-00')).toBeNull();
    expect(grainOf('2025-Q5')).toBeNull();
    expect(grainOf('2025-Q0')).toBeNull();
    expect(grainOf('2025-02-30')).toBeNull();
    expect(grainOf('2025')).toBeNull();
    expect(grainOf('')).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('numbers weeks by the year of their Thursday', () => {
    expect(periodOf('2020-12-31', 'week')).toBe('2020-W53');
    expect(periodOf('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodOf('2021-01-04', 'week')).toBe('2021-W01');
    expect(periodOf('2024-12-29', 'week')).toBe('2024-W52');
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodOf('2026-12-31', 'week')).toBe('2026-W53');
    expect(periodOf('2027-01-03', 'week')).toBe('2026-W53');
    expect(periodOf('2025-03-07', 'week')).toBe('2025-W10');
    expect(periodOf('2025-02-13', 'week')).toBe('2025-W07');
  });
  it('starts on Monday and ends on Sunday', () => {
    expect(periodStart('2020-W53')).toBe('2020-12-28');
    expect(periodEnd('2020-W53')).toBe('2021-01-03');
    expect(periodStart('2025-W01')).toBe('2024-12-30');
    expect(periodStart('2025-W05')).toBe('2025-01-27');
    expect(periodEnd('2025-W05')).toBe('2025-02-02');
  });
  it('steps across year boundaries', () => {
    expect(nextPeriod('2020-W52')).toBe('2020-W53');
    expect(nextPeriod('2020-W53')).toBe('2021-W01');
    expect(nextPeriod('2025-W52')).toBe('2026-W01');
    expect(nextPeriod('2025-W01', -1)).toBe('2024-W52');
    expect(nextPeriod('2025-W10', -52)).toBe('2024-W10');
  });
});

describe('months, quarters and days', () => {
  it('finds the period of a date', () => {
    expect(periodOf('2025-03-07', 'day')).toBe('2025-03-07');
    expect(periodOf('2025-03-31', 'month')).toBe('2025-03');
    expect(periodOf('2025-03-31', 'quarter')).toBe('2025-Q1');
    expect(periodOf('2025-04-01', 'quarter')).toBe('2025-Q2');
    expect(periodOf('2025-12-31', 'quarter')).toBe('2025-Q4');
  });
  it('knows where each period starts and ends', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-02')).toBe('2025-02-28');
    expect(periodEnd('2100-02')).toBe('2100-02-28');
    expect(periodStart('2025-04')).toBe('2025-04-01');
    expect(periodEnd('2025-04')).toBe('2025-04-30');
    expect(periodStart('2025-Q3')).toBe('2025-07-01');
    expect(periodEnd('2025-Q1')).toBe('2025-03-31');
    expect(periodEnd('2025-Q2')).toBe('2025-06-30');
    expect(periodEnd('2025-Q4')).toBe('2025-12-31');
    expect(periodStart('2024-02-29')).toBe('2024-02-29');
    expect(periodEnd('2024-02-29')).toBe('2024-02-29');
  });
  it('steps by n, both ways', () => {
    expect(nextPeriod('2024-02-28')).toBe('2024-02-29');
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(nextPeriod('2025-01', -1)).toBe('2024-12');
    expect(nextPeriod('2025-03', 22)).toBe('2027-01');
    expect(nextPeriod('2025-Q4')).toBe('2026-Q1');
    expect(nextPeriod('2025-Q1', -5)).toBe('2023-Q4');
    expect(nextPeriod('2025-Q2', 0)).toBe('2025-Q2');
  });
  it('throws on a bad key', () => {
    expect(() => periodStart('2025-13')).toThrow(RangeError);
    expect(() => nextPeriod('2025-W54')).toThrow(RangeError);
    expect(() => nextPeriod('0000-01', -1)).toThrow(RangeError);
    expect(() => nextPeriod('2025-03', 1.5)).toThrow(RangeError);
  });
  it('compares keys of one grain', () => {
    expect(comparePeriods('2024-W52', '2025-W01')).toBeLessThan(0);
    expect(comparePeriods('2025-Q2', '2025-Q1')).toBeGreaterThan(0);
    expect(comparePeriods('2025-03', '2025-03')).toBe(0);
    const sorted = ['2025-10', '2024-12', '2025-02'].sort(comparePeriods);
    expect(sorted).toEqual(['2024-12', '2025-02', '2025-10']);
  });
});

describe('periodsBetween', () => {
  it('lists every period inclusive, across years', () => {
    expect(periodsBetween('2024-11', '2025-02').join(' ')).toBe('2024-11 2024-12 2025-01 2025-02');
    expect(periodsBetween('2020-W52', '2021-W02').join(' ')).toBe(
      '2020-W52 2020-W53 2021-W01 2021-W02',
    );
    expect(periodsBetween('2024-Q3', '2025-Q2').join(' ')).toBe('2024-Q3 2024-Q4 2025-Q1 2025-Q2');
    expect(periodsBetween('2024-02-27', '2024-03-01').join(' ')).toBe(
      '2024-02-27 2024-02-28 2024-02-29 2024-03-01',
    );
    expect(periodsBetween('2025-05', '2025-05')).toEqual(['2025-05']);
  });
  it('is empty when from is after to', () => {
    expect(periodsBetween('2025-03', '2025-02')).toEqual([]);
  });
  it('refuses mixed grains', () => {
    expect(() => periodsBetween('2025-03', '2025-Q2')).toThrow(RangeError);
  });
});

describe('toGrain', () => {
  it('maps a week to the month and quarter of its Thursday', () => {
    // 2025-W05 runs 2025-01-27..02-02; its Thursday is 30 January.
    expect(toGrain('2025-W05', 'month')).toBe('2025-01');
    // 2025-W01 runs 2024-12-30..2025-01-05; its Thursday is 2 January 2025.
    expect(toGrain('2025-W01', 'month')).toBe('2025-01');
    expect(toGrain('2025-W01', 'quarter')).toBe('2025-Q1');
    // 2020-W53 runs 2020-12-28..2021-01-03; its Thursday is 31 December 2020.
    expect(toGrain('2020-W53', 'quarter')).toBe('2020-Q4');
    // 2025-W14 runs 2025-03-31..04-06; its Thursday is 3 April.
    expect(toGrain('2025-W14', 'month')).toBe('2025-04');
    expect(toGrain('2025-W14', 'quarter')).toBe('2025-Q2');
  });
  it('maps days and months up, and keeps an equal grain', () => {
    expect(toGrain('2024-12-30', 'week')).toBe('2025-W01');
    expect(toGrain('2024-12-30', 'month')).toBe('2024-12');
    expect(toGrain('2025-06', 'quarter')).toBe('2025-Q2');
    expect(toGrain('2025-W07', 'week')).toBe('2025-W07');
  });
  it('refuses a finer grain', () => {
    expect(() => toGrain('2025-03', 'week')).toThrow(RangeError);
    expect(() => toGrain('2025-Q1', 'day')).toThrow(RangeError);
  });
});

describe('periodLabel', () => {
  it('writes each grain in English', () => {
    expect(periodLabel('2025-03-07')).toBe('7 Mar 2025');
    expect(periodLabel('2024-12-31')).toBe('31 Dec 2024');
    expect(periodLabel('2025-W07')).toBe('Week 7, 2025');
    expect(periodLabel('2020-W53')).toBe('Week 53, 2020');
    expect(periodLabel('2025-03')).toBe('Mar 2025');
    expect(periodLabel('2025-09')).toBe('Sep 2025');
    expect(periodLabel('2025-Q1')).toBe('Q1 2025');
    expect(periodLabel('2025-Q4')).toBe('Q4 2025');
  });
});

describe('duePeriods', () => {
  it('lists the current period and past ones back to since', () => {
    expect(duePeriods('week', '2025-01-01', '2025-01-20').join(' ')).toBe(
      '2025-W01 2025-W02 2025-W03 2025-W04',
    );
    expect(duePeriods('month', '2024-11-15', '2025-01-02').join(' ')).toBe(
      '2024-11 2024-12 2025-01',
    );
    expect(duePeriods('quarter', '2025-03-31', '2025-04-01')).toEqual(['2025-Q1', '2025-Q2']);
    expect(duePeriods('day', '2024-02-28', '2024-03-01').join(' ')).toBe(
      '2024-02-28 2024-02-29 2024-03-01',
    );
    expect(duePeriods('month', '2025-03-07', '2025-03-07')).toEqual(['2025-03']);
  });
  it('is empty when since is in the future', () => {
    expect(duePeriods('week', '2025-02-01', '2025-01-31')).toEqual([]);
  });
});

describe('properties', () => {
  const MIN = Date.UTC(1990, 0, 1);
  const MAX = Date.UTC(2100, 11, 31);
  const dates = fc
    .integer({ min: 0, max: (MAX - MIN) / 86_400_000 })
    .map((n) => new Date(MIN + n * 86_400_000).toISOString().slice(0, 10));
  const grains = fc.constantFrom<Grain>('day', 'week', 'month', 'quarter');

  it('places every date inside its period, and steps back and forth', () => {
    fc.assert(
      fc.property(dates, grains, (date, g) => {
        const p = periodOf(date, g);
        expect(periodStart(p) <= date).toBe(true);
        expect(date <= periodEnd(p)).toBe(true);
        expect(nextPeriod(nextPeriod(p), -1)).toBe(p);
        expect(grainOf(p)).toBe(g);
        expect(periodEnd(p) < periodStart(nextPeriod(p))).toBe(true);
        expect(daysBetween(periodEnd(p), periodStart(nextPeriod(p)))).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.UTC on day arithmetic', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const ms = Date.parse(date + 'T00:00:00Z') + n * 86_400_000;
        expect(addDays(date, n)).toBe(new Date(ms).toISOString().slice(0, 10));
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });
});
