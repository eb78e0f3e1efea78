/**
 * y-webrtc keeps a peer connection whose WebRTC handshake never completes (ICE stuck after a
 * network change, a lost signal) and ignores that peer's later announcements while it does,
 * so two copies can stay apart although both are online. This gives such handshakes up after
 * a while: closing the connection makes y-webrtc announce itself again and start afresh.
 */

/** What this watch needs of a y-webrtc connection. */
export interface PeerConnLike {
  connected: boolean;
  closed: boolean;
  peer: { destroy(): void };
}

/** How long a handshake may take before it is given up. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
const CHECK_EVERY_MS = 2_000;

/**
 * The connections still handshaking `timeout` ms after they were first seen. `firstSeen` is
 * updated in place: new connections are added, finished or gone ones dropped.
 */
export function stalledConns<C extends PeerConnLike>(
  conns: Iterable<C>,
  firstSeen: Map<C, number>,
  now: number,
  timeout = HANDSHAKE_TIMEOUT_MS,
): C[] {
  const pending = new Set<C>();
  const stalled: C[] = [];
  for (const conn of conns) {
    if (conn.connected || conn.closed) continue;
    pending.add(conn);
    const since = firstSeen.get(conn) ?? now;
    firstSeen.set(conn, since);
    if (now - since >= timeout) stalled.push(conn);
  }
  for (const conn of firstSeen.keys()) if (!pending.has(conn)) firstSeen.delete(conn);
  return stalled;
}

/** Checks the connections every few seconds and closes stalled ones; returns the stop. */
export function watchStalledPeers(conns: () => Iterable<PeerConnLike> | undefined): () => void {
  const firstSeen = new Map<PeerConnLike, number>();
  const timer = setInterval(() => {
    for (const conn of stalledConns(conns() ?? [], firstSeen, Date.now())) {
      firstSeen.delete(conn);
      conn.peer.destroy();
    }
  }, CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
