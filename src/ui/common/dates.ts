/**
 * Dates as people read them, in the user's locale (or `locale`): the one place the UI formats a
 * date, so the same kind of date reads the same on every screen. The app's words stay English;
 * only dates (and numbers, format.ts) follow the locale.
 *
 * Calendar dates ('YYYY-MM-DD', months, quarters) have no time zone: they are built as UTC
 * midnight and formatted in UTC, so no zone shifts them by a day, and years 0–99 stay themselves
 * (setUTCFullYear, not Date.UTC). Moments (milliseconds) are shown in the local time zone.
 * Exports (Markdown, CSV, ICS files) keep their fixed formats in the domain; this is for screens.
 * Plain calendar days come from domain/dayWords.ts, so the domain's sentences name them alike.
 */
import {
  calendarDate,
  dayWithoutYear,
  mediumDay,
  momentWords,
  shortDay,
  utcDate,
} from '../../domain/dayWords';
import { fiscalPeriodLabel } from '../../domain/fiscal';
import { grainOf, periodLabel, quarterFirstMonth } from '../../domain/periods';

interface DateFormats {
  /** A day written out: "March 7, 2025". */
  dayLong: Intl.DateTimeFormat;
  /** A month of a year: "Mar 2025", "März 2025". */
  month: Intl.DateTimeFormat;
  /** A month's name: "January", "Januar". */
  monthName: Intl.DateTimeFormat;
  weekday: Intl.DateTimeFormat;
  /** The calendar day of a moment, in the local time zone. */
  dayOf: Intl.DateTimeFormat;
  /** The time of day of a moment, in the local time zone: "8:34 AM", "08:34". */
  time: Intl.DateTimeFormat;
}

const cache = new Map<string, DateFormats>();

/** The date formats of a locale (undefined: the user's), made once each. */
function formatsOf(locale: string | undefined): DateFormats {
  const key = locale ?? '';
  let f = cache.get(key);
  if (!f) {
    const utc = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' });
    f = {
      dayLong: utc({ dateStyle: 'long' }),
      month: utc({ month: 'short', year: 'numeric' }),
      monthName: utc({ month: 'long' }),
      weekday: utc({ weekday: 'long' }),
      dayOf: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    };
    cache.set(key, f);
  }
  return f;
}

/** A calendar day in the locale's medium date; anything that is no date as it is. */
export const formatDay: (iso: string, locale?: string) => string = mediumDay;

/** A calendar day without its year ("Mar 7"), for lists inside one period. */
export const formatDayShort: (iso: string, locale?: string) => string = dayWithoutYear;

/** A calendar day written out ("March 7, 2025"), for a printed page's date line. */
export function formatDayLong(iso: string, locale?: string): string {
  const d = calendarDate(iso);
  return d ? formatsOf(locale).dayLong.format(d) : iso;
}

/** A day near `today`: without its year when it is in today's year ("Mar 7"), else medium. */
export const formatDayNear: (iso: string, today: string, locale?: string) => string = shortDay;

/** A moment (ms since the epoch) as date and time in the local time zone. */
export const formatDateTime: (ms: number, locale?: string) => string = momentWords;

/** A moment's time of day in the local time zone ("8:34 AM"), for a moment of today. */
export function formatTime(ms: number, locale?: string): string {
  return Number.isFinite(ms) ? formatsOf(locale).time.format(ms) : '';
}

/** The calendar day a moment (ms since the epoch) falls on here, as a medium date. */
export function formatDayOf(ms: number, locale?: string): string {
  return Number.isFinite(ms) ? formatsOf(locale).dayOf.format(ms) : '';
}

/** A month of a year (month 1–12): "Nov 2026", "Nov. 2026". */
export function formatMonth(year: number, month: number, locale?: string): string {
  return formatsOf(locale).month.format(utcDate(year, month, 1));
}

/** A month's name (1–12): "January". */
export function monthName(month: number, locale?: string): string {
  return formatsOf(locale).monthName.format(utcDate(2001, month, 1));
}

/** A weekday's name, ISO numbered (1 Monday … 7 Sunday). */
export function weekdayName(isoDay: number, locale?: string): string {
  // 1 January 2001 was a Monday.
  return formatsOf(locale).weekday.format(utcDate(2001, 1, isoDay));
}

/**
 * Three months from month ordinal `first` (year × 12 + month − 1), a shifted quarter by its
 * months: "Feb–Apr 2026" in one year (the last month's text in the locale's order, its month
 * part replaced by first–last), "Dec 2026 – Feb 2027" across two.
 */
export function formatMonths(first: number, locale?: string): string {
  const last = first + 2;
  const at = (ord: number): Date => utcDate(Math.floor(ord / 12), (ord % 12) + 1, 1);
  const f = formatsOf(locale).month;
  if (Math.floor(first / 12) !== Math.floor(last / 12)) {
    return `${f.format(at(first))} – ${f.format(at(last))}`;
  }
  const monthOf = (d: Date): string =>
    f.formatToParts(d).find((p) => p.type === 'month')?.value ?? '';
  const from = monthOf(at(first));
  return f
    .formatToParts(at(last))
    .map((p) => (p.type === 'month' ? `${from}–${p.value}` : p.value))
    .join('');
}

/**
 * A period as people read it in a workspace whose fiscal year starts in `fiscalStart`: a day as
 * the locale's medium date, a month ("Mar 2026", "März 2026") and a quarter of another fiscal
 * year ("Feb–Apr 2026") in the locale's month names; weeks ("Week 47, 2026") and the workspace's
 * own quarters ("Q1 2026", "Q1 FY2027") in the app's words. Anything unreadable as it is.
 */
export function formatPeriod(period: string, fiscalStart: number, locale?: string): string {
  try {
    switch (grainOf(period)) {
      case 'day':
        return formatDay(period, locale);
      case 'month':
        return formatMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)), locale);
      case 'quarter': {
        const label = fiscalPeriodLabel(period, fiscalStart);
        const first = quarterFirstMonth(period);
        return label.startsWith('Q') || first === null ? label : formatMonths(first, locale);
      }
      case 'week':
        return periodLabel(period);
      case null:
        return period;
    }
  } catch {
    return period;
  }
}
