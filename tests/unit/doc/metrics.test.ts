import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMetric,
  deleteMetrics,
  moveMetric,
  readMetrics,
  restoreMetrics,
  updateMetric,
} from '../../../src/doc/metrics';
import { createUndoManager } from '../../../src/doc/undo';
import { buildTree, isAncestorOrSelf } from '../../../src/domain/tree';
import { replica, syncAll } from './replicas';
import type { WorkspaceDoc } from '../../../src/doc/schema';

const tree = (ws: WorkspaceDoc) => buildTree(readMetrics(ws).metrics);
const names = (ws: WorkspaceDoc, parent: string | null): string[] => {
  const t = tree(ws);
  const nodes = parent === null ? t.roots : (t.byId.get(parent)?.children ?? []);
  return nodes.map((n) => n.metric.name);
};
const inSubtree = (ws: WorkspaceDoc, id: string) => (p: string) =>
  isAncestorOrSelf(tree(ws), id, p);

describe('metrics in the document', () => {
  it('adds children in order and reads them back validated', () => {
    const ws = replica(1);
    const root = addMetric(ws, { name: 'Nights booked', kind: 'north-star' }, null);
    addMetric(ws, { name: 'Hosts', ownerId: 'p' }, root);
    addMetric(ws, { name: 'Guests' }, root);
    expect(names(ws, root)).toEqual(['Hosts', 'Guests']);
    const hosts = readMetrics(ws).metrics.find((m) => m.name === 'Hosts');
    expect(hosts).toMatchObject({ kind: 'input', ownerId: 'p', cadence: 'weekly', parentId: root });
  });

  it('reorders among siblings and moves under another parent', () => {
    const ws = replica(1);
    const root = addMetric(ws, { name: 'R' }, null);
    const a = addMetric(ws, { name: 'A' }, root);
    const b = addMetric(ws, { name: 'B' }, root);
    const c = addMetric(ws, { name: 'C' }, root);
    expect(moveMetric(ws, c, root, a, inSubtree(ws, c))).toBe(true);
    expect(names(ws, root)).toEqual(['C', 'A', 'B']);
    expect(moveMetric(ws, b, a, null, inSubtree(ws, b))).toBe(true);
    expect(names(ws, a)).toEqual(['B']);
    const moved = readMetrics(ws).metrics.find((m) => m.id === b);
    expect(moved?.prevParentId).toBe(root);
  });

  it('refuses to move a node under its own descendant', () => {
    const ws = replica(1);
    const root = addMetric(ws, { name: 'R' }, null);
    const a = addMetric(ws, { name: 'A' }, root);
    expect(moveMetric(ws, root, a, null, inSubtree(ws, root))).toBe(false);
    expect(tree(ws).parentOf.get(root)).toBeNull();
  });

  it('soft-deletes a subtree and restores it', () => {
    const ws = replica(1);
    const root = addMetric(ws, { name: 'R' }, null);
    const a = addMetric(ws, { name: 'A' }, root);
    const a1 = addMetric(ws, { name: 'A1' }, a);
    deleteMetrics(ws, [a, a1]);
    expect(tree(ws).byId.size).toBe(1);
    restoreMetrics(ws, [a, a1]);
    expect(names(ws, a)).toEqual(['A1']);
  });

  it('writes nothing when a form saves unchanged values', () => {
    const ws = replica(1);
    const id = addMetric(ws, { name: 'R' }, null);
    const before = Y.encodeStateVector(ws.doc);
    updateMetric(ws, id, { name: 'R', unit: 'count' });
    expect(Y.encodeStateVector(ws.doc)).toEqual(before);
  });

  it('merges edits of different fields of one metric from two replicas', () => {
    const a = replica(1);
    const b = replica(2);
    const id = addMetric(a, { name: 'R' }, null);
    syncAll([a, b]);
    updateMetric(a, id, { name: 'Renamed' });
    updateMetric(b, id, { definition: 'Counted weekly' });
    syncAll([a, b]);
    for (const ws of [a, b]) {
      expect(readMetrics(ws).metrics[0]).toMatchObject({
        name: 'Renamed',
        definition: 'Counted weekly',
      });
    }
  });

  it('undoes only local edits, never a teammate’s', () => {
    const a = replica(1);
    const b = replica(2);
    const id = addMetric(a, { name: 'R' }, null);
    syncAll([a, b]);
    const undo = createUndoManager(a);
    updateMetric(a, id, { name: 'Mine' });
    undo.stopCapturing();
    updateMetric(b, id, { definition: 'Theirs' });
    syncAll([a, b]);
    undo.undo();
    expect(readMetrics(a).metrics[0]).toMatchObject({ name: 'R', definition: 'Theirs' });
  });

  it('ignores junk written by a peer, with warnings', () => {
    const ws = replica(1);
    addMetric(ws, { name: 'Good' }, null);
    ws.metrics.set('junk', 'not a map' as unknown as Y.Map<unknown>);
    // Nothing in it the app writes (no name, a kind no version has): junk, counted.
    const bad = new Y.Map<unknown>();
    ws.metrics.set('bad', bad);
    bad.set('kind', 'wormhole');
    bad.set('name', 12);
    // A record the app wrote (its creation time) with a broken name: read, and warned about.
    const odd = new Y.Map<unknown>();
    ws.metrics.set('odd', odd);
    odd.set('createdAt', 1);
    odd.set('name', 12);
    const { metrics, warnings } = readMetrics(ws);
    expect(metrics.map((m) => m.name).sort()).toEqual(['(unnamed)', 'Good']);
    expect(warnings).toEqual([
      { where: 'metric “(unnamed)”', message: 'name is not text' },
      { where: 'metric “(unnamed)”', message: 'name is empty' },
      {
        where: 'metrics',
        message: '2 unreadable metrics were ignored (written by another copy)',
        count: 2,
      },
    ]);
  });
});
