/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA time zone, derived from the Intl data the browser
 * has, so a calendar file can say "09:30 in Europe/Berlin" and any calendar, in any zone, puts
 * the reminder at the same instant, on both sides of a daylight-saving change.
 *
 * The zone's UTC offset is sampled once a day (at 00:00 UTC) over `years` years from January
 * of `fromYear`; where it changes between two samples, the minute of the change is found by
 * halving. Changes with the same offsets before and after form one observance (STANDARD when
 * the offset falls, DAYLIGHT when it rises). An observance whose changes fall every year of the
 * span, in the same month, at the same local time, on the same weekday and the same week of the
 * month (or the last week) is written as a yearly RRULE; any other (a zone whose rules changed
 * within the span, or that stops changing) lists each change as an RDATE. A zone that never
 * changes in the span is one STANDARD observance from 1970. Each DTSTART is the local time just
 * before the change, in the offset before it, as the RFC asks.
 */

export interface OffsetChange {
  /** The instant of the change, milliseconds since the epoch. */
  at: number;
  /** UTC offsets in minutes, before and after. */
  from: number;
  to: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's UTC offset in whole minutes at an instant (Europe/Berlin in January: 60). */
export function offsetAt(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(at / 1000) * 1000) / MINUTE);
}

/** Every change of the zone's offset from 1 January `fromYear` (UTC) for `years` years. */
export function offsetChanges(timeZone: string, fromYear: number, years: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.UTC(fromYear + years, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let offset = offsetAt(timeZone, t);
  while (t < end) {
    const next = t + DAY;
    const nextOffset = offsetAt(timeZone, next);
    if (nextOffset !== offset) {
      // The first minute in (t, next] with the new offset.
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(timeZone, mid) === offset) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, from: offset, to: nextOffset });
    }
    t = next;
    offset = nextOffset;
  }
  return changes;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "+0100", "-0330", "+0545". */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}${pad(m % 60)}`;
}

/** The local wall time of an instant at a fixed offset, as the parts of a UTC date. */
const wallClock = (at: number, offset: number): Date => new Date(at + offset * MINUTE);

/** A local date-time, e.g. 20270328T020000. */
function localStamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The week of the month a date is in: 1…5, or -1 when it is in the month's last seven days. */
function weekOfMonth(d: Date, last: boolean): number {
  if (last) return -1;
  return Math.ceil(d.getUTCDate() / 7);
}

function isLastWeek(d: Date): boolean {
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return d.getUTCDate() + 7 > daysInMonth;
}

/** The yearly rule all these changes follow, or null when they follow none. */
function yearlyRule(locals: readonly Date[], fromYear: number, years: number): string | null {
  if (locals.length !== years) return null;
  const first = locals[0];
  if (!first) return null;
  const time = localStamp(first).slice(9);
  const month = first.getUTCMonth();
  const weekday = first.getUTCDay();
  const last = locals.every(isLastWeek);
  const week = weekOfMonth(first, last);
  const fits = locals.every(
    (d, i) =>
      d.getUTCFullYear() === fromYear + i &&
      d.getUTCMonth() === month &&
      d.getUTCDay() === weekday &&
      localStamp(d).slice(9) === time &&
      weekOfMonth(d, last) === week,
  );
  return fits ? `FREQ=YEARLY;BYMONTH=${month + 1};BYDAY=${week}${WEEKDAYS[weekday]}` : null;
}

/**
 * The VTIMEZONE lines (unfolded) of `timeZone`, valid from January of `fromYear` for `years`
 * years (and on by the yearly rules where the zone has them). Throws a RangeError for a zone
 * Intl does not know.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, years = 12): string[] {
  const changes = offsetChanges(timeZone, fromYear, years);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (changes.length === 0) {
    const offset = offsetText(offsetAt(timeZone, Date.UTC(fromYear, 0, 1)));
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  }
  const groups = new Map<string, OffsetChange[]>();
  for (const c of changes) {
    const key = `${c.from}>${c.to}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) {
    const { from, to } = group[0] as OffsetChange;
    const locals = group.map((c) => wallClock(c.at, c.from));
    const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
    const rule = yearlyRule(locals, fromYear, years);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(locals[0] as Date)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
    );
    if (rule !== null) lines.push(`RRULE:${rule}`);
    else if (locals.length > 1) lines.push(`RDATE:${locals.slice(1).map(localStamp).join(',')}`);
    lines.push(`END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
