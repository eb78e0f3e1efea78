/**
 * Signaling messages sealed with another key. y-webrtc seals every signaling message of a room
 * with the room's key (AES-GCM, derived from the password) and opens what arrives in a promise
 * nobody awaits (y-webrtc.js, SignalingConn's 'message' handler: `decryptJson(…).then(…)`). So a
 * message from someone who knows the room name but not the key fails to decrypt with an
 * OperationError that escapes as an unhandled rejection on every member of the room.
 *
 * y-webrtc has no hook for it, so the signaling connection's `emit` (lib0's Observable, through
 * which its websocket hands each message to y-webrtc) is wrapped: a 'publish' message for a
 * guarded room is opened with the room's key first and passed on only when it opens; one that
 * does not is counted and dropped, so y-webrtc never tries it. Messages for a guarded room are
 * checked one at a time in arrival order, so y-webrtc sees them in the order it would have.
 * Nothing global is caught: no 'unhandledrejection' handler, no patched crypto.
 *
 * The room's BroadcastChannel (other tabs of this browser) is opened the same way by y-webrtc,
 * but only a page of this origin can post there, and a copy of the app derives its room name
 * from its key, so no copy of the app ever sends it a message sealed with another key.
 */
import { readVarUint } from './varUint';

/** The part of y-webrtc's SignalingConn (a lib0 Observable) that is wrapped. */
export interface SignalingLike {
  emit(name: string, args: unknown[]): void;
}

interface Guard {
  key: CryptoKey;
  onForeign: () => void;
}

interface Wrapped {
  guards: Map<string, Guard>;
  /** The check of the message before; each waits for it, to keep the order. */
  queue: Promise<void>;
}

const wrapped = new WeakMap<SignalingLike, Wrapped>();

function readChunk(bytes: Uint8Array, at: { pos: number }): Uint8Array<ArrayBuffer> | null {
  const length = readVarUint(bytes, at);
  if (length < 0 || at.pos + length > bytes.length) return null;
  const chunk = bytes.slice(at.pos, at.pos + length);
  at.pos += length;
  return chunk;
}

/**
 * Whether a signaling message's data opens with the key: base64 of y-webrtc's sealed form
 * (the string "AES-GCM", the IV, the ciphertext, each with a varint length).
 */
export async function opensWithKey(data: unknown, key: CryptoKey): Promise<boolean> {
  if (typeof data !== 'string') return false;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  const at = { pos: 0 };
  const algorithm = readChunk(bytes, at);
  if (!algorithm || new TextDecoder().decode(algorithm) !== 'AES-GCM') return false;
  const iv = readChunk(bytes, at);
  const cipher = readChunk(bytes, at);
  if (!iv || !cipher) return false;
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher);
    return true;
  } catch {
    return false; // OperationError: sealed with another key, or changed on the way
  }
}

/**
 * Opens every signaling message for `room` that `conn` receives with `key` before y-webrtc sees
 * it; a message that does not open is dropped and `onForeign` called. Returns the undo.
 */
export function guardSignaling(
  conn: SignalingLike,
  room: string,
  key: CryptoKey,
  onForeign: () => void,
): () => void {
  let state = wrapped.get(conn);
  if (!state) {
    const s: Wrapped = { guards: new Map(), queue: Promise.resolve() };
    state = s;
    wrapped.set(conn, s);
    const emit = conn.emit.bind(conn);
    conn.emit = (name, args) => {
      const m = args[0] as { type?: unknown; topic?: unknown; data?: unknown } | null | undefined;
      const guard =
        name === 'message' && m?.type === 'publish' && typeof m.topic === 'string'
          ? s.guards.get(m.topic)
          : undefined;
      if (!guard) return emit(name, args);
      s.queue = s.queue
        .then(async () => {
          if (await opensWithKey(m?.data, guard.key)) emit(name, args);
          else guard.onForeign();
        })
        .catch((error: unknown) => console.error('Signaling message not handled:', error));
    };
  }
  const guards = state.guards;
  const guard: Guard = { key, onForeign };
  guards.set(room, guard);
  return () => {
    if (guards.get(room) === guard) guards.delete(room);
  };
}
