/**
 * The floor of opening a workspace: only loading its document from IndexedDB with yjs and
 * y-indexeddb, nothing else. Bundled by browser.ts with esbuild and injected into a page of the
 * app's origin (so it reads the same database the app does).
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

declare global {
  interface Window {
    /** Loads the document; with `keep` it stays loaded (for a heap reading) instead of closing. */
    benchFloor: (name: string, keep?: boolean) => Promise<number>;
    benchFloorDoc?: Y.Doc;
    /** Loads the document and returns the size of its state encoded afresh (one update, V1). */
    benchStateBytes: (name: string) => Promise<number>;
  }
}

window.benchFloor = async (name: string, keep = false): Promise<number> => {
  const t0 = performance.now();
  const doc = new Y.Doc();
  const p = new IndexeddbPersistence(name, doc);
  await p.whenSynced;
  const ms = performance.now() - t0;
  if (keep) {
    window.benchFloorDoc = doc;
    return ms;
  }
  await p.destroy();
  doc.destroy();
  return ms;
};

window.benchStateBytes = async (name: string): Promise<number> => {
  const doc = new Y.Doc();
  const p = new IndexeddbPersistence(name, doc);
  await p.whenSynced;
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  await p.destroy();
  doc.destroy();
  return bytes;
};
