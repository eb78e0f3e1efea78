/**
 * The write path of a stored workspace: every document update is queued in memory, in order,
 * and written by one storage transaction at a time; whatever arrived while a write was in
 * flight goes into the next one. A change counts as saved only when the transaction that holds
 * it has committed, so "saved" can never run ahead of the disk.
 *
 * When a write fails (disk full, the database closed, the browser aborted it) its updates go
 * back to the front of the queue, nothing later is written past them (a later update may
 * depend on an earlier one), the failure is reported, and the whole queue is tried again on a
 * back-off or when asked. Nothing is dropped while the page lives.
 */

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** A write failed; `pending` updates are held in memory only, since `since` (ms epoch). */
  | { kind: 'failed'; reason: string; pending: number; since: number };

/** Writes a batch of updates in one storage transaction; rejects when it did not commit. */
export type BatchWriter = (updates: readonly Uint8Array[]) => Promise<void>;

/** Why a write did not reach the disk, in words for people, plus the underlying error. */
export class NotSavedError extends Error {
  constructor(
    readonly reason: string,
    readonly storageError?: unknown,
  ) {
    super(reason);
  }
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: NotSavedError) => void;
}

/** Retry delays after a failure, in ms; the last one repeats. */
const RETRY_DELAYS = [1000, 2000, 5000, 10_000, 30_000];

export class WriteQueue {
  private queue: Uint8Array[] = [];
  /** Sequence number of the last update queued, and of the last one committed. */
  private queued = 0;
  private committed = 0;
  private inFlight = false;
  private scheduled = false;
  private failure: { reason: string; since: number } | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Waiter[] = [];
  private listeners = new Set<(status: SaveStatus) => void>();
  private closed = false;

  constructor(
    private readonly write: BatchWriter,
    private readonly describe: (error: unknown) => string,
    private readonly onCommitted: (updates: number) => void = () => {},
  ) {}

  /** Queues one update; it is written with whatever else arrives in this task. */
  push(update: Uint8Array): void {
    if (this.closed) return;
    this.queue.push(update);
    this.queued++;
    this.emit();
    if (this.failure === null) this.schedule();
  }

  /** Resolves once every update queued so far has committed; rejects when a write fails first. */
  written(): Promise<void> {
    const seq = this.queued;
    if (this.committed >= seq) return Promise.resolve();
    if (this.failure) return Promise.reject(new NotSavedError(this.failure.reason));
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  status(): SaveStatus {
    if (this.failure) {
      return { kind: 'failed', ...this.failure, pending: this.queued - this.committed };
    }
    return this.committed === this.queued ? { kind: 'saved' } : { kind: 'saving' };
  }

  /** Calls back now and on every change of status; returns the unsubscribe. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  /** Tries the held writes again now (after the user freed space, say). */
  retry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.failure === null || this.inFlight || this.closed) return;
    void this.flush();
  }

  /**
   * Runs `replace` (a compaction that rewrites the whole store, its own transaction) in turn
   * with the writes. `replace` must write the document's full state, so it also covers every
   * queued update: when it commits, the queue is empty and everything counts as saved.
   */
  async replaceAll(replace: () => Promise<void>): Promise<void> {
    while (this.inFlight) await this.idle();
    if (this.closed) return;
    const upto = this.queued;
    const count = this.queue.length;
    this.inFlight = true;
    try {
      await replace();
      this.queue.splice(0, count);
      this.commit(upto);
    } finally {
      this.inFlight = false;
      this.settle();
    }
  }

  /** Stops writing (the copy closed or became read-only); held updates are dropped. */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.queue = [];
    this.listeners.clear();
  }

  private idleWaiters: (() => void)[] = [];
  private idle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    // One microtask: every update of the current task (a burst of transactions) shares a write.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.closed || this.queue.length === 0) return;
    const batch = this.queue;
    const upto = this.queued;
    this.queue = [];
    this.inFlight = true;
    try {
      await this.write(batch);
      this.failures = 0;
      this.commit(upto);
      this.onCommitted(batch.length);
    } catch (error) {
      // Back to the front, in order: later updates may depend on these.
      this.queue = [...batch, ...this.queue];
      this.fail(this.describe(error));
    } finally {
      this.inFlight = false;
      this.settle();
    }
  }

  private commit(upto: number): void {
    this.committed = Math.max(this.committed, upto);
    if (this.committed === this.queued) this.failure = null;
    const done = this.waiters.filter((w) => w.seq <= this.committed);
    this.waiters = this.waiters.filter((w) => w.seq > this.committed);
    for (const w of done) w.resolve();
  }

  private fail(reason: string): void {
    this.failure = { reason, since: this.failure?.since ?? Date.now() };
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.reject(new NotSavedError(reason));
    const delay = RETRY_DELAYS[Math.min(this.failures, RETRY_DELAYS.length - 1)] ?? 30_000;
    this.failures++;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.retry(), delay);
  }

  /** After a write or replace: wake compaction waiters, write what queued meanwhile, report. */
  private settle(): void {
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of idle) wake();
    if (this.failure === null && this.queue.length > 0) this.schedule();
    this.emit();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
