import { describe, expect, it } from 'vitest';
import { newKey, roomName, serverAccess } from '../../../src/sync/keys';
import { mayOpen } from '../../../scripts/sync-server.mjs';

describe('the sync server credential check (scripts/sync-server.mjs)', () => {
  it('lets in the credential the key gives, for the document the key names', async () => {
    const { documentName, credential } = await serverAccess(newKey());
    expect(mayOpen(credential, documentName)).toBe(true);
  });

  it('refuses the room name, the document name itself, another key and junk', async () => {
    const key = newKey();
    const room = await roomName(key);
    const { documentName, credential } = await serverAccess(key);
    const other = await serverAccess(newKey());
    // Someone who knows the signaling room, or the document name (a server log), or holds
    // another workspace's key: none of them hashes to this document's name.
    expect(mayOpen(room, documentName)).toBe(false);
    expect(mayOpen(documentName, documentName)).toBe(false);
    expect(mayOpen(other.credential, documentName)).toBe(false);
    expect(mayOpen(credential, other.documentName)).toBe(false);
    // The room name as a document name has the wrong length (32, not 43): refused outright.
    expect(mayOpen(credential, room)).toBe(false);
    for (const token of ['', null, undefined, 42, 'x'.repeat(201)]) {
      expect(mayOpen(token, documentName)).toBe(false);
    }
  });
});
