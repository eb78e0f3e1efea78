import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { watchStalledPeers } from './stalledPeers';
import { chunkPeer, type PeerLike } from './chunking';
import { EchoGuard, skipOwnBroadcasts } from './echo';
import { applyingOnce } from './applyOnce';
import { guardSignaling } from './signalingGuard';
import { serverAccess } from './keys';
import type { SyncProvider } from '../domain/shareLink';

/** What the sync seam needs to connect a document, whatever carries it. */
export interface LiveOptions {
  room: string;
  key: string;
  provider: SyncProvider;
  signaling: readonly string[];
  websocketUrl: string | null;
  turn: { url: string; username: string; credential: string } | null;
}

export type LiveState = 'offline' | 'connecting' | 'looking' | 'connected';

export interface LiveStatus {
  state: LiveState;
  /** Peers (or the server) this copy exchanges updates with right now. */
  peers: number;
}

/** A live connection of one document: status, who is around, and a way to stop. */
export interface LiveConnection {
  readonly awareness: Awareness;
  status(): LiveStatus;
  /** Tears down for good; resolves once the room can be opened again. */
  destroy(): Promise<void>;
}

/**
 * Connects a document for live sync. The provider module is loaded here, on demand, so a user
 * who never shares a workspace never downloads it. WebRTC peers use the workspace key as the
 * room password: signaling and data are encrypted end to end. A sync server (Hocuspocus or
 * y-websocket) is the same seam for teams that outgrow a mesh; that server can read the data.
 * A server never sees the signaling room: it gets a document name and a credential derived
 * apart from it (`serverAccess`), and one that checks the credential refuses anyone without
 * the key. `onRefused` is called when the server says so.
 */
export async function connectLive(
  doc: Y.Doc,
  options: LiveOptions,
  onUnreadable: (error: unknown) => void = () => {},
  onForeignKey: () => void = () => {},
  onRefused: () => void = () => {},
): Promise<LiveConnection> {
  if (options.provider === 'hocuspocus') return connectHocuspocus(doc, options, onRefused);
  if (options.provider === 'websocket') {
    if (!options.websocketUrl) throw new Error('No sync server address is set.');
    const { WebsocketProvider } = await import('y-websocket');
    const access = await serverAccess(options.key);
    // The credential goes as `?token=`; scripts/sync-server.mjs --y-websocket checks it.
    const provider = new WebsocketProvider(options.websocketUrl, access.documentName, doc, {
      params: { token: access.credential },
    });
    let state: LiveState = 'connecting';
    provider.on('status', (event: { status: string }) => {
      state =
        event.status === 'connected'
          ? 'connected'
          : event.status === 'connecting'
            ? 'connecting'
            : 'offline';
    });
    return {
      awareness: provider.awareness,
      status: () => ({
        state: navigator.onLine ? state : 'offline',
        peers: state === 'connected' ? 1 : 0,
      }),
      destroy: async () => provider.destroy(),
    };
  }
  const [{ WebrtcProvider }, bc] = await Promise.all([
    import('y-webrtc'),
    import('lib0/broadcastchannel'),
  ]);
  const iceServers = options.turn
    ? [
        {
          urls: options.turn.url,
          username: options.turn.username,
          credential: options.turn.credential,
        },
      ]
    : [];
  const provider = new WebrtcProvider(options.room, doc, {
    signaling: [...options.signaling],
    password: options.key,
    peerOpts: { config: { iceServers } },
  });
  // Signaling messages sealed with another key are dropped and counted before y-webrtc tries
  // them (sync/signalingGuard.ts). This runs right after y-webrtc opened the room with the key
  // and subscribed, before any message for the room can arrive.
  const unguard: (() => void)[] = [];
  void provider.key.then((key) => {
    if (!key) return;
    for (const conn of provider.signalingConns) {
      unguard.push(guardSignaling(conn, options.room, key, onForeignKey));
    }
  });
  // Every connection is wrapped as it is made, before it opens: large updates go in frames,
  // compressed for peers that read it, never back to the peer they came from (sync/echo.ts),
  // and a large one received is stored and passed on as received (sync/applyOnce.ts). This runs right after y-webrtc opened and connected the room.
  void provider.key.then(() => {
    const room = provider.room;
    if (!room) return;
    skipOwnBroadcasts(room, bc);
    const echo = new EchoGuard(room);
    const conns = room.webrtcConns;
    const set = conns.set.bind(conns);
    conns.set = (id, conn) => {
      const peer = conn.peer as PeerLike;
      chunkPeer(peer, {
        onUnreadable,
        receive: (message, handle) => echo.receive(peer, () => applyingOnce(doc, message, handle)),
        drop: () => echo.isEcho(peer),
      });
      return set(id, conn);
    };
  });
  const stopWatch = watchStalledPeers(() => provider.room?.webrtcConns.values());
  return {
    awareness: provider.awareness,
    status: () => {
      const signaling = provider.signalingConns.some((c) => c.connected);
      const conns = provider.room ? [...provider.room.webrtcConns.values()] : [];
      const peers = conns.filter((c) => c.connected).length;
      const state: LiveState = !navigator.onLine
        ? 'offline'
        : peers > 0
          ? 'connected'
          : signaling
            ? 'looking'
            : 'connecting';
      return { state, peers };
    },
    destroy: async () => {
      stopWatch();
      for (const stop of unguard) stop();
      // destroy() alone leaves the shared signaling socket reconnecting; disconnect() frees it.
      provider.disconnect();
      provider.destroy();
      // y-webrtc frees the room name once its key promise settles; opening the same room
      // before that would fail inside the library, so wait for it.
      await provider.key;
      await Promise.resolve();
    },
  };
}

/**
 * Hocuspocus (its protocol names the document in every message, so y-websocket's client cannot
 * talk to it). The credential is the token its onAuthenticate hook checks. "Connected" means
 * authenticated and synced with the server; a refusal stops the provider's retries, since the
 * same credential would be refused again.
 */
async function connectHocuspocus(
  doc: Y.Doc,
  options: LiveOptions,
  onRefused: () => void,
): Promise<LiveConnection> {
  if (!options.websocketUrl) throw new Error('No sync server address is set.');
  const { HocuspocusProvider } = await import('@hocuspocus/provider');
  const access = await serverAccess(options.key);
  let socket = 'connecting';
  let refused = false;
  const provider = new HocuspocusProvider({
    url: options.websocketUrl,
    name: access.documentName,
    document: doc,
    token: access.credential,
    onStatus: ({ status }) => (socket = status),
    onAuthenticationFailed: () => {
      refused = true;
      onRefused();
    },
  });
  const awareness = provider.awareness;
  if (!awareness) throw new Error('The Hocuspocus provider has no awareness.');
  return {
    awareness,
    status: () => {
      const state: LiveState =
        !navigator.onLine || refused
          ? 'offline'
          : socket === 'connected' && provider.isAuthenticated && provider.isSynced
            ? 'connected'
            : 'connecting';
      return { state, peers: state === 'connected' ? 1 : 0 };
    },
    destroy: async () => provider.destroy(),
  };
}
