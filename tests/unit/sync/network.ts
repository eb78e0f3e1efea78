import * as Y from 'yjs';
import { vi } from 'vitest';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';

/** Origin of every update the simulated network applies, so it is never sent on again (echo). */
export const NET = { name: 'simulated-network' } as const;

/**
 * A full mesh of replicas, as y-webrtc connects peers: every local update is put on a queue per
 * link (a → b) and delivered later, when the test says so, in any order, possibly twice.
 * Links can be cut (a partition): a cut link delivers nothing and, when `dropWhileCut` is set,
 * loses what is sent meanwhile, so only a reconnect (a state-vector sync) brings it over.
 */
export class Network {
  readonly n: number;
  /** Updates sent on each link and not yet delivered, by link index `a * n + b`. */
  readonly queues: Uint8Array[][];
  /** Every update ever sent on each link, to deliver one again (a duplicate). */
  readonly sent: Uint8Array[][];
  readonly cut: boolean[];
  dropWhileCut = false;

  constructor(readonly replicas: readonly WorkspaceDoc[]) {
    const n = replicas.length;
    this.n = n;
    this.queues = Array.from({ length: n * n }, () => []);
    this.sent = Array.from({ length: n * n }, () => []);
    this.cut = Array.from({ length: n * n }, () => false);
    replicas.forEach((ws, a) => {
      ws.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NET) return;
        for (let b = 0; b < n; b++) {
          if (b === a) continue;
          const link = a * n + b;
          this.sent[link]!.push(update);
          if (!(this.cut[link] && this.dropWhileCut)) this.queues[link]!.push(update);
        }
      });
    });
  }

  /** Links that have something queued and are not cut. */
  ready(): number[] {
    const out: number[] = [];
    for (let link = 0; link < this.queues.length; link++)
      if (!this.cut[link] && this.queues[link]!.length > 0) out.push(link);
    return out;
  }

  /** Delivers the queued update at `index` (not necessarily the oldest) on a ready link. */
  deliver(pick: number, index: number): boolean {
    const links = this.ready();
    if (links.length === 0) return false;
    const link = links[pick % links.length]!;
    const queue = this.queues[link]!;
    const [update] = queue.splice(index % queue.length, 1);
    this.apply(link % this.n, update!);
    return true;
  }

  /** Delivers again an update already sent on a link that is not cut (queued or delivered). */
  duplicate(pick: number, index: number): boolean {
    const links: number[] = [];
    for (let link = 0; link < this.sent.length; link++)
      if (!this.cut[link] && this.sent[link]!.length > 0) links.push(link);
    if (links.length === 0) return false;
    const link = links[pick % links.length]!;
    const sent = this.sent[link]!;
    this.apply(link % this.n, sent[index % sent.length]!);
    return true;
  }

  /** Cuts every link between the replicas whose bit is set in `mask` and the others. */
  partition(mask: number, drop: boolean): void {
    this.dropWhileCut = drop;
    for (let a = 0; a < this.n; a++)
      for (let b = 0; b < this.n; b++) {
        const split = ((mask >> a) & 1) !== ((mask >> b) & 1);
        if (split) this.cut[a * this.n + b] = true;
      }
  }

  /** Heals every cut link; with `reconnect`, the peers exchange state vectors as they rejoin. */
  heal(reconnect: boolean): void {
    for (let link = 0; link < this.cut.length; link++) {
      if (!this.cut[link]) continue;
      this.cut[link] = false;
      if (reconnect) this.syncLink(Math.floor(link / this.n), link % this.n);
    }
    this.dropWhileCut = false;
  }

  /** What a reconnect sends: everything `from` has that `to` lacks, by state vector. */
  syncLink(from: number, to: number): boolean {
    if (from === to || this.cut[from * this.n + to]) return false;
    const a = this.replicas[from]!.doc;
    const b = this.replicas[to]!.doc;
    this.apply(to, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    return true;
  }

  apply(to: number, update: Uint8Array): void {
    Y.applyUpdate(this.replicas[to]!.doc, update, NET);
  }

  /**
   * Heals, delivers everything queued (links in an order drawn from `picks`, each mostly oldest
   * first, one time in four any queued update), then a full sync round.
   */
  settle(picks: readonly number[]): void {
    this.heal(false);
    for (let i = 0; this.ready().length > 0; i++) {
      const pick = picks.length ? picks[i % picks.length]! + i : i;
      this.deliver(pick, pick % 4 === 0 ? pick >> 2 : 0);
    }
    for (let a = 0; a < this.n; a++) for (let b = 0; b < this.n; b++) this.syncLink(a, b);
  }
}

/** A replica with a fixed client id (a fixed guid too, which skips drawing a random one). */
export function peer(clientID: number): WorkspaceDoc {
  const doc = new Y.Doc({ guid: 'workspace' });
  doc.clientID = clientID;
  return workspaceDoc(doc);
}

/** mulberry32: a small seeded generator, so ids (and their tie-breaks) repeat with the seed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Makes `crypto.getRandomValues` (which `newId` uses) deterministic; call `reseed` at the start
 * of every property run so a failing run replays with the same ids.
 */
export function deterministicIds(): { reseed: (seed: number) => void; restore: () => void } {
  let next = seeded(1);
  const spy = vi
    .spyOn(globalThis.crypto, 'getRandomValues')
    .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
      }
      return array;
    });
  return {
    reseed: (seed) => {
      next = seeded(seed);
    },
    restore: () => spy.mockRestore(),
  };
}
