/**
 * One workspace document on this device: a Y.Doc loaded from, and written to, its own
 * IndexedDB database. The layout is y-indexeddb's (an auto-increment `updates` store of Yjs
 * updates, and a `custom` store), so databases written by earlier versions open unchanged; the
 * write path is our own (WriteQueue) because y-indexeddb neither says when a write has
 * committed nor when it failed. Every write asks for strict durability: the browser flushes it
 * to disk before the transaction completes, so a change called saved survives a killed browser.
 */
import * as Y from 'yjs';
import { DOC_DB_PREFIX as DB_PREFIX } from './docNames';
import { committed, request, storageProblem } from './idb';
import { takePrefetchedRows } from './prefetch';
import { clearUnsaved, markUnsaved } from './unsavedMarker';
import { NotSavedError, WriteQueue, type SaveStatus } from './writeQueue';

export type { SaveStatus };
export { NotSavedError };

const UPDATES = 'updates';
const CUSTOM = 'custom';
const WRITE: IDBTransactionOptions = { durability: 'strict' };

export interface StoredDoc {
  readonly doc: Y.Doc;
  /** True when stored updates depend on one that never reached the disk (they stay unapplied). */
  readonly incomplete: boolean;
  /** Resolves once every change made so far has committed; rejects with NotSavedError. */
  written(): Promise<void>;
  status(): SaveStatus;
  /** Calls back now and on every change of the save status; returns the unsubscribe. */
  subscribe(listener: (status: SaveStatus) => void): () => void;
  /** Tries held writes again now. */
  retry(): void;
  /** Rewrites the stored updates as one row, atomically (and writes anything held). */
  compact(): Promise<void>;
  /** How many update rows are stored. */
  rows(): number;
  /** Stops writing for good: a read-only copy writes nothing, not even on close. */
  stopWriting(): void;
  /** Waits for pending writes (not for failed ones), then lets go of the database. */
  close(): Promise<void>;
}

export class DocLoadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Origin of the updates applied from the database, so they are not written back. */
const FROM_DISK = Symbol('from disk');

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(UPDATES)) {
        db.createObjectStore(UPDATES, { autoIncrement: true });
      }
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('could not open the database'));
  });
}

/** Applies stored rows in one transaction; a row that is not a readable update is damage. */
function applyRows(doc: Y.Doc, rows: unknown[]): void {
  Y.transact(
    doc,
    () => {
      for (const row of rows) {
        if (!(row instanceof Uint8Array)) throw new Error('a stored row is not a Yjs update');
        Y.applyUpdate(doc, row);
      }
    },
    FROM_DISK,
    false,
  );
}

/**
 * Opens a workspace document from this device's IndexedDB (creating an empty database when
 * there is none). Rejects with DocLoadError, having written nothing, when the stored updates
 * cannot be applied. Opening writes nothing: only later changes are stored.
 */
export async function openStoredDoc(id: string): Promise<StoredDoc> {
  const name = DB_PREFIX + id;
  const prefetch = takePrefetchedRows(id);
  const [opened, early] = await Promise.all([openDatabase(name), prefetch]);
  let db: IDBDatabase | null = opened;
  let deletedElsewhere = false;
  const watch = (conn: IDBDatabase): void => {
    conn.onversionchange = () => {
      // Another tab deletes or upgrades this database: let it, and stop writing.
      deletedElsewhere = true;
      conn.close();
      db = null;
    };
    conn.onclose = () => (db = null);
  };
  watch(db);

  const doc = new Y.Doc({ gc: true });
  let rowCount: number;
  try {
    const tx = db.transaction(UPDATES, 'readonly');
    const store = tx.objectStore(UPDATES);
    // Read early (prefetch.ts): only the rows added since remain to be read.
    const rows: unknown[] =
      early === null
        ? await request(store.getAll())
        : early.lastKey === null
          ? [...early.rows, ...(await request(store.getAll()))]
          : [
              ...early.rows,
              ...(await request(store.getAll(IDBKeyRange.lowerBound(early.lastKey, true)))),
            ];
    rowCount = rows.length;
    applyRows(doc, rows);
  } catch (error) {
    db.close();
    doc.destroy();
    throw new DocLoadError(error instanceof Error ? error.message : String(error));
  }
  const incomplete = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

  const connection = async (): Promise<IDBDatabase> => {
    if (deletedElsewhere) {
      throw new DOMException('deleted or upgraded in another tab', 'VersionError');
    }
    if (db) return db;
    db = await openDatabase(name);
    watch(db);
    return db;
  };

  const queue = new WriteQueue(async (updates) => {
    const conn = await connection();
    const tx = conn.transaction(UPDATES, 'readwrite', WRITE);
    // One row per batch: the updates of a burst merged (fewer rows for the next open to read).
    const [first] = updates;
    tx.objectStore(UPDATES).add(
      updates.length === 1 && first ? first : Y.mergeUpdates([...updates]),
    );
    await committed(tx);
    rowCount += 1;
  }, storageProblem);
  // The note of held changes lives exactly as long as the failure: set on it, cleared once all
  // is written (not on open: an earlier window's note is for the session to read).
  let held = false;
  queue.subscribe((status) => {
    if (status.kind === 'failed') {
      held = true;
      markUnsaved(id, { since: status.since, reason: status.reason });
    } else if (status.kind === 'saved' && held) {
      held = false;
      clearUnsaved(id);
    }
  });

  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== FROM_DISK) queue.push(update);
  };
  doc.on('update', onUpdate);
  let writing = true;
  const stopWriting = (): void => {
    if (!writing) return;
    writing = false;
    doc.off('update', onUpdate);
    queue.close();
  };

  return {
    doc,
    incomplete,
    written: () => queue.written(),
    status: () => queue.status(),
    subscribe: (listener) => queue.subscribe(listener),
    retry: () => queue.retry(),
    compact: () =>
      queue.replaceAll(async () => {
        const conn = await connection();
        const tx = conn.transaction(UPDATES, 'readwrite', WRITE);
        const store = tx.objectStore(UPDATES);
        // Rows another tab wrote since we loaded are folded in first, so none is lost.
        applyRows(doc, await request(store.getAll()));
        store.clear();
        store.add(Y.encodeStateAsUpdate(doc));
        await committed(tx);
        rowCount = 1;
      }),
    rows: () => rowCount,
    stopWriting,
    close: async () => {
      if (writing) await queue.written().catch(() => undefined);
      stopWriting();
      db?.close();
      doc.destroy();
    },
  };
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

/** The NotSavedError, with the reason in words, for an error a storage call threw. */
export function asNotSaved(error: unknown): NotSavedError {
  return error instanceof NotSavedError ? error : new NotSavedError(storageProblem(error), error);
}
