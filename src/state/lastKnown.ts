/**
 * The dashboard's last known numbers (storage/lastKnown.ts), read by the workspace screen
 * before the session (and Yjs, Dexie, the document layer) has loaded: this module imports none
 * of them, nor what keeps the numbers (lastKnownKeeper.ts), so the start screen stays light.
 */
import { readLastKnown, type LastKnown } from '../storage/lastKnown';

export type { LastKnown, LastKnownLine, LastKnownStar } from '../storage/lastKnown';

/** The stored snapshot of workspace `id`, when there is a valid one. */
export function lastKnownFor(id: string): LastKnown | null {
  return readLastKnown(id);
}
