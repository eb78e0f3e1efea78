import { describe, expect, it } from 'vitest';
import { firstLines } from '../../../src/domain/firstLines';

describe('firstLines', () => {
  const groups = [
    { key: 'a', lines: [1, 2, 3] },
    { key: 'b', lines: [4, 5, 6, 7] },
    { key: 'c', lines: [8] },
  ];
  const linesOf = (g: (typeof groups)[number]) => g.lines;

  it('keeps the first lines in order, shortening the group the limit falls in', () => {
    const { shown, hidden } = firstLines(groups, linesOf, 5);
    expect(shown.map((s) => [s.group.key, [...s.lines]])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [4, 5]],
    ]);
    expect(hidden).toBe(3);
  });

  it('keeps everything when the groups hold no more than the limit', () => {
    const { shown, hidden } = firstLines(groups, linesOf, 8);
    expect(shown.map((s) => s.lines)).toEqual([[1, 2, 3], [4, 5, 6, 7], [8]]);
    // The lines of a group kept whole are its own array (nothing copied for a small tree).
    expect(shown[1]?.lines).toBe(groups[1]?.lines);
    expect(hidden).toBe(0);
  });

  it('stops at a group boundary exactly', () => {
    const { shown, hidden } = firstLines(groups, linesOf, 3);
    expect(shown.map((s) => s.group.key)).toEqual(['a']);
    expect(hidden).toBe(5);
  });
});
