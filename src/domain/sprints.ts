/**
 * Sprints: workspace-wide time boxes of equal length.
 *
 * Sprints are derived, never stored. The workspace keeps only `{ start, lengthDays }`; sprint n
 * (index 0 = the first) runs from `start + n × lengthDays` to the day before sprint n + 1, both
 * ends inclusive. A sprint's id is its start date ('YYYY-MM-DD'), so planned work refers to a
 * sprint by a plain date that every peer reads the same way, and sprints "are created ahead" as
 * time passes simply because the arithmetic never ends. Before `start` there is no sprint.
 *
 * Planned work (experiment milestones, retro actions) carries `sprintId` and is never rewritten
 * when a sprint ends; where it counts is derived (`effectiveSprintId`):
 * - an unfinished item counts in its planned sprint until that sprint has ended (its last day is
 *   before today); after that it rolls over into the current sprint, however many sprints ended
 *   since;
 * - a done item counts in its planned sprint when it was done by that sprint's end (or its done
 *   date is unknown), else in the sprint that holds its done date;
 * - the planned sprint keeps the record: once it has ended, `spilledOver` lists its items that
 *   were not done by its last day, including those done later.
 *
 * A `sprintId` that is not a sprint start under the current settings (the start or the length
 * changed after it was planned) does not vanish: it means the sprint that holds that date, or
 * the first sprint when the date is before every sprint (`plannedSprint`). A `sprintId` that is
 * not a date at all is treated as unplanned.
 *
 * Functions taking settings throw a RangeError when the settings are invalid
 * (`sprintSettingsProblem` says why in words), like the period functions do for bad dates.
 */
import { addDays, daysBetween, isDate } from './periods';

export interface SprintSettings {
  /** The first day of the first sprint (a date). */
  start: string;
  /** Whole days, 1 to MAX_SPRINT_DAYS. */
  lengthDays: number;
}

export interface Sprint {
  /** Its start date, 'YYYY-MM-DD'. */
  id: string;
  /** 0 = the first sprint. */
  index: number;
  start: string;
  /** The last day (inclusive). */
  end: string;
}

/** Work planned into a sprint. */
export interface SprintItem {
  sprintId: string | null;
  done: boolean;
  doneAt: string | null;
}

/** Work with an owner and hours, for capacity and sums. */
export interface HoursItem {
  estimateHours: number | null;
  actualHours: number | null;
}

export interface LoadItem extends HoursItem {
  ownerId: string | null;
}

export const DEFAULT_SPRINT_DAYS = 14;
/** A quarter (13 weeks) at most. */
export const MAX_SPRINT_DAYS = 91;

/** The message to show at the sprint settings fields, or null when they are fine. */
export function sprintSettingsProblem(
  lengthDays: number | null,
  start: string | null,
): string | null {
  if (lengthDays === null || Number.isNaN(lengthDays) || lengthDays < 1) {
    return 'A sprint lasts at least 1 day.';
  }
  if (lengthDays > MAX_SPRINT_DAYS) return `A sprint lasts at most ${MAX_SPRINT_DAYS} days.`;
  if (!Number.isInteger(lengthDays)) return 'A sprint lasts a whole number of days.';
  if (start === null || start.trim() === '') return 'Pick the day the first sprint starts.';
  if (!isDate(start)) return 'The first sprint’s start is not a date (YYYY-MM-DD).';
  return null;
}

function check(settings: SprintSettings): void {
  const problem = sprintSettingsProblem(settings.lengthDays, settings.start);
  if (problem !== null) throw new RangeError(`Invalid sprint settings: ${problem}`);
}

function checkDate(date: string): void {
  if (!isDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
}

function nth(settings: SprintSettings, index: number): Sprint {
  const start = addDays(settings.start, index * settings.lengthDays);
  return { id: start, index, start, end: addDays(start, settings.lengthDays - 1) };
}

/** Index of the sprint holding `date`, or -1 before the first sprint. */
function indexAt(settings: SprintSettings, date: string): number {
  const d = daysBetween(settings.start, date);
  return d < 0 ? -1 : Math.floor(d / settings.lengthDays);
}

/** The sprint holding `date`; null before the first sprint's start. */
export function sprintAt(settings: SprintSettings, date: string): Sprint | null {
  check(settings);
  checkDate(date);
  const i = indexAt(settings, date);
  return i < 0 ? null : nth(settings, i);
}

/** The sprint whose start is `id`; null when `id` is not a sprint start under these settings. */
export function sprintById(settings: SprintSettings, id: string): Sprint | null {
  check(settings);
  if (!isDate(id)) return null;
  const d = daysBetween(settings.start, id);
  if (d < 0 || d % settings.lengthDays !== 0) return null;
  return nth(settings, d / settings.lengthDays);
}

/** Every sprint that overlaps `from`–`to` (inclusive), chronological; [] when from > to. */
export function sprintsBetween(settings: SprintSettings, from: string, to: string): Sprint[] {
  check(settings);
  checkDate(from);
  checkDate(to);
  if (from > to) return [];
  const last = indexAt(settings, to);
  const out: Sprint[] = [];
  for (let i = Math.max(0, indexAt(settings, from)); i <= last; i++) out.push(nth(settings, i));
  return out;
}

/**
 * The current sprint with up to `back` sprints before it (never before the first) and `ahead`
 * after it, chronological. Before the first sprint there is no current one: the list is the
 * first `ahead + 1` sprints (the ones to plan into).
 */
export function sprintsAround(
  settings: SprintSettings,
  today: string,
  back: number,
  ahead: number,
): Sprint[] {
  check(settings);
  checkDate(today);
  for (const n of [back, ahead]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole count of sprints: ${n}`);
  }
  const current = indexAt(settings, today);
  const first = current < 0 ? 0 : Math.max(0, current - back);
  const last = current < 0 ? ahead : current + ahead;
  const out: Sprint[] = [];
  for (let i = first; i <= last; i++) out.push(nth(settings, i));
  return out;
}

/**
 * The sprint an item was planned into: the sprint starting on `sprintId`; when the settings
 * changed since, the sprint holding that date, or the first sprint when the date is before it.
 * Null when unplanned (`sprintId` null or not a date).
 */
export function plannedSprint(settings: SprintSettings, sprintId: string | null): Sprint | null {
  check(settings);
  if (sprintId === null || !isDate(sprintId)) return null;
  return nth(settings, Math.max(0, indexAt(settings, sprintId)));
}

/**
 * Where an item counts on `today` (a sprint id), or null when unplanned. See the rules on top:
 * unfinished work rolls over into the current sprint once its sprint has ended; done work stays
 * in its planned sprint when done by its end, else counts in the sprint of its done date.
 */
export function effectiveSprintId(
  settings: SprintSettings,
  item: SprintItem,
  today: string,
): string | null {
  checkDate(today);
  const planned = plannedSprint(settings, item.sprintId);
  if (planned === null) return null;
  if (item.done) {
    if (item.doneAt === null || !isDate(item.doneAt) || item.doneAt <= planned.end) {
      return planned.id;
    }
    // Done after the planned sprint's end, which is on or after the first start: a sprint.
    return nth(settings, indexAt(settings, item.doneAt)).id;
  }
  if (planned.end >= today) return planned.id;
  // The planned sprint ended before today, so today is inside a later sprint.
  return nth(settings, indexAt(settings, today)).id;
}

/** True when the item counts somewhere other than the sprint it was planned into. */
export function isRolledOver(settings: SprintSettings, item: SprintItem, today: string): boolean {
  const planned = plannedSprint(settings, item.sprintId);
  return planned !== null && effectiveSprintId(settings, item, today) !== planned.id;
}

/** The items that count in `sprint` on `today` (effectiveSprintId), in their given order. */
export function itemsInSprint<T extends SprintItem>(
  settings: SprintSettings,
  sprint: Sprint,
  items: readonly T[],
  today: string,
): T[] {
  return items.filter((item) => effectiveSprintId(settings, item, today) === sprint.id);
}

/**
 * The items planned into `sprint` that were not done by its last day: unfinished ones and ones
 * done after it. Empty until the sprint has ended (its last day is before today). A done item
 * with no done date counts as done in time. Items planned under other settings belong to the
 * sprint `plannedSprint` gives them.
 */
export function spilledOver<T extends SprintItem>(
  settings: SprintSettings,
  sprint: Sprint,
  items: readonly T[],
  today: string,
): T[] {
  checkDate(today);
  if (sprint.end >= today) return [];
  return items.filter((item) => {
    if (plannedSprint(settings, item.sprintId)?.id !== sprint.id) return false;
    if (!item.done) return true;
    return item.doneAt !== null && isDate(item.doneAt) && item.doneAt > sprint.end;
  });
}

export interface PersonLoad {
  /** Estimated hours (a missing estimate counts 0). */
  estimate: number;
  /** Hours taken so far (a missing actual counts 0). */
  actual: number;
  capacity: number;
  /** Estimated or actual hours exceed the capacity. */
  over: boolean;
}

export interface SprintLoad {
  /** Every person with work in the sprint or a capacity entry. */
  byPerson: Record<string, PersonLoad>;
  /** Work nobody owns: capacity 0 and never over (it is work to assign, not overload). */
  unassigned: PersonLoad;
}

/** Sums are rounded to a millionth of an hour, so 0.1 + 0.2 reads 0.3. */
const roundHours = (h: number): number => Math.round(h * 1e6) / 1e6;

/** Hours as a usable number: non-finite and negative values count 0. */
const hoursOf = (h: number | null): number => (h !== null && Number.isFinite(h) && h > 0 ? h : 0);

/**
 * Estimated and actual hours per owner against their capacity for one sprint's items (for
 * instance `itemsInSprint`). A person's capacity is `capacityByPerson[id]` when that is a finite
 * number ≥ 0, else `defaultCapacity` (0 when that is not a finite number ≥ 0).
 */
export function sprintLoad(
  items: readonly LoadItem[],
  capacityByPerson: Readonly<Record<string, number>>,
  defaultCapacity: number,
): SprintLoad {
  const fallback = Number.isFinite(defaultCapacity) && defaultCapacity >= 0 ? defaultCapacity : 0;
  const capacityOf = (id: string): number => {
    const c = Object.hasOwn(capacityByPerson, id) ? capacityByPerson[id] : undefined;
    return c !== undefined && Number.isFinite(c) && c >= 0 ? c : fallback;
  };
  // No prototype: an owner id such as "__proto__" (a peer may write anything) is a plain key.
  const byPerson = Object.create(null) as Record<string, PersonLoad>;
  const unassigned: PersonLoad = { estimate: 0, actual: 0, capacity: 0, over: false };
  const loadOf = (id: string): PersonLoad =>
    (byPerson[id] ??= { estimate: 0, actual: 0, capacity: capacityOf(id), over: false });
  for (const id of Object.keys(capacityByPerson)) loadOf(id);
  for (const item of items) {
    const load = item.ownerId === null ? unassigned : loadOf(item.ownerId);
    load.estimate += hoursOf(item.estimateHours);
    load.actual += hoursOf(item.actualHours);
  }
  for (const load of [...Object.values(byPerson), unassigned]) {
    load.estimate = roundHours(load.estimate);
    load.actual = roundHours(load.actual);
  }
  for (const load of Object.values(byPerson)) {
    load.over = Math.max(load.estimate, load.actual) > load.capacity;
  }
  return { byPerson, unassigned };
}

export interface HoursSum {
  estimate: number;
  actual: number;
  /** How many items were summed. */
  items: number;
}

/**
 * Estimated and actual hours grouped by `keyOf` (an experiment id, an owner, an effective sprint
 * id…); a null key is a group of its own (unassigned, unplanned). Keys in order of first
 * appearance; missing, negative and non-finite hours count 0.
 */
export function sumHours<T extends HoursItem>(
  items: readonly T[],
  keyOf: (item: T) => string | null,
): Map<string | null, HoursSum> {
  const sums = new Map<string | null, HoursSum>();
  for (const item of items) {
    const key = keyOf(item);
    let sum = sums.get(key);
    if (!sum) {
      sum = { estimate: 0, actual: 0, items: 0 };
      sums.set(key, sum);
    }
    sum.estimate += hoursOf(item.estimateHours);
    sum.actual += hoursOf(item.actualHours);
    sum.items++;
  }
  for (const sum of sums.values()) {
    sum.estimate = roundHours(sum.estimate);
    sum.actual = roundHours(sum.actual);
  }
  return sums;
}
