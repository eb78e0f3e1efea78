/**
 * Splits large messages for WebRTC data channels. y-webrtc sends every update as one message,
 * but browsers cap a data-channel message at 256 KiB, so a large import (or a new peer's first
 * sync of a big workspace) would never arrive. Every peer of Lodestar wraps its connections the
 * same way: a message over CHUNK_SIZE goes out as numbered frames and is put back together
 * before y-webrtc sees it. A frame starts with two marker bytes no y-webrtc message starts
 * with (those begin with a small message type, or with the length of "AES-GCM" when encrypted).
 */

export const CHUNK_SIZE = 64 * 1024;
const MARKER = [0xf0, 0x4c] as const;
const HEADER = 2 + 4 + 4 + 4; // marker, message id, index, count
/** Limits that keep a hostile peer from making us hold unbounded memory. */
const MAX_MESSAGE = 128 * 1024 * 1024;
const MAX_PENDING = 8;

export function isFrame(data: Uint8Array): boolean {
  return data.length >= HEADER && data[0] === MARKER[0] && data[1] === MARKER[1];
}

/** The frames of one message (a single, unframed message when it is small). */
export function toFrames(message: Uint8Array, id: number, size = CHUNK_SIZE): Uint8Array[] {
  if (message.length <= size && !isFrame(message)) return [message];
  const count = Math.ceil(message.length / size);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = message.subarray(i * size, (i + 1) * size);
    const frame = new Uint8Array(HEADER + part.length);
    const view = new DataView(frame.buffer);
    frame.set(MARKER, 0);
    view.setUint32(2, id >>> 0);
    view.setUint32(6, i);
    view.setUint32(10, count);
    frame.set(part, HEADER);
    frames.push(frame);
  }
  return frames;
}

/** Puts frames back together; returns a whole message when its last frame arrives. */
export class Reassembler {
  private pending = new Map<
    number,
    { parts: (Uint8Array | undefined)[]; got: number; bytes: number }
  >();

  /** A complete message, or null while frames are missing or the frame was unusable. */
  accept(frame: Uint8Array): Uint8Array | null {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(2);
    const index = view.getUint32(6);
    const count = view.getUint32(10);
    if (count === 0 || index >= count || count * CHUNK_SIZE > MAX_MESSAGE * 2) return null;
    let entry = this.pending.get(id);
    if (!entry) {
      if (this.pending.size >= MAX_PENDING) {
        const oldest = this.pending.keys().next().value;
        if (oldest !== undefined) this.pending.delete(oldest);
      }
      entry = { parts: new Array<Uint8Array | undefined>(count), got: 0, bytes: 0 };
      this.pending.set(id, entry);
    }
    if (entry.parts.length !== count || entry.parts[index]) return null;
    const part = frame.slice(HEADER);
    entry.bytes += part.length;
    if (entry.bytes > MAX_MESSAGE) {
      this.pending.delete(id);
      return null;
    }
    entry.parts[index] = part;
    if (++entry.got < count) return null;
    this.pending.delete(id);
    const message = new Uint8Array(entry.bytes);
    let offset = 0;
    for (const p of entry.parts) {
      message.set(p as Uint8Array, offset);
      offset += (p as Uint8Array).length;
    }
    return message;
  }
}

/** The parts of a simple-peer connection that chunking wraps. */
export interface PeerLike {
  send(data: Uint8Array): void;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

/**
 * Wraps a peer so large messages are framed on the way out and reassembled on the way in. A
 * message that the sync layer cannot read (a malformed update from a buggy or hostile peer)
 * is dropped and reported through `onUnreadable` instead of escaping as an uncaught error.
 */
export function chunkPeer(peer: PeerLike, onUnreadable: (error: unknown) => void = () => {}): void {
  const send = peer.send.bind(peer);
  const emit = peer.emit.bind(peer);
  const inbox = new Reassembler();
  let next = (Math.random() * 0xffffffff) >>> 0;
  peer.send = (data: Uint8Array) => {
    for (const frame of toFrames(data, next++)) send(frame);
  };
  const deliver = (message: unknown): boolean => {
    try {
      return emit('data', message);
    } catch (error) {
      onUnreadable(error);
      return true;
    }
  };
  peer.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    const data = args[0];
    if (event !== 'data') return emit(event, ...args);
    if (data instanceof Uint8Array && isFrame(data)) {
      const whole = inbox.accept(data);
      return whole ? deliver(whole) : true;
    }
    return deliver(data);
  };
}
