/**
 * Sync clients that are not the app: plain Yjs documents on @hocuspocus/provider or y-websocket
 * in Node, to try a server from outside (with the key, with the room name only, with a guess).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface RawClient {
  doc: Y.Doc;
  /** Resolves once the server has synced this client (it was let in and sent its state). */
  synced: Promise<void>;
  /** Resolves with the reason once the server refuses this client. */
  refused: Promise<string>;
  destroy(): void;
}

/** A Hocuspocus client for document `name` showing `token`. */
export function hocuspocusClient(url: string, name: string, token: string): RawClient {
  const doc = new Y.Doc();
  let synced!: () => void;
  let refused!: (reason: string) => void;
  const result = {
    doc,
    synced: new Promise<void>((resolve) => (synced = resolve)),
    refused: new Promise<string>((resolve) => (refused = resolve)),
  };
  // Node 20 has no WebSocket of its own: the socket is made here, with ws, and attached.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onSynced: ({ state }) => {
      if (state) synced();
    },
    onAuthenticationFailed: ({ reason }) => refused(reason),
  });
  provider.attach();
  return {
    ...result,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A y-websocket client for document `name`, with `token` as the URL parameter when given. */
export function yWebsocketClient(url: string, name: string, token: string | null): RawClient {
  const doc = new Y.Doc();
  let refused!: (reason: string) => void;
  const provider = new WebsocketProvider(url, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token === null ? {} : { token },
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) =>
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    }),
  );
  const refusedP = new Promise<string>((resolve) => (refused = resolve));
  provider.on('connection-error', () => refused('connection refused'));
  return { doc, synced, refused: refusedP, destroy: () => provider.destroy() };
}
