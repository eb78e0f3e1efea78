/**
 * When a workspace's stored update rows are folded into one (StoredDoc.compact). Every save adds
 * a row, so rows grow with every edit and every session; opening reads them all. The trigger
 * counts the rows the store holds (read on open, plus every committed write) and asks for one
 * compaction, when the page is idle, as soon as there are more than a bound: more than
 * `onOpen` rows when the workspace opens (the rows of earlier sessions), more than `whileOpen`
 * after a save (a long day of edits in one session), or on request (after a large import).
 * One compaction at a time; a failed one leaves the rows as they were and is tried again at the
 * next bound crossed.
 */
import { whenIdle } from './idle';
import type { StoredDoc } from './workspaceStore';

export interface CompactionBounds {
  /** More stored rows than this when the workspace opens: compact once idle. */
  onOpen: number;
  /** More stored rows than this after a save in the session: compact once idle. */
  whileOpen: number;
}

export const COMPACTION_BOUNDS: CompactionBounds = { onOpen: 100, whileOpen: 300 };

/** Whether `rows` stored rows call for a compaction, on open or after a save. */
export function compactionDue(rows: number, when: 'open' | 'save', bounds = COMPACTION_BOUNDS) {
  return rows > (when === 'open' ? bounds.onOpen : bounds.whileOpen);
}

type Compactable = Pick<StoredDoc, 'rows' | 'compact' | 'written' | 'subscribe'>;

export class CompactionTrigger {
  /** The compaction asked for and not yet finished, if any. */
  private current: Promise<void> | null = null;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  /** Compactions that committed (what tests and the benchmark look at). */
  compactions = 0;

  constructor(
    private readonly store: Compactable,
    private readonly bounds: CompactionBounds = COMPACTION_BOUNDS,
    private readonly schedule: (task: () => void) => void = whenIdle,
  ) {}

  /** Starts watching: checks the rows read on open now, then after every save. */
  start(): void {
    if (compactionDue(this.store.rows(), 'open', this.bounds)) this.request();
    this.unsubscribe = this.store.subscribe((status) => {
      if (status.kind === 'saved' && compactionDue(this.store.rows(), 'save', this.bounds)) {
        this.request();
      }
    });
  }

  /** Asks for one compaction when idle (a second request while one is pending joins it). */
  request(): void {
    if (this.current || this.stopped) return;
    this.current = new Promise((resolve) =>
      this.schedule(
        () =>
          void this.run().finally(() => {
            this.current = null;
            resolve();
          }),
      ),
    );
  }

  /** Resolves once no compaction is waiting or running. */
  settled(): Promise<void> {
    return this.current ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async run(): Promise<void> {
    try {
      if (this.stopped) return;
      await this.store.written();
      if (this.stopped) return;
      await this.store.compact();
      if (this.store.rows() === 1) this.compactions++;
    } catch {
      // Closed meanwhile, or storage refused: the rows stay as they were, nothing is lost.
    }
  }
}
