/**
 * The workspace's versions on this device (WorkspaceHistory over the real checkpoint storage,
 * on fake-indexeddb) and the watch on teammates' batches.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addMetric, deleteMetrics, readMetrics, updateMetric } from '../../../src/doc/metrics';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { listCheckpoints, loadCheckpoint } from '../../../src/storage/checkpoints';
import { WorkspaceHistory } from '../../../src/state/history.svelte';

let factory: IDBFactory;
let histories: WorkspaceHistory[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  Dexie.dependencies.indexedDB = factory;
});

afterEach(async () => {
  for (const h of histories) await h.detach();
  histories = [];
  await new Promise<void>((resolve) => {
    const req = factory.deleteDatabase('lodestar');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  vi.unstubAllGlobals();
});

/** A workspace of 12 metrics, and its history attached (the "open" version saved). */
async function setup() {
  const ws = workspaceDoc(new Y.Doc());
  const nsm = addMetric(ws, { name: 'North Star', kind: 'north-star' }, null);
  const ids = [nsm];
  for (let i = 1; i < 12; i++) ids.push(addMetric(ws, { name: `Input ${i}` }, nsm));
  const history = new WorkspaceHistory('w1', (action) => action(ws));
  histories.push(history);
  history.attach(ws);
  await history.checkpoint('open'); // the attach's own save is queued before this one
  return { ws, ids, history };
}

/** What a teammate's copy sends: `change` made on a copy of `ws`, applied as from a peer. */
function fromPeer(ws: WorkspaceDoc, change: (peer: WorkspaceDoc) => void): void {
  const peer = workspaceDoc(new Y.Doc());
  Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(ws.doc));
  const before = Y.encodeStateVector(peer.doc);
  change(peer);
  Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(peer.doc, before), 'peer');
}

/** Lets the batch judge (scheduled after the batch's transactions) run. */
const judged = () => new Promise((resolve) => setTimeout(resolve, 0));

const liveNames = (ws: WorkspaceDoc) =>
  readMetrics(ws)
    .metrics.filter((m) => m.deletedAt === null)
    .map((m) => m.name)
    .sort();

describe('versions on this device', () => {
  it('saves the version a workspace opened with, once, and reads it back exactly', async () => {
    const { ws, history } = await setup();
    expect(history.list.map((c) => c.reason)).toEqual(['open']); // the second save was the same
    const [open] = await listCheckpoints('w1');
    expect(open?.counts.metrics).toBe(12);
    expect(open!.stored).toBeLessThan(open!.size);
    const back = await loadCheckpoint(open!.id);
    expect(back).toEqual(Y.encodeStateAsUpdate(ws.doc));
  });

  it('a change makes a new version; restoring the earlier one brings its metrics back, saving the state before', async () => {
    const { ws, ids, history } = await setup();
    const open = history.list[0]!;
    deleteMetrics(ws, ids.slice(6));
    updateMetric(ws, ids[1]!, { name: 'Renamed' });
    await history.checkpoint('edits');
    expect(history.list.map((c) => c.reason)).toEqual(['edits', 'open']);
    const preview = await history.preview(open);
    expect(preview.sinceThen).toBe('6 fewer metrics');
    expect(preview.metrics.filter((m) => m.now === 'trashed')).toHaveLength(6);
    expect(preview.metrics.find((m) => m.id === ids[1])?.now).toBe('changed');

    updateMetric(ws, ids[2]!, { name: 'Renamed too' }); // after the last version: saved before the restore
    const count = await history.restore(open, { kind: 'all' });
    expect(count?.byRoot.metrics).toBe(8);
    expect(liveNames(ws)).toHaveLength(12);
    expect(liveNames(ws)).not.toContain('Renamed');
    expect(history.list.map((c) => c.reason)).toEqual(['before-restore', 'edits', 'open']);
  });

  it('one record: only that metric goes back', async () => {
    const { ws, ids, history } = await setup();
    const open = history.list[0]!;
    deleteMetrics(ws, ids.slice(6));
    await history.restore(open, { kind: 'record', root: 'metrics', key: ids[7]! });
    expect(liveNames(ws)).toHaveLength(7);
  });
});

describe('a flood from a teammate’s copy', () => {
  it('a batch that removes most of the workspace raises the alarm, with the version before it', async () => {
    const { ws, history } = await setup();
    fromPeer(ws, (peer) => peer.doc.transact(() => peer.metrics.clear()));
    await judged();
    expect(history.flood).toMatchObject({ what: '12 fewer metrics', removed: 12 });
    expect(history.flood?.before?.reason).toBe('open');
    await history.restore(history.flood!.before!, { kind: 'all' });
    expect(liveNames(ws)).toHaveLength(12);
    expect(history.flood).toBeNull();
  });

  it('a teammate’s small edit, or this device deleting much, does not', async () => {
    const { ws, ids, history } = await setup();
    // Positive control first: the judge runs on a small batch and finds it fine.
    fromPeer(ws, (peer) => updateMetric(peer, ids[2]!, { name: 'Theirs' }));
    await judged();
    expect(liveNames(ws)).toContain('Theirs');
    expect(history.flood).toBeNull();
    deleteMetrics(ws, ids.slice(1));
    fromPeer(ws, (peer) => updateMetric(peer, ids[0]!, { name: 'North Star (theirs)' }));
    await judged();
    expect(liveNames(ws)).toEqual(['North Star (theirs)']);
    expect(history.flood).toBeNull();
  });
});
