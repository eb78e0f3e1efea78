/**
 * The early read of a workspace's rows (prefetch.ts) with the real store on fake-indexeddb: the
 * document opened with it is the one opened without it, rows another tab writes between the
 * early read and the open still arrive, its compaction in between loses nothing, and an unknown
 * workspace's database is not created.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseNames, request, committed } from '../../../src/storage/idb';
import { prefetchRows, takePrefetchedRows } from '../../../src/storage/prefetch';
import { openStoredDoc } from '../../../src/storage/workspaceStore';

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  takePrefetchedRows(''); // nothing carries over to the next test
  vi.unstubAllGlobals();
});

/** Opens workspace `id` through the store, sets `keys` one save each, closes. */
async function write(id: string, keys: string[]): Promise<void> {
  const stored = await openStoredDoc(id);
  for (const k of keys) {
    stored.doc.getMap('m').set(k, k.toUpperCase());
    await stored.written();
  }
  await stored.close();
}

/** Another tab's write, straight into the store: `fn` gets the `updates` object store. */
function otherTab(id: string, fn: (store: IDBObjectStore) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`lodestar-ws-${id}`);
    open.onerror = () => reject(open.error ?? new Error('could not open'));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('updates', 'readwrite');
      const done = committed(tx);
      void fn(tx.objectStore('updates'))
        .then(() => done)
        .then(() => resolve(), reject)
        .finally(() => db.close());
    };
  });
}

/** An update that sets `key` in map `m`, as a teammate's copy would write it. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, key.toUpperCase());
  return Y.encodeStateAsUpdate(doc);
}

async function keysOnOpen(id: string): Promise<string[]> {
  const stored = await openStoredDoc(id);
  const keys = [...stored.doc.getMap('m').keys()].sort();
  await stored.close();
  return keys;
}

describe('prefetchRows', () => {
  it('opens the same document from the rows read early, and is taken once', async () => {
    await write('a', ['x', 'y', 'z']);
    await prefetchRows('a');
    const stored = await openStoredDoc('a');
    expect([...stored.doc.getMap('m').keys()].sort()).toEqual(['x', 'y', 'z']);
    expect(stored.rows()).toBe(3);
    await stored.close();
    expect(takePrefetchedRows('a')).toBeNull();
    expect(await keysOnOpen('a')).toEqual(['x', 'y', 'z']);
  });

  it('still reads the rows another tab wrote after the early read', async () => {
    await write('a', ['x', 'y']);
    await prefetchRows('a');
    await otherTab('a', async (store) => {
      await request(store.add(updateSetting('late')));
    });
    expect(await keysOnOpen('a')).toEqual(['late', 'x', 'y']);
  });

  it('loses nothing when another tab compacts between the early read and the open', async () => {
    await write('a', ['x', 'y']);
    await prefetchRows('a');
    await otherTab('a', async (store) => {
      const rows = (await request(store.getAll())) as Uint8Array[];
      await request(store.clear());
      await request(store.add(Y.mergeUpdates([...rows, updateSetting('z')])));
    });
    expect(await keysOnOpen('a')).toEqual(['x', 'y', 'z']);
  });

  it('creates no database for a workspace this device does not hold', async () => {
    await write('a', ['x']); // a positive control: a database that exists is read
    await prefetchRows('a');
    expect((await takePrefetchedRows('a'))?.rows).toHaveLength(1);
    await prefetchRows('nowhere');
    expect(await takePrefetchedRows('nowhere')).toBeNull();
    expect(await databaseNames()).toContain('lodestar-ws-a');
    expect(await databaseNames()).not.toContain('lodestar-ws-nowhere');
  });

  it('is not used for another workspace', async () => {
    await write('a', ['x']);
    await write('b', ['y']);
    await prefetchRows('a');
    expect(await keysOnOpen('b')).toEqual(['y']);
    // Opening b dropped a's early read: a reads its database itself.
    expect(takePrefetchedRows('a')).toBeNull();
    expect(await keysOnOpen('a')).toEqual(['x']);
  });
});
