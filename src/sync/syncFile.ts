import { keyBytes } from './keys';

/**
 * Offline sync files, no server at all (docs/ARCHITECTURE.md).
 *
 * Layout, version 1:
 *   "LODESTAR-SYNC\n" (14 ASCII bytes) | version (1 byte) |
 *   workspace id length (1 byte) | workspace id (UTF-8) |
 *   ciphertext length (4 bytes, big-endian) | IV (12 random bytes) |
 *   AES-GCM ciphertext with its 16-byte tag.
 * The plaintext is the deflate-raw compressed Y update. The key is the workspace's 32-byte key
 * imported raw, and everything before the ciphertext is authenticated as additional data, so
 * a changed header fails like a changed body. The ciphertext length tells a file cut short
 * from a changed one, which AES-GCM alone cannot.
 */
const MAGIC = new TextEncoder().encode('LODESTAR-SYNC\n');
export const SYNC_FILE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A decompressed update larger than this is refused (a zip bomb, or not ours). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type SyncFileResult = { ok: true; update: Uint8Array } | { ok: false; error: string };

const NOT_OURS = 'This is not a Lodestar sync file';
const NEWER = 'This sync file comes from a newer version of Lodestar';
const OTHER_WORKSPACE = 'This sync file belongs to another workspace';
const WRONG_KEY =
  "This file cannot be opened with this workspace's key: it was made before the link was reset, or it was changed";
const CUT_SHORT = 'This sync file is cut short';
const TOO_LARGE = 'This sync file is too large to open (over 200 MB unpacked)';

async function aesKey(key: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', keyBytes(key), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Runs bytes through a (de)compression stream, stopping once more than `limit` bytes came out. */
async function transform(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Writes a sync file of a Y update for the workspace; throws on a bad key or workspace id. */
export async function exportSyncFile(
  update: Uint8Array,
  workspaceId: string,
  key: string,
): Promise<Uint8Array> {
  const id = new TextEncoder().encode(workspaceId);
  if (id.length === 0 || id.length > 255) throw new Error('Not a workspace id');
  const cryptoKey = await aesKey(key);
  const packed = await transform(new Uint8Array(update), new CompressionStream('deflate-raw'));
  if (!packed) throw new Error('Compression failed');
  const ivAt = MAGIC.length + 2 + id.length + 4;
  const header = new Uint8Array(ivAt + IV_BYTES);
  header.set(MAGIC);
  header[MAGIC.length] = SYNC_FILE_VERSION;
  header[MAGIC.length + 1] = id.length;
  header.set(id, MAGIC.length + 2);
  new DataView(header.buffer).setUint32(ivAt - 4, packed.length + TAG_BYTES);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  header.set(iv, ivAt);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header },
    cryptoKey,
    packed,
  );
  const file = new Uint8Array(header.length + sealed.byteLength);
  file.set(header);
  file.set(new Uint8Array(sealed), header.length);
  return file;
}

const startsWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/**
 * Reads a sync file made for this workspace, returning its Y update; every failure is a
 * message for the user, nothing is thrown. The header is checked step by step so the message
 * says why (not ours, newer, another workspace, cut short), then the body is decrypted and
 * decompressed, refusing more than `maxUnpacked` bytes.
 */
export async function readSyncFile(
  bytes: Uint8Array,
  workspaceId: string,
  key: string,
  maxUnpacked = MAX_UNPACKED_BYTES,
): Promise<SyncFileResult> {
  const fail = (error: string): SyncFileResult => ({ ok: false, error });
  if (bytes.length < MAGIC.length) {
    return fail(bytes.length > 0 && startsWith(MAGIC, bytes) ? CUT_SHORT : NOT_OURS);
  }
  if (!startsWith(bytes, MAGIC)) return fail(NOT_OURS);
  const version = bytes[MAGIC.length];
  if (version === undefined) return fail(CUT_SHORT);
  if (version > SYNC_FILE_VERSION) return fail(NEWER);
  if (version !== SYNC_FILE_VERSION) return fail(NOT_OURS);
  const idLength = bytes[MAGIC.length + 1];
  if (idLength === undefined) return fail(CUT_SHORT);
  const ivAt = MAGIC.length + 2 + idLength + 4;
  if (bytes.length < ivAt + IV_BYTES) return fail(CUT_SHORT);
  let id: string;
  try {
    id = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(MAGIC.length + 2, ivAt - 4),
    );
  } catch {
    return fail(NOT_OURS);
  }
  if (id !== workspaceId) return fail(OTHER_WORKSPACE);
  const sealedLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(ivAt - 4);
  const bodyAt = ivAt + IV_BYTES;
  if (sealedLength < TAG_BYTES) return fail(NOT_OURS);
  if (bytes.length < bodyAt + sealedLength) return fail(CUT_SHORT);
  if (bytes.length > bodyAt + sealedLength) return fail(WRONG_KEY);

  let packed: ArrayBuffer;
  try {
    packed = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(bytes.subarray(ivAt, bodyAt)),
        additionalData: new Uint8Array(bytes.subarray(0, bodyAt)),
      },
      await aesKey(key),
      new Uint8Array(bytes.subarray(bodyAt)),
    );
  } catch {
    return fail(WRONG_KEY);
  }
  try {
    const update = await transform(
      new Uint8Array(packed),
      new DecompressionStream('deflate-raw'),
      maxUnpacked,
    );
    return update ? { ok: true, update } : fail(TOO_LARGE);
  } catch {
    return fail('This sync file is damaged: its contents cannot be unpacked');
  }
}
