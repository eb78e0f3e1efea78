/**
 * Calendar days in words, in a locale (undefined: the runtime's, which in a browser is the
 * user's): the sentences the domain builds ("Milestone “X” was due Mar 7") and the screens
 * (ui/common/dates.ts reuses these) name a day alike. Exports keep periodLabel's fixed form.
 *
 * A 'YYYY-MM-DD' day has no time zone: it is built as UTC midnight and formatted in UTC, so no
 * zone shifts it by a day, and years 0–99 stay themselves (setUTCFullYear, not Date.UTC).
 * Text that is no real calendar date is returned as it is.
 */

interface DayFormats {
  /** The locale's medium date: "Mar 7, 2025", "7 Mar 2025", "07.03.2025". */
  medium: Intl.DateTimeFormat;
  /** A day without its year: "Mar 7", "7 Mar", "7. März". */
  noYear: Intl.DateTimeFormat;
  /** A moment, in the local time zone: "Dec 3, 2026, 8:34 AM". */
  moment: Intl.DateTimeFormat;
}

const cache = new Map<string, DayFormats>();

/** The day formats of a locale, made once each (an Intl formatter is costly to build). */
function formatsOf(locale: string | undefined): DayFormats {
  const key = locale ?? '';
  let f = cache.get(key);
  if (!f) {
    f = {
      medium: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      noYear: new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }),
      moment: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    cache.set(key, f);
  }
  return f;
}

/** UTC midnight of a civil date (month 1–12), any year 0–9999. */
export function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC-midnight Date of 'YYYY-MM-DD' when it is a real calendar date, else null. */
export function calendarDate(iso: string): Date | null {
  const m = DATE_RE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDate(y, mo, d);
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A day as the locale's medium date, with its year: "Mar 7, 2025", "07.03.2025". */
export function mediumDay(iso: string, locale?: string): string {
  const d = calendarDate(iso);
  return d ? formatsOf(locale).medium.format(d) : iso;
}

/** A day without its year: "Mar 7", "7 Mar", "7. März". */
export function dayWithoutYear(iso: string, locale?: string): string {
  const d = calendarDate(iso);
  return d ? formatsOf(locale).noYear.format(d) : iso;
}

/**
 * A day near `today`: without its year when it is in today's year ("Mar 7", "7. März"), else
 * the medium date ("Mar 7, 2025", "07.03.2025").
 */
export function shortDay(iso: string, today: string, locale?: string): string {
  return iso.slice(0, 4) === today.slice(0, 4)
    ? dayWithoutYear(iso, locale)
    : mediumDay(iso, locale);
}

/** A moment (ms since the epoch) as date and time in the local time zone; '' when none. */
export function momentWords(ms: number, locale?: string): string {
  return Number.isFinite(ms) ? formatsOf(locale).moment.format(ms) : '';
}
