/** Small promise helpers over raw IndexedDB, and what its errors mean for people. */

/** Resolves when the transaction has committed; rejects with its error when it aborts. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted', 'AbortError'));
    tx.onerror = (event) => {
      // The abort that follows carries the error; keep it from reaching the window as well.
      event.preventDefault();
    };
  });
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** The names of the IndexedDB databases of this origin (empty where the browser cannot tell). */
export async function databaseNames(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const list = await indexedDB.databases();
  return list.map((d) => d.name).filter((n): n is string => typeof n === 'string');
}

/** What a storage error means, in words for the person who was saving. */
export function storageProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return "this device's storage is full";
    case 'InvalidStateError':
      return "the browser closed this workspace's database";
    case 'AbortError':
      return 'the browser stopped the write before it reached the disk';
    case 'VersionError':
      return 'a newer version of Lodestar in another tab changed the database';
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `the browser could not write to its storage (${detail})`;
    }
  }
}
