import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKey } from '../../../src/domain/shareLink';
import { keyBytes, newKey, roomName, toBase64Url } from '../../../src/sync/keys';

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
