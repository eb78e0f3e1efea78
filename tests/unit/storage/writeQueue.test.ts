import { afterEach, describe, expect, test, vi } from 'vitest';
import { NotSavedError, WriteQueue, type SaveStatus } from '../../../src/storage/writeQueue';

const u = (n: number): Uint8Array => new Uint8Array([n]);

/** A writer whose every call waits until the test settles it, recording each batch. */
function controlledWriter() {
  const calls: { batch: number[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const write = (updates: readonly Uint8Array[]): Promise<void> =>
    new Promise((resolve, reject) => {
      calls.push({ batch: updates.map((x) => x[0] ?? -1), resolve, reject });
    });
  return { calls, write };
}

const quota = (): DOMException => new DOMException('quota', 'QuotaExceededError');
const describeError = (e: unknown): string => (e instanceof Error ? e.name : String(e));
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('WriteQueue', () => {
  test('updates of one task share one write; "saved" comes only when it commits', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    const seen: SaveStatus['kind'][] = [];
    q.subscribe((s) => seen.push(s.kind));
    q.push(u(1));
    q.push(u(2));
    expect(q.status().kind).toBe('saving');
    let saved = false;
    void q.written().then(() => (saved = true));
    await tick();
    expect(w.calls.map((c) => c.batch)).toEqual([[1, 2]]);
    expect(saved).toBe(false);
    expect(q.status().kind).toBe('saving');
    w.calls[0]?.resolve();
    await tick();
    expect(saved).toBe(true);
    expect(q.status().kind).toBe('saved');
    expect(seen[0]).toBe('saved');
    expect(seen.at(-1)).toBe('saved');
  });

  test('one write at a time: what arrives during a write goes in the next, in order', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(1));
    await tick();
    q.push(u(2));
    q.push(u(3));
    const second = q.written();
    await tick();
    expect(w.calls).toHaveLength(1);
    w.calls[0]?.resolve();
    await tick();
    expect(w.calls.map((c) => c.batch)).toEqual([[1], [2, 3]]);
    // The first commit does not count as saving the later updates.
    expect(q.status().kind).toBe('saving');
    w.calls[1]?.resolve();
    await expect(second).resolves.toBeUndefined();
    expect(q.status().kind).toBe('saved');
  });

  test('a failed write is reported, held in memory with what follows, and retried first', async () => {
    vi.useFakeTimers();
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(1));
    const first = q.written();
    await vi.advanceTimersByTimeAsync(0);
    w.calls[0]?.reject(quota());
    await expect(first).rejects.toBeInstanceOf(NotSavedError);
    const status = q.status();
    expect(status).toMatchObject({ kind: 'failed', reason: 'QuotaExceededError', pending: 1 });
    // Later edits are not written past the failed one, and are not called saved.
    q.push(u(2));
    await expect(q.written()).rejects.toThrow('QuotaExceededError');
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toHaveLength(1);
    expect(q.status()).toMatchObject({ kind: 'failed', pending: 2 });
    // The back-off retries everything, oldest first, in one write.
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.calls.map((c) => c.batch)).toEqual([[1], [1, 2]]);
    w.calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status().kind).toBe('saved');
    await expect(q.written()).resolves.toBeUndefined();
  });

  test('retry() writes at once; repeated failures keep everything and keep the first time', async () => {
    vi.useFakeTimers({ now: 1000 });
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(7));
    await vi.advanceTimersByTimeAsync(0);
    w.calls[0]?.reject(quota());
    await vi.advanceTimersByTimeAsync(0);
    const since = q.status().kind === 'failed' ? (q.status() as { since: number }).since : -1;
    vi.setSystemTime(5000);
    q.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls).toHaveLength(2);
    w.calls[1]?.reject(new DOMException('gone', 'InvalidStateError'));
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status()).toMatchObject({
      kind: 'failed',
      reason: 'InvalidStateError',
      since,
      pending: 1,
    });
    q.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(w.calls[2]?.batch).toEqual([7]);
    w.calls[2]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(q.status().kind).toBe('saved');
  });

  test('a replace (compaction) waits for the write in flight and covers what is queued', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(1));
    await tick();
    q.push(u(2));
    let replaced = false;
    const done = q.replaceAll(async () => {
      replaced = true;
    });
    await tick();
    expect(replaced).toBe(false);
    w.calls[0]?.resolve();
    await done;
    expect(replaced).toBe(true);
    await tick();
    // Update 2 was part of the full state the replace wrote: no separate write for it.
    expect(w.calls).toHaveLength(1);
    expect(q.status().kind).toBe('saved');
  });

  test('a successful replace clears a failure; a failed one leaves the queue as it was', async () => {
    vi.useFakeTimers();
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(1));
    await vi.advanceTimersByTimeAsync(0);
    w.calls[0]?.reject(quota());
    await vi.advanceTimersByTimeAsync(0);
    await expect(q.replaceAll(() => Promise.reject(quota()))).rejects.toThrow();
    expect(q.status()).toMatchObject({ kind: 'failed', pending: 1 });
    await q.replaceAll(() => Promise.resolve());
    expect(q.status().kind).toBe('saved');
  });

  test('after close nothing is queued or written', async () => {
    const w = controlledWriter();
    const q = new WriteQueue(w.write, describeError);
    q.push(u(1));
    await tick();
    w.calls[0]?.resolve();
    await q.written();
    q.close();
    q.push(u(2));
    await tick();
    expect(w.calls).toHaveLength(1);
    expect(q.status().kind).toBe('saved');
  });
});
