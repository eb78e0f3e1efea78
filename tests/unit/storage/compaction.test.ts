/**
 * The compaction trigger over the real store (workspaceStore on fake-indexeddb): it sees the
 * rows read on open, counts the rows each save adds, and folds them into one row when idle.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompactionTrigger, compactionDue } from '../../../src/storage/compaction';
import { openStoredDoc, type StoredDoc } from '../../../src/storage/workspaceStore';

let factory: IDBFactory;

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The number of rows in the workspace's `updates` store, counted on a connection of its own. */
function countRows(id: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = factory.open(`lodestar-ws-${id}`);
    open.onerror = () => reject(open.error ?? new Error('could not open'));
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('updates', 'readonly').objectStore('updates').count();
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error('could not count'));
    };
  });
}

/** `n` saves, each awaited (so each is a row of its own): entry i sets key `k<i>` to i. */
async function saves(stored: StoredDoc, from: number, n: number): Promise<void> {
  const map = stored.doc.getMap<number>('m');
  for (let i = from; i < from + n; i++) {
    map.set(`k${i}`, i);
    await stored.written();
  }
}

/** A store holding `n` rows, closed, then opened again (the next session's open). */
async function storeWithRows(id: string, n: number): Promise<StoredDoc> {
  const first = await openStoredDoc(id);
  await saves(first, 0, n);
  await first.close();
  return openStoredDoc(id);
}

/** A scheduler the test runs by hand: the tasks the trigger asked to run when idle. */
function manualSchedule(): { tasks: (() => void)[]; schedule: (task: () => void) => void } {
  const tasks: (() => void)[] = [];
  return { tasks, schedule: (task) => tasks.push(task) };
}

describe('compactionDue', () => {
  it('asks on open above 100 rows and after a save above 300', () => {
    expect(compactionDue(100, 'open')).toBe(false);
    expect(compactionDue(101, 'open')).toBe(true);
    // A session does not fold its own rows below the larger bound.
    expect(compactionDue(101, 'save')).toBe(false);
    expect(compactionDue(300, 'save')).toBe(false);
    expect(compactionDue(301, 'save')).toBe(true);
  });
});

describe('CompactionTrigger', () => {
  it('sees the rows read on open and folds them into one row, keeping every value', async () => {
    const stored = await storeWithRows('w1', 120);
    // The count is known as soon as the open resolves (the trigger's input).
    expect(stored.rows()).toBe(120);
    const { tasks, schedule } = manualSchedule();
    const trigger = new CompactionTrigger(stored, { onOpen: 100, whileOpen: 300 }, schedule);
    trigger.start();
    expect(tasks).toHaveLength(1);
    tasks[0]?.();
    await trigger.settled();
    expect(trigger.compactions).toBe(1);
    expect(stored.rows()).toBe(1);
    expect(await countRows('w1')).toBe(1);
    trigger.stop();
    await stored.close();

    const again = await openStoredDoc('w1');
    const map = again.doc.getMap<number>('m');
    // 120 keys k0…k119, each holding its index.
    expect(map.size).toBe(120);
    expect(map.get('k0')).toBe(0);
    expect(map.get('k119')).toBe(119);
    await again.close();
  });

  it('does not compact at or below the bounds, and does once a save crosses the session bound', async () => {
    const stored = await storeWithRows('w2', 5);
    const { tasks, schedule } = manualSchedule();
    const trigger = new CompactionTrigger(stored, { onOpen: 5, whileOpen: 8 }, schedule);
    trigger.start();
    // 5 rows on open, bound 5: nothing asked.
    expect(tasks).toHaveLength(0);
    await saves(stored, 5, 3);
    // 8 rows, bound 8: still nothing.
    expect(stored.rows()).toBe(8);
    expect(tasks).toHaveLength(0);
    // The ninth row crosses it: one compaction is asked for (the watcher is live: positive
    // control for the two checks above), and a tenth save while it waits joins it.
    await saves(stored, 8, 2);
    expect(tasks).toHaveLength(1);
    tasks[0]?.();
    await trigger.settled();
    expect(await countRows('w2')).toBe(1);
    expect(trigger.compactions).toBe(1);
    trigger.stop();
    await stored.close();
  });

  it('writes a burst of updates in one task as one row', async () => {
    const stored = await openStoredDoc('w3');
    const map = stored.doc.getMap<number>('m');
    // Three transactions in one task: one write, one row.
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    await stored.written();
    expect(stored.rows()).toBe(1);
    expect(await countRows('w3')).toBe(1);
    await stored.close();
    const again = await openStoredDoc('w3');
    expect(again.doc.getMap<number>('m').toJSON()).toEqual({ a: 1, b: 2, c: 3 });
    await again.close();
  });

  it('after stop, an asked compaction does not run', async () => {
    const stored = await storeWithRows('w4', 3);
    const { tasks, schedule } = manualSchedule();
    const trigger = new CompactionTrigger(stored, { onOpen: 2, whileOpen: 8 }, schedule);
    trigger.start();
    // Positive control: the open bound was crossed, so a task waits.
    expect(tasks).toHaveLength(1);
    trigger.stop();
    tasks[0]?.();
    await trigger.settled();
    expect(trigger.compactions).toBe(0);
    expect(await countRows('w4')).toBe(3);
    await stored.close();
  });
});
