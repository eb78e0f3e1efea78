/** Who changed what (WorkspaceActivity over the device database on fake-indexeddb). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addMetric } from '../../../src/doc/metrics';
import { setEntries } from '../../../src/doc/entries';
import { claimClient, readClients } from '../../../src/doc/clients';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { WorkspaceActivity } from '../../../src/state/activity.svelte';

let factory: IDBFactory;
const open: WorkspaceActivity[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
});

afterEach(async () => {
  for (const a of open.splice(0)) a.detach();
  await new Promise<void>((resolve) => {
    const req = factory.deleteDatabase('lodestar');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  vi.unstubAllGlobals();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Ann's copy, with its activity watched. */
async function annsCopy() {
  const ws = workspaceDoc(new Y.Doc());
  const activity = new WorkspaceActivity('w1', () => ({ personId: 'ann', name: 'Ann' }));
  open.push(activity);
  await activity.attach(ws);
  return { ws, activity };
}

/** A teammate's copy of `ws`; `send` applies what it wrote since, as from a peer. */
function teammate(ws: WorkspaceDoc) {
  const peer = workspaceDoc(new Y.Doc());
  Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(ws.doc));
  let sent = Y.encodeStateVector(peer.doc);
  return {
    peer,
    send(): void {
      Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(peer.doc, sent), 'peer');
      sent = Y.encodeStateVector(peer.doc);
    },
  };
}

describe('who changed what', () => {
  it("this copy says who it is on its first write; a teammate's batch is written down under their name", async () => {
    const { ws, activity } = await annsCopy();
    const nsm = addMetric(ws, { name: 'North Star', kind: 'north-star' }, null);
    await tick();
    expect(readClients(ws).clients.get(ws.doc.clientID)).toMatchObject({
      personId: 'ann',
      name: 'Ann',
    });
    expect(activity.lines).toEqual([]); // its own writes are not news

    const bea = teammate(ws);
    claimClient(bea.peer, 'bea', 'Bea');
    addMetric(bea.peer, { name: 'Activation' }, nsm);
    addMetric(bea.peer, { name: 'Retention' }, nsm);
    setEntries(bea.peer, [
      { metricId: nsm, period: '2026-W40', value: 1, note: '', by: null },
      { metricId: nsm, period: '2026-W41', value: 2, note: '', by: null },
      { metricId: nsm, period: '2026-W42', value: 3, note: '', by: null },
    ]);
    bea.send();
    await tick();
    expect(activity.lines.map((l) => [activity.whoOf(l), l.what])).toEqual([
      ['Bea', '2 metrics, 3 entries'],
    ]);
    expect(activity.unseen).toHaveLength(1);
    activity.markSeen();
    expect(activity.unseen).toHaveLength(0);
  });

  it("a copy's claim that arrives after its first batch still names it", async () => {
    const { ws, activity } = await annsCopy();
    const bea = teammate(ws);
    addMetric(bea.peer, { name: 'Theirs' }, null);
    bea.send();
    await tick();
    expect(activity.whoOf(activity.lines[0]!)).toBeNull();
    claimClient(bea.peer, 'bea', 'Bea');
    bea.send();
    await tick();
    expect(activity.lines.map((l) => [activity.whoOf(l), l.what])).toEqual([['Bea', '1 metric']]);
  });

  it('a batch that only removes, or from a copy that never said who it is, says so', async () => {
    const { ws, activity } = await annsCopy();
    addMetric(ws, { name: 'North Star', kind: 'north-star' }, null);
    const stranger = teammate(ws);
    stranger.peer.doc.transact(() => stranger.peer.metrics.clear());
    stranger.send();
    await tick();
    expect(activity.lines.map((l) => [activity.whoOf(l), l.what])).toEqual([[null, '1 metric']]);
  });

  it("a copy's claim alone is not news; the lines outlive the session", async () => {
    const first = await annsCopy();
    const bea = teammate(first.ws);
    claimClient(bea.peer, 'bea', 'Bea');
    bea.send();
    addMetric(bea.peer, { name: 'Theirs' }, null);
    bea.send();
    await tick();
    expect(first.activity.lines.map((l) => l.what)).toEqual(['1 metric']);
    await first.activity.written();
    const again = new WorkspaceActivity('w1', () => null);
    open.push(again);
    const reopened = workspaceDoc(new Y.Doc());
    Y.applyUpdate(reopened.doc, Y.encodeStateAsUpdate(first.ws.doc));
    await again.attach(reopened);
    expect(again.lines.map((l) => [again.whoOf(l), l.what])).toEqual([['Bea', '1 metric']]);
  });
});
