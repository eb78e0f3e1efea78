import * as Y from 'yjs';
import { whenIdle } from '../storage/idle';
import { restoreVersion, versionDoc, type RestoreCount, type RestoreScope } from '../doc/restore';
import type { WorkspaceDoc } from '../doc/schema';
import { countRecords, describeDifference, totalRecords, type RecordCounts } from '../doc/versions';
import { readMetrics } from '../doc/metrics';
import { DOC_AREAS } from '../doc/areas';
import type { Root } from '../doc/area';
import {
  listCheckpoints,
  loadCheckpoint,
  saveCheckpoint,
  type Checkpoint,
  type CheckpointReason,
} from '../storage/checkpoints';

export type { Checkpoint, CheckpointReason, RestoreScope };

/** Quiet time after a change before the burst is saved as a version. */
const BURST_QUIET_MS = 30_000;
/** A burst of continuous changes is saved at least this often. */
const BURST_MAX_MS = 5 * 60_000;
/** A batch from a peer that removes at least this share of the live records raises the alarm… */
const FLOOD_SHARE = 1 / 3;
/** …when it removes at least this many. */
const FLOOD_MIN = 5;

/** The parts of the workspace one can restore on their own, in words ("metrics", "success plans"). */
export const RESTORABLE_AREAS: readonly { area: string; label: string }[] = DOC_AREAS.filter(
  (a) =>
    a.name !== 'meta' &&
    Object.values(a.roots as Record<string, Root>).some((r) => !r.keptOnRestore),
).map((a) => ({
  area: a.name,
  label: Object.values(a.roots as Record<string, Root>)
    .map((r) => r.many)
    .join(' and '),
}));

/** A batch from a teammate's copy that removed a large part of the workspace. */
export interface Flood {
  at: number;
  /** "60 fewer metrics, 12 fewer entries". */
  what: string;
  removed: number;
  /** Live records before it. */
  of: number;
  /** The newest version saved before it (what "restore the version before it" restores). */
  before: Checkpoint | null;
}

/** A saved version next to today, for the History screen's "look". */
export interface VersionPreview {
  checkpoint: Checkpoint;
  /** Live records per map then and now. */
  then: RecordCounts;
  now: RecordCounts;
  /** "60 fewer metrics" from then to now. */
  sinceThen: string;
  /** The metrics then, with whether each is the same, changed, trashed or gone now. */
  metrics: { id: string; name: string; now: 'same' | 'changed' | 'trashed' | 'gone' }[];
}

/**
 * The workspace's versions on this device (checkpoints): saved on open, after a burst of
 * changes (local or a teammate's), and before an import, a sync file's merge or a restore; the
 * History screen lists, previews and restores them. It also watches batches from teammates'
 * copies, and raises `flood` when one removes a large share of the workspace (it is applied all
 * the same: every copy must converge), with the version to restore.
 *
 * Not one of the document's areas (`state/areas.ts`): its data lives in the device database,
 * not in the workspace document, so it belongs to the session, which gives it the document.
 */
export class WorkspaceHistory {
  #list = $state.raw<Checkpoint[]>([]);
  #error = $state<string | null>(null);
  #flood = $state.raw<Flood | null>(null);
  #ws: WorkspaceDoc | null = null;
  #quiet: ReturnType<typeof setTimeout> | null = null;
  #burstSince: number | null = null;
  #baseline: RecordCounts | null = null;
  #remotePending = false;
  #saving: Promise<unknown> = Promise.resolve();
  /** Whether anything changed since the last version was saved (else a save is skipped). */
  #changed = true;
  #lastSaved: Checkpoint | null = null;

  constructor(
    readonly workspaceId: string,
    private readonly writeStep: <T>(action: (ws: WorkspaceDoc) => T) => T | null,
  ) {}

  /** Saved versions, newest first. */
  get list(): readonly Checkpoint[] {
    return this.#list;
  }
  /** Why the last version could not be saved (a full disk), or null. */
  get error(): string | null {
    return this.#error;
  }
  get flood(): Flood | null {
    return this.#flood;
  }

  /** Starts watching the open document and saves the version it opened with. */
  attach(ws: WorkspaceDoc): void {
    this.#ws = ws;
    this.#baseline = countRecords(ws);
    ws.doc.on('beforeTransaction', this.#beforeTransaction);
    ws.doc.on('afterTransaction', this.#onTransaction);
    void this.checkpoint('open');
  }

  /** Stops watching; resolves once a version being saved is written. */
  async detach(): Promise<void> {
    this.#ws?.doc.off('beforeTransaction', this.#beforeTransaction);
    this.#ws?.doc.off('afterTransaction', this.#onTransaction);
    if (this.#quiet) clearTimeout(this.#quiet);
    this.#quiet = null;
    this.#ws = null;
    await this.#saving;
  }

  /** "6 fewer metrics" from one set of counts to another ("" when equal). */
  difference(before: RecordCounts, after: RecordCounts): string {
    return this.#ws ? describeDifference(this.#ws, before, after) : '';
  }

  dismissFlood(): void {
    this.#flood = null;
  }

  /** Counts what the workspace holds just before the first of a batch from elsewhere. */
  readonly #beforeTransaction = (tr: Y.Transaction): void => {
    if (!tr.local && this.#baseline === null && this.#ws) this.#baseline = countRecords(this.#ws);
  };

  readonly #onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    this.#changed = true;
    this.#scheduleBurst();
    if (tr.local) {
      // This device's own edits are never a flood; the count is taken again before the next batch.
      if (!this.#remotePending) this.#baseline = null;
    } else if (!this.#remotePending) {
      // Batches arrive as many transactions in a row: judge them together, once they are in.
      this.#remotePending = true;
      setTimeout(() => this.#judgeRemote(), 0);
    }
  };

  #scheduleBurst(): void {
    const now = Date.now();
    this.#burstSince ??= now;
    if (this.#quiet) clearTimeout(this.#quiet);
    const wait = Math.max(0, Math.min(BURST_QUIET_MS, this.#burstSince + BURST_MAX_MS - now));
    this.#quiet = setTimeout(() => {
      this.#quiet = null;
      this.#burstSince = null;
      void this.checkpoint('edits');
    }, wait);
  }

  #judgeRemote(): void {
    this.#remotePending = false;
    const ws = this.#ws;
    if (!ws) return;
    const before = this.#baseline ?? countRecords(ws);
    const after = countRecords(ws);
    this.#baseline = null;
    let removed = 0;
    for (const [name, n] of Object.entries(before)) removed += Math.max(0, n - (after[name] ?? 0));
    const of = totalRecords(before);
    if (removed >= FLOOD_MIN && removed >= of * FLOOD_SHARE) {
      this.#flood = {
        at: Date.now(),
        what: describeDifference(ws, before, after),
        removed,
        of,
        before: this.#list[0] ?? null,
      };
    }
  }

  /**
   * Saves the document as it is now as a version (unless unchanged since the newest); resolves
   * to it, or to null when storage refused (then `error` says so). Saves run one at a time.
   */
  checkpoint(reason: CheckpointReason): Promise<Checkpoint | null> {
    // The version saved on open encodes the whole document: not before the first screen is
    // painted (it ran in the opening task), but once the page is idle; its place in line stays.
    const ready =
      reason === 'open'
        ? this.#saving.then(() => new Promise<void>((resolve) => whenIdle(resolve)))
        : this.#saving;
    const run = ready.then(async () => {
      const ws = this.#ws;
      if (!ws) return null;
      // Nothing changed since this session's last save: that version is the one (no re-encoding).
      if (!this.#changed && this.#lastSaved) return this.#lastSaved;
      this.#changed = false; // changes from now on (while this save runs) count for the next
      try {
        const { checkpoint } = await saveCheckpoint(
          this.workspaceId,
          ws.doc,
          reason,
          countRecords(ws),
        );
        this.#error = null;
        this.#lastSaved = checkpoint;
        this.#list = await listCheckpoints(this.workspaceId);
        return checkpoint;
      } catch (error) {
        this.#changed = true;
        this.#error = `A version of this workspace could not be saved on this device (${error instanceof Error ? error.message : String(error)}). Your changes are saved as usual; only the history misses this point.`;
        return null;
      }
    });
    this.#saving = run;
    return run;
  }

  /** Reloads the list of versions (after another tab saved one, say). */
  async refresh(): Promise<void> {
    this.#list = await listCheckpoints(this.workspaceId);
  }

  async #open(checkpoint: Checkpoint): Promise<WorkspaceDoc> {
    try {
      return versionDoc(await loadCheckpoint(checkpoint.id));
    } catch (error) {
      throw new Error(
        `This version could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A version beside today: what it held, and its metrics against today's. */
  async preview(checkpoint: Checkpoint): Promise<VersionPreview> {
    const ws = this.#ws;
    if (!ws) throw new Error('The workspace is not open');
    const old = await this.#open(checkpoint);
    const today = new Map(readMetrics(ws).metrics.map((m) => [m.id, m]));
    const metrics = readMetrics(old)
      .metrics.filter((m) => m.deletedAt === null)
      .map((m) => {
        const n = today.get(m.id);
        const now: VersionPreview['metrics'][number]['now'] =
          n === undefined
            ? 'gone'
            : n.deletedAt !== null
              ? 'trashed'
              : JSON.stringify(n) === JSON.stringify(m)
                ? 'same'
                : 'changed';
        return { id: m.id, name: m.name, now };
      });
    const then = countRecords(old);
    const now = countRecords(ws);
    return { checkpoint, then, now, sinceThen: describeDifference(ws, then, now), metrics };
  }

  /**
   * Restores the version (all of it, one area or one record) as an ordinary edit: one undo
   * step, synced to every teammate. The state before is saved as a version first. Null on a
   * read-only copy.
   */
  async restore(checkpoint: Checkpoint, scope: RestoreScope): Promise<RestoreCount | null> {
    const old = await this.#open(checkpoint);
    await this.checkpoint('before-restore');
    const count = this.writeStep((ws) => restoreVersion(ws, old, scope));
    if (count !== null && scope.kind === 'all') this.#flood = null;
    return count;
  }
}
