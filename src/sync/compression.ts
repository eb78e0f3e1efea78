/**
 * Compression of large peer messages (sync/chunking.ts frames them). A new peer's first sync of
 * a big workspace is mostly JSON values and repeated keys, about a tenth of its size deflated,
 * and a WebRTC data channel moves only some 12 MB/s on one machine, so bytes on the wire are
 * most of a join's time. The browser's CompressionStream ('deflate-raw') does the work.
 *
 * A peer compresses only for a peer that said it can read it: on connecting, each Lodestar copy
 * first sends HELLO, which older copies and plain y-webrtc clients read as an awareness update
 * naming no client (a no-op); a copy that never said it gets the uncompressed frames as before.
 *
 * A compressed message states its size before the deflated bytes (4 bytes, big-endian). The
 * receiver refuses a stated size above MAX_INFLATED and stops inflating as soon as the output
 * passes the stated size, so a hostile peer cannot make it hold more than it said (a zip bomb).
 * Both ends stream: the sender hands out packed bytes while it compresses (`compressInParts`),
 * the receiver inflates each part as it arrives (`Inflation`), so compressing, sending and
 * inflating overlap.
 */

/** Messages at least this large are compressed, for a peer that reads compression. */
export const COMPRESS_MIN = 64 * 1024;
/** The largest message a peer may make us inflate (the same cap as an uncompressed message). */
export const MAX_INFLATED = 128 * 1024 * 1024;

const MAGIC = 'lodestar:deflate-raw/2';
/**
 * y-webrtc's awareness message (type 1) carrying an update that names no client (length 1,
 * count 0), followed by the magic text, which y-webrtc does not read.
 */
export const HELLO: Uint8Array = Uint8Array.from([1, 1, 0, ...new TextEncoder().encode(MAGIC)]);

export function isHello(data: Uint8Array): boolean {
  if (data.length !== HELLO.length) return false;
  for (let i = 0; i < HELLO.length; i++) if (data[i] !== HELLO[i]) return false;
  return true;
}

/** Reads a whole stream into one array, refusing more than `limit` bytes (then cancelling it). */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`A compressed message from a peer inflates past ${limit} bytes.`);
    }
    parts.push(value);
  }
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const streamOf = (bytes: Uint8Array): ReadableStream<BufferSource> =>
  new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();

/** The stated size (4 bytes) and the deflate-raw bytes of `message`. */
export async function compress(message: Uint8Array): Promise<Uint8Array> {
  const deflated = await readAll(
    streamOf(message).pipeThrough(new CompressionStream('deflate-raw')),
    MAX_INFLATED,
  );
  const out = new Uint8Array(4 + deflated.length);
  new DataView(out.buffer).setUint32(0, message.length);
  out.set(deflated, 4);
  return out;
}

/**
 * The message `compress` packed. Throws (an Error for the sync layer's unreadable count) on a
 * stated size above `limit`, output past the stated size, output short of it, or bad deflate.
 */
export async function inflate(packed: Uint8Array, limit = MAX_INFLATED): Promise<Uint8Array> {
  if (packed.length < 4) throw new Error('A compressed message from a peer is cut short.');
  const stated = new DataView(packed.buffer, packed.byteOffset, 4).getUint32(0);
  if (stated > limit) {
    throw new Error(`A compressed message from a peer states ${stated} bytes, over ${limit}.`);
  }
  const inflated = await readAll(
    streamOf(packed.subarray(4)).pipeThrough(new DecompressionStream('deflate-raw')),
    stated,
  );
  if (inflated.length !== stated) {
    throw new Error(
      `A compressed message from a peer holds ${inflated.length} of ${stated} bytes.`,
    );
  }
  return inflated;
}

/** How much of a message goes into the compressor at a time, so output comes along the way. */
const SLICE = 256 * 1024;

/**
 * Compresses `message` as `compress` packs it (stated size, then deflate-raw), handing the packed
 * bytes to `onPart` while it goes, in parts of exactly `size` bytes but the last.
 */
export async function compressInParts(
  message: Uint8Array,
  size: number,
  onPart: (part: Uint8Array, last: boolean) => void,
): Promise<void> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const head = new Uint8Array(4);
  new DataView(head.buffer).setUint32(0, message.length);
  const queue: Uint8Array[] = [head];
  let queued = head.length;
  /** Hands out full parts; at the end, also the rest, as the last part. */
  const flush = (end: boolean): void => {
    while (queued > size || (end && queued > 0)) {
      const n = Math.min(size, queued);
      const part = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const first = queue[0] as Uint8Array;
        const take = Math.min(first.length, n - filled);
        part.set(first.subarray(0, take), filled);
        filled += take;
        if (take === first.length) queue.shift();
        else queue[0] = first.subarray(take);
      }
      queued -= n;
      onPart(part, end && queued === 0);
    }
  };
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      queue.push(value);
      queued += value.length;
      flush(false);
    }
  })();
  reading.catch(() => undefined); // surfaced below, after the writes
  for (let at = 0; at < message.length; at += SLICE) {
    await writer.write(message.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
  }
  await writer.close();
  await reading;
  flush(true);
}

/**
 * Inflates one compressed message from its packed parts as they arrive, with the limits of
 * `inflate`: a stated size above `limit` fails at once, output past the stated size stops it.
 */
export class Inflation {
  private head = new Uint8Array(0);
  private writer: WritableStreamDefaultWriter<BufferSource> | null = null;
  private result: Promise<Uint8Array> | null = null;
  private error: unknown = null;

  constructor(private readonly limit = MAX_INFLATED) {}

  /** Adds the next packed part; false once the message has failed (then `end` says why). */
  push(part: Uint8Array): boolean {
    if (this.error !== null) return false;
    let bytes = part;
    if (!this.writer) {
      const joined = new Uint8Array(this.head.length + part.length);
      joined.set(this.head);
      joined.set(part, this.head.length);
      if (joined.length < 4) {
        this.head = joined;
        return true;
      }
      const stated = new DataView(joined.buffer).getUint32(0);
      if (stated > this.limit) {
        this.error = new Error(
          `A compressed message from a peer states ${stated} bytes, over ${this.limit}.`,
        );
        return false;
      }
      const stream = new DecompressionStream('deflate-raw');
      this.writer = stream.writable.getWriter();
      this.result = readAll(stream.readable, stated).then((out) => {
        if (out.length !== stated) {
          throw new Error(
            `A compressed message from a peer holds ${out.length} of ${stated} bytes.`,
          );
        }
        return out;
      });
      this.result.catch((error: unknown) => (this.error ??= error));
      bytes = joined.subarray(4);
    }
    if (bytes.length > 0)
      this.writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
    return true;
  }

  /** The whole message, once the last part is in; rejects if it failed. */
  async end(): Promise<Uint8Array> {
    if (this.error !== null) throw this.error;
    if (!this.writer || !this.result)
      throw new Error('A compressed message from a peer is cut short.');
    this.writer.close().catch(() => undefined);
    return this.result;
  }

  /** Gives the message up (its stream was evicted). */
  abort(): void {
    this.writer?.abort().catch(() => undefined);
    this.error ??= new Error('A compressed message from a peer was given up.');
  }
}
