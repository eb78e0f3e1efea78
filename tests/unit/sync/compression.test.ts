import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  HELLO,
  Inflation,
  MAX_INFLATED,
  compress,
  compressInParts,
  inflate,
  isHello,
} from '../../../src/sync/compression';

/** Text-like bytes that deflate well, as a workspace's encoded state does. */
function jsonish(n: number): Uint8Array {
  const out = new Uint8Array(n);
  const word = new TextEncoder().encode('{"value":12.5,"note":"weekly","period":"2026-W12"},');
  for (let i = 0; i < n; i++) out[i] = word[i % word.length] as number;
  return out;
}

/** `packed` with another stated size. */
function restated(packed: Uint8Array, size: number): Uint8Array {
  const copy = packed.slice();
  new DataView(copy.buffer).setUint32(0, size);
  return copy;
}

describe('compression', () => {
  it('round-trips a message, several times smaller, and states its size', async () => {
    const m = jsonish(300_000);
    const packed = await compress(m);
    expect(packed.length).toBeLessThan(m.length / 5);
    expect(new DataView(packed.buffer).getUint32(0)).toBe(m.length);
    const back = await inflate(packed);
    expect(back.length === m.length && Buffer.compare(back, m) === 0).toBe(true);
  });

  it('round-trips a real Yjs update', async () => {
    const doc = new Y.Doc();
    const entries = doc.getMap('entries');
    doc.transact(() => {
      for (let i = 0; i < 2000; i++) entries.set(`m${i % 20}|2026-${i}`, { value: i, note: 'x' });
    });
    const update = Y.encodeStateAsUpdate(doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, await inflate(await compress(update)));
    expect(copy.getMap('entries').size).toBe(2000);
  });

  it('refuses a stated size over the limit before inflating anything', async () => {
    const packed = await compress(jsonish(10_000));
    // Positive control: the same message under a limit it fits.
    await expect(inflate(packed, 10_000)).resolves.toHaveLength(10_000);
    await expect(inflate(packed, 9_999)).rejects.toThrow(/states 10000 bytes, over 9999/);
    await expect(inflate(restated(packed, MAX_INFLATED + 1))).rejects.toThrow(/over/);
  });

  it('stops a zip bomb at the size it stated', async () => {
    // 16 MB of zeros deflate to a few KB; the sender claims 1,000 bytes.
    const bomb = await compress(new Uint8Array(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(40_000);
    await expect(inflate(restated(bomb, 1000))).rejects.toThrow(/inflates past 1000 bytes/);
  });

  it('refuses a message short of its stated size, cut short, or not deflate at all', async () => {
    const packed = await compress(jsonish(5000));
    await expect(inflate(restated(packed, 6000))).rejects.toThrow(/holds 5000 of 6000 bytes/);
    await expect(inflate(packed.subarray(0, 3))).rejects.toThrow(/cut short/);
    await expect(inflate(packed.subarray(0, packed.length - 20))).rejects.toThrow();
    const junk = Uint8Array.from([0, 0, 0, 10, 0xff, 0xfe, 0xfd, 0xfc, 0xfb]);
    await expect(inflate(junk)).rejects.toThrow();
  });
});

/** The packed parts of `message` as compressInParts hands them out. */
async function partsOf(message: Uint8Array, size: number): Promise<[Uint8Array, boolean][]> {
  const parts: [Uint8Array, boolean][] = [];
  await compressInParts(message, size, (part, last) => parts.push([part, last]));
  return parts;
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('streamed compression', () => {
  it('hands out parts of the given size while it compresses, the last one marked', async () => {
    const m = jsonish(3_000_000);
    const parts = await partsOf(m, 4096);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.slice(0, -1).every(([p, last]) => p.length === 4096 && !last)).toBe(true);
    expect(parts.at(-1)?.[1]).toBe(true);
    const back = await inflate(joined(parts.map(([p]) => p)));
    expect(back.length === m.length && Buffer.compare(back, m) === 0).toBe(true);
  });

  it('inflates part by part, even with the stated size split across parts', async () => {
    const m = jsonish(200_000);
    const packed = await compress(m);
    const inflation = new Inflation();
    const cuts = [0, 2, 3, 100, 5000, packed.length];
    for (let i = 1; i < cuts.length; i++) {
      expect(inflation.push(packed.subarray(cuts[i - 1], cuts[i]))).toBe(true);
    }
    const back = await inflation.end();
    expect(back.length === m.length && Buffer.compare(back, m) === 0).toBe(true);
  });

  it('refuses, part by part, a stated size over the limit and a zip bomb', async () => {
    const small = await compress(jsonish(10_000));
    // Positive control: under a limit it fits.
    const fits = new Inflation(10_000);
    fits.push(small);
    await expect(fits.end()).resolves.toHaveLength(10_000);
    const over = new Inflation(9_999);
    expect(over.push(small)).toBe(false);
    await expect(over.end()).rejects.toThrow(/states 10000 bytes, over 9999/);

    const bomb = restated(await compress(new Uint8Array(16 * 1024 * 1024)), 1000);
    const inflation = new Inflation();
    for (let at = 0; at < bomb.length; at += 1000) inflation.push(bomb.subarray(at, at + 1000));
    await expect(inflation.end()).rejects.toThrow(/inflates past 1000 bytes/);
  });

  it('fails a message given up or cut short', async () => {
    const packed = await compress(jsonish(100_000));
    const given = new Inflation();
    given.push(packed.subarray(0, 100));
    given.abort();
    await expect(given.end()).rejects.toThrow();
    await expect(new Inflation().end()).rejects.toThrow(/cut short/);
    const cut = new Inflation();
    cut.push(packed.subarray(0, packed.length - 50));
    await expect(cut.end()).rejects.toThrow();
  });
});

describe('HELLO', () => {
  it('is recognised exactly', () => {
    expect(isHello(HELLO)).toBe(true);
    expect(isHello(HELLO.slice(0, -1))).toBe(false);
    const changed = HELLO.slice();
    changed[5] = 0;
    expect(isHello(changed)).toBe(false);
  });

  it('reads, for y-webrtc, as an awareness update naming no client: a no-op', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const events: unknown[] = [];
    awareness.on('update', (e: unknown) => events.push(e));
    awareness.on('change', (e: unknown) => events.push(e));
    const apply = (message: Uint8Array): void => {
      // As y-webrtc's readMessage does: the message type, then messageAwareness's payload.
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(1);
      awarenessProtocol.applyAwarenessUpdate(
        awareness,
        decoding.readVarUint8Array(decoder),
        'peer',
      );
    };
    // Positive control: a real awareness update from another client is seen.
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField('user', { name: 'Bea' });
    const update = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]);
    apply(Uint8Array.from([1, update.length, ...update]));
    expect(events).toHaveLength(2);
    apply(HELLO);
    expect(events).toHaveLength(2);
    expect(awareness.getStates().size).toBe(2);
  });
});
