/**
 * A peer that is not the app: plain yjs and y-webrtc, nothing of Lodestar. Bundled by
 * plainPeer.ts and run in a page of its own, it joins a workspace's room like any y-webrtc
 * client would, with whatever room name and password it is given.
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

export interface PlainPeer {
  join(room: string, password: string, signaling: string[]): void;
  /** Whether it reached the signaling server, and how many peers it is connected to. */
  status(): { signaling: boolean; peers: number };
  /** A value of the document's `meta` map, as JSON. */
  meta(key: string): unknown;
  /** Sets values of `meta`, in one transaction. */
  setMeta(values: Record<string, unknown>): void;
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
};
