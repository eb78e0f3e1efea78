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
 */

/** Messages at least this large are compressed, for a peer that reads compression. */
export const COMPRESS_MIN = 64 * 1024;
/** The largest message a peer may make us inflate (the same cap as an uncompressed message). */
export const MAX_INFLATED = 128 * 1024 * 1024;

const MAGIC = 'lodestar:deflate-raw/1';
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
