import { isKey } from '../domain/shareLink';

const KEY_BYTES = 32;
const ROOM_LENGTH = 32;

/** Bytes to base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new workspace key: 32 random bytes from crypto.getRandomValues, in base64url (43 chars). */
export function newKey(): string {
  const bytes = new Uint8Array(KEY_BYTES);
  crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}

/** The 32 bytes of a key; throws on anything that is not a canonical 43-character key. */
export function keyBytes(key: string): Uint8Array<ArrayBuffer> {
  if (!isKey(key)) throw new Error('Not a Lodestar workspace key');
  const binary = atob(key.replace(/-/g, '+').replace(/_/g, '/') + '=');
  const bytes = new Uint8Array(KEY_BYTES);
  for (let i = 0; i < KEY_BYTES; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The opaque room name a signaling server sees: base64url(SHA-256("lodestar-room:" + key))
 * cut to 32 characters (192 bits). The server learns nothing about the key from it, and a new
 * key gives a new room, so holders of an old link hear nothing new.
 */
export async function roomName(key: string): Promise<string> {
  keyBytes(key);
  const data = new TextEncoder().encode('lodestar-room:' + key);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return toBase64Url(new Uint8Array(digest)).slice(0, ROOM_LENGTH);
}

/** The label of the document name; scripts/sync-server.mjs hashes with the same string. */
export const SERVER_DOCUMENT_LABEL = 'lodestar-server-document:';

/** base64url(SHA-256(label + text)), all 43 characters. */
async function labelledHash(label: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(label + text));
  return toBase64Url(new Uint8Array(digest));
}

/** What a sync server (Hocuspocus or y-websocket) is given for one workspace. */
export interface ServerAccess {
  /** The document's name on the server: base64url(SHA-256(SERVER_DOCUMENT_LABEL + credential)). */
  documentName: string;
  /** The secret a client shows: base64url(SHA-256("lodestar-server-credential:" + key)). */
  credential: string;
}

/**
 * Access to a sync server, derived from the key apart from the signaling room. Each value is a
 * SHA-256 of the key (or of the credential) under its own label, so the room name gives neither,
 * the document name does not give the credential, and neither gives the key. The server checks
 * `documentName === hash(credential)` (scripts/sync-server.mjs) and so stores no secret; a new
 * key (Reset link) gives a new name and credential.
 */
export async function serverAccess(key: string): Promise<ServerAccess> {
  keyBytes(key);
  const credential = await labelledHash('lodestar-server-credential:', key);
  const documentName = await labelledHash(SERVER_DOCUMENT_LABEL, credential);
  return { documentName, credential };
}
