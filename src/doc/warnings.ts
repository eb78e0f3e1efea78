/** Something invalid found while reading the document; shown to the user, never thrown. */
export interface DocWarning {
  /** What was being read, e.g. "metric “Weekly active users”" or "people". */
  where: string;
  message: string;
  /** How many unreadable values this one warning sums up (doc/junk.ts); one when absent. */
  count?: number;
}
