import type { Metric, RepairedTree, TreeNode, TreeRepair } from './types';

/** Orders siblings: fractional order key, then id, so every replica sorts ties the same way. */
export function compareSiblings(a: Metric, b: Metric): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ranks concurrent moves: the later move (then the larger id) is the one that loses. */
function moveRank(a: Metric, b: Metric): number {
  if (a.movedAt !== b.movedAt) return a.movedAt - b.movedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Reads the tree from parent pointers, repairing what concurrent edits can break, the same way
 * on every replica (the result depends only on the metrics, never on arrival order):
 * - a parent that was deleted: the node climbs to the deleted parent's nearest live ancestor;
 * - a parent that does not exist: the node goes to the top level;
 * - a cycle (two moves that each put a node under the other): in each cycle the latest move
 *   (greatest movedAt, then id) loses, and that node returns to where it was before the move,
 *   or to the top level if going back would close a cycle again.
 * Nothing is dropped: every live metric appears exactly once.
 */
export function buildTree(metrics: readonly Metric[]): RepairedTree {
  const all = new Map<string, Metric>();
  for (const m of metrics) all.set(m.id, m);
  const live = metrics.filter((m) => m.deletedAt === null);
  const isLive = (id: string): boolean => all.get(id)?.deletedAt === null;
  const repairs: TreeRepair[] = [];
  const parent = new Map<string, string | null>();

  /** Nearest live ancestor reachable from `start` through deleted nodes. */
  const resolveLive = (start: string | null): { id: string | null; missing: boolean } => {
    const seen = new Set<string>();
    let p = start;
    while (p !== null && !seen.has(p)) {
      seen.add(p);
      const m = all.get(p);
      if (!m) return { id: null, missing: true };
      if (m.deletedAt === null) return { id: p, missing: false };
      p = m.parentId;
    }
    return { id: null, missing: false };
  };

  for (const m of live) {
    if (m.parentId === null || m.parentId === m.id) {
      parent.set(m.id, null);
      continue;
    }
    if (isLive(m.parentId)) {
      parent.set(m.id, m.parentId);
      continue;
    }
    const resolved = resolveLive(m.parentId);
    parent.set(m.id, resolved.id);
    repairs.push({
      metricId: m.id,
      reason: all.has(m.parentId) ? 'deleted-parent' : 'orphan',
      placedUnder: resolved.id,
    });
  }

  breakCycles(live, all, parent, resolveLive, repairs);

  const childrenOf = new Map<string | null, Metric[]>();
  for (const m of live) {
    const p = parent.get(m.id) ?? null;
    let list = childrenOf.get(p);
    if (!list) childrenOf.set(p, (list = []));
    list.push(m);
  }
  for (const list of childrenOf.values()) list.sort(compareSiblings);

  // Built with an explicit stack: a hostile peer can write a chain deeper than the call stack.
  const byId = new Map<string, TreeNode>();
  const roots = (childrenOf.get(null) ?? []).map((m): TreeNode => ({
    metric: m,
    depth: 0,
    children: [],
  }));
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    byId.set(node.metric.id, node);
    const depth = node.depth + 1;
    node.children = (childrenOf.get(node.metric.id) ?? []).map((c) => ({
      metric: c,
      depth,
      children: [],
    }));
    for (const child of node.children) stack.push(child); // no spread: it can be 100,000+ long
  }
  // Repairs are found in an order that depends on input order; list them the same everywhere.
  repairs.sort((a, b) => (a.metricId < b.metricId ? -1 : a.metricId > b.metricId ? 1 : 0));
  return { roots, byId, parentOf: parent, repairs };
}

function breakCycles(
  live: readonly Metric[],
  all: Map<string, Metric>,
  parent: Map<string, string | null>,
  resolveLive: (start: string | null) => { id: string | null },
  repairs: TreeRepair[],
): void {
  const ids = live.map((m) => m.id).sort();
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = known to reach the top
  for (const start of ids) {
    for (;;) {
      const path: string[] = [];
      let cur: string | null = start;
      while (cur !== null && !state.has(cur)) {
        state.set(cur, 1);
        path.push(cur);
        cur = parent.get(cur) ?? null;
      }
      if (cur === null || state.get(cur) === 2) {
        for (const id of path) state.set(id, 2);
        break;
      }
      // cur is on the current path: path from cur onwards is a cycle.
      const cycle = path.slice(path.indexOf(cur)).map((id) => all.get(id) as Metric);
      const loser = cycle.reduce((a, b) => (moveRank(a, b) >= 0 ? a : b));
      const back = resolveLive(loser.prevParentId).id;
      const placedUnder = back !== null && !reaches(back, loser.id, parent) ? back : null;
      parent.set(loser.id, placedUnder);
      repairs.push({ metricId: loser.id, reason: 'cycle', placedUnder });
      for (const id of path) state.delete(id);
    }
  }
}

/** Whether climbing from `from` reaches `target` (stops on any loop). */
function reaches(from: string, target: string, parent: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  let cur: string | null = from;
  while (cur !== null && !seen.has(cur)) {
    if (cur === target) return true;
    seen.add(cur);
    cur = parent.get(cur) ?? null;
  }
  return false;
}

/** Ids of a node and everything under it, in display order. */
export function subtreeIds(node: TreeNode): string[] {
  return preorder([node], () => true).map((n) => n.metric.id);
}

/** Depth-first, in display order, descending only into nodes for which `open` is true. */
function preorder(nodes: readonly TreeNode[], open: (n: TreeNode) => boolean): TreeNode[] {
  const out: TreeNode[] = [];
  const stack = [...nodes].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    out.push(n);
    if (open(n))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as TreeNode);
  }
  return out;
}

/** Whether `ancestorId` is `id` itself or above it in the repaired tree. */
export function isAncestorOrSelf(tree: RepairedTree, ancestorId: string, id: string): boolean {
  let cur: string | null = id;
  const seen = new Set<string>();
  while (cur !== null && !seen.has(cur)) {
    if (cur === ancestorId) return true;
    seen.add(cur);
    cur = tree.parentOf.get(cur) ?? null;
  }
  return false;
}

/** The visible rows of an outline: depth-first, skipping the children of collapsed nodes. */
export function visibleRows(tree: RepairedTree, collapsed: ReadonlySet<string>): TreeNode[] {
  return preorder(tree.roots, (n) => !collapsed.has(n.metric.id));
}

/** Height of the tree in levels (a lone root is 1). */
export function treeDepth(tree: RepairedTree): number {
  let max = 0;
  for (const n of tree.byId.values()) max = Math.max(max, n.depth + 1);
  return max;
}
