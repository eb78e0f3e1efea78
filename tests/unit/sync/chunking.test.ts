import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  Reassembler,
  chunkPeer,
  compressedFrames,
  isCompressedFrame,
  isFrame,
  toFrames,
  type ChunkOptions,
  type PeerLike,
} from '../../../src/sync/chunking';
import { COMPRESS_MIN, HELLO, compress } from '../../../src/sync/compression';

function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * seed + 3) % 256;
  return out;
}

/** Bytes that deflate well (repeated JSON), as a workspace's state does. */
function jsonish(n: number, tag = 'a'): Uint8Array {
  const word = new TextEncoder().encode(`{"value":1,"note":"${tag}"},`);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = word[i % word.length] as number;
  return out;
}

/** Whether two byte arrays hold the same bytes (toEqual walks a large array slowly). */
function same(x: unknown, y: Uint8Array): boolean {
  return x instanceof Uint8Array && x.length === y.length && Buffer.compare(x, y) === 0;
}

/** One side of a connection: what its wrapped peer put on the wire and what it handed over. */
interface Side {
  peer: PeerLike;
  wire: Uint8Array[];
  received: unknown[];
  /** Resolves once `cond` holds, checked whenever something is sent or handed over. */
  until(cond: () => boolean): Promise<void>;
}

function side(options: ChunkOptions = {}): Side {
  const waiting: { cond: () => boolean; done: () => void }[] = [];
  const changed = (): void => {
    for (const w of [...waiting]) {
      if (w.cond()) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done();
      }
    }
  };
  const s: Side = {
    wire: [],
    received: [],
    peer: {
      send: (d) => {
        s.wire.push(d);
        changed();
      },
      emit: (event, ...args) => {
        if (event === 'data') s.received.push(args[0]);
        changed();
        return true;
      },
    },
    until: (cond) =>
      cond() ? Promise.resolve() : new Promise((done) => waiting.push({ cond, done })),
  };
  chunkPeer(s.peer, options);
  return s;
}

/** Delivers everything `from` has put on the wire to `to`, in order. */
function carry(from: Side, to: Side): void {
  for (const frame of from.wire.splice(0)) to.peer.emit('data', frame);
}

describe('chunking', () => {
  it('passes small messages through untouched', () => {
    const m = bytes(100);
    expect(toFrames(m, 1)).toEqual([m]);
    expect(isFrame(m)).toBe(false);
  });

  it('splits a large message and puts it back together in any order, ignoring duplicates', () => {
    const m = bytes(CHUNK_SIZE * 5 + 123);
    const frames = toFrames(m, 42);
    expect(frames).toHaveLength(6);
    expect(frames.every((f) => isFrame(f) && f.length <= CHUNK_SIZE + 14)).toBe(true);
    const r = new Reassembler();
    const order = [3, 0, 5, 0, 1, 4];
    for (const i of order) expect(r.accept(frames[i]!)).toBeNull();
    expect(same(r.accept(frames[2]!), m)).toBe(true);
  });

  it('keeps two interleaved messages apart', () => {
    const a = bytes(CHUNK_SIZE * 2, 3);
    const b = bytes(CHUNK_SIZE * 2, 5);
    const fa = toFrames(a, 1);
    const fb = toFrames(b, 2);
    const r = new Reassembler();
    expect(r.accept(fa[0]!)).toBeNull();
    expect(r.accept(fb[0]!)).toBeNull();
    expect(same(r.accept(fb[1]!), b)).toBe(true);
    expect(same(r.accept(fa[1]!), a)).toBe(true);
  });

  it('frames a small message that happens to start like a frame', () => {
    const tricky = Uint8Array.from([0xf0, 0x4c, ...bytes(20)]);
    const frames = toFrames(tricky, 9);
    expect(frames).toHaveLength(1);
    expect(new Reassembler().accept(frames[0]!)).toEqual(tricky);
  });

  it('ignores hostile frames: zero count, index past count, absurd sizes', () => {
    const r = new Reassembler();
    const frame = toFrames(bytes(CHUNK_SIZE * 2), 5)[0]!;
    const view = new DataView(frame.buffer);
    view.setUint32(10, 0);
    expect(r.accept(frame)).toBeNull();
    view.setUint32(10, 2);
    view.setUint32(6, 7);
    expect(r.accept(frame)).toBeNull();
    view.setUint32(6, 0);
    view.setUint32(10, 0xffffffff);
    expect(r.accept(frame)).toBeNull();
  });

  it('wraps a peer: large sends become frames, frames arriving become one data event', () => {
    const sent: Uint8Array[] = [];
    const received: unknown[] = [];
    const peer: PeerLike = {
      send: (d) => void sent.push(d),
      emit: (event, ...args) => {
        if (event === 'data') received.push(args[0]);
        return true;
      },
    };
    chunkPeer(peer);
    const big = bytes(CHUNK_SIZE * 3 + 1);
    peer.send(big);
    expect(sent).toHaveLength(4);
    for (const f of sent) peer.emit('data', f);
    expect(received).toHaveLength(1);
    expect(same(received[0], big)).toBe(true);
    peer.emit('data', bytes(10));
    expect(received).toHaveLength(2);
  });
});

describe('unreadable messages', () => {
  it('drops and reports a message the sync layer throws on, and keeps going', () => {
    const problems: unknown[] = [];
    const seen: unknown[] = [];
    const peer: PeerLike = {
      send: () => undefined,
      emit: (event, ...args) => {
        if (event === 'data' && (args[0] as Uint8Array)[0] === 0xff) throw new Error('bad update');
        seen.push(args[0]);
        return true;
      },
    };
    chunkPeer(peer, { onUnreadable: (e) => problems.push(e) });
    expect(peer.emit('data', Uint8Array.from([0xff, 1]))).toBe(true);
    peer.emit('data', Uint8Array.from([1, 2]));
    expect(problems).toHaveLength(1);
    expect(seen).toEqual([Uint8Array.from([1, 2])]);
  });
});

describe('compression between peers', () => {
  it('says HELLO on connecting, before anything y-webrtc sends', () => {
    const a = side();
    a.peer.emit('connect');
    expect(a.wire).toEqual([HELLO]);
    // HELLO is consumed by a peer that reads compression, not handed to y-webrtc.
    const b = side();
    carry(a, b);
    expect(b.received).toEqual([]);
  });

  it('compresses large messages for a peer that said HELLO, and they arrive whole', async () => {
    const a = side();
    const b = side();
    b.peer.emit('connect');
    carry(b, a);
    const big = jsonish(COMPRESS_MIN * 4);
    a.peer.send(big);
    await a.until(() => a.wire.length > 0);
    expect(a.wire.every((f) => isCompressedFrame(f))).toBe(true);
    const onWire = a.wire.reduce((n, f) => n + f.length, 0);
    expect(onWire).toBeLessThan(big.length / 10);
    carry(a, b);
    await b.until(() => b.received.length === 1);
    expect(same(b.received[0], big)).toBe(true);
  });

  it('sends plain frames to a peer that never said HELLO (an older copy)', () => {
    const a = side();
    const big = jsonish(COMPRESS_MIN * 3);
    a.peer.send(big);
    expect(a.wire).toHaveLength(Math.ceil(big.length / CHUNK_SIZE));
    expect(a.wire.every((f) => isFrame(f) && !isCompressedFrame(f))).toBe(true);
    // An older copy reassembles them as before.
    const r = new Reassembler();
    expect(same(a.wire.map((f) => r.accept(f)).at(-1), big)).toBe(true);
  });

  it('keeps the order: a small message sent after a large one waits for it, both ways', async () => {
    const a = side();
    const b = side();
    b.peer.emit('connect');
    carry(b, a);
    const big = jsonish(COMPRESS_MIN * 4, 'big');
    const small = bytes(50);
    a.peer.send(big);
    a.peer.send(small);
    // Nothing goes out ahead of the large message while it is compressed.
    expect(a.wire).toEqual([]);
    await a.until(() => a.wire.length >= 2);
    expect(a.wire.at(-1)).toEqual(small);
    carry(a, b);
    // The small one arrived last but is handed over only after the large one is inflated.
    expect(b.received).toEqual([]);
    await b.until(() => b.received.length === 2);
    expect(same(b.received[0], big) && same(b.received[1], small)).toBe(true);
  });

  it('drops and reports a compressed message that inflates past its stated size, and keeps going', async () => {
    const problems: unknown[] = [];
    const b = side({ onUnreadable: (e) => problems.push(e) });
    const packed = await compress(new Uint8Array(4 * 1024 * 1024));
    new DataView(packed.buffer).setUint32(0, 1000); // states 1,000 bytes, holds 4 MiB
    for (const f of compressedFrames(packed, 1)) b.peer.emit('data', f);
    const after = bytes(20);
    b.peer.emit('data', after);
    await b.until(() => b.received.length === 1);
    expect(b.received).toEqual([after]);
    expect(problems).toHaveLength(1);
    expect(String(problems[0])).toMatch(/inflates past 1000 bytes/);
  });

  it('fails a compressed message whose frames come out of order, and keeps going', async () => {
    const problems: unknown[] = [];
    const b = side({ onUnreadable: (e) => problems.push(e) });
    const m = jsonish(COMPRESS_MIN * 8);
    const frames = compressedFrames(await compress(m), 7, 64);
    expect(frames.length).toBeGreaterThan(3);
    // Positive control: in order, it arrives.
    for (const f of frames) b.peer.emit('data', f);
    await b.until(() => b.received.length === 1);
    expect(same(b.received[0], m)).toBe(true);
    const swapped = compressedFrames(await compress(m), 8, 64);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    for (const f of swapped) b.peer.emit('data', f);
    b.peer.emit('data', bytes(5));
    await b.until(() => b.received.length === 2);
    expect(same(b.received[1], bytes(5))).toBe(true);
    expect(problems).toHaveLength(1);
    expect(String(problems[0])).toMatch(/out of order/);
  });

  it('without compression, says nothing and passes HELLO on as an older copy would', () => {
    const a = side({ compression: false });
    a.peer.emit('connect');
    expect(a.wire).toEqual([]);
    a.peer.emit('data', HELLO);
    expect(a.received).toEqual([HELLO]);
  });
});

describe('dropping sends', () => {
  it('drops a send when told, and only then', () => {
    let dropping = false;
    const a = side({ drop: () => dropping });
    a.peer.send(bytes(10));
    dropping = true;
    a.peer.send(bytes(11));
    expect(a.wire).toEqual([bytes(10)]);
  });
});
