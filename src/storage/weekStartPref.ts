/**
 * This device's first day of the week, a display preference of the person using it (never in
 * the workspace document: weekly values are ISO weeks for everyone). Kept in localStorage so it
 * is there, synchronously, before the first screen draws.
 */
import { isWeekStart, type WeekStart } from '../domain/fiscal';

const KEY = 'lodestar:week-start';

export function readWeekStart(): WeekStart {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isWeekStart(v) ? v : 'monday';
  } catch {
    return 'monday'; // storage unavailable (private mode, tests in Node): the ISO default
  }
}

/** Saves the preference; false when this browser would not keep it. */
export function writeWeekStart(weekStart: WeekStart): boolean {
  try {
    globalThis.localStorage.setItem(KEY, weekStart);
    return true;
  } catch {
    return false;
  }
}
