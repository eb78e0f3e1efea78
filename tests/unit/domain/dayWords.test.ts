import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  dayWithoutYear,
  mediumDay,
  momentWords,
  shortDay,
} from '../../../src/domain/dayWords';

describe('days in words', () => {
  it('a day near today drops its year only within today’s year, in the locale given', () => {
    expect(shortDay('2026-03-07', '2026-11-20', 'en-US')).toBe('Mar 7');
    expect(shortDay('2026-03-07', '2026-11-20', 'en-GB')).toBe('7 Mar');
    expect(shortDay('2026-03-07', '2026-11-20', 'de-DE')).toBe('7. März');
    expect(shortDay('2025-03-07', '2026-11-20', 'en-US')).toBe('Mar 7, 2025');
    expect(shortDay('2025-03-07', '2026-11-20', 'en-GB')).toBe('7 Mar 2025');
    expect(shortDay('2025-03-07', '2026-11-20', 'de-DE')).toBe('07.03.2025');
  });

  it('reads a day as a calendar date: the first and last day of a year stay in it', () => {
    expect(mediumDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(mediumDay('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
    expect(dayWithoutYear('2026-12-31', 'en-US')).toBe('Dec 31');
    expect(calendarDate('0050-06-15')?.getUTCFullYear()).toBe(50);
  });

  it('leaves text that is no calendar date as it is', () => {
    expect(calendarDate('2025-02-30')).toBeNull();
    expect(mediumDay('2025-02-30', 'en-US')).toBe('2025-02-30');
    expect(shortDay('someday', '2026-11-20', 'de-DE')).toBe('someday');
  });

  it('names a moment by its local date and time, in the locale', () => {
    const at = new Date(2026, 11, 3, 8, 34).getTime(); // 3 Dec 2026, 08:34 local
    expect(momentWords(at, 'en-US')).toBe('Dec 3, 2026, 8:34 AM');
    expect(momentWords(at, 'de-DE')).toBe('03.12.2026, 08:34');
    expect(momentWords(Number.NaN, 'de-DE')).toBe('');
  });
});
