import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMetric,
  deleteMetrics,
  moveMetric,
  readMetrics,
  restoreMetrics,
} from '../../../src/doc/metrics';
import { buildTree, isAncestorOrSelf, subtreeIds } from '../../../src/domain/tree';
import type { RepairedTree } from '../../../src/domain/types';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncAll, syncOneWay } from './replicas';

type Op =
  | { t: 'add'; r: number; parent: number }
  | { t: 'move'; r: number; node: number; parent: number; before: number }
  | { t: 'delete'; r: number; node: number }
  | { t: 'restore'; r: number; node: number }
  | { t: 'sync'; from: number; to: number }
  /** Two replicas move two nodes under each other before hearing of the other's move. */
  | { t: 'crossMove'; r: number; node: number; other: number };

const R = fc.nat({ max: 2 });
const pick = fc.nat({ max: 40 });
// Moves dominate, so concurrent moves that close cycles happen in many runs.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('add' as const), r: R, parent: pick }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('move' as const),
      r: R,
      node: pick,
      parent: pick,
      before: pick,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), r: R, node: pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore' as const), r: R, node: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('sync' as const), from: R, to: R }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('crossMove' as const), r: R, node: pick, other: pick }),
  },
);

const treeOf = (ws: WorkspaceDoc): RepairedTree => buildTree(readMetrics(ws).metrics);

/** A canonical picture of a tree: each node with its children, in display order. */
function shape(tree: RepairedTree): string {
  const lines: string[] = [];
  for (const node of tree.byId.values()) {
    lines.push(
      `${node.metric.id}<${tree.parentOf.get(node.metric.id) ?? '-'}:${node.children.map((c) => c.metric.id).join(',')}`,
    );
  }
  return lines.sort().join('\n');
}

/** Applies one user action on a replica, as the UI would, from that replica's own view. */
function apply(replicas: WorkspaceDoc[], o: Op, clock: { now: number }): void {
  clock.now += 1;
  if (o.t === 'sync') {
    if (o.from !== o.to) syncOneWay(replicas[o.from]!, replicas[o.to]!);
    return;
  }
  if (o.t === 'crossMove') {
    const here = replicas[o.r]!;
    const there = replicas[(o.r + 1) % 3]!;
    const ids = [...treeOf(here).byId.keys()].sort();
    const a = ids[o.node % ids.length];
    const b = ids[o.other % ids.length];
    if (!a || !b || a === b) return;
    for (const [ws, node, parent] of [
      [here, a, b],
      [there, b, a],
    ] as const) {
      const t = treeOf(ws);
      if (t.byId.has(node) && t.byId.has(parent)) {
        moveMetric(ws, node, parent, null, (p) => isAncestorOrSelf(t, node, p), clock.now);
      }
    }
    return;
  }
  const ws = replicas[o.r]!;
  const tree = treeOf(ws);
  const live = [...tree.byId.keys()].sort();
  const all = readMetrics(ws)
    .metrics.map((m) => m.id)
    .sort();
  const at = (list: string[], i: number): string | null =>
    list.length ? (list[i % (list.length + 1)] ?? null) : null;
  switch (o.t) {
    case 'add':
      addMetric(ws, { name: `m${clock.now}` }, at(live, o.parent), clock.now);
      break;
    case 'move': {
      const node = at(live, o.node);
      if (!node) return;
      moveMetric(
        ws,
        node,
        at(live, o.parent),
        at(live, o.before),
        (p) => isAncestorOrSelf(tree, node, p),
        clock.now,
      );
      break;
    }
    case 'delete': {
      const node = at(live, o.node);
      const n = node ? tree.byId.get(node) : undefined;
      if (n) deleteMetrics(ws, subtreeIds(n), clock.now);
      break;
    }
    case 'restore': {
      const node = at(all, o.node);
      if (node) restoreMetrics(ws, [node]);
      break;
    }
  }
}

describe('tree convergence (property)', () => {
  it('three replicas editing and merging in any order show the same tree, losing nothing', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 5, maxLength: 40 }),
        fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
        (ops, finalOrder) => {
          const replicas = [replica(1), replica(2), replica(3)];
          const clock = { now: 0 };
          const root = addMetric(replicas[0]!, { name: 'NSM', kind: 'north-star' }, null, 0);
          for (let i = 0; i < 4; i++) addMetric(replicas[0]!, { name: `seed${i}` }, root, 0);
          syncAll(replicas);
          for (const o of ops) apply(replicas, o, clock);

          // Final exchange in a random pairwise order, then a full round so everyone has everything.
          for (const k of finalOrder) syncOneWay(replicas[k % 3]!, replicas[(k + 1) % 3]!);
          syncAll(replicas);

          const trees = replicas.map(treeOf);
          const first = trees[0]!;
          for (const t of trees) expect(shape(t)).toBe(shape(first));

          // Nothing lost: every metric not deleted is placed exactly once, reachable from a root.
          const liveIds = readMetrics(replicas[0]!)
            .metrics.filter((m) => m.deletedAt === null)
            .map((m) => m.id);
          const reached: string[] = [];
          const walk = (n: RepairedTree['roots'][number]): void => {
            reached.push(n.metric.id);
            n.children.forEach(walk);
          };
          first.roots.forEach(walk);
          expect(reached.sort()).toEqual(liveIds.sort());
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});
