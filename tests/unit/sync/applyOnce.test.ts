import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { REUSE_MIN, applyingOnce, largeSyncUpdate } from '../../../src/sync/applyOnce';

const ORIGIN = { name: 'room' };

/** A document of `n` entries, encoded as one update of several hundred KB for n = 10,000. */
function bigUpdate(n = 10_000, tag = 'a'): Uint8Array {
  const doc = new Y.Doc();
  const entries = doc.getMap('entries');
  doc.transact(() => {
    for (let i = 0; i < n; i++) entries.set(`${tag}${i}`, { value: i, note: `note ${i}` });
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A y-webrtc sync message: type 0, then sync step 2 carrying `update`. */
function step2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update); // the same layout as step 2, type 2
  const message = encoding.toUint8Array(encoder);
  message[1] = 1; // sync step 2
  return message;
}

/** A document with a listener of 'update' recording what it gets, as the store does. */
function listened(): { doc: Y.Doc; got: { update: Uint8Array; origin: unknown }[] } {
  const doc = new Y.Doc();
  const got: { update: Uint8Array; origin: unknown }[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => got.push({ update, origin }));
  return { doc, got };
}

/** y-webrtc's handling of a sync message: apply its update with the room as origin. */
const handling = (doc: Y.Doc, update: Uint8Array) => () => Y.applyUpdate(doc, update, ORIGIN);

/** Whether the listener's updates rebuild `doc` in a fresh replica. */
function rebuilds(doc: Y.Doc, updates: Uint8Array[]): boolean {
  const replica = new Y.Doc();
  for (const u of updates) Y.applyUpdate(replica, u);
  return (
    JSON.stringify(replica.getMap('entries').toJSON()) ===
      JSON.stringify(doc.getMap('entries').toJSON()) &&
    JSON.stringify(replica.getMap('meta').toJSON()) === JSON.stringify(doc.getMap('meta').toJSON())
  );
}

describe('largeSyncUpdate', () => {
  it('finds the update of a large sync step 2 or update message, and nothing else', () => {
    const update = bigUpdate();
    expect(update.length).toBeGreaterThan(REUSE_MIN);
    const found = largeSyncUpdate(step2(update));
    expect(found && Buffer.compare(found, update)).toBe(0);
    const small = bigUpdate(10);
    expect(largeSyncUpdate(step2(small))).toBeNull();
    const awareness = step2(update);
    awareness[0] = 1;
    expect(largeSyncUpdate(awareness)).toBeNull();
    const step1 = step2(update);
    step1[1] = 0;
    expect(largeSyncUpdate(step1)).toBeNull();
    expect(largeSyncUpdate(step2(update).subarray(0, REUSE_MIN + 10))).toBeNull();
    expect(largeSyncUpdate('text')).toBeNull();
  });
});

describe('applyingOnce', () => {
  it('hands the listeners the received update itself, once, with its origin', () => {
    const update = bigUpdate();
    const message = step2(update);
    // Positive control: applied plainly, the listener gets an update Yjs encoded afresh.
    const plain = listened();
    handling(plain.doc, update)();
    expect(plain.got).toHaveLength(1);
    expect(plain.got[0]?.update.buffer).not.toBe(message.buffer);

    const { doc, got } = listened();
    applyingOnce(doc, message, handling(doc, update));
    expect(doc.getMap('entries').size).toBe(10_000);
    expect(got).toHaveLength(1);
    expect(got[0]?.origin).toBe(ORIGIN);
    // The very bytes of the message: nothing was encoded again.
    expect(got[0]?.update.buffer).toBe(message.buffer);
    expect(
      rebuilds(
        doc,
        got.map((g) => g.update),
      ),
    ).toBe(true);
    // The listener is back for what follows.
    doc.getMap('meta').set('after', 1);
    expect(got).toHaveLength(2);
  });

  it('emits what this copy writes while handling it, after the received update', () => {
    const update = bigUpdate();
    const { doc, got } = listened();
    doc.getMap('entries').observe((event) => {
      if (event.transaction.origin === ORIGIN) doc.getMap('meta').set('seen', true);
    });
    applyingOnce(doc, step2(update), handling(doc, update));
    expect(got.map((g) => g.origin)).toEqual([ORIGIN, null]);
    expect(
      rebuilds(
        doc,
        got.map((g) => g.update),
      ),
    ).toBe(true);
    expect(doc.getMap('meta').get('seen')).toBe(true);
  });

  it('lets Yjs encode when something was pending before', () => {
    const source = new Y.Doc();
    source.getMap('meta').set('first', 1);
    const sv = Y.encodeStateVector(source);
    const entries = source.getMap('entries');
    source.transact(() => {
      for (let i = 0; i < 10_000; i++) entries.set(`e${i}`, { value: i, note: `note ${i}` });
    });
    const second = Y.encodeStateAsUpdate(source, sv);
    const { doc, got } = listened();
    Y.applyUpdate(doc, second, ORIGIN); // waits for the 'first' value, never sent
    expect(doc.store.pendingStructs).not.toBeNull();
    const big = bigUpdate(10_000, 'b');
    const message = step2(big);
    applyingOnce(doc, message, handling(doc, big));
    expect(got).toHaveLength(1);
    expect(got[0]?.update.buffer).not.toBe(message.buffer);
  });

  it('after a malformed update, emits a fresh encoding of what was integrated, never the bad bytes', () => {
    const update = bigUpdate();
    const bad = update.slice(0, update.length - 1000); // cut short: reading it fails part-way
    const message = step2(bad);
    const { doc, got } = listened();
    expect(() => applyingOnce(doc, message, handling(doc, bad))).toThrow();
    for (const g of got) expect(g.update.buffer).not.toBe(message.buffer);
    expect(
      rebuilds(
        doc,
        got.map((g) => g.update),
      ),
    ).toBe(true);
    // Positive control: the listener still hears later edits.
    const count = got.length;
    doc.getMap('meta').set('after', 1);
    expect(got).toHaveLength(count + 1);
  });

  it('emits nothing for an update that brings nothing new', () => {
    const update = bigUpdate();
    const { doc, got } = listened();
    Y.applyUpdate(doc, update);
    expect(got).toHaveLength(1);
    applyingOnce(doc, step2(update), handling(doc, update));
    expect(got).toHaveLength(1);
  });
});
