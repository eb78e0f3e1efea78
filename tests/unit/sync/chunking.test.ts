import { describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  Reassembler,
  chunkPeer,
  isFrame,
  toFrames,
  type PeerLike,
} from '../../../src/sync/chunking';

const bytes = (n: number, seed = 7): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i * seed + 3) % 256);

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
    expect(r.accept(frames[2]!)).toEqual(m);
  });

  it('keeps two interleaved messages apart', () => {
    const a = bytes(CHUNK_SIZE * 2, 3);
    const b = bytes(CHUNK_SIZE * 2, 5);
    const fa = toFrames(a, 1);
    const fb = toFrames(b, 2);
    const r = new Reassembler();
    expect(r.accept(fa[0]!)).toBeNull();
    expect(r.accept(fb[0]!)).toBeNull();
    expect(r.accept(fb[1]!)).toEqual(b);
    expect(r.accept(fa[1]!)).toEqual(a);
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
    expect(received).toEqual([big]);
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
    chunkPeer(peer, (e) => problems.push(e));
    expect(peer.emit('data', Uint8Array.from([0xff, 1]))).toBe(true);
    peer.emit('data', Uint8Array.from([1, 2]));
    expect(problems).toHaveLength(1);
    expect(seen).toEqual([Uint8Array.from([1, 2])]);
  });
});
