import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCalendar, type CheckinReminder } from '../../../src/domain/ics';
import {
  offsetAt,
  offsetChanges,
  offsetText,
  vtimezoneLines,
} from '../../../src/domain/icsTimeZone';

const reminder = (patch: Partial<CheckinReminder>): CheckinReminder => ({
  uid: 'ws1-p1',
  now: new Date(Date.UTC(2026, 10, 23, 10, 15, 7)),
  today: '2026-11-23', // a Monday
  weekday: 0,
  time: '09:30',
  cadence: 'weekly',
  timeZone: 'Europe/Berlin',
  workspaceName: 'Acme, Inc; growth',
  metrics: [{ name: 'Weekly active users', cadence: 'weekly' }],
  ...patch,
});

/**
 * The first `count` occurrences as UTC instants, read by ical.js (an independent parser) with
 * the file's own VTIMEZONE, while this process runs in another zone (America/Los_Angeles).
 */
function occurrences(ics: string, count = 8): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  expect(event.startDate.zone?.tzid).not.toBe('floating');
  const iterator = event.iterator();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = iterator.next();
    if (!next) break;
    out.push(next.toJSDate().toISOString().slice(0, 16));
  }
  return out;
}

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('offsets from Intl', () => {
  it('reads the offset of a zone at an instant', () => {
    expect(offsetAt('Europe/Berlin', Date.UTC(2026, 0, 15))).toBe(60);
    expect(offsetAt('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(120);
    expect(offsetAt('America/New_York', Date.UTC(2026, 0, 15))).toBe(-300);
    expect(offsetAt('Asia/Kathmandu', Date.UTC(2026, 0, 15))).toBe(345);
    expect(offsetAt('UTC', Date.UTC(2026, 0, 15))).toBe(0);
  });

  it('finds the minute of each change', () => {
    // EU rules: last Sunday of March and of October at 01:00 UTC (29 Mar, 25 Oct 2026).
    expect(offsetChanges('Europe/Berlin', 2026, 1)).toEqual([
      { at: Date.UTC(2026, 2, 29, 1, 0), from: 60, to: 120 },
      { at: Date.UTC(2026, 9, 25, 1, 0), from: 120, to: 60 },
    ]);
    expect(offsetChanges('Asia/Kolkata', 2026, 3)).toEqual([]);
  });

  it('writes offsets as ±HHMM', () => {
    expect(offsetText(60)).toBe('+0100');
    expect(offsetText(-210)).toBe('-0330');
    expect(offsetText(345)).toBe('+0545');
    expect(offsetText(0)).toBe('+0000');
  });
});

describe('vtimezoneLines', () => {
  it('gives Europe/Berlin its two yearly rules', () => {
    // 30 Mar 2025 and 26 Oct 2025 are the last Sundays; the local time is the one before the
    // change: 02:00 CET (01:00 UTC) and 03:00 CEST (01:00 UTC).
    expect(vtimezoneLines('Europe/Berlin', 2025)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('gives New York the second Sunday of March and the first of November', () => {
    const lines = vtimezoneLines('America/New_York', 2026);
    // 8 Mar 2026 02:00 EST and 1 Nov 2026 02:00 EDT.
    expect(lines).toContain('DTSTART:20260308T020000');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(lines).toContain('DTSTART:20261101T020000');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  });

  it('gives a zone without changes one fixed observance', () => {
    expect(vtimezoneLines('Asia/Kolkata', 2026)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('lists the changes one by one when they follow no yearly rule', () => {
    // Over 2021-2024 Samoa stopped daylight saving (last change: 4 Apr 2021, 04:00 local
    // +14:00 → 03:00 +13:00): a span that starts in 2020 is not one change a year.
    const lines = vtimezoneLines('Pacific/Apia', 2020, 4);
    expect(lines.some((l) => l.startsWith('RRULE:'))).toBe(false);
    expect(lines).toContain('DTSTART:20200405T040000');
    expect(lines).toContain('RDATE:20210404T040000');
  });
});

describe('a calendar read in another zone', () => {
  it('puts a Berlin reminder at the same instant', () => {
    const ics = checkinCalendar(reminder({}));
    expect(ics.replace(/\r\n /g, '')).toContain('DTSTART;TZID=Europe/Berlin:20261123T093000\r\n');
    // Mondays 09:30 CET (+01:00) = 08:30 UTC, 23 Nov 2026 to 11 Jan 2027.
    expect(occurrences(ics)).toEqual([
      '2026-11-23T08:30',
      '2026-11-30T08:30',
      '2026-12-07T08:30',
      '2026-12-14T08:30',
      '2026-12-21T08:30',
      '2026-12-28T08:30',
      '2027-01-04T08:30',
      '2027-01-11T08:30',
    ]);
  });

  it('keeps 09:30 local across the spring change (Berlin, 28 Mar 2027)', () => {
    const ics = checkinCalendar(reminder({ today: '2027-03-15' }));
    // Two Mondays in CET (08:30 UTC), then CEST (+02:00): 07:30 UTC.
    expect(occurrences(ics)).toEqual([
      '2027-03-15T08:30',
      '2027-03-22T08:30',
      '2027-03-29T07:30',
      '2027-04-05T07:30',
      '2027-04-12T07:30',
      '2027-04-19T07:30',
      '2027-04-26T07:30',
      '2027-05-03T07:30',
    ]);
  });

  it('keeps 09:30 local in New York (change on 14 Mar 2027)', () => {
    const ics = checkinCalendar(reminder({ today: '2027-03-01', timeZone: 'America/New_York' }));
    // EST (−05:00): 14:30 UTC; from 15 Mar EDT (−04:00): 13:30 UTC.
    expect(occurrences(ics)).toEqual([
      '2027-03-01T14:30',
      '2027-03-08T14:30',
      '2027-03-15T13:30',
      '2027-03-22T13:30',
      '2027-03-29T13:30',
      '2027-04-05T13:30',
      '2027-04-12T13:30',
      '2027-04-19T13:30',
    ]);
  });

  it('keeps 09:30 local in Sydney (autumn change on 4 Apr 2027)', () => {
    const ics = checkinCalendar(
      reminder({ today: '2027-03-22', timeZone: 'Australia/Sydney', cadence: 'weekly' }),
    );
    // AEDT (+11:00): 22:30 UTC the day before; from 5 Apr AEST (+10:00): 23:30 UTC.
    expect(occurrences(ics, 4)).toEqual([
      '2027-03-21T22:30',
      '2027-03-28T22:30',
      '2027-04-04T23:30',
      '2027-04-11T23:30',
    ]);
  });

  it('reads a monthly reminder in Kolkata (+05:30, no changes)', () => {
    const ics = checkinCalendar(
      reminder({ timeZone: 'Asia/Kolkata', cadence: 'monthly', weekday: 4 }),
    );
    // First Fridays 09:30 IST = 04:00 UTC: 4 Dec 2026, 1 Jan 2027, 5 Feb 2027.
    expect(occurrences(ics, 3)).toEqual([
      '2026-12-04T04:00',
      '2027-01-01T04:00',
      '2027-02-05T04:00',
    ]);
  });

  it('still folds every line and escapes the texts', () => {
    const ics = checkinCalendar(reminder({ timeZone: 'America/Argentina/Buenos_Aires' }));
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Lodestar check-in: Acme\\, Inc\\; growth');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary')).toBe(
      'Lodestar check-in: Acme, Inc; growth',
    );
  });

  it('refuses a zone name that would need quoting', () => {
    expect(() => checkinCalendar(reminder({ timeZone: 'Evil:zone' }))).toThrow(RangeError);
  });
});
