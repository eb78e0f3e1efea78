/**
 * The start screen's Dexie-free read of the device database (registryPeek.ts) against what
 * Dexie wrote (registry.ts), on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDb } from '../../../src/storage/db';
import { listWorkspaces, putSetting, putWorkspace } from '../../../src/storage/registry';
import { peekRegistry } from '../../../src/storage/registryPeek';

let factory: IDBFactory;

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
});

afterEach(async () => {
  // Deleting the database makes localDb() let go of it (its versionchange handler), so the next
  // test opens one in its own factory.
  await new Promise((resolve) => {
    const req = factory.deleteDatabase('lodestar');
    req.onsuccess = resolve;
    req.onerror = resolve;
  });
  vi.unstubAllGlobals();
});

describe('peekRegistry', () => {
  it('reads what Dexie wrote, most recently opened first, with the display name', async () => {
    await putWorkspace({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 });
    await putWorkspace({ id: 'b', name: 'Beta', createdAt: 2, openedAt: 30 });
    await putWorkspace({ id: 'c', name: 'Core', createdAt: 3, openedAt: 20 });
    await putSetting('displayName', 'Ada');
    const peek = await peekRegistry();
    // openedAt 30, 20, 10: b, c, a; the same order Dexie gives.
    expect(peek?.list.map((w) => w.id)).toEqual(['b', 'c', 'a']);
    expect(peek?.list.map((w) => w.id)).toEqual((await listWorkspaces()).map((w) => w.id));
    expect(peek?.list[0]).toEqual({ id: 'b', name: 'Beta', createdAt: 2, openedAt: 30 });
    expect(peek?.displayName).toBe('Ada');
  });

  it('on a device without the database: no workspaces, and no database created', async () => {
    expect(await peekRegistry()).toEqual({ list: [], displayName: undefined });
    expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  });

  it('skips a stored row that is not a workspace record', async () => {
    await putWorkspace({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 });
    await localDb().table('workspaces').put({ id: 'junk', name: 7 });
    expect((await peekRegistry())?.list.map((w) => w.id)).toEqual(['a']);
  });
});
