import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/domain/tree';
import { outlineMove } from '../../../src/domain/treeMoves';
import { metric } from '../factories';

const tree = buildTree([
  metric('r'),
  metric('a', { parentId: 'r', order: 'a0' }),
  metric('b', { parentId: 'r', order: 'a1' }),
  metric('c', { parentId: 'r', order: 'a2' }),
  metric('b1', { parentId: 'b' }),
]);

describe('outlineMove', () => {
  it('moves up before the previous sibling and refuses at the top', () => {
    expect(outlineMove(tree, 'b', 'up')).toEqual({ parentId: 'r', beforeId: 'a', expand: null });
    expect(outlineMove(tree, 'a', 'up')).toBeNull();
  });
  it('moves down after the next sibling and refuses at the bottom', () => {
    expect(outlineMove(tree, 'a', 'down')).toEqual({ parentId: 'r', beforeId: 'c', expand: null });
    expect(outlineMove(tree, 'b', 'down')).toEqual({ parentId: 'r', beforeId: null, expand: null });
    expect(outlineMove(tree, 'c', 'down')).toBeNull();
  });
  it('indents under the previous sibling', () => {
    expect(outlineMove(tree, 'c', 'indent')).toEqual({
      parentId: 'b',
      beforeId: null,
      expand: 'b',
    });
    expect(outlineMove(tree, 'a', 'indent')).toBeNull();
  });
  it('outdents to just after the parent', () => {
    expect(outlineMove(tree, 'b1', 'outdent')).toEqual({
      parentId: 'r',
      beforeId: 'c',
      expand: null,
    });
    expect(outlineMove(tree, 'r', 'outdent')).toBeNull();
  });
});
