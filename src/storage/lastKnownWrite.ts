/** Writes the dashboard's last known numbers, within the bounds of lastKnown.ts. */
import {
  MAX_GROUPS,
  MAX_LINES,
  MAX_NAME,
  MAX_STARS,
  MAX_BYTES,
  lastKnownKey,
  removeLastKnown,
  type LastKnown,
  type LastKnownGroup,
} from './lastKnown';

const cut = (s: string): string => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);

/** The snapshot within the bounds: lines beyond MAX_LINES (and empty groups) are counted. */
export function boundLastKnown(snapshot: LastKnown): LastKnown {
  let left = MAX_LINES;
  let more = snapshot.more;
  const groups: LastKnownGroup[] = [];
  for (const g of snapshot.groups) {
    const lines = g.lines.slice(0, Math.max(0, left)).map((l) => ({ ...l, name: cut(l.name) }));
    more += g.lines.length - lines.length;
    left -= lines.length;
    if (lines.length > 0 && groups.length < MAX_GROUPS) {
      groups.push({ label: cut(g.label), lines });
    } else more += lines.length;
  }
  return {
    ...snapshot,
    name: cut(snapshot.name),
    stars: snapshot.stars
      .slice(0, MAX_STARS)
      .map((s) => ({ ...s, name: cut(s.name), period: s.period === null ? null : cut(s.period) })),
    groups,
    more,
  };
}

/**
 * Keeps the snapshot for its workspace (bounded); false when it was not kept (too large,
 * storage full or unavailable), in which case no older snapshot of that workspace remains.
 */
export function writeLastKnown(snapshot: LastKnown): boolean {
  const text = JSON.stringify(boundLastKnown(snapshot));
  try {
    if (text.length > MAX_BYTES) {
      localStorage.removeItem(lastKnownKey(snapshot.id));
      return false;
    }
    localStorage.setItem(lastKnownKey(snapshot.id), text);
    return true;
  } catch {
    removeLastKnown(snapshot.id);
    return false;
  }
}
