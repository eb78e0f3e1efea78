/**
 * One row of the device database read without Dexie (registryRead.ts), and the registry's
 * reads that use it first (registry.ts), against what Dexie wrote, on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDb } from '../../../src/storage/db';
import {
  getSetting,
  getWorkspace,
  putSetting,
  putWorkspace,
  touchWorkspace,
} from '../../../src/storage/registry';
import { readSettingRow, readWorkspaceRecord } from '../../../src/storage/registryRead';

let factory: IDBFactory;

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
});

afterEach(async () => {
  await new Promise((resolve) => {
    const req = factory.deleteDatabase('lodestar');
    req.onsuccess = resolve;
    req.onerror = resolve;
  });
  vi.unstubAllGlobals();
});

const isString = (v: unknown): v is string => typeof v === 'string';

describe('registryRead', () => {
  it('reads the record and the setting Dexie wrote, and undefined for absent keys', async () => {
    await putWorkspace({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 });
    await putSetting('me:a', 'p1');
    await touchWorkspace('a', { openedAt: 20 });
    expect(await readWorkspaceRecord('a')).toEqual({
      id: 'a',
      name: 'Acme',
      createdAt: 1,
      openedAt: 20,
    });
    expect(await readSettingRow('me:a')).toEqual({ key: 'me:a', value: 'p1' });
    expect(await readWorkspaceRecord('b')).toBeUndefined();
    expect(await readSettingRow('me:b')).toBeUndefined();
  });

  it('gives null on a device without the database, and creates none', async () => {
    expect(await readWorkspaceRecord('a')).toBeNull();
    expect(await readSettingRow('displayName')).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).toEqual([]);
  });

  it('skips a stored row that is not a workspace record', async () => {
    await putWorkspace({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 }); // positive control
    await localDb().table('workspaces').put({ id: 'junk', name: 7 });
    expect(await readWorkspaceRecord('a')).not.toBeUndefined();
    expect(await readWorkspaceRecord('junk')).toBeUndefined();
  });
});

describe('registry reads', () => {
  it('answer the same through the plain read and, without a database, through Dexie', async () => {
    // No database yet: the plain read cannot answer, Dexie does (and creates the database).
    expect(await getWorkspace('a')).toBeUndefined();
    expect(await getSetting('displayName', isString)).toBeUndefined();
    await putWorkspace({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 });
    await putSetting('displayName', 'Ada');
    await putSetting('count', 3);
    expect(await getWorkspace('a')).toEqual({ id: 'a', name: 'Acme', createdAt: 1, openedAt: 10 });
    expect(await getSetting('displayName', isString)).toBe('Ada');
    // The guard still applies.
    expect(await getSetting('count', isString)).toBeUndefined();
  });
});
