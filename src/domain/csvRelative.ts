/**
 * Periods counted from a report's start, as analytics exports write them: GA4's "Nth day",
 * "Nth week" and "Nth month" columns hold 0000, 0001, … (0 = the period the report starts in),
 * which are neither dates nor ISO weeks. Given the start date, the Nth week is the 7 days from
 * start + 7·N, the Nth day start + N, the Nth month the Nth calendar month after the start's.
 */
import { normalizeHeader } from './csvColumns';
import { addDays, isDate, nextPeriod, periodOf, periodStart } from './periods';

export type RelativeUnit = 'day' | 'week' | 'month';

export interface RelativePeriods {
  unit: RelativeUnit;
  /** The report's first day, YYYY-MM-DD; null while nobody has given it. */
  start: string | null;
}

/** The unit of a period column headed "Nth week" (day, month), else null. */
export function relativeUnitOf(header: string): RelativeUnit | null {
  const m = /^nth (day|week|month)$/.exec(normalizeHeader(header));
  return m ? (m[1] as RelativeUnit) : null;
}

/**
 * The first day of the period a cell counts from the report's start, or why it cannot be
 * placed: a cell that is not a whole number, or no start date given yet.
 */
export function relativeDate(
  cell: string,
  relative: RelativePeriods,
): { date: string } | { problem: string } {
  const s = cell.trim();
  if (!/^\d{1,6}$/.test(s)) {
    return { problem: `“${s}” is not a count of ${relative.unit}s from the report’s start` };
  }
  const n = Number(s);
  const { start, unit } = relative;
  if (start === null || !isDate(start)) {
    return {
      problem:
        `“${s}” is ${unit} ${n} counted from the report’s start (0 = the first ${unit}), ` +
        `not a date or an ISO week: give the report’s start date to place it`,
    };
  }
  try {
    if (unit === 'day') return { date: addDays(start, n) };
    if (unit === 'week') return { date: addDays(start, 7 * n) };
    return { date: periodStart(nextPeriod(periodOf(start, 'month'), n)) };
  } catch {
    return { problem: `“${s}” ${unit}s after ${start} is past the year 9999` };
  }
}
