/**
 * The calendar the open workspace is read with: the month its fiscal year starts (a workspace
 * setting, read from the document by the session, so every teammate numbers the same quarters)
 * and this device's first day of the week (a display preference, see domain/fiscal.ts).
 *
 * The app opens one workspace at a time, and labels are drawn in many places that have no
 * session at hand (ui/common/format.ts), so the app's sessions share the one `calendar`; tests
 * give a session a calendar of its own.
 */
import type { WeekStart } from '../domain/fiscal';
import { readWeekStart, writeWeekStart } from '../storage/weekStartPref';

export class WorkspaceCalendar {
  /** The month 1–12 the fiscal year starts in; January until a workspace says otherwise. */
  fiscalStart = $state(1);
  #weekStart = $state<WeekStart>('monday');

  constructor(weekStart: WeekStart = 'monday') {
    this.#weekStart = weekStart;
  }

  get weekStart(): WeekStart {
    return this.#weekStart;
  }

  /** Sets and saves this device's first day of the week; false when it could not be saved. */
  setWeekStart(weekStart: WeekStart): boolean {
    this.#weekStart = weekStart;
    return writeWeekStart(weekStart);
  }
}

/** The calendar of the workspace open in this window. */
export const calendar = new WorkspaceCalendar(readWeekStart());
