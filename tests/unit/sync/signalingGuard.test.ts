import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { toBase64 } from 'lib0/buffer';
import { guardSignaling, opensWithKey } from '../../../src/sync/signalingGuard';

const ROOM = 'room-name-from-the-key';

/** The room key as y-webrtc derives it from the password (y-webrtc/src/crypto.js deriveKey). */
async function deriveKey(password: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: new TextEncoder().encode(ROOM), iterations: 100000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

/** A signaling message as y-webrtc publishes it (crypto.js encryptJson, then base64). */
async function sealed(data: unknown, key: CryptoKey, topic = ROOM) {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, data as encoding.AnyEncodable);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoding.toUint8Array(plain),
  );
  const out = encoding.createEncoder();
  encoding.writeVarString(out, 'AES-GCM');
  encoding.writeVarUint8Array(out, iv);
  encoding.writeVarUint8Array(out, new Uint8Array(cipher));
  return { type: 'publish', topic, data: toBase64(encoding.toUint8Array(out)) };
}

/** A stand-in for y-webrtc's SignalingConn: records what reaches y-webrtc's handlers. */
function connection() {
  const seen: unknown[] = [];
  return {
    seen,
    emit(name: string, args: unknown[]) {
      seen.push(name === 'message' ? args[0] : name);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('signaling messages sealed with another key', () => {
  it('fail to decrypt with an OperationError, which is why y-webrtc leaks a rejection', async () => {
    const key = await deriveKey('the real key');
    const other = await deriveKey('a guessed key');
    const m = await sealed({ type: 'announce', from: 'x' }, other);
    const bytes = Uint8Array.from(atob(m.data), (c) => c.charCodeAt(0));
    const iv = bytes.slice(9, 21);
    const cipher = bytes.slice(22);
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher)).rejects.toMatchObject(
      { name: 'OperationError' },
    );
    await expect(opensWithKey(m.data, other)).resolves.toBe(true);
    await expect(opensWithKey(m.data, key)).resolves.toBe(false);
  });

  it('are dropped and counted; the room’s own pass in order; other rooms and events untouched', async () => {
    const key = await deriveKey('the real key');
    const other = await deriveKey('a guessed key');
    const conn = connection();
    let foreign = 0;
    const stop = guardSignaling(conn, ROOM, key, () => foreign++);

    const first = await sealed({ type: 'announce', from: 'a' }, key);
    const bad = await sealed({ type: 'announce', from: 'mallory' }, other);
    const second = await sealed({ type: 'signal', from: 'b', to: 'a' }, key);
    const elsewhere = await sealed({ type: 'announce', from: 'c' }, other, 'another-room');
    conn.emit('message', [first, conn]);
    conn.emit('message', [bad, conn]);
    conn.emit('message', [second, conn]);
    conn.emit('message', [elsewhere, conn]);
    conn.emit('connect', [{ type: 'connect' }, conn]);
    // Another room's message and other events are not held back.
    expect(conn.seen).toEqual([elsewhere, 'connect']);
    await settle();
    expect(conn.seen).toEqual([elsewhere, 'connect', first, second]);
    expect(foreign).toBe(1);

    // Junk of every shape counts the same and never reaches y-webrtc.
    for (const data of [
      'not base64 !',
      btoa('AES-GCM'),
      toBase64(new Uint8Array([7, 65, 69, 83, 45, 71, 67, 77, 200])),
      { plain: 'object' },
      undefined,
    ]) {
      conn.emit('message', [{ type: 'publish', topic: ROOM, data }, conn]);
    }
    await settle();
    expect(foreign).toBe(6);
    expect(conn.seen).toHaveLength(4);

    // Once the connection is torn down, the room is no longer guarded.
    stop();
    conn.emit('message', [bad, conn]);
    expect(conn.seen.at(-1)).toBe(bad);
    expect(foreign).toBe(6);
  });

  it('one connection guards each room with its own key', async () => {
    const key = await deriveKey('the real key');
    const second = await deriveKey('another workspace');
    const conn = connection();
    const counts = { a: 0, b: 0 };
    guardSignaling(conn, ROOM, key, () => counts.a++);
    guardSignaling(conn, 'room-b', second, () => counts.b++);
    const m = await sealed({ type: 'announce', from: 'x' }, key, 'room-b');
    conn.emit('message', [m, conn]);
    conn.emit('message', [await sealed({ type: 'announce', from: 'y' }, key), conn]);
    await settle();
    expect(counts).toEqual({ a: 0, b: 1 });
    expect(conn.seen).toHaveLength(1);
  });
});
