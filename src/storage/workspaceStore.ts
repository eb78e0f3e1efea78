import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';

const DB_PREFIX = 'lodestar-ws-';

export interface StoredDoc {
  doc: Y.Doc;
  /** Resolves once every write made so far has been committed to IndexedDB. */
  flushed(): Promise<void>;
  /** Rewrites the stored updates as one row (after a large import, or when rows piled up). */
  compact(): Promise<void>;
  /** How many update rows are stored (y-indexeddb compacts by itself only past 500). */
  rows(): number;
  close(): Promise<void>;
}

export class DocLoadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Opens a workspace document from this device's IndexedDB. Rejects with DocLoadError when the
 * stored updates cannot be applied (a corrupt database); the persistence is then detached at
 * once so nothing is written over the stored data.
 */
export async function openStoredDoc(id: string): Promise<StoredDoc> {
  const doc = new Y.Doc({ gc: true });
  const persistence = new IndexeddbPersistence(DB_PREFIX + id, doc);
  // y-indexeddb applies stored updates inside a promise chain it does not expose; a failure
  // there surfaces only as an unhandled rejection, so we listen for one while loading.
  let onRejection: ((event: PromiseRejectionEvent) => void) | null = null;
  const failed = new Promise<never>((_, reject) => {
    onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      reject(
        new DocLoadError(
          String(event.reason instanceof Error ? event.reason.message : event.reason),
        ),
      );
    };
    window.addEventListener('unhandledrejection', onRejection);
  });
  try {
    await Promise.race([persistence.whenSynced, failed]);
  } catch (error) {
    await persistence.destroy();
    throw error;
  } finally {
    if (onRejection) window.removeEventListener('unhandledrejection', onRejection);
  }
  return {
    doc,
    flushed: () => flushed(persistence),
    compact: async () => {
      await storeState(persistence, true);
      await flushed(persistence);
    },
    rows: () => persistence._dbsize,
    close: async () => {
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/**
 * IndexedDB runs transactions on the same store in order, so a read that starts after our
 * writes completes only once they are committed: that is when the UI may say "saved".
 */
function flushed(persistence: IndexeddbPersistence): Promise<void> {
  const db = persistence.db;
  if (!db) return persistence.whenSynced.then(() => undefined);
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readonly');
    tx.objectStore('updates').count();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
  });
}

/** Deletes this device's copy of a workspace document. */
export async function deleteStoredDoc(id: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_PREFIX + id);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('could not delete'));
    req.onblocked = () => resolve();
  });
}

/** The IndexedDB database name of a workspace (for tests and diagnostics). */
export function storedDocName(id: string): string {
  return DB_PREFIX + id;
}
