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
 * months and is labelled by them ("Feb–Apr 2026"; with a January start a calendar quarter stays
 * "Q2 2026").
 *
 * The first day of the week is a display preference of one person on one device: weekly values
 * are stored per ISO week (Monday–Sunday) for everyone, so it only orders days where they are
 * listed.
 */
import {
  grainOf,
  periodLabel,
  periodOf,
  quarterFirstMonth,
  quarterMonths,
  quarterShift,
} from './periods';

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
 * quarters as "Q1 FY2027" (with a January start "Q1 2026"), a quarter of another fiscal year by
 * its months ("Apr–Jun 2026", never a number that could be read as one of this year's), every
 * other period as periodLabel.
 */
export function fiscalPeriodLabel(period: string, fiscalStart: number): string {
  if (fiscalStart === 1) return periodLabel(period);
  if (grainOf(period) !== 'quarter') return periodLabel(period);
  const f = fiscalQuarter(period, fiscalStart);
  return f ? `Q${f.quarter} FY${f.year}` : quarterMonths(period);
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

/**
 * What changing the fiscal year start from `from` to `to` does, in sentences for the confirm:
 * how today's quarter is named before and after, and whether quarters keep their months
 * (January, April, July and October share them) or move, in which case `stored` (the quarter
 * keys the workspace holds targets or reviews for) that are not quarters of the new year are
 * counted: they keep their months and their values, and are shown by their months.
 */
export function describeFiscalChange(
  from: number,
  to: number,
  today: string,
  stored: readonly string[],
): string[] {
  const was = periodOf(today, 'quarter', from);
  const now = periodOf(today, 'quarter', to);
  const out = [
    `For everyone in this workspace, quarters will run ${fiscalQuarterMonths(to)}, and a fiscal year is named by the year it ends in.`,
    was === now
      ? `This quarter (${quarterMonths(now)}) will be called ${fiscalPeriodLabel(now, to)} instead of ${fiscalPeriodLabel(was, from)}.`
      : `This quarter will be ${quarterMonths(now)}, called ${fiscalPeriodLabel(now, to)} (it was ${quarterMonths(was)}, ${fiscalPeriodLabel(was, from)}).`,
  ];
  if (!quartersMove(from, to)) {
    out.push(
      'Quarterly targets, check-ins and reviews keep their months and values; only their names change.',
    );
    return out;
  }
  const old = new Set(stored.filter((q) => fiscalQuarter(q, to) === null));
  out.push(
    old.size === 0
      ? 'The months of quarters move. No target or review is stored for a quarter of the old year.'
      : `The months of quarters move. ${old.size.toLocaleString()} quarter${old.size === 1 ? '' : 's'} with targets or reviews stored (such as ${quarterMonths([...old].sort()[0] ?? '')}) keep their months and values and will be shown by their months; set targets for the new quarters.`,
  );
  return out;
}

const FISCAL_TEXT = [/^Q([1-4])\s*FY\s*(\d{4})$/i, /^FY\s*(\d{4})\s*Q([1-4])$/i] as const;

/**
 * The quarter key a person typed as a fiscal quarter, "Q1 FY2027" or "FY2027 Q1", in a year
 * starting in `fiscalStart`; null when the text is not one.
 */
export function parseFiscalQuarter(text: string, fiscalStart: number): string | null {
  const t = text.trim();
  const a = FISCAL_TEXT[0].exec(t);
  const b = a ? null : FISCAL_TEXT[1].exec(t);
  const [q, fy] = a ? [Number(a[1]), Number(a[2])] : b ? [Number(b[2]), Number(b[1])] : [0, 0];
  if (q === 0) return null;
  // The year named FY`fy` ends in `fy`: it starts in `fiscalStart` of fy − 1 (January: of fy).
  const first = (fiscalStart === 1 ? fy : fy - 1) * 12 + (fiscalStart - 1) + (q - 1) * 3;
  const [y, m] = [Math.floor(first / 12), (first % 12) + 1];
  if (y < 0 || y > 9999) return null;
  return periodOf(
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`,
    'quarter',
    fiscalStart,
  );
}
