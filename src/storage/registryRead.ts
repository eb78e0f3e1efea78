/**
 * One row of the device database read with plain IndexedDB, as registryPeek.ts reads the list:
 * opening a workspace looks up its record and this device's settings (who I am, the feed, the
 * sync settings) without loading Dexie, which then loads only when something is written.
 *
 * Each read opens the database, reads in one read-only transaction and closes it (so an upgrade
 * in another tab is never blocked by it). `undefined` means "not there"; null means it could
 * not be read plainly (no database yet, a database without the table, an error), and the
 * caller reads through Dexie, which also creates the database when it is missing.
 */
import type { WorkspaceRecord } from './db';

const DB_NAME = 'lodestar';

function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: leave its creation to Dexie (aborting keeps nothing).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** The value stored under `key` in `table`; undefined when absent, null when not read plainly. */
async function readRow(table: 'workspaces' | 'settings', key: string): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await openExisting();
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(table)) return null;
    return await new Promise<unknown>((resolve) => {
      const tx = db.transaction(table, 'readonly');
      const req = tx.objectStore(table).get(key);
      tx.oncomplete = () => resolve(req.result);
      tx.onabort = () => resolve(null);
    });
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const isRecord = (v: unknown): v is WorkspaceRecord =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as WorkspaceRecord).id === 'string' &&
  typeof (v as WorkspaceRecord).name === 'string' &&
  typeof (v as WorkspaceRecord).openedAt === 'number';

/** The workspace's record, undefined when this device lists none, null when not read plainly. */
export async function readWorkspaceRecord(id: string): Promise<WorkspaceRecord | undefined | null> {
  const row = await readRow('workspaces', id);
  if (row === null || row === undefined) return row;
  return isRecord(row) ? row : undefined;
}

/**
 * The setting's row (`{ key, value }`), undefined when there is none, null when not read
 * plainly.
 */
export async function readSettingRow(key: string): Promise<{ value?: unknown } | undefined | null> {
  const row = await readRow('settings', key);
  if (row === null || row === undefined) return row;
  return typeof row === 'object' ? (row as { value?: unknown }) : undefined;
}
