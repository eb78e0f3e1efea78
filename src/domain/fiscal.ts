/**
 * Fiscal years and the first day of the week.
 *
 * A workspace's fiscal year starts on the first day of one month (1–12; January is the calendar
 * year and exactly the behaviour before this setting existed). Its quarters are the three-month
 * runs from that month. A fiscal year is named by the calendar year it ends in (the US, UK
 * corporate and Australian habit): with a start in April, April 2026 – March 2027 is FY2027, so
 * 15 May 2026 is in Q1 FY2027. With a January start the label stays "Q1 2026".
 *
 * Stored quarter keys never depend on the setting (domain/periods.ts): "2026-Q2" is April–June
 * under any start, and a February start's first quarter is "2026-Q1+1" (February–April). A key
 * of another fiscal year than the workspace's (written before the setting changed) keeps its
 * months and is labelled by them ("Feb–Apr 2026", or "Q2 2026" for a calendar quarter).
 *
 * The first day of the week is a display preference of one person on one device: weekly values
 * are stored per ISO week (Monday–Sunday) for everyone, so it only orders days where they are
 * listed.
 */
import { periodLabel, quarterFirstMonth, quarterShift } from './periods';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

/** A month 1–12 that a fiscal year can start in. */
export function isFiscalStart(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12;
}

/** Where a quarter lies in a fiscal year starting in `fiscalStart`, or null when in none. */
export function fiscalQuarter(
  quarter: string,
  fiscalStart: number,
): { year: number; quarter: number } | null {
  const first = quarterFirstMonth(quarter);
  if (first === null) return null;
  const into = (((first - (fiscalStart - 1)) % 12) + 12) % 12; // months since its year began
  if (into % 3 !== 0) return null; // a quarter of another fiscal year
  const yearStart = first - into;
  return { year: Math.floor((yearStart + 11) / 12), quarter: into / 3 + 1 };
}

/**
 * A period as people read it in a workspace whose fiscal year starts in `fiscalStart`: its own
 * quarters as "Q1 FY2027" (with a January start "Q1 2026"), every other period as periodLabel.
 */
export function fiscalPeriodLabel(period: string, fiscalStart: number): string {
  if (fiscalStart === 1) return periodLabel(period);
  const f = fiscalQuarter(period, fiscalStart);
  return f ? `Q${f.quarter} FY${f.year}` : periodLabel(period);
}

/** The four quarters of a fiscal year starting in `fiscalStart`, as months: "Apr–Jun, …". */
export function fiscalQuarterMonths(fiscalStart: number): string {
  return [0, 3, 6, 9]
    .map((k) => `${SHORT[(fiscalStart - 1 + k) % 12]}–${SHORT[(fiscalStart + 1 + k) % 12]}`)
    .join(', ');
}

/**
 * Whether changing the fiscal start from `from` to `to` changes which months quarters cover
 * (true), or only how they are numbered (false: the starts January, April, July and October
 * share the calendar quarters, so stored quarterly targets and reviews stay current quarters).
 */
export function quartersMove(from: number, to: number): boolean {
  return quarterShift(from) !== quarterShift(to);
}

export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export function isWeekStart(value: unknown): value is WeekStart {
  return value === 'monday' || value === 'sunday';
}

/**
 * The days of the week in the order a person reads them, as ISO indexes (Monday = 0 …
 * Sunday = 6, the domain/ics.ts Weekday): [0 … 6] from Monday, [6, 0 … 5] from Sunday.
 */
export function weekdayOrder(weekStart: WeekStart): number[] {
  return weekStart === 'sunday' ? [6, 0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6];
}
