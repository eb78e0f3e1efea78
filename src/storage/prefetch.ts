/**
 * Reading a workspace's stored rows early. main.ts starts it in the page's first task when the
 * address opens a workspace, so IndexedDB reads while the workspace screen's scripts load and
 * compile; openStoredDoc (workspaceStore.ts) takes the rows and then reads only the rows added
 * after them (another tab may write in between; a row read twice is harmless, since applying a
 * Yjs update again changes nothing). A database that does not exist is not created: its open is
 * aborted on upgrade, and opening then proceeds as without a prefetch.
 */
import { DOC_DB_PREFIX } from './docNames';

export interface PrefetchedRows {
  rows: unknown[];
  /** The key of the last row read; null when the store was empty. */
  lastKey: IDBValidKey | null;
}

let early: { id: string; rows: Promise<PrefetchedRows | null> } | null = null;

function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

async function readRows(id: string): Promise<PrefetchedRows | null> {
  const db = await openExisting(DOC_DB_PREFIX + id);
  if (!db) return null;
  // An upgrade elsewhere (the app's own open, another tab) is never blocked by this read.
  db.onversionchange = () => db.close();
  try {
    if (!db.objectStoreNames.contains('updates')) return null;
    return await new Promise<PrefetchedRows | null>((resolve) => {
      const tx = db.transaction('updates', 'readonly');
      const store = tx.objectStore('updates');
      const all = store.getAll();
      const last = store.openKeyCursor(null, 'prev');
      tx.oncomplete = () => resolve({ rows: all.result, lastKey: last.result?.key ?? null });
      tx.onabort = () => resolve(null);
      tx.onerror = (event) => event.preventDefault();
    });
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/**
 * Starts reading workspace `id`'s rows (while an earlier read waits to be taken: nothing);
 * resolves when the read is done.
 */
export async function prefetchRows(id: string): Promise<void> {
  if (early || typeof indexedDB === 'undefined') return;
  const rows = readRows(id).catch(() => null);
  early = { id, rows };
  await rows;
}

/**
 * The early read of workspace `id`, or null when none was started for it. Taken once: a second
 * open of the workspace (or of another one) reads the database itself.
 */
export function takePrefetchedRows(id: string): Promise<PrefetchedRows | null> | null {
  const taken = early;
  early = null;
  return taken?.id === id ? taken.rows : null;
}
