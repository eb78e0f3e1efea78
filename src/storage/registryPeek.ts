/**
 * The list of workspaces and the display name, read straight from the device database with
 * plain IndexedDB: the start screen shows its list without loading Dexie (a third of its
 * JavaScript). Writes, and every other read, go through Dexie (registry.ts). The tables are
 * Dexie's (`workspaces` keyed by id, `settings` keyed by key), read as they are stored.
 *
 * Gives null whenever this cannot be done plainly (no `indexedDB.databases()`, a database
 * without those tables, an error): the caller then reads through Dexie. A device with no
 * database yet has no workspaces; nothing is created.
 */
import type { WorkspaceRecord } from './db';
import { databaseNames } from './idb';

const DB_NAME = 'lodestar';

export interface RegistryPeek {
  /** Most recently opened first. */
  list: WorkspaceRecord[];
  displayName: unknown;
}

const isRecord = (v: unknown): v is WorkspaceRecord =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as WorkspaceRecord).id === 'string' &&
  typeof (v as WorkspaceRecord).name === 'string' &&
  typeof (v as WorkspaceRecord).openedAt === 'number';

function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open(DB_NAME);
    // Created between the look-up and the open: leave its creation to Dexie.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

export async function peekRegistry(): Promise<RegistryPeek | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  try {
    if (!(await databaseNames()).includes(DB_NAME)) return { list: [], displayName: undefined };
    const db = await openExisting();
    if (!db) return null;
    try {
      if (
        !db.objectStoreNames.contains('workspaces') ||
        !db.objectStoreNames.contains('settings')
      ) {
        return null;
      }
      return await new Promise<RegistryPeek | null>((resolve) => {
        const tx = db.transaction(['workspaces', 'settings'], 'readonly');
        const all = tx.objectStore('workspaces').getAll();
        const name = tx.objectStore('settings').get('displayName');
        tx.oncomplete = () => {
          const rows = (all.result as unknown[]).filter(isRecord);
          // As Dexie's orderBy('openedAt').reverse(): ties by id, descending.
          rows.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
          const setting = name.result as { value?: unknown } | undefined;
          resolve({ list: rows, displayName: setting?.value });
        };
        tx.onabort = () => resolve(null);
      });
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
