/**
 * Hands a large received update on as received, instead of letting Yjs encode it again.
 *
 * After every transaction with listeners of 'update' (the store that saves it, the tab channel,
 * y-webrtc), Yjs encodes what the transaction integrated: for a new peer's first sync of a big
 * workspace, a second full encode of the workspace (~5.9 MB at 100,000 entries), in the task
 * that has to end before the first screen can paint. The message already holds an update with
 * at least that content, so while y-webrtc applies a sync message (step 2 or update) of
 * REUSE_MIN bytes or more, the 'update' listeners are held from Yjs for that one transaction
 * (so it encodes nothing) and then called with the received update, the same origin and
 * transaction. Transactions the app makes while handling it (writes from observers) run their
 * own cleanup after it and are emitted as usual, after the received update.
 *
 * Only when the document has nothing pending before (else the transaction may also integrate
 * structs that came earlier, which the received bytes lack). If applying throws (a malformed
 * update), whatever was integrated is encoded afresh against the state before, never the bytes
 * that failed. The listeners are Yjs's `_observers` entry of lib0's Observable (an internal
 * field; checked before use, and without it nothing changes).
 */
import * as Y from 'yjs';
import { readVarUint } from './varUint';

/** Sync messages whose update is at least this large are handed on as received. */
export const REUSE_MIN = 256 * 1024;

type Listener = (update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction) => void;

/**
 * The update carried by a y-webrtc sync message of at least REUSE_MIN bytes (type 0, then sync
 * step 2 or update: y-protocols' types 1 and 2, then the update with its length), else null.
 */
export function largeSyncUpdate(message: unknown): Uint8Array | null {
  if (!(message instanceof Uint8Array) || message.length < REUSE_MIN) return null;
  const at = { pos: 0 };
  if (readVarUint(message, at) !== 0) return null;
  const kind = readVarUint(message, at);
  if (kind !== 1 && kind !== 2) return null;
  const length = readVarUint(message, at);
  if (length < REUSE_MIN || at.pos + length > message.length) return null;
  return message.subarray(at.pos, at.pos + length);
}

/** Whether a transaction changed anything (Yjs emits an update only then). */
function changed(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState)
    if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

function listenersOf(doc: Y.Doc): Map<string, Set<Listener>> | null {
  const observers = (doc as unknown as { _observers?: unknown })._observers;
  return observers instanceof Map ? (observers as Map<string, Set<Listener>>) : null;
}

/** Runs y-webrtc's handling of `message` (`handle`); see the top of this file. */
export function applyingOnce<T>(doc: Y.Doc, message: unknown, handle: () => T): T {
  const update = largeSyncUpdate(message);
  const observers = listenersOf(doc);
  const store = doc.store;
  if (
    !update ||
    !observers?.has('update') ||
    store.pendingStructs !== null ||
    store.pendingDs !== null
  ) {
    return handle();
  }
  const before = Y.encodeStateVector(doc);
  let first: Y.Transaction | null = null;
  let held: Set<Listener> | null = null;
  let failed = false;
  const release = (): void => {
    const listeners = held;
    if (!listeners) return;
    held = null;
    for (const f of observers.get('update') ?? []) listeners.add(f); // added meanwhile
    observers.set('update', listeners);
    if (!first || !changed(first)) return;
    const bytes = failed ? Y.encodeStateAsUpdate(doc, before) : update;
    for (const f of [...listeners]) f(bytes, first.origin, doc, first);
  };
  const onCleanup = (tr: Y.Transaction): void => {
    if (first === null) {
      // The apply's own transaction: after its observers, before Yjs would encode it.
      first = tr;
      held = observers.get('update') ?? null;
      observers.delete('update');
    } else release(); // a later transaction, before its own update is emitted
  };
  doc.on('afterTransactionCleanup', onCleanup);
  try {
    return handle();
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    doc.off('afterTransactionCleanup', onCleanup);
    release();
  }
}
