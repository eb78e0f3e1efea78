import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SPRINT_DAYS,
  MAX_SPRINT_DAYS,
  effectiveSprintId,
  isRolledOver,
  itemsInSprint,
  plannedSprint,
  spilledOver,
  sprintAt,
  sprintById,
  sprintLoad,
  sprintSettingsProblem,
  sprintsAround,
  sprintsBetween,
  sumHours,
  type LoadItem,
  type Sprint,
  type SprintItem,
  type SprintSettings,
} from '../../../src/domain/sprints';

/**
 * Two-week sprints across a year end:
 * sprint 0: 2026-12-21 – 2027-01-03 (21 Dec + 13 days: 10 days to 31 Dec, 3 more)
 * sprint 1: 2027-01-04 – 2027-01-17
 * sprint 2: 2027-01-18 – 2027-01-31
 * sprint 3: 2027-02-01 – 2027-02-14
 */
const yearEnd: SprintSettings = { start: '2026-12-21', lengthDays: 14 };
const s = (index: number, start: string, end: string): Sprint => ({ id: start, index, start, end });
const S0 = s(0, '2026-12-21', '2027-01-03');
const S1 = s(1, '2027-01-04', '2027-01-17');
const S2 = s(2, '2027-01-18', '2027-01-31');
const S3 = s(3, '2027-02-01', '2027-02-14');

const item = (sprintId: string | null, doneAt: string | null = null, done = doneAt !== null) =>
  ({ sprintId, done, doneAt }) satisfies SprintItem;

describe('sprintSettingsProblem', () => {
  it('asks for a whole number of days from 1 to 91', () => {
    expect(DEFAULT_SPRINT_DAYS).toBe(14);
    expect(MAX_SPRINT_DAYS).toBe(91);
    for (const bad of [null, 0, -3, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(sprintSettingsProblem(bad, '2026-01-05')).toBe('A sprint lasts at least 1 day.');
    }
    expect(sprintSettingsProblem(1.5, '2026-01-05')).toBe('A sprint lasts a whole number of days.');
    expect(sprintSettingsProblem(92, '2026-01-05')).toBe('A sprint lasts at most 91 days.');
    expect(sprintSettingsProblem(91.5, '2026-01-05')).toBe('A sprint lasts at most 91 days.');
    expect(sprintSettingsProblem(Number.POSITIVE_INFINITY, '2026-01-05')).toBe(
      'A sprint lasts at most 91 days.',
    );
    expect(sprintSettingsProblem(91, '2026-01-05')).toBeNull();
    expect(sprintSettingsProblem(1, '2026-01-05')).toBeNull();
  });
  it('asks for a real start date', () => {
    expect(sprintSettingsProblem(14, null)).toBe('Pick the day the first sprint starts.');
    expect(sprintSettingsProblem(14, '  ')).toBe('Pick the day the first sprint starts.');
    expect(sprintSettingsProblem(14, '2026-02-29')).toBe(
      'The first sprint’s start is not a date (YYYY-MM-DD).',
    );
    expect(sprintSettingsProblem(14, '2028-02-29')).toBeNull();
  });
  it('makes the sprint functions throw on invalid settings', () => {
    expect(() => sprintAt({ start: '2026-01-05', lengthDays: 0 }, '2026-01-05')).toThrow(
      RangeError,
    );
    expect(() => sprintById({ start: 'soon', lengthDays: 14 }, '2026-01-05')).toThrow(RangeError);
    expect(() => sprintAt(yearEnd, '2027-13-01')).toThrow(RangeError);
  });
});

describe('sprintAt and sprintById', () => {
  it('runs two-week sprints across a year end', () => {
    expect(sprintAt(yearEnd, '2026-12-21')).toEqual(S0);
    expect(sprintAt(yearEnd, '2027-01-03')).toEqual(S0);
    expect(sprintAt(yearEnd, '2027-01-04')).toEqual(S1);
    // 2027-02-10 is 10 + 31 + 10 = 51 days after 21 Dec: floor(51 / 14) = 3.
    expect(sprintAt(yearEnd, '2027-02-10')).toEqual(S3);
    expect(sprintById(yearEnd, '2027-01-04')).toEqual(S1);
    expect(sprintById(yearEnd, '2026-12-21')).toEqual(S0);
  });
  it('has no sprint before the first start', () => {
    expect(sprintAt(yearEnd, '2026-12-20')).toBeNull();
    expect(sprintAt(yearEnd, '2020-01-01')).toBeNull();
    // 7 Dec is a multiple of 14 days before the start, but before it.
    expect(sprintById(yearEnd, '2026-12-07')).toBeNull();
  });
  it('knows only sprint starts as ids', () => {
    expect(sprintById(yearEnd, '2027-01-05')).toBeNull();
    expect(sprintById(yearEnd, '2027-01-17')).toBeNull();
    expect(sprintById(yearEnd, 'next sprint')).toBeNull();
    expect(sprintById(yearEnd, '2027-02-30')).toBeNull();
  });
  it('counts 29 February in a leap year', () => {
    // 15 Feb + 13 = 28 Feb; the next sprint starts on 29 Feb 2028 and ends 13 days later, 13 Mar.
    const leap = { start: '2028-02-15', lengthDays: 14 };
    expect(sprintAt(leap, '2028-02-29')).toEqual(s(1, '2028-02-29', '2028-03-13'));
    // In 2027, no 29 Feb: sprint 1 is 1 Mar – 14 Mar.
    expect(sprintAt({ start: '2027-02-15', lengthDays: 14 }, '2027-03-01')).toEqual(
      s(1, '2027-03-01', '2027-03-14'),
    );
  });
  it('runs one-week sprints', () => {
    const weekly = { start: '2026-01-05', lengthDays: 7 };
    // 5 Jan → 1 Mar: 26 + 28 + 1 = 55 days; floor(55 / 7) = 7; 5 Jan + 49 = 23 Feb.
    expect(sprintAt(weekly, '2026-03-01')).toEqual(s(7, '2026-02-23', '2026-03-01'));
    expect(sprintAt(weekly, '2026-03-02')).toEqual(s(8, '2026-03-02', '2026-03-08'));
    expect(sprintById(weekly, '2026-02-23')?.index).toBe(7);
    expect(sprintById(weekly, '2026-02-24')).toBeNull();
  });
  it('runs one-day sprints', () => {
    const daily = { start: '2026-03-07', lengthDays: 1 };
    expect(sprintAt(daily, '2026-03-10')).toEqual(s(3, '2026-03-10', '2026-03-10'));
    expect(sprintById(daily, '2026-03-31')).toEqual(s(24, '2026-03-31', '2026-03-31'));
    expect(sprintAt(daily, '2026-03-06')).toBeNull();
  });
});

describe('sprintsBetween and sprintsAround', () => {
  it('lists the sprints overlapping a range', () => {
    expect(sprintsBetween(yearEnd, '2026-12-01', '2027-01-20')).toEqual([S0, S1, S2]);
    expect(sprintsBetween(yearEnd, '2027-01-17', '2027-01-18')).toEqual([S1, S2]);
    expect(sprintsBetween(yearEnd, '2027-01-05', '2027-01-06')).toEqual([S1]);
    expect(sprintsBetween(yearEnd, '2027-01-20', '2027-01-05')).toEqual([]);
    expect(sprintsBetween(yearEnd, '2026-01-01', '2026-12-20')).toEqual([]);
    const daily = { start: '2026-03-07', lengthDays: 1 };
    expect(sprintsBetween(daily, '2026-03-01', '2026-03-08').map((x) => x.id)).toEqual([
      '2026-03-07',
      '2026-03-08',
    ]);
  });
  it('gives the current sprint with some before and after', () => {
    // 21 Dec → 1 Feb: 10 + 31 + 1 = 42 days = 3 sprints: sprint 3 starts on 1 Feb.
    expect(sprintsAround(yearEnd, '2027-02-01', 2, 1).map((x) => x.index)).toEqual([1, 2, 3, 4]);
    expect(sprintsAround(yearEnd, '2027-02-01', 0, 0)).toEqual([S3]);
    expect(sprintsAround(yearEnd, '2027-01-10', 5, 2)).toEqual([S0, S1, S2, S3]);
  });
  it('lists the first sprints ahead before the first start', () => {
    expect(sprintsAround(yearEnd, '2026-12-01', 3, 2)).toEqual([S0, S1, S2]);
    expect(sprintsAround(yearEnd, '2026-12-01', 3, 0)).toEqual([S0]);
  });
  it('wants whole non-negative counts', () => {
    expect(() => sprintsAround(yearEnd, '2027-02-01', -1, 1)).toThrow(RangeError);
    expect(() => sprintsAround(yearEnd, '2027-02-01', 1, 0.5)).toThrow(RangeError);
  });
});

describe('rollover', () => {
  it('moves unfinished work into the current sprint once its sprint has ended', () => {
    const open = item(S0.id);
    expect(effectiveSprintId(yearEnd, open, '2027-01-03')).toBe(S0.id); // S0's last day
    expect(effectiveSprintId(yearEnd, open, '2027-01-04')).toBe(S1.id);
    // Two sprints (S0, S1) ended by 20 Jan: it counts in S2, not in S1.
    expect(effectiveSprintId(yearEnd, open, '2027-01-20')).toBe(S2.id);
    expect(isRolledOver(yearEnd, open, '2027-01-20')).toBe(true);
    expect(isRolledOver(yearEnd, open, '2027-01-03')).toBe(false);
  });
  it('keeps work planned ahead where it was planned', () => {
    expect(effectiveSprintId(yearEnd, item(S3.id), '2027-01-20')).toBe(S3.id);
    expect(effectiveSprintId(yearEnd, item(S1.id), '2026-12-01')).toBe(S1.id);
  });
  it('counts done work in its sprint when done in time, else where it was done', () => {
    expect(effectiveSprintId(yearEnd, item(S0.id, '2027-01-02'), '2027-03-01')).toBe(S0.id);
    expect(effectiveSprintId(yearEnd, item(S0.id, '2027-01-03'), '2027-03-01')).toBe(S0.id);
    expect(effectiveSprintId(yearEnd, item(S0.id, '2027-01-10'), '2027-03-01')).toBe(S1.id);
    expect(isRolledOver(yearEnd, item(S0.id, '2027-01-10'), '2027-03-01')).toBe(true);
    // Done before its sprint even started: still its sprint.
    expect(effectiveSprintId(yearEnd, item(S1.id, '2026-12-22'), '2027-03-01')).toBe(S1.id);
    // Done with no date: where it was planned.
    expect(effectiveSprintId(yearEnd, item(S0.id, null, true), '2027-03-01')).toBe(S0.id);
  });
  it('leaves unplanned work unplanned', () => {
    expect(effectiveSprintId(yearEnd, item(null), '2027-01-20')).toBeNull();
    expect(effectiveSprintId(yearEnd, item('someday'), '2027-01-20')).toBeNull();
    expect(isRolledOver(yearEnd, item(null), '2027-01-20')).toBe(false);
  });
  it('lists what counts in a sprint', () => {
    const a = item(S0.id); // rolled into S2 by 20 Jan
    const b = item(S2.id, '2027-01-19');
    const c = item(S1.id, '2027-01-25'); // done late, in S2
    const d = item(S3.id);
    expect(itemsInSprint(yearEnd, S2, [a, b, c, d], '2027-01-20')).toEqual([a, b, c]);
    expect(itemsInSprint(yearEnd, S0, [a, b, c, d], '2027-01-20')).toEqual([]);
  });
});

describe('spilledOver', () => {
  const open = item(S0.id);
  const inTime = item(S0.id, '2027-01-02');
  const late = item(S0.id, '2027-01-10');
  const other = item(S1.id);
  const undated = item(S0.id, null, true);
  const all = [open, inTime, late, other, undated];
  it('keeps what was not done by the end, done late included', () => {
    expect(spilledOver(yearEnd, S0, all, '2027-01-20')).toEqual([open, late]);
    expect(spilledOver(yearEnd, S1, all, '2027-01-20')).toEqual([other]);
  });
  it('is empty until the sprint has ended', () => {
    expect(spilledOver(yearEnd, S0, [open, inTime], '2027-01-03')).toEqual([]);
    expect(spilledOver(yearEnd, S0, [open, inTime], '2027-01-04')).toEqual([open]);
    expect(spilledOver(yearEnd, S2, all, '2027-01-20')).toEqual([]);
  });
});

describe('when the settings change after planning', () => {
  // Planned under yearEnd into S1 (starts 2027-01-04). Now sprints last 10 days from 21 Dec:
  // 21–30 Dec, 31 Dec – 9 Jan, 10–19 Jan, 20–29 Jan. 4 Jan is 14 days in: floor(14 / 10) = 1.
  const tenDays = { start: '2026-12-21', lengthDays: 10 };
  const planned = item(S1.id);
  it('counts the item in the sprint holding its sprint date', () => {
    expect(sprintById(tenDays, S1.id)).toBeNull();
    expect(plannedSprint(tenDays, S1.id)).toEqual(s(1, '2026-12-31', '2027-01-09'));
    expect(effectiveSprintId(tenDays, planned, '2027-01-05')).toBe('2026-12-31');
    expect(
      itemsInSprint(tenDays, s(1, '2026-12-31', '2027-01-09'), [planned], '2027-01-05'),
    ).toEqual([planned]);
  });
  it('rolls it over and records the spill from that sprint', () => {
    expect(effectiveSprintId(tenDays, planned, '2027-01-12')).toBe('2027-01-10');
    expect(spilledOver(tenDays, s(1, '2026-12-31', '2027-01-09'), [planned], '2027-01-12')).toEqual(
      [planned],
    );
  });
  it('puts a date before the new first sprint into the first sprint', () => {
    const later = { start: '2027-01-11', lengthDays: 14 };
    expect(plannedSprint(later, S1.id)).toEqual(s(0, '2027-01-11', '2027-01-24'));
    expect(effectiveSprintId(later, planned, '2027-01-05')).toBe('2027-01-11');
    // Still open on 25 Jan, the first day of sprint 1 (11 Jan + 14).
    expect(effectiveSprintId(later, planned, '2027-01-25')).toBe('2027-01-25');
  });
  it('keeps ids that are still sprint starts', () => {
    // One-week sprints from 21 Dec start on 21 Dec, 28 Dec, 4 Jan: S1's id is sprint 2.
    const weekly = { start: '2026-12-21', lengthDays: 7 };
    expect(plannedSprint(weekly, S1.id)).toEqual(s(2, '2027-01-04', '2027-01-10'));
  });
});

describe('sprintLoad', () => {
  const w = (ownerId: string | null, estimateHours: number | null, actualHours: number | null) =>
    ({ ownerId, estimateHours, actualHours }) satisfies LoadItem;
  it('sums hours per person against capacity', () => {
    const load = sprintLoad(
      [
        w('alice', 10, 4),
        w('alice', 25, null),
        w('bob', 8, 12),
        w(null, 5, 1),
        w('carol', 30, 0),
        w('eve', 24, 20),
      ],
      { alice: 30, bob: 10, dave: 20 },
      24,
    );
    expect(load.byPerson).toEqual({
      alice: { estimate: 35, actual: 4, capacity: 30, over: true }, // 10 + 25 = 35 > 30
      bob: { estimate: 8, actual: 12, capacity: 10, over: true }, // actual 12 > 10
      dave: { estimate: 0, actual: 0, capacity: 20, over: false }, // nothing planned
      carol: { estimate: 30, actual: 0, capacity: 24, over: true }, // default 24 < 30
      eve: { estimate: 24, actual: 20, capacity: 24, over: false }, // exactly full is not over
    });
    expect(load.unassigned).toEqual({ estimate: 5, actual: 1, capacity: 0, over: false });
  });
  it('repairs capacities and hours that are not usable', () => {
    const load = sprintLoad(
      [w('frank', 0.1, -2), w('frank', 0.2, Number.NaN), w('gus', 1, null)],
      { frank: -5, gus: Number.POSITIVE_INFINITY },
      Number.NaN,
    );
    // 0.1 + 0.2 reads 0.3; negative and NaN actuals count 0; capacities fall back to 0.
    expect(load.byPerson.frank).toEqual({ estimate: 0.3, actual: 0, capacity: 0, over: true });
    expect(load.byPerson.gus).toEqual({ estimate: 1, actual: 0, capacity: 0, over: true });
  });
  it('treats any owner id as a plain key', () => {
    const load = sprintLoad([w('__proto__', 3, 1)], {}, 8);
    expect(load.byPerson['__proto__']).toEqual({
      estimate: 3,
      actual: 1,
      capacity: 8,
      over: false,
    });
    expect(({} as Record<string, unknown>).estimate).toBeUndefined();
  });
});

describe('sumHours', () => {
  const m = (exp: string, ownerId: string | null, est: number | null, act: number | null) => ({
    exp,
    ownerId,
    estimateHours: est,
    actualHours: act,
  });
  const items = [
    m('e1', 'alice', 2, 3),
    m('e2', null, 4, null),
    m('e1', 'bob', null, 1.5),
    m('e2', 'alice', 1.5, 2.5),
  ];
  it('sums estimated and actual hours per experiment', () => {
    expect([...sumHours(items, (i) => i.exp)]).toEqual([
      ['e1', { estimate: 2, actual: 4.5, items: 2 }], // 2 + 0; 3 + 1.5
      ['e2', { estimate: 5.5, actual: 2.5, items: 2 }], // 4 + 1.5; 0 + 2.5
    ]);
  });
  it('keeps work nobody owns as a null group', () => {
    expect([...sumHours(items, (i) => i.ownerId)]).toEqual([
      ['alice', { estimate: 3.5, actual: 5.5, items: 2 }], // 2 + 1.5; 3 + 2.5
      [null, { estimate: 4, actual: 0, items: 1 }],
      ['bob', { estimate: 0, actual: 1.5, items: 1 }],
    ]);
  });
  it('sums per sprint where the work counts', () => {
    const planned = [
      { ...item(S0.id), estimateHours: 3, actualHours: 1 }, // rolled into S2
      { ...item(S2.id, '2027-01-19'), estimateHours: 2, actualHours: 2 },
      { ...item(S0.id, '2027-01-02'), estimateHours: 5, actualHours: 6 },
    ];
    const bySprint = sumHours(planned, (i) => effectiveSprintId(yearEnd, i, '2027-01-20'));
    expect(bySprint.get(S2.id)).toEqual({ estimate: 5, actual: 3, items: 2 }); // 3 + 2; 1 + 2
    expect(bySprint.get(S0.id)).toEqual({ estimate: 5, actual: 6, items: 1 });
    expect(sumHours([], (i: (typeof planned)[number]) => i.sprintId).size).toBe(0);
  });
});
