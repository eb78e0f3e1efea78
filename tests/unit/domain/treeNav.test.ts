import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/domain/tree';
import { ancestorsOf, arrowTarget, isArrowKey, placesOf } from '../../../src/domain/treeNav';
import type { TreeNode } from '../../../src/domain/types';
import { metric } from '../factories';

//  a ─┬─ b ─┬─ d
//     │     └─ e
//     └─ c
//  r (a second root)
const roots = buildTree([
  metric('a', { order: 'a0' }),
  metric('r', { order: 'a1' }),
  metric('b', { parentId: 'a', order: 'a0' }),
  metric('c', { parentId: 'a', order: 'a1' }),
  metric('d', { parentId: 'b', order: 'a0' }),
  metric('e', { parentId: 'b', order: 'a1' }),
]).roots;
const places = placesOf(roots);
const side = { stacked: false, collapsed: false };
const stacked = { stacked: true, collapsed: false };

function place(id: string) {
  const p = places.get(id);
  if (!p) throw new Error(`no place for ${id}`);
  return p;
}

describe('placesOf', () => {
  it('gives every node its parent and neighbouring siblings', () => {
    const summary = [...places].map(([id, p]) => [id, p.parent, p.prev, p.next]);
    expect(summary.sort()).toEqual([
      ['a', null, null, 'r'],
      ['b', 'a', null, 'c'],
      ['c', 'a', 'b', null],
      ['d', 'b', null, 'e'],
      ['e', 'b', 'd', null],
      ['r', null, 'a', null],
    ]);
    expect(place('b').node.metric.id).toBe('b');
  });

  it('handles an empty tree and a very deep chain', () => {
    expect(placesOf([]).size).toBe(0);
    const root: TreeNode = { metric: metric('0'), depth: 0, children: [] };
    let tip = root;
    for (let i = 1; i < 20_000; i++) {
      const next: TreeNode = { metric: metric(String(i)), depth: i, children: [] };
      tip.children.push(next);
      tip = next;
    }
    const deep = placesOf([root]);
    expect(deep.size).toBe(20_000);
    expect(deep.get('19999')?.parent).toBe('19998');
    expect(ancestorsOf(deep, '19999')).toHaveLength(19_999);
  });
});

describe('ancestorsOf', () => {
  it('lists ancestors nearest first, and none for a root or an unknown id', () => {
    expect(ancestorsOf(places, 'e')).toEqual(['b', 'a']);
    expect(ancestorsOf(places, 'a')).toEqual([]);
    expect(ancestorsOf(places, 'nope')).toEqual([]);
  });
});

describe('arrowTarget', () => {
  it('moves like the side-by-side drawing: up to the parent, down to the first child, across to siblings', () => {
    expect(arrowTarget(place('b'), 'ArrowUp', side)).toBe('a');
    expect(arrowTarget(place('b'), 'ArrowDown', side)).toBe('d');
    expect(arrowTarget(place('b'), 'ArrowLeft', side)).toBeNull();
    expect(arrowTarget(place('b'), 'ArrowRight', side)).toBe('c');
    expect(arrowTarget(place('c'), 'ArrowLeft', side)).toBe('b');
    expect(arrowTarget(place('a'), 'ArrowUp', side)).toBeNull();
    expect(arrowTarget(place('a'), 'ArrowRight', side)).toBe('r');
    expect(arrowTarget(place('c'), 'ArrowDown', side)).toBeNull();
  });

  it('does not go down into hidden children', () => {
    expect(arrowTarget(place('b'), 'ArrowDown', { stacked: false, collapsed: true })).toBeNull();
  });

  it('moves along a stacked column: up and down between cards, up from the top or left to the parent', () => {
    expect(arrowTarget(place('d'), 'ArrowUp', stacked)).toBe('b');
    expect(arrowTarget(place('d'), 'ArrowDown', stacked)).toBe('e');
    expect(arrowTarget(place('e'), 'ArrowUp', stacked)).toBe('d');
    expect(arrowTarget(place('e'), 'ArrowDown', stacked)).toBeNull();
    expect(arrowTarget(place('e'), 'ArrowLeft', stacked)).toBe('b');
    expect(arrowTarget(place('d'), 'ArrowRight', stacked)).toBeNull();
  });

  it('recognises the arrow keys', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].every(isArrowKey)).toBe(true);
    expect(isArrowKey('Enter')).toBe(false);
  });
});
