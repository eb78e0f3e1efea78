/**
 * The sync servers from outside, without a browser: `npm run sync-server` (Hocuspocus, and its
 * --y-websocket mode) lets in only a client that holds the workspace key. A client that knows
 * the signaling room name, or even the server's document name, is refused and gets no content;
 * a client with the key is the positive control that content was there to get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { newKey, roomName, serverAccess } from '../../src/sync/keys';
import { hocuspocusClient, yWebsocketClient, type RawClient } from './support/rawClients';
import { createWorkspace, treeRow } from './support/app';
import { launchBrowser } from './support/browser';
import { join } from './support/share';
import { startSyncServer, type SyncServer } from './support/syncServer';

let dir = '';
const clients: RawClient[] = [];
const servers: SyncServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hocus-access-'));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function client(c: RawClient): RawClient {
  clients.push(c);
  return c;
}

/** Everything a document holds, as plain JSON of its `notes` map (the only one written here). */
const notes = (doc: Y.Doc): Record<string, unknown> => doc.getMap('notes').toJSON();

/** Resolves once `doc`'s notes have `key`. */
function arrives(doc: Y.Doc, key: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (doc.getMap('notes').has(key)) {
        doc.off('update', check);
        resolve();
      }
    };
    doc.on('update', check);
    check();
  });
}

test('Hocuspocus: only a client with the key gets the document; it is kept across a restart', async () => {
  const db = path.join(dir, 'one.sqlite');
  let server = await startSyncServer(inject('root'), { db });
  servers.push(server);
  const key = newKey();
  const room = await roomName(key);
  const { documentName, credential } = await serverAccess(key);

  const writer = client(hocuspocusClient(server.url, documentName, credential));
  await writer.synced;
  writer.doc.getMap('notes').set('secret', 'the North Star is nights booked');

  // Positive control: a second client with the key gets it.
  const teammate = client(hocuspocusClient(server.url, documentName, credential));
  await arrives(teammate.doc, 'secret');

  // Someone who knows the signaling room name (whoever runs signaling): refused, empty.
  const byRoom = client(hocuspocusClient(server.url, room, room));
  expect(await byRoom.refused).toBe('permission-denied');
  // Someone who knows the document name (the server's operator, a log) but not the key.
  const byName = client(hocuspocusClient(server.url, documentName, room));
  expect(await byName.refused).toBe('permission-denied');
  const noToken = client(hocuspocusClient(server.url, documentName, ''));
  expect(await noToken.refused).toBe('permission-denied');

  // Another write, seen by the teammate: had the refused clients been sent anything, it would
  // have arrived by now too (one server, one order of messages per connection).
  writer.doc.getMap('notes').set('later', 'and a second note');
  await arrives(teammate.doc, 'later');
  for (const c of [byRoom, byName, noToken]) expect(notes(c.doc)).toEqual({});

  // Persistence: the server stores its documents on a clean stop and reads them back.
  for (const c of [writer, teammate]) c.destroy();
  await server.stop();
  server = await startSyncServer(inject('root'), { db, port: server.port });
  servers.push(server);
  const later = client(hocuspocusClient(server.url, documentName, credential));
  await arrives(later.doc, 'later');
  expect(notes(later.doc)).toEqual({
    secret: 'the North Star is nights booked',
    later: 'and a second note',
  });
});

test('y-websocket (sync-server --y-websocket): only a client with the key gets the document', async () => {
  const server = await startSyncServer(inject('root'), { yWebsocket: true });
  servers.push(server);
  const key = newKey();
  const room = await roomName(key);
  const { documentName, credential } = await serverAccess(key);

  const writer = client(yWebsocketClient(server.url, documentName, credential));
  await writer.synced;
  writer.doc.getMap('notes').set('secret', 'the North Star is nights booked');
  const teammate = client(yWebsocketClient(server.url, documentName, credential));
  await arrives(teammate.doc, 'secret');

  // The room name as the document, the document name without or with a wrong credential:
  // the connection is refused (403) before any message.
  const byRoom = client(yWebsocketClient(server.url, room, null));
  const byName = client(yWebsocketClient(server.url, documentName, null));
  const guessed = client(yWebsocketClient(server.url, documentName, room));
  await Promise.all([byRoom.refused, byName.refused, guessed.refused]);
  writer.doc.getMap('notes').set('later', 'and a second note');
  await arrives(teammate.doc, 'later');
  for (const c of [byRoom, byName, guessed]) expect(notes(c.doc)).toEqual({});
});

test('the app syncs through sync-server --y-websocket, which checks its credential', async () => {
  const server = await startSyncServer(inject('root'), { yWebsocket: true });
  servers.push(server);
  // Separate browser processes: y-websocket also syncs same-origin tabs over a BroadcastChannel.
  const [one, two] = await Promise.all([launchBrowser(), launchBrowser()]);
  try {
    const a = await one.newPage({ baseURL: inject('baseURL') });
    const b = await two.newPage({ baseURL: inject('baseURL') });
    const id = await createWorkspace(a, 'Checked', 'nights-booked');
    await a.goto(`/#/w/${id}/share`);
    await a.getByLabel('Signaling server').fill('ws://127.0.0.1:9');
    await a.getByRole('button', { name: 'Share this workspace' }).click();
    await a.locator('summary', { hasText: 'Connection settings' }).click();
    await a.getByRole('radio', { name: /Through a Yjs sync server/ }).check();
    await a.getByLabel('Sync server address').fill(server.url);
    await a.getByRole('button', { name: 'Save connection settings' }).click();
    await a.getByText('Connected to 1 peer.').waitFor({ timeout: 10_000 });
    const link = await a.locator('#share-link').inputValue();
    expect(link).toContain('p=websocket');
    await join(b, link, 'Bea');
    await b.getByRole('link', { name: 'Nights booked' }).first().waitFor({ timeout: 20_000 });
    await b.goto(`/#/w/${id}/tree`);
    await treeRow(b, 'Bookable listings').waitFor();
  } finally {
    await Promise.all([one.close(), two.close()]);
  }
});
