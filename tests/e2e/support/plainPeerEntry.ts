/**
 * A peer that is not the app: plain yjs and y-webrtc, nothing of Lodestar. Bundled by
 * plainPeer.ts and run in a page of its own, it joins a workspace's room like any y-webrtc
 * client would, with whatever room name and password it is given.
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { writeJunk } from '../../unit/junkFlood';

export interface PlainPeer {
  join(room: string, password: string, signaling: string[]): void;
  /** Whether it reached the signaling server, and how many peers it is connected to. */
  status(): { signaling: boolean; peers: number };
  /** A value of the document's `meta` map, as JSON. */
  meta(key: string): unknown;
  /** Sets values of `meta`, in one transaction. */
  setMeta(values: Record<string, unknown>): void;
  /** How many keys a top-level map holds. */
  size(map: string): number;
  /** Deletes every key of a top-level map outright (no trash), in one transaction; how many. */
  deleteAll(map: string): number;
  /**
   * Writes `count` junk keys into a top-level map (tests/unit/junkFlood.ts), `batch` keys per
   * transaction: y-webrtc sends each update as one data-channel message, and Chromium drops
   * messages over 256 KiB (the app chunks its own, sync/chunking.ts; a plain peer does not).
   */
  flood(map: string, count: number, batch: number): void;
  /** Sends each message as it is to every connected peer (hostile frames); how many peers. */
  sendRaw(messages: number[][]): number;
}

declare global {
  interface Window {
    plainPeer: PlainPeer;
  }
}

const doc = new Y.Doc();
let provider: WebrtcProvider | null = null;

window.plainPeer = {
  join(room, password, signaling) {
    provider = new WebrtcProvider(room, doc, { signaling, password });
  },
  status() {
    const conns = provider?.room ? [...provider.room.webrtcConns.values()] : [];
    return {
      signaling: provider?.signalingConns.some((c) => c.connected) ?? false,
      peers: conns.filter((c) => c.connected).length,
    };
  },
  meta(key) {
    const value = doc.getMap('meta').get(key);
    return value instanceof Y.AbstractType ? value.toJSON() : value;
  },
  setMeta(values) {
    doc.transact(() => {
      for (const [key, value] of Object.entries(values)) doc.getMap('meta').set(key, value);
    });
  },
  size(map) {
    return doc.getMap(map).size;
  },
  deleteAll(map) {
    const m = doc.getMap(map);
    const keys = [...m.keys()];
    doc.transact(() => {
      for (const key of keys) m.delete(key);
    });
    return keys.length;
  },
  sendRaw(messages) {
    const conns = provider?.room ? [...provider.room.webrtcConns.values()] : [];
    for (const conn of conns) for (const m of messages) conn.peer.send(Uint8Array.from(m));
    return conns.length;
  },
  flood(map, count, batch) {
    for (let done = 0, b = 0; done < count; done += batch, b++) {
      doc.transact(() => writeJunk(doc.getMap(map), Math.min(batch, count - done), `junk-${b}-`));
    }
  },
};
