/** How many input lines a dashboard draws in its first frame: more than a screen shows. */
export const FIRST_LINES = 40;

/**
 * Groups of lines cut to the first `max` lines in all, in order: the groups after the limit are
 * left out and the one it falls in is shortened. A dashboard draws these first, so a tree of
 * hundreds of metrics paints its top (and its North Star card's quick log) without waiting for
 * the lines below, and draws the rest in the next task. `hidden` counts the lines left out.
 */
export function firstLines<G, T>(
  groups: readonly G[],
  linesOf: (group: G) => readonly T[],
  max: number,
): { shown: { group: G; lines: readonly T[] }[]; hidden: number } {
  const shown: { group: G; lines: readonly T[] }[] = [];
  let left = max;
  let hidden = 0;
  for (const group of groups) {
    const lines = linesOf(group);
    if (left <= 0) hidden += lines.length;
    else {
      shown.push({ group, lines: lines.length <= left ? lines : lines.slice(0, left) });
      hidden += Math.max(0, lines.length - left);
      left -= lines.length;
    }
  }
  return { shown, hidden };
}
