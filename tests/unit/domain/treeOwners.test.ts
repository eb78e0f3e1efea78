import { describe, expect, test } from 'vitest';
import { buildTree, visibleRows } from '../../../src/domain/tree';
import { ownerless, parseTeamNames, wantsOwner } from '../../../src/domain/treeOwners';
import { metric } from '../factories';

describe('wantsOwner / ownerless', () => {
  test('active North Stars and inputs want an owner; counters, OMTMs and retired ones do not', () => {
    expect(wantsOwner(metric('n', { kind: 'north-star' }))).toBe(true);
    expect(wantsOwner(metric('i'))).toBe(true);
    expect(wantsOwner(metric('c', { kind: 'counter' }))).toBe(false);
    expect(wantsOwner(metric('o', { kind: 'omtm' }))).toBe(false);
    expect(wantsOwner(metric('r', { status: 'retired' }))).toBe(false);
  });

  test('lists the ownerless ones in tree order, North Star first', () => {
    // ns ─┬ b (owned)        → the North Star, then c, then d under c
    //     ├ c ── d
    //     └ x (counter)
    const tree = buildTree([
      metric('d', { parentId: 'c', ownerId: null }),
      metric('x', { parentId: 'ns', kind: 'counter', ownerId: null, order: 'a3' }),
      metric('c', { parentId: 'ns', ownerId: null, order: 'a2' }),
      metric('b', { parentId: 'ns', order: 'a1' }),
      metric('ns', { kind: 'north-star', ownerId: null }),
    ]);
    expect(ownerless(visibleRows(tree, new Set())).map((m) => m.id)).toEqual(['ns', 'c', 'd']);
  });
});

describe('parseTeamNames', () => {
  test('commas, semicolons, new lines and a last "and" separate names', () => {
    expect(parseTeamNames('Ana, Ben; Cyd\nDee and Eli')).toEqual({
      names: ['Ana', 'Ben', 'Cyd', 'Dee', 'Eli'],
      error: null,
    });
  });

  test('a name inside a word is not split ("Sandra" holds "and")', () => {
    expect(parseTeamNames('Sandra, Andy')).toEqual({ names: ['Sandra', 'Andy'], error: null });
  });

  test('blanks are dropped; repeats and people already there (any case) are left out', () => {
    expect(parseTeamNames(' ana ,, Ben, ANA, ben ', ['Ben'])).toEqual({
      names: ['ana'],
      error: null,
    });
  });

  test('nothing to add is said in words', () => {
    expect(parseTeamNames('  ')).toEqual({
      names: [],
      error: 'Type at least one name, e.g. Ana, Ben, Cyd.',
    });
    expect(parseTeamNames('Ben', ['ben'])).toEqual({
      names: [],
      error: 'Everyone named is already on the team.',
    });
  });

  test('a name over the limit is refused', () => {
    expect(parseTeamNames(`Ana, ${'x'.repeat(301)}`).error).toBe(
      'Keep each name under 300 characters.',
    );
  });
});
