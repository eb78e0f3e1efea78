import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/domain/tree';
import { checkTreeHealth, nameSkeleton, type HealthCode } from '../../../src/domain/health';
import { metric } from '../factories';
import type { Metric } from '../../../src/domain/types';

const codes = (ms: Metric[]): HealthCode[] => checkTreeHealth(buildTree(ms)).map((w) => w.code);

const healthy = (): Metric[] => [
  metric('nsm', { kind: 'north-star', name: 'Weekly active teams' }),
  metric('i1', { parentId: 'nsm' }),
  metric('g', { parentId: 'nsm', kind: 'counter' }),
];

describe('checkTreeHealth', () => {
  it('finds nothing wrong with a healthy tree', () => {
    expect(codes(healthy())).toEqual([]);
  });
  it('asks for a North Star when there is none', () => {
    expect(codes([])).toEqual(['no-nsm']);
    const retired = healthy().map((m) =>
      m.id === 'nsm' ? { ...m, status: 'retired' as const } : m,
    );
    expect(codes(retired)).toContain('no-nsm');
  });
  it('flags revenue and vanity North Stars', () => {
    const rev = healthy().map((m) =>
      m.id === 'nsm' ? { ...m, name: 'Monthly recurring revenue (MRR)' } : m,
    );
    expect(codes(rev)).toEqual(['nsm-revenue']);
    const vanity = healthy().map((m) => (m.id === 'nsm' ? { ...m, name: 'Twitter followers' } : m));
    expect(codes(vanity)).toEqual(['nsm-vanity']);
  });
  it('flags a North Star without inputs and a tree without counter-metric', () => {
    expect(codes([metric('nsm', { kind: 'north-star' })])).toEqual(['nsm-no-inputs', 'no-counter']);
  });
  it('flags inputs missing owner, definition or cadence, but not retired ones', () => {
    const ms = [
      ...healthy(),
      metric('bare', { parentId: 'nsm', ownerId: null, definition: '  ', cadence: null }),
      metric('old', { parentId: 'nsm', ownerId: null, status: 'retired' }),
    ];
    expect(codes(ms)).toEqual(['no-owner', 'no-definition', 'no-cadence']);
    const w = checkTreeHealth(buildTree(ms)).find((x) => x.code === 'no-owner');
    expect(w?.fix).toEqual({ kind: 'edit', metricId: 'bare', field: 'ownerId' });
    expect(w?.why.length).toBeGreaterThan(20);
  });
  it('flags a North Star without an owner, and lists warnings in tree order', () => {
    const ms = [
      metric('nsm', { kind: 'north-star', name: 'Weekly active teams', ownerId: null }),
      metric('b', { parentId: 'nsm', name: 'Second', order: 'a1', ownerId: null }),
      metric('a', { parentId: 'nsm', name: 'First', order: 'a0', ownerId: null }),
      metric('g', { parentId: 'nsm', kind: 'counter', order: 'a2' }),
    ];
    const w = checkTreeHealth(buildTree(ms)).filter((x) => x.code === 'no-owner');
    expect(w.map((x) => [x.metricId, x.message])).toEqual([
      ['nsm', 'The North Star “Weekly active teams” has no owner.'],
      ['a', '“First” has no owner.'],
      ['b', '“Second” has no owner.'],
    ]);
  });
  it('flags names that look the same: an invisible character, full-width letters, the same name twice', () => {
    const ms = [
      ...healthy(),
      metric('zw', { parentId: 'nsm', name: 'Weekly\u200b active teams', order: 'a5' }),
      metric('fw', { parentId: 'i1', name: 'ｉ１', order: 'a0' }),
      metric('i1b', { parentId: 'nsm', name: 'i1', order: 'a6' }),
    ];
    const w = checkTreeHealth(buildTree(ms)).filter((x) => x.code === 'look-alike');
    expect(w.map((x) => [x.metricId, x.message])).toEqual([
      ['fw', '“ｉ１” looks the same as “i1” but is written differently.'],
      [
        'zw',
        '“Weekly\u200b active teams” looks the same as “Weekly active teams” but is written differently.',
      ],
      ['i1b', '“i1” has the same name as another metric.'],
    ]);
    expect(nameSkeleton('  Weekly\u00ad  Active\u2060 Teams ')).toBe('weekly active teams');
  });
  it('flags more than 7 children and more than 5 levels', () => {
    const wide = [
      ...healthy(),
      ...Array.from({ length: 6 }, (_, i) => metric(`w${i}`, { parentId: 'nsm' })),
    ];
    expect(codes(wide)).toEqual(['too-many-children']);
    const deep = [...healthy()];
    for (let i = 0; i < 5; i++)
      deep.push(metric(`d${i}`, { parentId: i === 0 ? 'i1' : `d${i - 1}` }));
    expect(codes(deep)).toEqual(['too-deep']);
  });
  it('reports repairs made by the tree read', () => {
    expect(codes([...healthy(), metric('lost', { parentId: 'ghost' })])).toEqual(['repaired']);
  });
});
