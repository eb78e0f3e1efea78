import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addMetric, deleteMetrics, readMetrics, updateMetric } from '../../../src/doc/metrics';
import { readEntries, setEntries } from '../../../src/doc/entries';
import { addInsight, readInsights } from '../../../src/doc/insights';
import { editBrief, readBriefs } from '../../../src/doc/briefs';
import { restoreVersion, versionDoc } from '../../../src/doc/restore';
import { rootsOf, type WorkspaceDoc } from '../../../src/doc/schema';
import { countRecords } from '../../../src/doc/versions';
import { createUndoManager } from '../../../src/doc/undo';
import { DOC_AREAS } from '../../../src/doc/areas';
import { claimClient, readClients } from '../../../src/doc/clients';
import { replica, syncAll, syncOneWay } from './replicas';

const entry = (metricId: string, period: string, value: number) => ({
  metricId,
  period,
  value,
  note: '',
  by: null,
});

/** A North Star with two inputs, values, an insight and a brief. */
function workspace(ws: WorkspaceDoc = replica(1)) {
  const nsm = addMetric(ws, { name: 'Weekly active teams', kind: 'north-star' }, null, 1);
  const a = addMetric(ws, { name: 'Activation' }, nsm, 2);
  const b = addMetric(ws, { name: 'Retention' }, nsm, 3);
  setEntries(ws, [entry(nsm, '2026-W40', 10), entry(a, '2026-W40', 4)], 5);
  addInsight(ws, { text: 'Setup is slow', tags: 'setup' }, '2026-10-01', 6);
  editBrief(ws, 'ann', 'strategy', 'Grow by focus', '2026-10-01');
  return { ws, nsm, a, b };
}

const live = (ws: WorkspaceDoc) =>
  readMetrics(ws)
    .metrics.filter((m) => m.deletedAt === null)
    .map((m) => [m.id, m.name])
    .sort();

/** The whole readable workspace, area by area (what two equal versions must share). */
const readAll = (ws: WorkspaceDoc) => DOC_AREAS.map((area) => area.read(ws).value);

/** A hostile peer's damage: every metric removed outright (not to the trash), junk added. */
function damage(ws: WorkspaceDoc): void {
  ws.doc.transact(() => {
    for (const id of [...ws.metrics.keys()]) ws.metrics.delete(id);
    ws.meta.set('schemaVersion', 999);
    ws.insights.set('junk', 42 as unknown as Y.Map<unknown>);
  }, 'remote');
}

describe('restoring a version', () => {
  it('the whole workspace: what a peer removed comes back, what was added since goes to the trash', () => {
    const { ws, nsm, a, b } = workspace();
    const version = Y.encodeStateAsUpdate(ws.doc);
    const before = readAll(ws);
    setEntries(ws, [entry(a, '2026-W41', 5), entry(nsm, '2026-W40', 99)], 9);
    editBrief(ws, 'ann', 'strategy', 'Grow by luck', '2026-10-02');
    damage(ws);
    expect(live(ws)).toEqual([]);
    const later = addMetric(ws, { name: 'Added after the damage' }, null, 9);

    const count = restoreVersion(ws, versionDoc(version), { kind: 'all' }, 100);
    expect(live(ws)).toEqual(
      [
        [nsm, 'Weekly active teams'],
        [a, 'Activation'],
        [b, 'Retention'],
      ].sort(),
    );
    // The metric added since is in the trash (restorable), not gone.
    expect(readMetrics(ws).metrics.find((m) => m.id === later)?.deletedAt).toBe(100);
    expect(readEntries(ws, nsm).entries.map((e) => [e.period, e.value])).toEqual([
      ['2026-W40', 10],
    ]);
    expect(readEntries(ws, a).entries.map((e) => e.period)).toEqual(['2026-W40']);
    expect(readBriefs(ws).briefs[0]?.text).toBe('Grow by focus');
    expect(ws.meta.get('schemaVersion')).not.toBe(999);
    expect(readInsights(ws).insights).toHaveLength(1);
    // Every area reads as it did, apart from the trashed metric.
    const after = readAll(ws);
    const metricsArea = DOC_AREAS.findIndex((x) => x.name === 'metrics');
    after.forEach((value, i) => {
      if (i !== metricsArea) expect(value).toEqual(before[i]);
    });
    expect(count.byRoot.metrics).toBe(4); // three put back, one to the trash
    expect(count.total).toBeGreaterThan(4);
  });

  it('one area only: the metrics come back, the values logged since stay', () => {
    const { ws, nsm } = workspace();
    const version = Y.encodeStateAsUpdate(ws.doc);
    setEntries(ws, [entry(nsm, '2026-W41', 12)], 9);
    deleteMetrics(ws, [nsm], 10);
    restoreVersion(ws, versionDoc(version), { kind: 'area', area: 'metrics' }, 11);
    expect(readMetrics(ws).metrics.find((m) => m.id === nsm)?.deletedAt).toBeNull();
    expect(readEntries(ws, nsm).entries.map((e) => e.period)).toEqual(['2026-W40', '2026-W41']);
  });

  it('one record only: that metric as it was, the others as they are', () => {
    const { ws, a, b } = workspace();
    const version = Y.encodeStateAsUpdate(ws.doc);
    updateMetric(ws, a, { name: 'Activation (renamed)' });
    updateMetric(ws, b, { name: 'Retention (renamed)' });
    restoreVersion(ws, versionDoc(version), { kind: 'record', root: 'metrics', key: a });
    const names = new Map(readMetrics(ws).metrics.map((m) => [m.id, m.name]));
    expect(names.get(a)).toBe('Activation');
    expect(names.get(b)).toBe('Retention (renamed)');
  });

  it('is one undo step, and says so when there is nothing to restore', () => {
    const { ws } = workspace();
    const version = Y.encodeStateAsUpdate(ws.doc);
    expect(restoreVersion(ws, versionDoc(version), { kind: 'all' }).total).toBe(0);
    const undo = createUndoManager(ws);
    damage(ws);
    restoreVersion(ws, versionDoc(version), { kind: 'all' });
    expect(live(ws)).toHaveLength(3);
    undo.undo();
    expect(live(ws)).toEqual([]); // back to how the peer left it
  });

  it('never restores which person each copy is (who wrote what stays known)', () => {
    const { ws } = workspace();
    const version = Y.encodeStateAsUpdate(ws.doc);
    claimClient(ws, 'bea', 'Bea');
    restoreVersion(ws, versionDoc(version), { kind: 'all' });
    expect(readClients(ws).clients.get(ws.doc.clientID)?.name).toBe('Bea');
  });

  it('refuses an unreadable version and an unknown area, changing nothing', () => {
    const { ws } = workspace();
    const good = Y.encodeStateAsUpdate(ws.doc);
    expect(() => versionDoc(good.slice(0, good.length - 7))).toThrow();
    expect(() => restoreVersion(ws, versionDoc(good), { kind: 'area', area: 'nope' })).toThrow(
      'No area',
    );
  });

  it('merges with a teammate’s concurrent edit, and every replica converges', () => {
    const a = replica(1);
    const { nsm } = workspace(a);
    const b = replica(2);
    syncAll([a, b]);
    const version = Y.encodeStateAsUpdate(a.doc);
    damage(a);
    syncAll([a, b]);
    // B logs a value while A restores, before either hears of the other.
    setEntries(b, [entry(nsm, '2026-W42', 7)], 20);
    restoreVersion(a, versionDoc(version), { kind: 'all' }, 21);
    syncAll([a, b]);
    expect(readAll(a)).toEqual(readAll(b));
    expect(live(b)).toHaveLength(3);
    expect(readEntries(b, nsm).entries.map((e) => e.period)).toEqual(['2026-W40', '2026-W42']);
  });
});

describe('restore, property', () => {
  type Op =
    | { t: 'add'; r: number }
    | { t: 'rename'; r: number; i: number }
    | { t: 'value'; r: number; i: number; v: number }
    | { t: 'trash'; r: number; i: number }
    | { t: 'wipe'; r: number; i: number }
    | { t: 'sync'; from: number; to: number };
  const R = fc.nat({ max: 1 });
  const I = fc.nat({ max: 20 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ t: fc.constant('add' as const), r: R }),
    fc.record({ t: fc.constant('rename' as const), r: R, i: I }),
    fc.record({ t: fc.constant('value' as const), r: R, i: I, v: fc.integer({ max: 100 }) }),
    fc.record({ t: fc.constant('trash' as const), r: R, i: I }),
    fc.record({ t: fc.constant('wipe' as const), r: R, i: I }),
    fc.record({ t: fc.constant('sync' as const), from: R, to: R }),
  );

  function apply(reps: WorkspaceDoc[], o: Op, n: number): void {
    if (o.t === 'sync') {
      if (o.from !== o.to) syncOneWay(reps[o.from]!, reps[o.to]!);
      return;
    }
    const ws = reps[o.r]!;
    const ids = [...ws.metrics.keys()].sort();
    const id = 'i' in o ? ids[o.i % Math.max(1, ids.length)] : undefined;
    if (o.t === 'add') addMetric(ws, { name: `m${n}` }, null, n);
    else if (!id) return;
    else if (o.t === 'rename') updateMetric(ws, id, { name: `renamed ${n}` });
    else if (o.t === 'value') setEntries(ws, [entry(id, '2026-W40', o.v)], n);
    else if (o.t === 'trash') deleteMetrics(ws, [id], n);
    else ws.doc.transact(() => ws.metrics.delete(id), 'remote'); // a hostile removal
  }

  it('restoring any checkpoint yields exactly that version for what it held, and the replicas converge', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 25 }),
        fc.array(op, { maxLength: 25 }),
        (before, after) => {
          const reps = [replica(1), replica(2)];
          before.forEach((o, n) => apply(reps, o, n));
          const version = Y.encodeStateAsUpdate(reps[0]!.doc);
          const old = versionDoc(version);
          after.forEach((o, n) => apply(reps, o, 100 + n));
          restoreVersion(reps[0]!, old, { kind: 'all' }, 1000);
          // Every key the version held reads exactly as it did; newer records are in the trash.
          for (const { name, type, root } of rootsOf(reps[0]!)) {
            if (root.keptOnRestore) continue;
            const then = (old as unknown as Record<string, Y.Map<unknown>>)[name]!.toJSON();
            const now = type.toJSON();
            for (const [key, value] of Object.entries(then)) expect(now[key]).toEqual(value);
            for (const key of Object.keys(now)) {
              if (!(key in then)) {
                expect(typeof (now[key] as { deletedAt?: unknown }).deletedAt).toBe('number');
              }
            }
          }
          syncAll(reps);
          expect(readAll(reps[0]!)).toEqual(readAll(reps[1]!));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('counting what a version holds', () => {
  it("does not count a peer's junk as metrics, so junk going away is no flood", () => {
    const { ws } = workspace();
    const before = countRecords(ws).metrics;
    ws.doc.transact(() => {
      for (let i = 0; i < 50; i++) ws.metrics.set(`junk${i}`, new Y.Map([['x', i]]));
    }, 'remote');
    expect(countRecords(ws).metrics).toBe(before);
  });
});
