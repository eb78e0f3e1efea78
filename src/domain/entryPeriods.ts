/**
 * Which periods a value may be logged for, by hand (Add entry) or by an import: not one that has
 * not started yet (9999-12-31 is a typo or a placeholder, not a measurement), and not one before
 * 1900 (0001-01-01 is a spreadsheet's empty date, 1025 a typo for 2025).
 */
import { periodEnd, periodStart } from './periods';
import type { PeriodKey } from './types';

export const EARLIEST_ENTRY_YEAR = 1900;

export type EntryPeriodProblem = 'not-started' | 'too-old';

/** Why no value may be logged for the period as of `today` (YYYY-MM-DD), or null. */
export function entryPeriodProblem(period: PeriodKey, today: string): EntryPeriodProblem | null {
  if (periodStart(period) > today) return 'not-started';
  if (periodEnd(period) < `${EARLIEST_ENTRY_YEAR}-01-01`) return 'too-old';
  return null;
}
