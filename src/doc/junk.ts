/**
 * Junk: what a peer holding the key can write under a record's key that no copy of Lodestar
 * would have written. Such keys are not read as records ("(unnamed)" metrics with a warning
 * each, placed in the tree and checked for health); they are counted, and each map's count is
 * one warning ("3,333 unreadable metrics were ignored (written by another copy)").
 *
 * A value is junk when it is not a record (a Y.Map), or when it is a Y.Map in which none of the
 * fields every version of the app writes with every record of that map (its marks: the name,
 * the kind, the creation time, the nested parts created with it…) holds a value the app could
 * have written. A record with one such field is a record, however wrong its other fields are:
 * those are repaired and warned about one by one, as before. Pointers (a metric's parent, a
 * plan's step) are not marks: any short string is an id, so junk can hold one.
 *
 * Junk in the trash (a `deletedAt` time, as a restore to a version from before it stamps it)
 * is skipped without a word.
 */
import * as Y from 'yjs';
import type { DocWarning } from './warnings';

/** Fields, each with whether the value there is one the app writes for that field. */
export type Marks = readonly (readonly [field: string, isMark: (value: unknown) => boolean])[];

/** The marks of a map's records, from field → test. */
export const marks = (fields: Readonly<Record<string, (value: unknown) => boolean>>): Marks =>
  Object.entries(fields);

/** What one key of a record map holds. */
export type Slot = 'record' | 'junk' | 'binned junk';

export const isNonEmptyText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
export const isString = (v: unknown): boolean => typeof v === 'string';
export const isTime = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
export const isYMap = (v: unknown): boolean => v instanceof Y.Map;
export const isYArray = (v: unknown): boolean => v instanceof Y.Array;
export const isOneOf =
  (allowed: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && allowed.includes(v);

/** Whether `value` (a top-level value of a record map) is a record, junk, or junk in the trash. */
export function slotOf(value: unknown, marks: Marks): Slot {
  if (!(value instanceof Y.Map)) return 'junk';
  for (const [field, isMark] of marks) if (isMark(value.get(field))) return 'record';
  return isTime(value.get('deletedAt')) ? 'binned junk' : 'junk';
}

/** The one warning for a map's junk ("3,333 unreadable metrics were ignored (…)"), if any. */
export function junkWarnings(
  where: string,
  count: number,
  words: { one: string; many: string },
): DocWarning[] {
  if (count === 0) return [];
  const what = count === 1 ? `${words.one} was` : `${words.many} were`;
  return [
    {
      where,
      message: `${count.toLocaleString('en-US')} unreadable ${what} ignored (written by another copy)`,
      count,
    },
  ];
}
