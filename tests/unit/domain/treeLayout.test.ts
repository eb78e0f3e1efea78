import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTree } from '../../../src/domain/tree';
import {
  DEFAULT_LAYOUT_OPTIONS,
  layoutTree,
  wrapText,
  type LaidOutNode,
  type LayoutOptions,
  type TreeLayout,
} from '../../../src/domain/treeLayout';
import type { Metric, TreeNode } from '../../../src/domain/types';
import { metric as baseMetric } from '../factories';

/** A metric under `parentId`; `order` defaults to a key that sorts siblings by creation. */
function metric(id: string, parentId: string | null, fields: Partial<Metric> = {}): Metric {
  return baseMetric(id, {
    kind: parentId === null ? 'north-star' : 'input',
    name: `Metric ${id}`,
    ownerId: null,
    parentId,
    order: `a${id.padStart(4, '0')}`,
    ...fields,
  });
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

/** Tidy-tree placement only: never stack. */
const NO_STACK = { stackMin: Infinity };

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

/** Visible children of a visible node (none when it is collapsed). */
function shown(n: TreeNode, collapsed: ReadonlySet<string>): readonly TreeNode[] {
  return collapsed.has(n.metric.id) ? [] : n.children;
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

/** The straight pieces of an edge path ("M x,y L x,y …"). */
function segments(d: string): [number, number, number, number][] {
  const points = d
    .slice(1)
    .split(' L')
    .map((p) => p.split(',').map(Number) as [number, number]);
  return points.slice(1).map((p, i) => [...(points[i] as [number, number]), ...p]);
}

/** No edge passes through the inside of any card (edges are horizontal and vertical pieces). */
function expectEdgesClearOfCards(layout: TreeLayout): void {
  for (const e of layout.edges) {
    for (const [x1, y1, x2, y2] of segments(e.d)) {
      expect(x1 === x2 || y1 === y2).toBe(true);
      for (const n of layout.nodes) {
        const crosses =
          Math.max(x1, x2) > n.x &&
          Math.min(x1, x2) < n.x + n.width &&
          Math.max(y1, y2) > n.y &&
          Math.min(y1, y2) < n.y + n.height;
        if (crosses) expect.fail(`edge ${e.from}→${e.to} runs through ${n.id}`);
      }
    }
  }
}

/** Every visible parent whose children are side by side is centred over their span. */
function expectParentsCentred(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  layout: TreeLayout,
): void {
  const at = byId(layout);
  for (const n of visible(roots, collapsed)) {
    const kids = shown(n, collapsed);
    const first = at.get(kids[0]?.metric.id ?? '');
    const last = at.get(kids[kids.length - 1]?.metric.id ?? '');
    const parent = at.get(n.metric.id);
    if (kids.length === 0 || first?.stacked) continue;
    if (!first || !last || !parent) expect.fail(`missing node around ${n.metric.id}`);
    expect(centre(parent)).toBeCloseTo((centre(first) + centre(last)) / 2, 6);
  }
}

/**
 * Roots and side-by-side siblings run strictly left to right in their given order; stacked ones
 * strictly top to bottom, one card and `stackGap` apart, left-aligned `stackIndent` right of
 * their parent, the first one a level below it.
 */
function expectSiblingsInOrder(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  layout: TreeLayout,
  opt: Partial<LayoutOptions> = {},
): void {
  const { nodeHeight, vGap, stackGap, stackIndent } = { ...DEFAULT_LAYOUT_OPTIONS, ...opt };
  const at = byId(layout);
  const check = (siblings: readonly TreeNode[], parent?: LaidOutNode): void => {
    const boxes = siblings.map((s) => at.get(s.metric.id) as LaidOutNode);
    const stacked = boxes[0]?.stacked ?? false;
    boxes.forEach((b, i) => {
      expect(b.stacked).toBe(stacked);
      const prev = boxes[i - 1];
      if (!stacked) {
        if (prev) expect(b.x).toBeGreaterThan(prev.x);
        return;
      }
      expect(b.x).toBe((parent?.x ?? NaN) + stackIndent);
      const top = prev ? prev.y + nodeHeight + stackGap : (parent?.y ?? NaN) + nodeHeight + vGap;
      expect(b.y).toBeCloseTo(top, 6);
    });
  };
  check(roots);
  for (const n of visible(roots, collapsed)) check(shown(n, collapsed), at.get(n.metric.id));
}

/** Whether the layout stacked each visible node's children as it should have. */
function expectStackedWhenAllLeaves(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  layout: TreeLayout,
  stackMin: number,
): void {
  const at = byId(layout);
  for (const n of visible(roots, collapsed)) {
    const kids = shown(n, collapsed);
    const leaves = kids.every((k) => shown(k, collapsed).length === 0);
    for (const k of kids) {
      expect(at.get(k.metric.id)?.stacked).toBe(leaves && kids.length >= stackMin);
    }
  }
}

/** The 60-metric shape: a North Star, 8 inputs, 51 leaf metrics spread over the inputs. */
function sixtyMetrics(name: (id: string) => string = (id) => `Metric ${id}`): TreeNode[] {
  const metrics = [metric('ns', null, { name: name('ns') })];
  for (let i = 0; i < 8; i++) metrics.push(metric(`in${i}`, 'ns', { name: name(`in${i}`) }));
  for (let j = 0; j < 51; j++) {
    metrics.push(metric(`leaf${j}`, `in${j % 8}`, { name: name(`leaf${j}`) }));
  }
  return buildTree(metrics).roots;
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
        stacked: false,
        hasChildren: false,
        collapsed: false,
        hiddenCount: 0,
      },
    ]);
    expect(layout.width).toBe(DEFAULT_LAYOUT_OPTIONS.nodeWidth);
    expect(layout.height).toBe(DEFAULT_LAYOUT_OPTIONS.nodeHeight);
  });

  it.each([
    ['tidy', NO_STACK],
    ['stacking leaves', {}],
  ])(
    'lays out a random tree of 200 nodes (%s) with no overlaps, centred parents and ordered siblings',
    (_, opt: Partial<LayoutOptions>) => {
      const roots = randomTree(200, 42);
      const none = new Set<string>();
      const layout = layoutTree(roots, none, opt);
      expect(layout.nodes).toHaveLength(200);
      expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(200);
      expect(layout.edges).toHaveLength(200 - roots.length);
      expectNoOverlap(layout);
      expectEdgesClearOfCards(layout);
      expectParentsCentred(roots, none, layout);
      expectSiblingsInOrder(roots, none, layout, opt);
      expectStackedWhenAllLeaves(roots, none, layout, opt.stackMin ?? 3);
      expect(Math.min(...layout.nodes.map((n) => n.x))).toBe(0);
      expect(layout.width).toBe(Math.max(...layout.nodes.map((n) => n.x + n.width)));
      expect(layout.height).toBe(Math.max(...layout.nodes.map((n) => n.y + n.height)));
    },
  );

  it('keeps its invariants on any tree shape and sizes with any nodes collapsed', () => {
    const shape = fc
      .array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 60 })
      .map((specs) => ({
        parents: specs.map(([p, isRoot], i) => (isRoot && p % 5 === 0 ? null : p % (i + 1))),
        collapsed: new Set(specs.flatMap(([, , c], i) => (c ? [String(i + 1)] : []))),
      }));
    const sizes = fc.record({
      hGap: fc.integer({ min: 0, max: 40 }),
      vGap: fc.integer({ min: 2, max: 60 }),
      nodeHeight: fc.integer({ min: 10, max: 100 }),
      stackMin: fc.constantFrom(1, 2, 3, 5, Infinity),
      stackIndent: fc.integer({ min: 0, max: 40 }),
      stackGap: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(shape, sizes, ({ parents, collapsed }, sized) => {
        const opt = { ...sized, nodeWidth: 50, stackRoots: true };
        const roots = treeFromParents(parents);
        const layout = layoutTree(roots, collapsed, opt);
        expect(layout.nodes.map((n) => n.id)).toEqual(
          visible(roots, collapsed).map((n) => n.metric.id),
        );
        expectNoOverlap(layout);
        expectEdgesClearOfCards(layout);
        expectParentsCentred(roots, collapsed, layout);
        expectSiblingsInOrder(roots, collapsed, layout, opt);
        expectStackedWhenAllLeaves(roots, collapsed, layout, opt.stackMin);
      }),
      { numRuns: 300 },
    );
  });

  it('maps depth to y, strictly increasing and the same for a whole level', () => {
    const opts = { nodeHeight: 40, vGap: 30, ...NO_STACK };
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
    const opt = { nodeWidth: 100, hGap: 20, ...NO_STACK };
    const layout = layoutTree(buildTree(metrics).roots, new Set(), opt);
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
    const layout = layoutTree(roots, new Set(), { nodeWidth: 100, hGap: 20, ...NO_STACK });
    expectNoOverlap(layout);
    expect(layout.width).toBeLessThan(5 * 120 - 20);
  });

  it('draws each side-by-side edge from the parent bottom centre to the child top centre', () => {
    const layout = layoutTree(randomTree(30, 3), new Set(), NO_STACK);
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

describe('layoutTree, stacking leaf children', () => {
  const opt = { ...DEFAULT_LAYOUT_OPTIONS, stackRoots: true };

  it('stacks three or more leaf children in one column, in sibling order, under the parent', () => {
    // 0 ── 1 ─┬─ 2, 3, 4, 5 (leaves, ordered c, a, d, b)
    const metrics = [
      metric('0', null),
      metric('1', '0'),
      metric('2', '1', { order: 'c' }),
      metric('3', '1', { order: 'a' }),
      metric('4', '1', { order: 'd' }),
      metric('5', '1', { order: 'b' }),
    ];
    const roots = buildTree(metrics).roots;
    const layout = layoutTree(roots, new Set(), opt);
    const at = byId(layout);
    const parent = at.get('1') as LaidOutNode;
    const column = ['3', '5', '2', '4'].map((id) => at.get(id) as LaidOutNode);
    expect(layout.nodes.map((n) => n.id)).toEqual(['0', '1', '3', '5', '2', '4']);
    column.forEach((card, i) => {
      expect(card).toMatchObject({ stacked: true, depth: 2, x: parent.x + opt.stackIndent });
      expect(card.y).toBe(parent.y + opt.nodeHeight + opt.vGap + i * (opt.nodeHeight + 12));
    });
    expect(at.get('1')?.stacked).toBe(false);
    expectNoOverlap(layout);
    expect(layout.width).toBe(opt.nodeWidth + opt.stackIndent);
    expect(layout.height).toBe((column[3]?.y ?? NaN) + opt.nodeHeight);
  });

  it('draws a rail: each edge starts on the parent and ends in the middle of its card’s left edge', () => {
    const layout = layoutTree(treeFromParents([0, 0, 0, 0]), new Set(), opt);
    const at = byId(layout);
    const parent = at.get('0') as LaidOutNode;
    const railX = parent.x + opt.stackIndent / 2;
    expect(layout.edges.map((e) => e.to)).toEqual(['1', '2', '3', '4']);
    for (const e of layout.edges) {
      const card = at.get(e.to) as LaidOutNode;
      const mid = card.y + card.height / 2;
      expect(e.from).toBe('0');
      expect(e.d).toBe(`M${railX},${parent.y + parent.height} L${railX},${mid} L${card.x},${mid}`);
      expect(railX).toBeGreaterThan(parent.x);
      expect(railX).toBeLessThan(card.x);
    }
    expectEdgesClearOfCards(layout);
  });

  it('keeps fewer than three leaves, or children with children, side by side', () => {
    const two = byId(layoutTree(treeFromParents([0, 0]), new Set(), opt));
    expect(two.get('1')?.stacked).toBe(false);
    expect(two.get('1')?.y).toBe(two.get('2')?.y);
    // 0 ── 1, 2, 3, and 3 has a child: none of 1, 2, 3 is stacked, but 3's child is alone.
    const mixed = byId(layoutTree(treeFromParents([0, 0, 0, 3]), new Set(), opt));
    expect(['1', '2', '3', '4'].map((id) => mixed.get(id)?.stacked)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts a collapsed child as a leaf, and restacks when it is expanded', () => {
    const roots = treeFromParents([0, 0, 0, 3, 3]);
    const folded = byId(layoutTree(roots, new Set(['3']), opt));
    expect(['1', '2', '3'].map((id) => folded.get(id)?.stacked)).toEqual([true, true, true]);
    expect(folded.get('3')).toMatchObject({ collapsed: true, hiddenCount: 2 });
    const open = byId(layoutTree(roots, new Set(), opt));
    expect(['1', '2', '3', '4', '5'].map((id) => open.get(id)?.stacked)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps a long column clear of a neighbour’s deeper levels and their edges', () => {
    // 0 ─┬─ 1 ── 2..9 (8 leaves, a tall column)
    //    └─ 10 ── 11 ── 12 ── 13 ─┬─ 14, 15 (side by side, deep under the column's bands)
    const roots = treeFromParents([0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 10, 11, 12, 13, 13]);
    const layout = layoutTree(roots, new Set(), opt);
    expectNoOverlap(layout);
    expectEdgesClearOfCards(layout);
    const at = byId(layout);
    const column = at.get('9') as LaidOutNode;
    const deep = at.get('14') as LaidOutNode;
    expect(deep.y).toBeLessThan(column.y + column.height);
    expect(deep.x).toBeGreaterThanOrEqual(column.x + column.width + opt.hGap);
  });

  it('fits the 60-metric tree (North Star, 8 inputs, 51 leaves) in 1280 × 720 at zoom 0.45', () => {
    const roots = sixtyMetrics();
    const layout = layoutTree(roots, new Set(), opt);
    expect(layout.nodes).toHaveLength(60);
    expectNoOverlap(layout);
    expectEdgesClearOfCards(layout);
    // Measured: 1992 × 1048, so it fits at zoom 0.62 with the diagram's 24px margin.
    expect({ width: layout.width, height: layout.height }).toEqual({ width: 1992, height: 1048 });
    const margin = 24;
    const zoom = Math.min((1280 - 2 * margin) / layout.width, (720 - 2 * margin) / layout.height);
    expect(zoom).toBeGreaterThanOrEqual(0.45);
    // Side by side it was about 12,000px wide.
    expect(layoutTree(roots, new Set(), NO_STACK).width).toBeGreaterThan(10_000);
  });

  it('does not depend on names: 200-character names lay out the same', () => {
    const long = (id: string): string =>
      `${id} ${'a very long metric name '.repeat(9)}`.slice(0, 200);
    expect(layoutTree(sixtyMetrics(long), new Set(), opt)).toEqual(
      layoutTree(sixtyMetrics(), new Set(), opt),
    );
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

describe('layoutTree, the North Star picture', () => {
  it('keeps a root’s own inputs side by side by default, stacking only deeper leaves', () => {
    const roots = treeFromParents([0, 0, 0, 1, 1, 1]);
    const at = byId(layoutTree(roots, new Set()));
    expect(['1', '2', '3'].map((id) => at.get(id)?.stacked)).toEqual([false, false, false]);
    expect(['4', '5', '6'].map((id) => at.get(id)?.stacked)).toEqual([true, true, true]);
  });
});
