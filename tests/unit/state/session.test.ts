/**
 * WorkspaceSession over the real storage code (workspaceStore, writeQueue, the Dexie registry)
 * on fake-indexeddb: a fresh, empty IndexedDB per test.
 *
 * Stubbed for Node: `window` is an EventTarget (LiveSync listens for online/offline on it).
 * `localStorage` and `navigator` are absent in Node 20; the code that uses them copes (the
 * unsaved note reads as "none"; navigator is only read when live sync is set up).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace, SCHEMA_VERSION } from '../../../src/doc/meta';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { listWorkspaces } from '../../../src/storage/registry';
import { openStoredDoc } from '../../../src/storage/workspaceStore';
import { Clock } from '../../../src/state/clock.svelte';
import { WorkspaceSession } from '../../../src/state/workspace.svelte';
import { workspaces } from '../../../src/state/workspaces.svelte';

const DB_PREFIX = 'lodestar-ws-';

let factory: IDBFactory;
let sessions: WorkspaceSession[] = [];

beforeEach(() => {
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  // Dexie took its factory when it loaded; a device database made from now on uses this one.
  Dexie.dependencies.indexedDB = factory;
  vi.stubGlobal('window', new EventTarget());
});

afterEach(async () => {
  for (const session of sessions) await session.close();
  sessions = [];
  // Lets the registry writes a session started without awaiting (its name) finish first.
  await listWorkspaces();
  // Deleting the device database makes `localDb()` let go of it (its versionchange handler),
  // so the next test's registry opens in that test's fresh factory.
  await deleteDatabase('lodestar');
  vi.unstubAllGlobals();
});

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('could not delete'));
    req.onblocked = () => reject(new Error(`${name} is still open elsewhere`));
  });
}

/** A session of workspace `id`, opened, and closed after the test. */
async function openSession(id: string, options: { clock?: Clock } = {}) {
  const session = new WorkspaceSession(id, options);
  sessions.push(session);
  await session.open();
  return session;
}

async function closeSession(session: WorkspaceSession): Promise<void> {
  sessions = sessions.filter((s) => s !== session);
  await session.close();
}

/** A workspace made as the start screen makes it: stored document plus registry entry. */
function createWorkspace(name = 'Acme North Star'): Promise<string> {
  return workspaces.create(name, null);
}

/** Changes a stored workspace document through the real store, before a session opens it. */
async function editStored(id: string, edit: (ws: WorkspaceDoc) => void): Promise<void> {
  const stored = await openStoredDoc(id);
  try {
    edit(workspaceDoc(stored.doc));
    await stored.written();
  } finally {
    await stored.close();
  }
}

function openRaw(id: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_PREFIX + id);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('could not open'));
  });
}

/**
 * Every stored update row of a workspace, read in a readwrite transaction on its own connection:
 * IndexedDB runs overlapping readwrite transactions in the order they were created, so any write
 * the session had already started commits before this read (the positive control for "nothing
 * was written").
 */
async function storedRows(id: string, add?: unknown): Promise<unknown[]> {
  const db = await openRaw(id);
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      const store = tx.objectStore('updates');
      if (add !== undefined) store.add(add);
      const req = store.getAll();
      tx.oncomplete = () => resolve(req.result);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

/** Today is fixed, on a day of our choosing. */
function fixedClock(date: { value: Date }): Clock {
  return new Clock(() => date.value);
}

describe('WorkspaceSession: opening', () => {
  it('opens a stored workspace ready, with its name and areas read from the document', async () => {
    const id = await createWorkspace('Acme North Star');
    await editStored(id, (ws) => {
      ws.doc.transact(() => {
        const metric = new Y.Map<unknown>();
        metric.set('name', 'Weekly active teams');
        metric.set('kind', 'north-star');
        metric.set('parentId', null);
        metric.set('order', 'a0');
        ws.metrics.set('m1', metric);
      });
    });

    const session = await openSession(id);
    expect(session.status).toBe('ready');
    expect(session.readOnly).toBeNull();
    expect(session.name).toBe('Acme North Star');
    expect(session.areas.tree.metrics.map((m) => [m.id, m.name, m.kind])).toEqual([
      ['m1', 'Weekly active teams', 'north-star'],
    ]);
    expect(session.save).toEqual({ kind: 'saved' });
    expect(session.canUndo).toBe(false);
    expect(session.warnings).toEqual([]);
  });

  it('says "missing" for an id this device does not hold, and creates no database for it', async () => {
    await createWorkspace('Another one');
    const session = await openSession('no-such-workspace');
    expect(session.status).toBe('missing');
    const names = (await factory.databases()).map((d) => d.name);
    expect(names.some((n) => n?.startsWith(DB_PREFIX))).toBe(true);
    expect(names).not.toContain(DB_PREFIX + 'no-such-workspace');
  });

  it('says "unlisted" for data on this device that its list lost, and brings it back', async () => {
    const stored = await openStoredDoc('lost-one');
    initWorkspace(workspaceDoc(stored.doc), 'Lost and found');
    await stored.written();
    await stored.close();

    const session = await openSession('lost-one');
    expect(session.status).toBe('unlisted');
    await session.bringBack();
    expect(session.status).toBe('ready');
    expect(session.name).toBe('Lost and found');
    expect((await listWorkspaces()).map((w) => [w.id, w.name])).toEqual([
      ['lost-one', 'Lost and found'],
    ]);
  });

  it('fails read-only, writing nothing, when a stored row is not a Yjs update', async () => {
    const id = await createWorkspace();
    const before = await storedRows(id, 'not an update');
    const session = await openSession(id);
    expect(session.status).toBe('failed');
    expect(session.readOnly).toMatch(/could not be read.*a stored row is not a Yjs update/);
    expect(await storedRows(id)).toEqual(before);
  });
});

describe('WorkspaceSession: actions and saving', () => {
  it('flushes an action into the area, saves it, and has it after closing and opening again', async () => {
    const id = await createWorkspace('Before');
    const session = await openSession(id);
    const rowsBefore = (await storedRows(id)).length;

    const metricId = session.areas.tree.add({ name: 'X' }, null);
    expect(metricId).toEqual(expect.any(String));
    expect(session.areas.tree.metrics.map((m) => m.name)).toEqual(['X']);
    expect(session.areas.tree.byId.has(metricId!)).toBe(true);
    expect(session.save.kind).toBe('saving');

    expect(session.rename('New name')).toBe(true);
    expect(session.name).toBe('New name');

    await session.saved();
    expect(session.save).toEqual({ kind: 'saved' });
    expect((await storedRows(id)).length).toBeGreaterThan(rowsBefore);

    await closeSession(session);
    const again = await openSession(id);
    expect(again.status).toBe('ready');
    expect(again.name).toBe('New name');
    expect(again.areas.tree.metrics.map((m) => [m.id, m.name])).toEqual([[metricId, 'X']]);
    // The registry follows the name too (the start screen lists it).
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['New name']);
  });

  it('has a write it started on disk before a later read of the store (the read-only control)', async () => {
    const id = await createWorkspace();
    const session = await openSession(id);
    const before = await storedRows(id);
    session.areas.tree.add({ name: 'X' }, null);
    // No await of saved(): the ordering of IndexedDB transactions alone makes the rows visible
    // (the write, and this copy's claim of who it is, made in a microtask after its first write:
    // one batch, merged into one row).
    const after = await storedRows(id);
    expect(after).toHaveLength(before.length + 1);
    const doc = new Y.Doc();
    for (const row of after) Y.applyUpdate(doc, row as Uint8Array);
    expect(workspaceDoc(doc).metrics.size).toBe(1);
    expect(doc.getMap('clients').size).toBe(1);
    expect(session.save).toEqual({ kind: 'saved' });
  });

  it('folds the rows earlier sessions stored into one when it opens, values kept', async () => {
    const id = await createWorkspace();
    // 150 earlier saves, each its own row (awaited one by one), on top of the creation's rows.
    const stored = await openStoredDoc(id);
    for (let i = 1; i <= 150; i++) {
      stored.doc.getMap('meta').set('name', `Name ${i}`);
      await stored.written();
    }
    await stored.close();
    expect((await storedRows(id)).length).toBeGreaterThan(150);
    const session = await openSession(id);
    await session.compacted();
    expect(await storedRows(id)).toHaveLength(1);
    await closeSession(session);
    const again = await openSession(id);
    expect(again.name).toBe('Name 150');
    // The reopened copy read the one row (its name above) and, below the bound, rewrote nothing.
    await again.compacted();
    expect(await storedRows(id)).toHaveLength(1);
  });

  it('keeps who "me" is as a device setting across sessions', async () => {
    const id = await createWorkspace();
    const session = await openSession(id);
    expect(session.meId).toBeNull();
    const person = session.areas.people.add({ name: 'Ada', team: '', color: '#336699' });
    expect(person).toEqual(expect.any(String));
    await session.setMe(person);
    await session.saved();
    await closeSession(session);
    const again = await openSession(id);
    expect(again.meId).toBe(person);
    expect(again.areas.people.byId.get(person!)?.name).toBe('Ada');
  });
});

describe('WorkspaceSession: undo and redo', () => {
  it('undoes exactly the last step, redoes it, and the undo is saved like any change', async () => {
    const id = await createWorkspace();
    const session = await openSession(id);
    const tree = session.areas.tree;
    const names = () => tree.metrics.filter((m) => m.deletedAt === null).map((m) => m.name);

    tree.add({ name: 'A' }, null);
    tree.add({ name: 'B' }, null);
    expect(names()).toEqual(['A', 'B']);
    expect(session.canUndo).toBe(true);
    expect(session.canRedo).toBe(false);

    session.undo();
    expect(names()).toEqual(['A']);
    expect(session.canUndo).toBe(true);
    expect(session.canRedo).toBe(true);

    session.redo();
    expect(names()).toEqual(['A', 'B']);
    expect(session.canRedo).toBe(false);

    session.undo();
    session.undo();
    expect(names()).toEqual([]);
    expect(session.canUndo).toBe(false);
    expect(session.canRedo).toBe(true);

    session.redo();
    await session.saved();
    await closeSession(session);
    const again = await openSession(id);
    expect(again.areas.tree.metrics.filter((m) => m.deletedAt === null).map((m) => m.name)).toEqual(
      ['A'],
    );
    // Undo history belongs to the window, not to the stored document.
    expect(again.canUndo).toBe(false);
  });

  it('merges typing into the edit before it, while a step starts its own', async () => {
    const id = await createWorkspace();
    const session = await openSession(id);
    const tree = session.areas.tree;
    const metricId = tree.add({ name: 'M' }, null)!;
    // Past the undo manager's capture time (400 ms), so the typing below is its own edit.
    await new Promise((resolve) => setTimeout(resolve, 500));
    tree.update(metricId, { name: 'Ma' });
    tree.update(metricId, { name: 'Mar' });
    tree.update(metricId, { name: 'Mars' });
    tree.setTarget(metricId, '2026-Q2', 10);
    expect(tree.byId.get(metricId)?.metric.name).toBe('Mars');
    expect(tree.metrics[0]?.targets.quarterly).toEqual({ '2026-Q2': 10 });

    session.undo(); // the target, a step of its own
    expect(tree.metrics[0]?.targets.quarterly).toEqual({});
    expect(tree.byId.get(metricId)?.metric.name).toBe('Mars');

    session.undo(); // all three keystrokes at once
    expect(tree.byId.get(metricId)?.metric.name).toBe('M');

    session.undo(); // the add
    expect(tree.byId.has(metricId)).toBe(false);
    expect(session.canUndo).toBe(false);
  });
});

describe('WorkspaceSession: read-only copies', () => {
  it('opens a copy of a newer schema read-only when it holds data this build cannot read; actions return null and write nothing', async () => {
    const id = await createWorkspace('From the future');
    await editStored(id, (ws) =>
      ws.doc.transact(() => {
        ws.meta.set('schemaVersion', SCHEMA_VERSION + 1);
        ws.doc.getMap('timeline').set('2026', 'launch');
      }),
    );
    const before = await storedRows(id);

    const session = await openSession(id);
    expect(session.status).toBe('ready');
    expect(session.name).toBe('From the future');
    expect(session.readOnly).toContain(`claims a newer format (${SCHEMA_VERSION + 1})`);
    expect(session.readOnly).toContain('a part named “timeline” that this version does not know');
    expect(session.readOnly).not.toMatch(/reload/i);
    expect(session.formatNotice).toBeNull();

    expect(session.areas.tree.add({ name: 'X' }, null)).toBeNull();
    expect(session.areas.people.add({ name: 'Ada', team: '', color: '#336699' })).toBeNull();
    expect(session.rename('Renamed')).toBe(false);
    session.undo();
    expect(session.areas.tree.metrics).toEqual([]);
    expect(session.name).toBe('From the future');
    expect(session.save).toEqual({ kind: 'saved' });
    await session.saved();

    // Opening ran no migration and the actions wrote nothing: the rows are byte for byte the same.
    expect(await storedRows(id)).toEqual(before);
    await closeSession(session);
    expect(await storedRows(id)).toEqual(before);
  });

  it('a claimed newer schema over data that all reads stays editable, with a notice, and keeps the claim', async () => {
    const id = await createWorkspace('Claimed');
    await editStored(id, (ws) => ws.doc.transact(() => ws.meta.set('schemaVersion', 999)));
    const session = await openSession(id);
    expect(session.readOnly).toBeNull();
    expect(session.formatNotice).toBe(
      'A copy of this workspace claims a newer format (999), but everything in it reads correctly here, so it stays editable.',
    );
    expect(session.areas.tree.add({ name: 'Still editable' }, null)).not.toBeNull();
    await session.saved();
    await closeSession(session);
    let version: unknown;
    await editStored(id, (ws) => (version = ws.meta.get('schemaVersion')));
    expect(version).toBe(999);
  });

  it('a damaged schema version alone is a claim too: editable, with a notice', async () => {
    const id = await createWorkspace();
    await editStored(id, (ws) => ws.doc.transact(() => ws.meta.set('schemaVersion', 'two')));
    const session = await openSession(id);
    expect(session.readOnly).toBeNull();
    expect(session.formatNotice).toMatch(/format version that is not a number \(“two”\)/);
    expect(session.areas.tree.add({ name: 'X' }, null)).not.toBeNull();
    await session.saved();
    await closeSession(session);
  });
});

describe('WorkspaceSession: warnings', () => {
  it("joins the areas' warnings: a stored metric record that is not a Y.Map", async () => {
    const id = await createWorkspace();
    await editStored(id, (ws) =>
      ws.doc.transact(() => {
        // The same top-level maps, untyped: what a hostile or buggy peer could write.
        ws.doc.getMap<unknown>('metrics').set('junk-metric', 42);
        ws.doc.getMap<unknown>('people').set('junk-person', 'not a person');
      }),
    );
    const session = await openSession(id);
    expect(session.status).toBe('ready');
    expect(session.readOnly).toBeNull();
    expect(session.warnings).toContainEqual({
      where: 'metrics',
      message: '1 unreadable metric was ignored (written by another copy)',
      count: 1,
    });
    expect(session.warnings).toContainEqual({
      where: 'people',
      message: '1 unreadable person was ignored (written by another copy)',
      count: 1,
    });
    expect(session.areas.tree.metrics).toEqual([]);
    expect(session.areas.people.list).toEqual([]);
  });
});

describe('WorkspaceSession: the clock', () => {
  it("sets today for the tracking area, and follows the injected clock's ticks", async () => {
    const id = await createWorkspace();
    const now = { value: new Date(2026, 2, 10, 12) };
    const session = await openSession(id, { clock: fixedClock(now) });
    expect(session.clock.today).toBe('2026-03-10');
    expect(session.areas.tracking.today).toBe('2026-03-10');
    now.value = new Date(2026, 3, 1, 9);
    session.clock.tick();
    expect(session.areas.tracking.today).toBe('2026-04-01');
  });
});
