/**
 * Splits large messages for WebRTC data channels. y-webrtc sends every update as one message,
 * but browsers cap a data-channel message at 256 KiB, so a large import (or a new peer's first
 * sync of a big workspace) would never arrive. Every peer of Lodestar wraps its connections the
 * same way: a message over CHUNK_SIZE goes out as numbered frames and is put back together
 * before y-webrtc sees it. A frame starts with two marker bytes no y-webrtc message starts
 * with (those begin with a small message type, or with the length of "AES-GCM" when encrypted):
 * 0xf0 0x4c for a plain message, 0xf0 0x5a for a compressed one (sync/compression.ts), sent only
 * to a peer that said HELLO, so older copies keep getting the plain frames they read. A plain
 * frame carries the message id, its index and the count of frames; a compressed message is sent
 * while it is compressed, so its frames carry the id, the index and, in the count's place, 0
 * while more follow and index + 1 on the last one. They must arrive in order (a data channel
 * keeps it); one out of order fails its message.
 *
 * Compressing and inflating are asynchronous, so each direction keeps its order: while a
 * message is being compressed, later sends wait for it; while one is being inflated, later
 * messages wait to be handed to y-webrtc. With nothing pending, a message goes through at once.
 */
import { COMPRESS_MIN, HELLO, Inflation, compressInParts, isHello } from './compression';

export const CHUNK_SIZE = 64 * 1024;
const MARKER = [0xf0, 0x4c] as const;
/** The second marker byte of a frame of a compressed message. */
const COMPRESSED = 0x5a;
const HEADER = 2 + 4 + 4 + 4; // marker, message id, index, count
/** Limits that keep a hostile peer from making us hold unbounded memory. */
const MAX_MESSAGE = 128 * 1024 * 1024;
const MAX_PENDING = 8;

export function isFrame(data: Uint8Array): boolean {
  return (
    data.length >= HEADER &&
    data[0] === MARKER[0] &&
    (data[1] === MARKER[1] || data[1] === COMPRESSED)
  );
}

/** Whether a frame belongs to a compressed message. */
export const isCompressedFrame = (frame: Uint8Array): boolean =>
  isFrame(frame) && frame[1] === COMPRESSED;

/** The frames of one message (a single, unframed message when it is small). */
export function toFrames(message: Uint8Array, id: number, size = CHUNK_SIZE): Uint8Array[] {
  if (message.length <= size && !isFrame(message)) return [message];
  const count = Math.ceil(message.length / size);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    frames.push(frameOf(MARKER[1], id, i, count, message.subarray(i * size, (i + 1) * size)));
  }
  return frames;
}

function frameOf(kind: number, id: number, index: number, count: number, part: Uint8Array) {
  const frame = new Uint8Array(HEADER + part.length);
  const view = new DataView(frame.buffer);
  frame[0] = MARKER[0];
  frame[1] = kind;
  view.setUint32(2, id >>> 0);
  view.setUint32(6, index);
  view.setUint32(10, count);
  frame.set(part, HEADER);
  return frame;
}

/** A frame of a compressed message: part `index`, the last one when `last`. */
export const compressedFrame = (
  id: number,
  index: number,
  last: boolean,
  part: Uint8Array,
): Uint8Array => frameOf(COMPRESSED, id, index, last ? index + 1 : 0, part);

/** The frames of an already packed compressed message (as `compressInParts` would send it). */
export function compressedFrames(packed: Uint8Array, id: number, size = CHUNK_SIZE): Uint8Array[] {
  const count = Math.max(1, Math.ceil(packed.length / size));
  return Array.from({ length: count }, (_, i) =>
    compressedFrame(id, i, i === count - 1, packed.subarray(i * size, (i + 1) * size)),
  );
}

/** How many compressed messages may be half received at once; the oldest is given up. */
const MAX_INFLATING = 4;

/**
 * Inflates compressed messages frame by frame. `accept` returns null while a message has more
 * frames to come, and its inflation (a promise of the message) with its last frame. A frame
 * out of order, for an unknown message, or after its message failed makes that promise reject
 * (the frames after it are ignored).
 */
export class InflatingInbox {
  private open = new Map<number, { next: number; inflation: Inflation; outOfOrder: boolean }>();

  accept(frame: Uint8Array): Promise<Uint8Array> | null {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(2);
    const index = view.getUint32(6);
    const count = view.getUint32(10);
    const last = count !== 0;
    if (last && count !== index + 1) return Promise.reject(new Error('A bad compressed frame.'));
    let entry = this.open.get(id);
    if (!entry) {
      if (index !== 0) return Promise.reject(new Error('A compressed frame out of order.'));
      if (this.open.size >= MAX_INFLATING) {
        const oldest = this.open.keys().next().value;
        if (oldest !== undefined) {
          this.open.get(oldest)?.inflation.abort();
          this.open.delete(oldest);
        }
      }
      entry = { next: 0, inflation: new Inflation(), outOfOrder: false };
      this.open.set(id, entry);
    }
    if (index !== entry.next) entry.outOfOrder = true;
    entry.next = index + 1;
    // A copy: the stream reads the part later, and the frame's buffer is not ours to keep.
    if (!entry.outOfOrder) entry.inflation.push(frame.slice(HEADER));
    if (!last) return null;
    this.open.delete(id);
    if (entry.outOfOrder) {
      entry.inflation.abort();
      return Promise.reject(new Error('A compressed frame out of order.'));
    }
    return entry.inflation.end();
  }
}

/** Puts plain frames back together; returns a whole message when its last frame arrives. */
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

export interface ChunkOptions {
  /** A message the sync layer could not read, or a compressed one refused; it was dropped. */
  onUnreadable?: (error: unknown) => void;
  /** Whether to say HELLO on connecting and compress for peers that say it (default true). */
  compression?: boolean;
  /** Runs y-webrtc's handling of each message (sync/echo.ts, sync/applyOnce.ts). */
  receive?: <T>(message: unknown, handle: () => T) => T;
  /** Whether a send now is to be dropped (EchoGuard.isEcho). */
  drop?: () => boolean;
}

/**
 * Wraps a peer so large messages are framed (and, for a peer that reads it, compressed) on the
 * way out and reassembled (and inflated) on the way in. A message that the sync layer cannot
 * read (a malformed update from a buggy or hostile peer, a compressed message that inflates
 * past what it stated) is dropped and reported through `onUnreadable` instead of escaping as an
 * uncaught error.
 */
export function chunkPeer(peer: PeerLike, options: ChunkOptions = {}): void {
  const onUnreadable = options.onUnreadable ?? (() => {});
  const compression = options.compression ?? true;
  const receive = options.receive ?? (<T>(_message: unknown, handle: () => T): T => handle());
  const drop = options.drop ?? (() => false);
  const send = peer.send.bind(peer);
  const emit = peer.emit.bind(peer);
  const inbox = new Reassembler();
  const inflating = new InflatingInbox();
  let next = (Math.random() * 0xffffffff) >>> 0;
  /** Whether the other side said HELLO (it reads compressed frames). */
  let peerInflates = false;
  /** Sends waiting behind a compression, in order; null when nothing waits. */
  let outbox: Promise<void> | null = null;
  /** Messages waiting behind an inflation, in order; null when nothing waits. */
  let arrivals: Promise<void> | null = null;

  const sendFrames = (message: Uint8Array): void => {
    for (const frame of toFrames(message, next++)) send(frame);
  };
  /** Sends `message` compressed, frame by frame while it is compressed. */
  const sendCompressed = async (message: Uint8Array): Promise<void> => {
    const id = next++;
    let index = 0;
    try {
      await compressInParts(message, CHUNK_SIZE, (part, last) =>
        send(compressedFrame(id, index++, last, part)),
      );
    } catch {
      // The message goes again uncompressed (the peer gives the half one up; a Yjs update
      // applied twice changes nothing). On a closed channel this throws too, and is ignored.
      sendFrames(message);
    }
  };
  const queueSend = (work: () => Promise<void> | void): void => {
    const mine: Promise<void> = (outbox ?? Promise.resolve())
      .then(work)
      .catch(() => undefined) // a closed channel: y-webrtc ignores failed sends too
      .finally(() => {
        if (outbox === mine) outbox = null;
      });
    outbox = mine;
  };
  peer.send = (data: Uint8Array) => {
    if (drop()) return;
    if (peerInflates && data.length >= COMPRESS_MIN) queueSend(() => sendCompressed(data));
    else if (outbox) queueSend(() => sendFrames(data));
    else sendFrames(data);
  };

  const deliver = (message: unknown): boolean => {
    try {
      return receive(message, () => emit('data', message));
    } catch (error) {
      onUnreadable(error);
      return true;
    }
  };
  /** Hands `message` to y-webrtc after everything that arrived before it. */
  const arrive = (message: unknown): boolean => {
    if (!arrivals && !(message instanceof Promise)) return deliver(message);
    const mine: Promise<void> = (arrivals ?? Promise.resolve())
      .then(() => message)
      .then(deliver, onUnreadable)
      .then(() => undefined)
      .finally(() => {
        if (arrivals === mine) arrivals = null;
      });
    arrivals = mine;
    return true;
  };
  peer.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'connect' && compression) {
      // Before y-webrtc's first message (sync step 1), so the other side knows in time.
      try {
        send(HELLO);
      } catch {
        // the channel closed at once; y-webrtc will see it too
      }
    }
    const data = args[0];
    if (event !== 'data') return emit(event, ...args);
    if (data instanceof Uint8Array && isFrame(data)) {
      const whole = isCompressedFrame(data) ? inflating.accept(data) : inbox.accept(data);
      return whole ? arrive(whole) : true;
    }
    if (compression && data instanceof Uint8Array && isHello(data)) {
      peerInflates = true;
      return true;
    }
    return arrive(data);
  };
}
