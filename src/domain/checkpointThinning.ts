/**
 * Which checkpoints (saved versions of a workspace on this device) to keep as they age: every
 * one from the last hour; the newest of each hour for the last day; the newest of each day for
 * the last 30 days; the newest of each week (7-day block) after that. The newest checkpoint is
 * always kept, and so is every one younger than an hour, so a version taken just before an
 * import or a restore is still there when the user looks.
 */

export interface Aged {
  id: number;
  /** When it was taken (ms). */
  at: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The bucket a checkpoint falls in at `now`, or null when it is kept unconditionally. */
function bucketOf(at: number, now: number): string | null {
  const age = now - at;
  if (age < HOUR) return null;
  if (age < DAY) return `h${Math.floor(at / HOUR)}`;
  if (age < 30 * DAY) return `d${Math.floor(at / DAY)}`;
  return `w${Math.floor(at / WEEK)}`;
}

/** The ids to delete so that the rule above holds at `now`. */
export function checkpointsToDrop(checkpoints: readonly Aged[], now: number): number[] {
  const newestFirst = [...checkpoints].sort((a, b) => b.at - a.at || b.id - a.id);
  const seen = new Set<string>();
  const drop: number[] = [];
  newestFirst.forEach((c, i) => {
    if (i === 0) return;
    const bucket = bucketOf(c.at, now);
    if (bucket === null) return;
    if (seen.has(bucket)) drop.push(c.id);
    else seen.add(bucket);
  });
  return drop;
}
