import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKey } from '../../../src/domain/shareLink';
import { keyBytes, newKey, roomName, serverAccess, toBase64Url } from '../../../src/sync/keys';

describe('workspace keys', () => {
  it('makes distinct, valid 43-character keys of 32 bytes', () => {
    const keys = new Set(Array.from({ length: 200 }, newKey));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(isKey(key)).toBe(true);
      expect(keyBytes(key)).toHaveLength(32);
    }
  });

  it('decodes what it encodes, agreeing with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const key = toBase64Url(bytes);
        expect(key).toBe(Buffer.from(bytes).toString('base64url'));
        expect(keyBytes(key)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('throws on a bad key', () => {
    const key = newKey();
    for (const bad of [
      '',
      key.slice(1),
      key + 'A',
      key.slice(0, 42) + '+',
      key + '=',
      ' '.repeat(43),
    ]) {
      expect(() => keyBytes(bad)).toThrow('Not a Lodestar workspace key');
    }
  });

  it('derives an opaque room name from the key', async () => {
    const key = newKey();
    const expected = createHash('sha256')
      .update('lodestar-room:' + key)
      .digest('base64url')
      .slice(0, 32);
    const room = await roomName(key);
    expect(room).toBe(expected);
    expect(room).toHaveLength(32);
    expect(room).not.toContain(key.slice(0, 8));
    expect(await roomName(key)).toBe(room);
    expect(await roomName(newKey())).not.toBe(room);
    await expect(roomName('nope')).rejects.toThrow();
  });
});

describe('sync server access', () => {
  const sha = (text: string): string => createHash('sha256').update(text).digest('base64url');

  it('derives the credential from the key and the document name from the credential', async () => {
    const key = newKey();
    const { documentName, credential } = await serverAccess(key);
    // Worked by hand with Node's own SHA-256: two labelled hashes, chained.
    expect(credential).toBe(sha('lodestar-server-credential:' + key));
    expect(documentName).toBe(sha('lodestar-server-document:' + credential));
    expect(credential).toHaveLength(43);
    expect(documentName).toHaveLength(43);
  });

  it('gives the room name, the document name and the credential apart', async () => {
    const key = newKey();
    const room = await roomName(key);
    const { documentName, credential } = await serverAccess(key);
    expect(new Set([room, documentName, credential, key]).size).toBe(4);
    // The room name a signaling server sees is none of the prefixes of what a sync server sees.
    expect(documentName.startsWith(room)).toBe(false);
    expect(credential.startsWith(room)).toBe(false);
  });

  it('changes both with a new key (Reset link) and refuses a bad key', async () => {
    const key = newKey();
    const before = await serverAccess(key);
    expect(await serverAccess(key)).toEqual(before);
    const after = await serverAccess(newKey());
    expect(after.documentName).not.toBe(before.documentName);
    expect(after.credential).not.toBe(before.credential);
    await expect(serverAccess('nope')).rejects.toThrow('Not a Lodestar workspace key');
  });
});
