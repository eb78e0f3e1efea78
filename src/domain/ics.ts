/**
 * A calendar file (RFC 5545 iCalendar) with one repeating event: the reminder to log one's
 * check-in values. No server is involved: the user imports the file into their calendar.
 *
 * Lines end in CRLF and are folded at 75 octets of UTF-8 (never inside a character), the
 * continuation starting with one space. TEXT values escape backslash, semicolon, comma and
 * newlines. DTSTART is a local date-time in the user's time zone (`DTSTART;TZID=Europe/Berlin:`),
 * with that zone's VTIMEZONE (domain/icsTimeZone, derived from Intl) in the file: a calendar in
 * another zone puts the reminder at the same instant, and a weekly 09:30 stays 09:30 for the
 * user across daylight-saving changes (a UTC time with Z would move by an hour twice a year).
 * The UID is stable per workspace and person, so importing a newer file updates the event
 * instead of adding a second one.
 */
import { addDays, daysBetween, periodOf, periodStart, quarterShift } from './periods';
import { vtimezoneLines } from './icsTimeZone';
import type { Cadence } from './types';

/** Monday = 0 … Sunday = 6 (ISO order). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export interface ReminderMetric {
  name: string;
  cadence: Cadence | null;
}

export interface CheckinReminder {
  /** Stable identifier, e.g. "<workspace id>-<person id>". */
  uid: string;
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** Today's local date, YYYY-MM-DD: the first reminder is on or after it. */
  today: string;
  weekday: Weekday;
  /** Local time of day, "HH:MM" (24 h). */
  time: string;
  /** The user's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone). */
  timeZone: string;
  /** How often; daily ignores the weekday, monthly and quarterly use its first in the month. */
  cadence: Cadence;
  /** The month the workspace's fiscal year starts (default January): quarters begin with it. */
  fiscalStart?: number;
  workspaceName: string;
  metrics: readonly ReminderMetric[];
  /** Where to log the values (the check-in page), if known. */
  url?: string;
  /** Minutes of the event (default 15). */
  durationMinutes?: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets, each continuation
 * line starting with a space (which counts), never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A UTC date-time, e.g. 20261123T101500Z. */
export function utcStamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Monday = 0 … Sunday = 6 of a calendar date. */
export function weekdayOf(date: string): Weekday {
  return daysBetween(periodStart(periodOf(date, 'week')), date) as Weekday;
}

/** The first date on or after `from` that is the given weekday. */
function nextWeekday(from: string, weekday: Weekday): string {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

/**
 * The first reminder date, on or after `today`, that the repeat rule itself produces (RFC 5545
 * wants DTSTART to be an occurrence): today for daily; the next such weekday for weekly; the
 * first such weekday of a month (of a quarter's first month, for quarterly: quarters of a fiscal
 * year starting in `fiscalStart`).
 */
export function firstReminderDate(
  today: string,
  weekday: Weekday,
  cadence: Cadence,
  fiscalStart = 1,
): string {
  if (cadence === 'daily') return today;
  if (cadence === 'weekly') return nextWeekday(today, weekday);
  const step = cadence === 'monthly' ? 1 : 3;
  const shift = cadence === 'quarterly' ? quarterShift(fiscalStart) : 0;
  const [year, month] = today.split('-').map(Number) as [number, number];
  // Months since year 0 of the first month of today's month or quarter.
  let ord = Math.floor((year * 12 + month - 1 - shift) / step) * step + shift;
  for (;;) {
    const first = nextWeekday(`${pad(Math.floor(ord / 12), 4)}-${pad((ord % 12) + 1)}-01`, weekday);
    if (first >= today) return first;
    ord += step;
  }
}

/** The RRULE value for a cadence. */
export function recurrenceRule(cadence: Cadence, weekday: Weekday): string {
  const day = WEEKDAY_CODES[weekday];
  switch (cadence) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${day}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=1${day}`;
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYDAY=1${day}`;
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** An IANA zone name: nothing that would need quoting in a TZID parameter. */
const ZONE = /^[A-Za-z0-9/_+-]{1,64}$/;

/** The event's description: the metrics to log, then where. */
function description(r: CheckinReminder): string {
  const lines = [`Log your values in Lodestar (${r.workspaceName}):`];
  for (const m of r.metrics) lines.push(`- ${m.name}${m.cadence ? ` (${m.cadence})` : ''}`);
  if (r.metrics.length === 0) lines.push('(you own no metrics yet)');
  if (r.url) lines.push('', r.url);
  return lines.join('\n');
}

/**
 * The whole calendar file, CRLF line ends included. Throws a RangeError on a bad time or a time
 * zone Intl does not know.
 */
export function checkinCalendar(r: CheckinReminder): string {
  const time = TIME.exec(r.time);
  if (!time) throw new RangeError(`Not a time of day: "${r.time}"`);
  if (!ZONE.test(r.timeZone)) throw new RangeError(`Not a time zone: "${r.timeZone}"`);
  const first = firstReminderDate(r.today, r.weekday, r.cadence, r.fiscalStart);
  const start = first.replace(/-/g, '');
  // From the year before the first reminder, so every occurrence has its observance.
  const zone = vtimezoneLines(r.timeZone, Number(first.slice(0, 4)) - 1);
  const summary = `Lodestar check-in: ${r.workspaceName}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lodestar//Check-in reminder//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...zone,
    'BEGIN:VEVENT',
    `UID:${escapeText(r.uid)}@lodestar`,
    `DTSTAMP:${utcStamp(r.now)}`,
    `DTSTART;TZID=${r.timeZone}:${start}T${time[1]}${time[2]}00`,
    `DURATION:PT${r.durationMinutes ?? 15}M`,
    `RRULE:${recurrenceRule(r.cadence, r.weekday)}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description(r))}`,
    ...(r.url ? [`URL:${r.url}`] : []),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(summary)}`,
    'TRIGGER:PT0S',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
