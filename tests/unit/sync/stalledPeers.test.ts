import { describe, expect, it } from 'vitest';
import { stalledConns, type PeerConnLike } from '../../../src/sync/stalledPeers';

const conn = (patch: Partial<PeerConnLike> = {}): PeerConnLike => ({
  connected: false,
  closed: false,
  peer: { destroy: () => undefined },
  ...patch,
});

describe('stalledConns', () => {
  it('gives up a handshake only once it has lasted the timeout', () => {
    const a = conn();
    const seen = new Map<PeerConnLike, number>();
    expect(stalledConns([a], seen, 1_000, 10_000)).toEqual([]);
    expect(stalledConns([a], seen, 10_999, 10_000)).toEqual([]);
    expect(stalledConns([a], seen, 11_000, 10_000)).toEqual([a]);
  });

  it('never gives up an open or closed connection, and forgets finished ones', () => {
    const open = conn({ connected: true });
    const closed = conn({ closed: true });
    const later = conn();
    const seen = new Map<PeerConnLike, number>();
    expect(stalledConns([open, closed, later], seen, 0, 10)).toEqual([]);
    expect(stalledConns([open, closed, later], seen, 50, 10)).toEqual([later]);
    later.connected = true;
    expect(stalledConns([open, closed, later], seen, 100, 10)).toEqual([]);
    expect(seen.size).toBe(0);
  });

  it('times each connection from when it was first seen', () => {
    const a = conn();
    const b = conn();
    const seen = new Map<PeerConnLike, number>();
    stalledConns([a], seen, 0, 10);
    expect(stalledConns([a, b], seen, 10, 10)).toEqual([a]);
    expect(stalledConns([a, b], seen, 20, 10)).toEqual([a, b]);
  });
});
