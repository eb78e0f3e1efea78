import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatDayNear,
  formatDayShort,
  formatMonth,
  formatMonths,
  formatTime,
  formatDayOf,
  formatPeriod,
  monthName,
  weekdayName,
} from '../../../src/ui/common/dates';
import { periodName } from '../../../src/ui/common/format';
import { dayWithoutYear, mediumDay, shortDay } from '../../../src/domain/dayWords';
import { calendar } from '../../../src/state/calendar.svelte';

// Node's ICU names months the same way browsers do for these three locales; where an engine may
// differ (German short months), the expectation is built with Intl itself.
const de = (d: Date, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('de-DE', { ...o, timeZone: 'UTC' }).format(d);
/** A German month as written inside a month and year ("Apr." there, "Apr" on its own). */
const deMonth = (month: number): string =>
  new Intl.DateTimeFormat('de-DE', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, month - 1, 1)))
    .find((p) => p.type === 'month')?.value ?? '';

describe('calendar days', () => {
  it("a day is the locale's medium date, read as a calendar date (no zone shift)", () => {
    expect(formatDay('2025-03-07', 'en-US')).toBe('Mar 7, 2025');
    expect(formatDay('2025-03-07', 'en-GB')).toBe('7 Mar 2025');
    expect(formatDay('2025-03-07', 'de-DE')).toBe('07.03.2025');
    // The first and last instant of a year stay in it.
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDay('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
  });

  it('years below 100 stay themselves; text that is no date stays as it is', () => {
    expect(formatDay('0050-06-15', 'en-US')).toBe('Jun 15, 50');
    expect(formatDay('2025-02-30', 'en-US')).toBe('2025-02-30');
    expect(formatDay('someday', 'de-DE')).toBe('someday');
  });

  it('a short day has no year; a day near today drops the year only within its year', () => {
    expect(formatDayShort('2026-12-03', 'en-US')).toBe('Dec 3');
    expect(formatDayShort('2026-12-03', 'en-GB')).toBe('3 Dec');
    expect(formatDayShort('2026-12-03', 'de-DE')).toBe(
      de(new Date(Date.UTC(2026, 11, 3)), { day: 'numeric', month: 'short' }),
    );
    expect(formatDayNear('2026-03-07', '2026-11-20', 'en-US')).toBe('Mar 7');
    expect(formatDayNear('2025-03-07', '2026-11-20', 'en-US')).toBe('Mar 7, 2025');
    expect(formatDayNear('2025-03-07', '2026-11-20', 'de-DE')).toBe('07.03.2025');
  });

  it('are the domain’s days, so its sentences ("was due Mar 7") read like the screen beside them', () => {
    expect(formatDayNear).toBe(shortDay);
    expect(formatDay).toBe(mediumDay);
    expect(formatDayShort).toBe(dayWithoutYear);
  });
});

describe('moments, months and names', () => {
  it('a moment is date and time in the local zone', () => {
    const at = Date.UTC(2026, 11, 3, 8, 34);
    const expected = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(at);
    expect(formatDateTime(at, 'en-US')).toBe(expected);
    expect(formatDateTime(at, 'en-US')).toMatch(/^Dec [34], 2026/);
    expect(formatDateTime(Number.NaN, 'en-US')).toBe('');
    // Its parts: the time alone, the day alone (the test run's zone decides which day).
    const time = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short' }).format(at);
    expect(formatTime(at, 'de-DE')).toBe(time);
    expect(time).toMatch(/^\d\d:34$/);
    expect(formatDayOf(at, 'en-GB')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(at),
    );
  });

  it('months in the locale: English and German names', () => {
    expect(formatMonth(2026, 3, 'en-US')).toBe('Mar 2026');
    expect(formatMonth(2026, 3, 'en-GB')).toBe('Mar 2026');
    expect(formatMonth(2026, 3, 'de-DE')).toBe('März 2026');
    expect(formatMonth(2026, 11, 'de-DE')).toBe(
      de(new Date(Date.UTC(2026, 10, 1)), { month: 'short', year: 'numeric' }),
    );
    expect(monthName(1, 'en-US')).toBe('January');
    expect(monthName(3, 'de-DE')).toBe('März');
    expect(weekdayName(1, 'en-GB')).toBe('Monday');
    expect(weekdayName(7, 'de-DE')).toBe('Sonntag');
  });

  it('three months of a shifted quarter: in one year, and across two', () => {
    const feb2026 = 2026 * 12 + 1;
    expect(formatMonths(feb2026, 'en-US')).toBe('Feb–Apr 2026');
    expect(formatMonths(feb2026 + 1, 'de-DE')).toBe(`März–${deMonth(5)} 2026`);
    expect(formatMonths(2026 * 12 + 11, 'en-GB')).toBe('Dec 2026 – Feb 2027');
  });
});

describe('periods', () => {
  it('en-US: a day as its medium date, months as before, weeks and quarters in the app words', () => {
    expect(formatPeriod('2025-03-07', 1, 'en-US')).toBe('Mar 7, 2025');
    expect(formatPeriod('2026-11', 1, 'en-US')).toBe('Nov 2026');
    expect(formatPeriod('2026-W47', 1, 'en-US')).toBe('Week 47, 2026');
    expect(formatPeriod('2026-Q1', 1, 'en-US')).toBe('Q1 2026');
    expect(formatPeriod('2026-Q1+1', 1, 'en-US')).toBe('Feb–Apr 2026');
    expect(formatPeriod('2026-Q4+2', 1, 'en-US')).toBe('Dec 2026 – Feb 2027');
  });

  it('en-GB: the day first', () => {
    expect(formatPeriod('2025-03-07', 1, 'en-GB')).toBe('7 Mar 2025');
    expect(formatPeriod('2026-03', 1, 'en-GB')).toBe('Mar 2026');
  });

  it('de-DE: German dates and month names; weeks and quarters stay the app words', () => {
    expect(formatPeriod('2025-03-07', 1, 'de-DE')).toBe('07.03.2025');
    expect(formatPeriod('2026-03', 1, 'de-DE')).toBe('März 2026');
    expect(formatPeriod('2026-W47', 1, 'de-DE')).toBe('Week 47, 2026');
    expect(formatPeriod('2026-Q2', 4, 'de-DE')).toBe('Q1 FY2027');
    // A quarter of another fiscal year than the workspace's is named by its months.
    expect(formatPeriod('2026-Q2', 2, 'de-DE')).toBe(`${deMonth(4)}–Juni 2026`);
    expect(formatPeriod('2026-Q2', 2, 'en-US')).toBe('Apr–Jun 2026');
  });

  it('anything unreadable as it is', () => {
    expect(formatPeriod('2026-W60', 1, 'de-DE')).toBe('2026-W60');
    expect(formatPeriod('', 1, 'en-US')).toBe('');
  });

  it("periodName follows the open workspace's fiscal year", () => {
    const before = calendar.fiscalStart;
    try {
      calendar.fiscalStart = 1;
      expect(periodName('2026-Q2', 'en-US')).toBe('Q2 2026');
      expect(periodName('2026-11', 'de-DE')).toBe(formatMonth(2026, 11, 'de-DE'));
      calendar.fiscalStart = 4;
      expect(periodName('2026-Q2', 'de-DE')).toBe('Q1 FY2027');
    } finally {
      calendar.fiscalStart = before;
    }
  });
});
