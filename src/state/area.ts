import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';

/**
 * What every area of an open workspace gives its session (docs/ARCHITECTURE.md, "Areas").
 * The session calls `attach` once the document is open, then `flush` after every transaction;
 * the area re-reads what the transaction touched (per record where the area is large).
 */
export interface WorkspaceArea {
  /** Reads everything from the document and starts noting what each transaction touches. */
  attach(ws: WorkspaceDoc): void;
  /** Re-reads what changed since the last flush, if anything. */
  flush(ws: WorkspaceDoc): void;
  /** What could not be read (a peer's bad data), in words. */
  readonly warnings: readonly DocWarning[];
}

/**
 * What an area gets from its session: the document for an action, and the facts about this
 * device that actions need. Areas that need another area's data take that area in their
 * constructor (`state/areas.ts` builds them in order), never the session.
 *
 * The action contract, for every action of every area:
 * - The undo boundary is chosen where the action is declared, by the wrapper it uses.
 *   `step` starts a new undo step: one Undo removes exactly that action (adding a metric and
 *   its entries map; a CSV import of 1,000 values). `typing` may merge with the edit before it
 *   within the capture time (the keystrokes of one name field are one Undo, not twelve).
 * - On a read-only copy (newer or damaged data) the wrapper does not call the action and returns
 *   null: an action returns null exactly when nothing was written. The UI disables editing on a
 *   read-only copy, and says why, so the user never meets this silently.
 * - Invalid input (an empty name, a bad date) throws an Error whose message is for the user;
 *   nothing is written. A record that a teammate deleted meanwhile is not an error: nothing is
 *   written.
 */
export interface AreaContext {
  step<T>(action: (ws: WorkspaceDoc) => T): T | null;
  typing<T>(action: (ws: WorkspaceDoc) => T): T | null;
  /** The person this device's user is, in this workspace. */
  readonly meId: string | null;
  /** Today's calendar date here (`YYYY-MM-DD`); follows midnight. */
  readonly today: string;
  /** A write of this many rows just happened (large ones are followed by a compaction). */
  wroteRows(rows: number): void;
}
