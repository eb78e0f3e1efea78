import { describe, expect, it } from 'vitest';
import {
  buildTree,
  isAncestorOrSelf,
  subtreeIds,
  treeDepth,
  visibleRows,
} from '../../../src/domain/tree';
import { metric } from '../factories';

const ids = (nodes: { metric: { id: string } }[]): string[] => nodes.map((n) => n.metric.id);

describe('buildTree', () => {
  it('orders siblings by order key, then id', () => {
    const tree = buildTree([
      metric('root', { kind: 'north-star' }),
      metric('c', { parentId: 'root', order: 'a1' }),
      metric('b', { parentId: 'root', order: 'a0' }),
      metric('a', { parentId: 'root', order: 'a1' }),
    ]);
    expect(ids(tree.roots)).toEqual(['root']);
    expect(ids(tree.roots[0]!.children)).toEqual(['b', 'a', 'c']);
    expect(tree.repairs).toEqual([]);
  });

  it('lifts children of a deleted node to its nearest live ancestor', () => {
    const tree = buildTree([
      metric('root'),
      metric('gone', { parentId: 'root', deletedAt: 5 }),
      metric('gone2', { parentId: 'gone', deletedAt: 5 }),
      metric('kid', { parentId: 'gone2' }),
    ]);
    expect(tree.parentOf.get('kid')).toBe('root');
    expect(tree.byId.has('gone')).toBe(false);
    expect(tree.repairs).toEqual([
      { metricId: 'kid', reason: 'deleted-parent', placedUnder: 'root' },
    ]);
  });

  it('puts a node whose parent does not exist at the top level', () => {
    const tree = buildTree([metric('root'), metric('kid', { parentId: 'nowhere' })]);
    expect(ids(tree.roots)).toEqual(['kid', 'root'].sort());
    expect(tree.repairs[0]).toMatchObject({ metricId: 'kid', reason: 'orphan', placedUnder: null });
  });

  it('breaks a two-node cycle by reverting the later move to its previous parent', () => {
    // a was moved under b at t=1, b under a at t=2 (concurrently): b's move loses.
    const tree = buildTree([
      metric('root'),
      metric('a', { parentId: 'b', prevParentId: 'root', movedAt: 1 }),
      metric('b', { parentId: 'a', prevParentId: 'root', movedAt: 2 }),
    ]);
    expect(tree.parentOf.get('b')).toBe('root');
    expect(tree.parentOf.get('a')).toBe('b');
    expect(tree.repairs).toEqual([{ metricId: 'b', reason: 'cycle', placedUnder: 'root' }]);
    expect(tree.byId.size).toBe(3);
  });

  it('sends the loser to the top when going back would close another cycle', () => {
    const tree = buildTree([
      metric('a', { parentId: 'b', prevParentId: null, movedAt: 1 }),
      metric('b', { parentId: 'a', prevParentId: 'a', movedAt: 2 }),
    ]);
    expect(tree.parentOf.get('b')).toBeNull();
    expect(ids(tree.roots)).toEqual(['b']);
    expect(ids(tree.roots[0]!.children)).toEqual(['a']);
  });

  it('handles a self-parent and long cycles without losing nodes', () => {
    const chain = Array.from({ length: 50 }, (_, i) =>
      metric(`n${String(i).padStart(2, '0')}`, {
        parentId: `n${String((i + 1) % 50).padStart(2, '0')}`,
        movedAt: i,
      }),
    );
    const tree = buildTree([...chain, metric('self', { parentId: 'self' })]);
    expect(tree.byId.size).toBe(51);
    expect(tree.repairs.filter((r) => r.reason === 'cycle')).toHaveLength(1);
    expect(treeDepth(tree)).toBe(50);
  });

  it('gives the same tree whatever the input order', () => {
    const ms = [
      metric('r'),
      metric('x', { parentId: 'y', movedAt: 3, prevParentId: 'r' }),
      metric('y', { parentId: 'x', movedAt: 3, prevParentId: 'r' }),
      metric('z', { parentId: 'x' }),
    ];
    const a = buildTree(ms);
    const b = buildTree([...ms].reverse());
    expect([...a.parentOf.entries()].sort()).toEqual([...b.parentOf.entries()].sort());
  });
});

describe('tree helpers', () => {
  const tree = buildTree([
    metric('r'),
    metric('a', { parentId: 'r', order: 'a0' }),
    metric('b', { parentId: 'r', order: 'a1' }),
    metric('a1', { parentId: 'a' }),
  ]);

  it('lists a subtree in display order', () => {
    expect(subtreeIds(tree.byId.get('r')!)).toEqual(['r', 'a', 'a1', 'b']);
  });

  it('knows ancestors', () => {
    expect(isAncestorOrSelf(tree, 'r', 'a1')).toBe(true);
    expect(isAncestorOrSelf(tree, 'b', 'a1')).toBe(false);
    expect(isAncestorOrSelf(tree, 'a1', 'a1')).toBe(true);
  });

  it('hides the children of collapsed rows', () => {
    expect(ids(visibleRows(tree, new Set(['a'])))).toEqual(['r', 'a', 'b']);
    expect(ids(visibleRows(tree, new Set()))).toEqual(['r', 'a', 'a1', 'b']);
  });
});

describe('hostile shapes', () => {
  it('reads a chain 20,000 deep without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      metric(`n${i}`, { parentId: i === 0 ? null : `n${i - 1}` }),
    );
    const tree = buildTree(chain);
    expect(treeDepth(tree)).toBe(20_000);
    expect(visibleRows(tree, new Set())).toHaveLength(20_000);
    expect(subtreeIds(tree.roots[0]!)).toHaveLength(20_000);
  });
});
