/**
 * Junk (doc/junk.ts): keys a peer wrote that no copy of the app would have written are counted
 * and summed up in one warning per map, never read as records with a warning each. Timing is
 * measured in tests/bench/junk.ts, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMetric, METRIC_MARKS, readMetrics } from '../../../src/doc/metrics';
import { addPlan, readPlans } from '../../../src/doc/plans';
import { addInsight, readInsights } from '../../../src/doc/insights';
import { addExperiment, readExperiments } from '../../../src/doc/experiments';
import { addPerson, readPeople } from '../../../src/doc/people';
import { slotOf } from '../../../src/doc/junk';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { buildTree } from '../../../src/domain/tree';
import { checkTreeHealth } from '../../../src/domain/health';
import { openAreas } from '../state/areaHarness';
import { writeJunk } from '../junkFlood';
import { replica, syncOneWay } from './replicas';

const FLOOD = 20_000;

/** A workspace of 200 metrics in a tree (one North Star, five children each, as the bench). */
function workspace(): WorkspaceDoc {
  const ws = replica(1);
  const ids = [addMetric(ws, { name: 'North Star', kind: 'north-star' }, null, 1)];
  for (let i = 1; i < 200; i++) {
    ids.push(addMetric(ws, { name: `Input ${i}` }, ids[Math.floor((i - 1) / 5)]!, 1 + i));
  }
  addPlan(ws, { customer: 'Acme' });
  addInsight(ws, { text: 'Too slow' });
  addExperiment(ws, { title: 'Bet' }, null);
  addPerson(ws, { name: 'Ada', team: 'Growth', color: '#1f6feb' });
  return ws;
}

/** A peer holding the key floods `maps` with junk; the copy receives it as an update. */
function flood(ws: WorkspaceDoc, maps: (peer: WorkspaceDoc) => Y.Map<unknown>[]): void {
  const peer = replica(666);
  syncOneWay(ws, peer);
  peer.doc.transact(() => {
    for (const map of maps(peer)) writeJunk(map, FLOOD);
  });
  syncOneWay(peer, ws);
}

const open = (map: Y.Map<unknown> | Y.Map<Y.Map<unknown>>): Y.Map<unknown> => map as Y.Map<unknown>;

const summary = (where: string, many: string) => ({
  where,
  message: `20,000 unreadable ${many} were ignored (written by another copy)`,
  count: FLOOD,
});

describe('junk in the document: counted, in one warning', () => {
  it('20,000 junk keys in `metrics`: the 200 metrics, one summary, the same tree and health', () => {
    const ws = workspace();
    const before = readMetrics(ws);
    const treeBefore = buildTree(before.metrics);
    flood(ws, (peer) => [open(peer.metrics)]);

    const after = readMetrics(ws);
    expect(ws.metrics.size).toBe(200 + FLOOD);
    expect(after.metrics).toEqual(before.metrics);
    expect(after.warnings).toEqual([summary('metrics', 'metrics')]);
    const tree = buildTree(after.metrics);
    expect(tree.repairs).toEqual([]);
    expect(tree.byId.size).toBe(200);
    expect(checkTreeHealth(tree)).toEqual(checkTreeHealth(treeBefore));
  }, 30_000);

  it('the same in plans, insights, experiments and people', () => {
    const ws = workspace();
    const before = {
      plans: readPlans(ws, true).plans,
      insights: readInsights(ws, true).insights,
      experiments: readExperiments(ws, true).experiments,
      people: readPeople(ws).people,
    };
    flood(ws, (peer) => [peer.plans, peer.insights, peer.experiments, peer.people].map(open));

    const plans = readPlans(ws, true);
    expect(plans.plans).toEqual(before.plans);
    expect(plans.warnings).toEqual([summary('plans', 'success plans')]);
    const insights = readInsights(ws, true);
    expect(insights.insights).toEqual(before.insights);
    expect(insights.warnings).toEqual([summary('insights', 'insights')]);
    const experiments = readExperiments(ws, true);
    expect(experiments.experiments).toEqual(before.experiments);
    expect(experiments.warnings).toEqual([summary('experiments', 'experiments')]);
    const people = readPeople(ws);
    expect(people.people).toEqual(before.people);
    expect(people.warnings).toEqual([summary('people', 'people')]);
  }, 30_000);

  it('a record is one field as the app writes it away from junk; junk in the trash is skipped', () => {
    const map = (fields: Record<string, unknown>): Y.Map<unknown> => {
      const doc = new Y.Doc();
      const m = doc.getMap<unknown>('m');
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      return m;
    };
    const marks = METRIC_MARKS;
    expect(slotOf(42, marks)).toBe('junk');
    expect(slotOf({ name: 'A plain object', kind: 'input' }, marks)).toBe('junk');
    expect(slotOf(map({}), marks)).toBe('junk');
    expect(slotOf(map({ name: '  ', kind: 'wormhole', parentId: 'p', order: 3 }), marks)).toBe(
      'junk',
    );
    expect(slotOf(map({ name: 7, deletedAt: 5 }), marks)).toBe('binned junk');
    expect(slotOf(map({ name: 'Named' }), marks)).toBe('record');
    expect(slotOf(map({ kind: 'counter' }), marks)).toBe('record');
    expect(slotOf(map({ createdAt: 0 }), marks)).toBe('record');
    expect(slotOf(map({ order: 'a0' }), marks)).toBe('record');
    expect(slotOf(map({ targets: new Y.Map() }), marks)).toBe('record');
  });

  it('the areas of an open workspace: one line each, gone when the junk is', () => {
    const FEW = 2_000;
    const { ws, areas } = openAreas();
    areas.tree.add({ name: 'North Star', kind: 'north-star' }, null);
    areas.customers.addPlans([{ customer: 'Acme' }]);
    areas.insights.add({ text: 'Too slow' });
    areas.people.add({ name: 'Ada', team: '', color: '#1f6feb' });
    const junked = [ws.metrics, ws.plans, ws.insights, ws.experiments, ws.people].map(open);
    const peer = replica(666);
    syncOneWay(ws, peer);
    const keys = peer.doc.transact(() =>
      [peer.metrics, peer.plans, peer.insights, peer.experiments, peer.people].map((m) =>
        writeJunk(open(m), FEW),
      ),
    );
    syncOneWay(peer, ws);
    expect(junked.map((m) => m.size)).toEqual([1, 1, 1, 0, 1].map((n) => n + FEW));
    const few = (where: string, many: string) => ({
      where,
      message: `2,000 unreadable ${many} were ignored (written by another copy)`,
      count: FEW,
    });

    const lines = [
      areas.tree.warnings,
      areas.customers.warnings,
      areas.insights.warnings,
      areas.experiments.warnings,
      areas.people.warnings,
    ];
    expect(lines).toEqual([
      [few('metrics', 'metrics')],
      [few('plans', 'success plans')],
      [few('insights', 'insights')],
      [few('experiments', 'experiments')],
      [few('people', 'people')],
    ]);
    expect(areas.tree.metrics.map((m) => m.name)).toEqual(['North Star']);
    expect(areas.customers.plans.map((p) => p.customer)).toEqual(['Acme']);
    expect(areas.insights.list.map((i) => i.text)).toEqual(['Too slow']);
    expect(areas.people.list.map((p) => p.name)).toEqual(['Ada']);

    // The peer takes its junk back: the summaries go.
    const mine = replica(667);
    syncOneWay(ws, mine);
    mine.doc.transact(() => {
      const maps = [mine.metrics, mine.plans, mine.insights, mine.experiments, mine.people];
      maps.forEach((m, i) => keys[i]!.forEach((k) => m.delete(k)));
    });
    syncOneWay(mine, ws);
    expect([
      areas.tree.warnings,
      areas.customers.warnings,
      areas.insights.warnings,
      areas.experiments.warnings,
      areas.people.warnings,
    ]).toEqual([[], [], [], [], []]);
  });
});
