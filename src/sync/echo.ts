/**
 * Two things y-webrtc sends that nobody needs, each a full copy of a new peer's first sync:
 *
 * - The echo. Its document update handler sends every update to every peer, including the one
 *   it just came from. A copy joining a big workspace would send the whole workspace straight
 *   back to the teammate who sent it, who would decode and apply all of it for nothing.
 *   `EchoGuard` notes whose message y-webrtc is handling and drops the send of the resulting
 *   update to that peer only. It does so only when the document had nothing pending before the
 *   message (no update waiting for a missing one): otherwise the update can hold structs that
 *   came earlier from someone else, which the sender may lack. Updates made by this copy while
 *   handling it (another origin than the room) still go to everyone.
 * - Its own broadcast-channel messages. lib0's `publish` hands each message to the subscribers
 *   of this page too, so y-webrtc decrypts and re-applies every update it sends to other tabs,
 *   a full decode of the workspace after a join. Messages of this page reach its subscriber with
 *   the origin `null`, those of other tabs with 'broadcastchannel'; only the latter are read.
 */
import type * as Y from 'yjs';

/** What the guard needs of y-webrtc's Room. */
export interface RoomLike {
  doc: Y.Doc;
  name: string;
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
  _bcSubscriber: (data: ArrayBuffer, origin?: unknown) => unknown;
}

/** lib0/broadcastchannel's subscribe and unsubscribe, passed in (y-webrtc uses the same module). */
export interface BroadcastLike {
  subscribe(room: string, f: (data: ArrayBuffer, origin: unknown) => unknown): unknown;
  unsubscribe(room: string, f: (data: ArrayBuffer, origin: unknown) => unknown): boolean;
}

export class EchoGuard {
  /** The peer whose message y-webrtc is handling, when its update may be kept from it. */
  private from: object | null = null;
  /** The peer the update being broadcast came from. */
  private echoTo: object | null = null;
  /** Sends dropped as echoes (for tests and the benchmark). */
  dropped = 0;

  constructor(private readonly room: RoomLike) {
    const doc = room.doc;
    const handler = room._docUpdateHandler;
    const guarded = (update: Uint8Array, origin: unknown): void => {
      this.echoTo = origin === room ? this.from : null;
      try {
        handler(update, origin);
      } finally {
        this.echoTo = null;
      }
    };
    // room.connect() has subscribed the handler; room.disconnect() unsubscribes the property.
    doc.off('update', handler);
    room._docUpdateHandler = guarded;
    doc.on('update', guarded);
  }

  /** Runs y-webrtc's handling of one message from `peer`. */
  receive<T>(peer: object, handle: () => T): T {
    const store = this.room.doc.store;
    const before = this.from;
    this.from = store.pendingStructs === null && store.pendingDs === null ? peer : null;
    try {
      return handle();
    } finally {
      this.from = before;
    }
  }

  /** Whether a send to `peer` right now is the update it just sent us (then it is dropped). */
  isEcho(peer: object): boolean {
    if (this.echoTo !== peer) return false;
    this.dropped++;
    return true;
  }
}

/**
 * Makes y-webrtc's broadcast-channel subscriber skip this page's own messages. The new one is
 * subscribed before the old one goes, so the channel stays open; if the old one was not found
 * (another copy of lib0 than y-webrtc's), nothing changes. Returns whether it did.
 */
export function skipOwnBroadcasts(room: RoomLike, bc: BroadcastLike): boolean {
  const subscriber = room._bcSubscriber;
  const fromOtherTabs = (data: ArrayBuffer, origin: unknown): unknown =>
    origin === null || origin === undefined ? undefined : subscriber(data, origin);
  bc.subscribe(room.name, fromOtherTabs);
  if (!bc.unsubscribe(room.name, subscriber)) {
    bc.unsubscribe(room.name, fromOtherTabs);
    return false;
  }
  room._bcSubscriber = fromOtherTabs;
  return true;
}
