/** Date and period cells as spreadsheets write them. */
import { grainOf, isDate } from './periods';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export type DateCell = { date: string } | { period: string };

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number | string, width: number): string => String(n).padStart(width, '0');

/** 1–12 for an English month name or an abbreviation of at least three letters ("Sept"). */
function monthOfName(name: string): number | null {
  const s = name.toLowerCase().replace(/\.$/, '');
  if (s.length < 3) return null;
  const i = MONTH_NAMES.findIndex((full) => full.startsWith(s));
  return i < 0 ? null : i + 1;
}

/** Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (the POSIX pivot). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function dateOf(y: string | number, m: string | number, d: string | number): DateCell | null {
  const year = typeof y === 'number' ? y : fullYear(y);
  const date = `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  return isDate(date) ? { date } : null;
}

function periodKey(key: string): DateCell | null {
  return grainOf(key) === null ? null : { period: key };
}

function monthKey(y: string | number, m: number | null): DateCell | null {
  if (m === null) return null;
  const year = typeof y === 'number' ? y : fullYear(y);
  return periodKey(`${pad(year, 4)}-${pad(m, 2)}`);
}

/** Removes a time of day ("T10:00", " 00:00:00", " 3:05 PM", "Z", "+02:00"); dates are literal. */
const TIME_RE =
  /^(.*?)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
/** A leading weekday ("Fri, 7 Mar 2025", "Friday, March 7, 2025"). */
const WEEKDAY_RE = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** Period keys and the common ways of writing them: weeks, quarters, months. */
function parsePeriod(s: string): DateCell | null {
  let m = /^(\d{4})[-\s]?W(\d{1,2})$/i.exec(s) ?? /^W(?:eek)?\s*(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (m) {
    const [a = '', b = ''] = [m[1], m[2]];
    const [y, w] = a.length === 4 ? [a, b] : [b, a];
    return periodKey(`${y}-W${pad(w, 2)}`);
  }
  m = /^(\d{4})[-\s]?Q([1-4])$/i.exec(s);
  if (m) return periodKey(`${m[1] ?? ''}-Q${m[2] ?? ''}`);
  m = /^Q([1-4])[-\s/]?(\d{4})$/i.exec(s);
  if (m) return periodKey(`${m[2] ?? ''}-Q${m[1] ?? ''}`);
  m = /^(\d{4})([-/.])(\d{1,2})$/.exec(s);
  if (m) return monthKey(Number(m[1]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return monthKey(Number(m[2]), Number(m[1]));
  m = /^([a-z]+\.?)[\s-]+(\d{4})$/i.exec(s) ?? /^([a-z]+)-(\d{2})$/i.exec(s); // "Mar 2025", "Mar-25"
  if (m) return monthKey(m[2] ?? '', monthOfName(m[1] ?? ''));
  m = /^(\d{4})\s+([a-z]+)$/i.exec(s);
  if (m) return monthKey(m[1] ?? '', monthOfName(m[2] ?? ''));
  return null;
}

/** Dates whose month is a name: "7 Mar 2025", "07-Mar-2025", "7-Mar-25", "March 7, 2025". */
function parseNamedDate(s: string): DateCell | null {
  let m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?),?[\s-]+(\d{4}|\d{2})$/i.exec(s);
  if (m) {
    const month = monthOfName(m[2] ?? '');
    return month === null ? null : dateOf(m[3] ?? '', month, m[1] ?? '');
  }
  m = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s);
  if (m) {
    const month = monthOfName(m[1] ?? '');
    return month === null ? null : dateOf(m[3] ?? '', month, m[2] ?? '');
  }
  return null;
}

/** All-digit dates: year-first always; otherwise day and month in the order given. */
function parseNumericDate(s: string, order: DateOrder): DateCell | null {
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(s);
  if (m) return dateOf(Number(m[1]), m[3] ?? '', m[4] ?? '');
  if (order === 'ymd') {
    m = /^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
    return m ? dateOf(m[1] ?? '', m[3] ?? '', m[4] ?? '') : null;
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (!m) return null;
  const [first = '', second = '', year = ''] = [m[1], m[3], m[4]];
  return order === 'dmy' ? dateOf(year, second, first) : dateOf(year, first, second);
}

/**
 * A date or period cell → a 'YYYY-MM-DD' date, or a period key passed through when it already
 * is one ("2025-W07", "2025-03", "2025-Q1", also "Q1 2025", "2025 Q1", "Mar 2025", "March
 * 2025", "Week 7, 2025"). Accepts ISO dates (also with a time part "2025-03-07T10:00" or
 * Excel-style "2025-03-07 00:00:00"; the time and any zone are ignored, the calendar date is
 * taken as written), and d/m/y or m/d/y with / . or - separators and 2- or 4-digit years per
 * `order` ('ymd' also reads "25-03-07"). Year-first dates are read as y-m-d whatever the order.
 * Rejects impossible dates (31/02/2025). Returns { date } or { period } or null.
 */
export function parseDateCell(text: string, order: DateOrder): DateCell | null {
  let s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  const time = TIME_RE.exec(s);
  if (time && time[1]) s = time[1];
  s = s.replace(WEEKDAY_RE, '');
  return parsePeriod(s) ?? parseNamedDate(s) ?? parseNumericDate(s, order);
}

/**
 * Why a cell written as a week or a quarter names none, or null: "2025-W53" (2025 has 52 ISO
 * weeks), "W0 2025", "Q5 2025", "2025-Q0".
 */
export function impossiblePeriod(text: string): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  const week =
    /^(\d{4})[-\s]?W(\d{1,2})$/i.exec(s) ?? /^W(?:eek)?\s*(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  if (week) {
    const [a = '', b = ''] = [week[1], week[2]];
    const [year, w] = a.length === 4 ? [a, Number(b)] : [b, Number(a)];
    const weeks = grainOf(`${year}-W53`) === 'week' ? 53 : 52;
    return `“${text.trim()}”: there is no week ${w} in ${year} (its ISO weeks run 1–${weeks})`;
  }
  const quarter = /^(\d{4})[-\s]?Q(\d)$/i.exec(s) ?? /^Q(\d)[-\s/]?(\d{4})$/i.exec(s);
  if (quarter) {
    const q = /^Q/i.test(s) ? quarter[1] : quarter[2];
    return `“${text.trim()}”: there is no quarter ${q} (quarters are Q1–Q4)`;
  }
  return null;
}
