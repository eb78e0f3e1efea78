/**
 * The periods the insights synthesis can cover, as inclusive calendar-date ranges computed from
 * today's date. Pure date arithmetic on 'YYYY-MM-DD' strings (see periods), so nothing depends
 * on the local time zone.
 */
import { mediumDay } from './dayWords';
import { addDays, isDate, nextPeriod, periodEnd, periodOf, periodStart } from './periods';

export const INSIGHT_PERIODS = [
  'last-30',
  'last-90',
  'this-quarter',
  'last-quarter',
  'all',
  'custom',
] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

export const INSIGHT_PERIOD_LABELS: Record<InsightPeriod, string> = {
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  all: 'All time',
  custom: 'Custom…',
};

/** Inclusive dates; null = open end. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export function isInsightPeriod(value: string): value is InsightPeriod {
  return (INSIGHT_PERIODS as readonly string[]).includes(value);
}

/** `n` days before a date, or null when that falls before year 0000. */
function daysBefore(date: string, n: number): string | null {
  try {
    return addDays(date, -n);
  } catch {
    return null;
  }
}

/**
 * The quarter `n` quarters from today's (of a fiscal year starting in `fiscalStart`), as a
 * range; open start when before year 0000.
 */
function quarterRange(today: string, n: number, fiscalStart: number): DateRange {
  try {
    const q = nextPeriod(periodOf(today, 'quarter', fiscalStart), n);
    return { from: periodStart(q), to: periodEnd(q) };
  } catch {
    return { from: null, to: null };
  }
}

/**
 * The range of a period: the last 30 or 90 days end today (today included), the quarters are
 * whole quarters of a fiscal year starting in `fiscalStart` (this one runs to its last day), all time is open at both ends, and
 * custom takes the given dates (a blank or invalid one is an open end). A `today` that is not a
 * date gives an open range.
 */
export function insightRange(
  period: InsightPeriod,
  today: string,
  custom: { from: string; to: string } = { from: '', to: '' },
  fiscalStart = 1,
): DateRange {
  if (period === 'custom') {
    return {
      from: isDate(custom.from) ? custom.from : null,
      to: isDate(custom.to) ? custom.to : null,
    };
  }
  if (period === 'all' || !isDate(today)) return { from: null, to: null };
  switch (period) {
    case 'last-30':
      return { from: daysBefore(today, 29), to: today };
    case 'last-90':
      return { from: daysBefore(today, 89), to: today };
    case 'this-quarter':
      return quarterRange(today, 0, fiscalStart);
    case 'last-quarter':
      return quarterRange(today, -1, fiscalStart);
  }
}

/** A message when the range runs backwards (start after end), else null. */
export function rangeProblem(range: DateRange): string | null {
  return range.from !== null && range.to !== null && range.from > range.to
    ? 'The start date is after the end date.'
    : null;
}

/**
 * "Jan 1, 2025 – Mar 31, 2025", "Since Jan 1, 2025", "Until Mar 31, 2025", "All time": days as
 * the medium date of `locale` (undefined: the runtime's; "1 Jan 2025" in en-GB), as screens
 * name days.
 */
export function rangeLabel(range: DateRange, locale?: string): string {
  const { from, to } = range;
  const day = (d: string): string => mediumDay(d, locale);
  if (from !== null && to !== null) {
    return from === to ? day(from) : `${day(from)} – ${day(to)}`;
  }
  if (from !== null) return `Since ${day(from)}`;
  if (to !== null) return `Until ${day(to)}`;
  return 'All time';
}
