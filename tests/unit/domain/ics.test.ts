import { describe, expect, it } from 'vitest';
import {
  checkinCalendar,
  escapeText,
  firstReminderDate,
  foldLine,
  recurrenceRule,
  utcStamp,
  weekdayOf,
  type CheckinReminder,
} from '../../../src/domain/ics';

const octets = (s: string): number => new TextEncoder().encode(s).length;

/** Undoes folding: a CRLF followed by one space joins the lines. */
const unfold = (text: string): string => text.replace(/\r\n /g, '');

const reminder = (patch: Partial<CheckinReminder> = {}): CheckinReminder => ({
  uid: 'ws1-p1',
  now: new Date(Date.UTC(2026, 10, 23, 10, 15, 7)),
  today: '2026-11-23', // a Monday
  weekday: 0,
  time: '09:30',
  cadence: 'weekly',
  timeZone: 'Europe/Berlin',
  workspaceName: 'Acme, Inc; growth',
  metrics: [
    { name: 'Weekly active users', cadence: 'weekly' },
    { name: 'Revenue\\cost', cadence: 'monthly' },
  ],
  url: 'https://example.test/#/w/ws1/checkin',
  ...patch,
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const exactly = 'X'.repeat(75);
    expect(foldLine(exactly)).toBe(exactly);
  });

  it('folds at 75 octets with a leading space, and unfolds to the original', () => {
    const line = 'DESCRIPTION:' + 'abcdefghij'.repeat(30);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(octets(parts[0]!)).toBe(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a multi-byte character', () => {
    const line = 'SUMMARY:' + 'é✦😀'.repeat(40);
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\ufffd');
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('dates and rules', () => {
  it('knows the weekday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
    expect(weekdayOf('2024-02-29')).toBe(3);
  });

  it('starts on an occurrence of the rule, on or after today', () => {
    expect(firstReminderDate('2026-11-23', 0, 'weekly')).toBe('2026-11-23');
    expect(firstReminderDate('2026-11-24', 0, 'weekly')).toBe('2026-11-30');
    expect(firstReminderDate('2026-11-24', 4, 'weekly')).toBe('2026-11-27');
    expect(firstReminderDate('2026-11-24', 4, 'daily')).toBe('2026-11-24');
    // First Monday of the month: 2 Nov 2026 is past, so 7 Dec 2026.
    expect(firstReminderDate('2026-11-24', 0, 'monthly')).toBe('2026-12-07');
    expect(firstReminderDate('2026-11-01', 0, 'monthly')).toBe('2026-11-02');
    // First Monday of a quarter's first month: Jan 2027 (5 Jan 2027 is a Tuesday → 4 Jan).
    expect(firstReminderDate('2026-11-24', 0, 'quarterly')).toBe('2027-01-04');
    expect(firstReminderDate('2026-12-31', 2, 'monthly')).toBe('2027-01-06');
  });

  it('writes the RRULE of each cadence', () => {
    expect(recurrenceRule('daily', 3)).toBe('FREQ=DAILY');
    expect(recurrenceRule('weekly', 3)).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(recurrenceRule('monthly', 0)).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(recurrenceRule('quarterly', 6)).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=1SU');
  });

  it('stamps in UTC', () => {
    expect(utcStamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('20260102T030405Z');
  });
});

describe('checkinCalendar', () => {
  const ics = checkinCalendar(reminder());
  const lines = unfold(ics).split('\r\n');

  it('uses CRLF everywhere and folds every line', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('has a well-formed structure', () => {
    const stack: string[] = [];
    for (const line of lines.filter(Boolean)) {
      expect(line).toMatch(/^[A-Z-]+[:;]/);
      if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
      if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const order = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
      'END:VALARM',
      'END:VEVENT',
    ];
    const at = order.map((l) => lines.indexOf(l));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const required of ['VERSION:2.0', 'PRODID:', 'UID:', 'DTSTAMP:', 'DTSTART;TZID=']) {
      expect(lines.some((l) => l.startsWith(required))).toBe(true);
    }
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM'));
    expect(alarm).toContain('ACTION:DISPLAY');
    expect(alarm.some((l) => l.startsWith('TRIGGER:'))).toBe(true);
    expect(alarm.some((l) => l.startsWith('DESCRIPTION:'))).toBe(true);
  });

  it("repeats weekly at a time in the user's zone, from the first occurrence", () => {
    expect(lines).toContain('UID:ws1-p1@lodestar');
    expect(lines).toContain('DTSTAMP:20261123T101507Z');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20261123T093000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
  });

  it('lists the metrics in an escaped description', () => {
    const description = lines.find((l) => l.startsWith('DESCRIPTION:Log'));
    expect(description).toBe(
      'DESCRIPTION:Log your values in Lodestar (Acme\\, Inc\\; growth):\\n' +
        '- Weekly active users (weekly)\\n- Revenue\\\\cost (monthly)\\n\\n' +
        'https://example.test/#/w/ws1/checkin',
    );
    expect(lines).toContain('SUMMARY:Lodestar check-in: Acme\\, Inc\\; growth');
  });

  it('follows the cadence', () => {
    const daily = unfold(checkinCalendar(reminder({ cadence: 'daily', time: '17:05' })));
    expect(daily).toContain('RRULE:FREQ=DAILY\r\n');
    expect(daily).toContain('DTSTART;TZID=Europe/Berlin:20261123T170500\r\n');
    const monthly = unfold(checkinCalendar(reminder({ cadence: 'monthly', weekday: 4 })));
    expect(monthly).toContain('RRULE:FREQ=MONTHLY;BYDAY=1FR\r\n');
    expect(monthly).toContain('DTSTART;TZID=Europe/Berlin:20261204T093000\r\n');
  });

  it('rejects a bad time', () => {
    expect(() => checkinCalendar(reminder({ time: '25:00' }))).toThrow(RangeError);
    expect(() => checkinCalendar(reminder({ time: '9:00' }))).toThrow(RangeError);
  });
});
