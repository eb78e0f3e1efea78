import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTree } from '../../../src/domain/tree';
import {
  DEFAULT_LAYOUT_OPTIONS,
  layoutTree,
  wrapText,
  type LaidOutNode,
  type TreeLayout,
} from '../../../src/domain/treeLayout';
import type { Metric, TreeNode } from '../../../src/domain/types';

/** A full metric; `order` defaults to a key that sorts siblings by creation. */
function metric(id: string, parentId: string | null, fields: Partial<Metric> = {}): Metric {
  return {
    id,
    kind: parentId === null ? 'north-star' : 'input',
    name: `Metric ${id}`,
    definition: '',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    ownerId: null,
    collection: '',
    maturity: 'crawl',
    status: 'active',
    baselineValue: null,
    baselineDate: null,
    parentId,
    order: `a${id.padStart(4, '0')}`,
    prevParentId: null,
    movedAt: 0,
    createdAt: 0,
    deletedAt: null,
    ...fields,
  };
}

/** Roots of a tree where node i (i ≥ 1) hangs under parents[i - 1] (null = a root); node 0 is a root. */
function treeFromParents(parents: readonly (number | null)[]): TreeNode[] {
  const metrics = [metric('0', null)];
  parents.forEach((p, i) => metrics.push(metric(String(i + 1), p === null ? null : String(p))));
  return buildTree(metrics).roots;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random tree of `size` nodes, mostly under node 0 with a few extra roots. */
function randomTree(size: number, seed: number): TreeNode[] {
  const rnd = random(seed);
  const parents: (number | null)[] = [];
  for (let i = 1; i < size; i++) parents.push(rnd() < 0.03 ? null : Math.floor(rnd() * i));
  return treeFromParents(parents);
}

const centre = (n: LaidOutNode): number => n.x + n.width / 2;

function byId(layout: TreeLayout): Map<string, LaidOutNode> {
  return new Map(layout.nodes.map((n) => [n.id, n]));
}

/** Visible tree nodes (children of collapsed nodes skipped). */
function visible(roots: readonly TreeNode[], collapsed: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode): void => {
    out.push(n);
    if (!collapsed.has(n.metric.id)) n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

function expectNoOverlap(layout: TreeLayout): void {
  const { nodes } = layout;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as LaidOutNode;
      const b = nodes[j] as LaidOutNode;
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) expect.fail(`${a.id} overlaps ${b.id}`);
    }
  }
}

/** Every visible parent is centred over the span of its visible children. */
function expectParentsCentred(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  layout: TreeLayout,
): void {
  const at = byId(layout);
  for (const n of visible(roots, collapsed)) {
    if (collapsed.has(n.metric.id) || n.children.length === 0) continue;
    const first = at.get(n.children[0]?.metric.id ?? '');
    const last = at.get(n.children[n.children.length - 1]?.metric.id ?? '');
    const parent = at.get(n.metric.id);
    if (!first || !last || !parent) expect.fail(`missing node around ${n.metric.id}`);
    expect(centre(parent)).toBeCloseTo((centre(first) + centre(last)) / 2, 6);
  }
}

/** Siblings (and roots) run strictly left to right in their given order. */
function expectSiblingsInOrder(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  layout: TreeLayout,
): void {
  const at = byId(layout);
  const check = (siblings: readonly TreeNode[]): void => {
    const xs = siblings.map((s) => at.get(s.metric.id)?.x ?? NaN);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] ?? Infinity);
  };
  check(roots);
  for (const n of visible(roots, collapsed)) if (!collapsed.has(n.metric.id)) check(n.children);
}

describe('layoutTree', () => {
  it('gives an empty layout for an empty tree', () => {
    expect(layoutTree([], new Set())).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });

  it('places a lone root at the origin with the default size', () => {
    const layout = layoutTree(treeFromParents([]), new Set());
    expect(layout.nodes).toEqual([
      {
        id: '0',
        x: 0,
        y: 0,
        width: DEFAULT_LAYOUT_OPTIONS.nodeWidth,
        height: DEFAULT_LAYOUT_OPTIONS.nodeHeight,
        depth: 0,
        hasChildren: false,
        collapsed: false,
        hiddenCount: 0,
      },
    ]);
    expect(layout.width).toBe(DEFAULT_LAYOUT_OPTIONS.nodeWidth);
    expect(layout.height).toBe(DEFAULT_LAYOUT_OPTIONS.nodeHeight);
  });

  it('lays out a random tree of 200 nodes with no overlaps, centred parents and ordered siblings', () => {
    const roots = randomTree(200, 42);
    const none = new Set<string>();
    const layout = layoutTree(roots, none);
    expect(layout.nodes).toHaveLength(200);
    expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(200);
    expect(layout.edges).toHaveLength(200 - roots.length);
    expectNoOverlap(layout);
    expectParentsCentred(roots, none, layout);
    expectSiblingsInOrder(roots, none, layout);
    expect(Math.min(...layout.nodes.map((n) => n.x))).toBe(0);
    expect(layout.width).toBe(Math.max(...layout.nodes.map((n) => n.x + n.width)));
    expect(layout.height).toBe(Math.max(...layout.nodes.map((n) => n.y + n.height)));
  });

  it('keeps its invariants on any tree shape with any nodes collapsed', () => {
    const shape = fc
      .array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 60 })
      .map((specs) => ({
        parents: specs.map(([p, isRoot], i) => (isRoot && p % 5 === 0 ? null : p % (i + 1))),
        collapsed: new Set(specs.flatMap(([, , c], i) => (c ? [String(i + 1)] : []))),
      }));
    fc.assert(
      fc.property(shape, fc.integer({ min: 0, max: 40 }), ({ parents, collapsed }, hGap) => {
        const roots = treeFromParents(parents);
        const layout = layoutTree(roots, collapsed, {
          hGap,
          nodeWidth: 50,
          nodeHeight: 20,
          vGap: 10,
        });
        expect(layout.nodes.map((n) => n.id)).toEqual(
          visible(roots, collapsed).map((n) => n.metric.id),
        );
        expectNoOverlap(layout);
        expectParentsCentred(roots, collapsed, layout);
        expectSiblingsInOrder(roots, collapsed, layout);
      }),
    );
  });

  it('maps depth to y, strictly increasing and the same for a whole level', () => {
    const opts = { nodeHeight: 40, vGap: 30 };
    const layout = layoutTree(randomTree(120, 7), new Set(), opts);
    for (const n of layout.nodes) expect(n.y).toBe(n.depth * 70);
    const at = byId(layout);
    for (const e of layout.edges) {
      const from = at.get(e.from);
      const to = at.get(e.to);
      expect(to?.depth).toBe((from?.depth ?? NaN) + 1);
      expect(to?.y).toBeGreaterThan(from?.y ?? Infinity);
    }
  });

  it('hides collapsed subtrees and counts what they hide', () => {
    // 0 ─┬─ 1 ─┬─ 3 ── 5
    //    │     └─ 4
    //    └─ 2
    const roots = treeFromParents([0, 0, 1, 1, 3]);
    const layout = layoutTree(roots, new Set(['1', '5', '2']));
    expect(layout.nodes.map((n) => n.id)).toEqual(['0', '1', '2']);
    const at = byId(layout);
    expect(at.get('1')).toMatchObject({ hasChildren: true, collapsed: true, hiddenCount: 3 });
    // Collapsing a leaf hides nothing, so it does not count as collapsed.
    expect(at.get('2')).toMatchObject({ hasChildren: false, collapsed: false, hiddenCount: 0 });
    expect(at.get('0')).toMatchObject({ hasChildren: true, collapsed: false, hiddenCount: 0 });
    expect(layout.edges.map((e) => [e.from, e.to])).toEqual([
      ['0', '1'],
      ['0', '2'],
    ]);
  });

  it('puts siblings left to right in the given order', () => {
    const metrics = [
      metric('root', null),
      metric('c', 'root', { order: 'a2' }),
      metric('a', 'root', { order: 'a0' }),
      metric('b', 'root', { order: 'a1' }),
    ];
    const layout = layoutTree(buildTree(metrics).roots, new Set(), { nodeWidth: 100, hGap: 20 });
    const at = byId(layout);
    expect(['a', 'b', 'c'].map((id) => at.get(id)?.x)).toEqual([0, 120, 240]);
    expect(at.get('root')?.x).toBe(120);
  });

  it('puts multiple roots side by side in order', () => {
    const roots = treeFromParents([null, null, 0, 2]);
    expect(roots.map((r) => r.metric.id)).toEqual(['0', '1', '2']);
    const layout = layoutTree(roots, new Set(), { nodeWidth: 100, hGap: 20 });
    const at = byId(layout);
    const xs = ['0', '1', '2'].map((id) => at.get(id)?.x ?? NaN);
    expect(xs[1]).toBeGreaterThanOrEqual((xs[0] ?? NaN) + 120);
    expect(xs[2]).toBeGreaterThanOrEqual((xs[1] ?? NaN) + 120);
    expect(layout.nodes.every((n) => n.depth === (n.id === '3' || n.id === '4' ? 1 : 0))).toBe(
      true,
    );
  });

  it('tucks a small subtree under its wide neighbour instead of giving it its own columns', () => {
    // Leaf 1 next to 2, which has four children: 2's children may pass under 1.
    const roots = treeFromParents([0, 0, 2, 2, 2, 2]);
    const layout = layoutTree(roots, new Set(), { nodeWidth: 100, hGap: 20 });
    expectNoOverlap(layout);
    expect(layout.width).toBeLessThan(5 * 120 - 20);
  });

  it('draws each edge from the parent bottom centre to the child top centre', () => {
    const layout = layoutTree(randomTree(30, 3), new Set());
    const at = byId(layout);
    for (const e of layout.edges) {
      const from = at.get(e.from) as LaidOutNode;
      const to = at.get(e.to) as LaidOutNode;
      expect(e.d.startsWith(`M${centre(from)},${from.y + from.height} `)).toBe(true);
      expect(e.d.endsWith(` L${centre(to)},${to.y}`)).toBe(true);
    }
  });

  it('lays out a very deep chain without overflowing the stack', () => {
    // Built by hand: deeper than a recursive walk could go.
    const root: TreeNode = { metric: metric('0', null), depth: 0, children: [] };
    let tip = root;
    for (let i = 1; i < 20_000; i++) {
      const next: TreeNode = { metric: metric(String(i), tip.metric.id), depth: i, children: [] };
      tip.children.push(next);
      tip = next;
    }
    const layout = layoutTree([root], new Set());
    expect(layout.nodes).toHaveLength(20_000);
    expect(new Set(layout.nodes.map((n) => n.x))).toEqual(new Set([0]));
    expect(layoutTree([root], new Set(['0'])).nodes[0]?.hiddenCount).toBe(19_999);
  });
});

describe('wrapText', () => {
  it('keeps short text on one line', () => {
    expect(wrapText('Weekly active teams', 25, 3)).toEqual(['Weekly active teams']);
  });

  it('breaks at spaces and collapses whitespace', () => {
    expect(wrapText('  alpha beta\n\tgamma   delta ', 11, 3)).toEqual([
      'alpha beta',
      'gamma delta',
    ]);
  });

  it('hard-breaks words longer than a line', () => {
    expect(wrapText('abcdefghij xy', 4, 5)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
    expect(wrapText('abcdefghij x', 4, 5)).toEqual(['abcd', 'efgh', 'ij x']);
  });

  it('truncates with an ellipsis after the last line', () => {
    const lines = wrapText('x'.repeat(200), 25, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`${'x'.repeat(24)}…`);
    expect(wrapText('one two three four', 9, 1)).toEqual(['one two…']);
    expect(wrapText('one two three', 7, 2)).toEqual(['one two', 'three']);
  });

  it('treats markup as plain characters and never splits a surrogate pair', () => {
    expect(wrapText('<script>alert(1)</script>', 10, 3)).toEqual([
      '<script>al',
      'ert(1)</sc',
      'ript>',
    ]);
    expect(wrapText('🌟🌟🌟', 2, 2)).toEqual(['🌟🌟', '🌟']);
  });

  it('returns nothing for empty text', () => {
    expect(wrapText('   ', 10, 3)).toEqual([]);
  });
});
