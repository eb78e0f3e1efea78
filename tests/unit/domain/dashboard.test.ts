import { describe, expect, it } from 'vitest';
import { attentionList, groupInputs, nothingNeedsAttention } from '../../../src/domain/dashboard';
import type { MetricSummary } from '../../../src/domain/summary';
import type { Person } from '../../../src/domain/types';
import { metric } from '../factories';

const people = new Map<string, Person>([
  ['p1', { id: 'p1', name: 'Zoe', team: 'Growth', color: '#000000' }],
  ['p2', { id: 'p2', name: 'Al', team: 'Growth', color: '#000000' }],
]);

describe('groupInputs', () => {
  const ms = [
    metric('n', { kind: 'north-star' }),
    metric('a', { ownerId: 'p1' }),
    metric('b', { ownerId: 'p2', kind: 'counter' }),
    metric('c', { ownerId: null }),
    metric('r', { ownerId: 'p1', status: 'retired' }),
  ];
  it('groups by owner, alphabetically, with no owner last', () => {
    expect(
      groupInputs(ms, people, 'owner').map((g) => [g.label, g.metrics.map((m) => m.id)]),
    ).toEqual([
      ['Al', ['b']],
      ['Zoe', ['a']],
      ['No owner', ['c']],
    ]);
  });
  it('groups by team', () => {
    expect(groupInputs(ms, people, 'team').map((g) => [g.label, g.metrics.length])).toEqual([
      ['Growth', 2],
      ['No owner', 1],
    ]);
  });
});

describe('attentionList', () => {
  const summary = (patch: Partial<MetricSummary>): MetricSummary => ({
    metricId: '',
    grain: 'week',
    points: [],
    latest: null,
    previous: null,
    change: null,
    gaps: [],
    latestGap: null,
    changeGap: null,
    anchors: [],
    pace: null,
    status: 'no-target',
    quarterTarget: null,
    forecast: null,
    forecastCapped: false,
    stale: false,
    counterWarning: false,
    ...patch,
  });
  it('orders guardrail breaches, off track, stale, at risk, unowned', () => {
    const ms = [
      metric('own', { ownerId: null }),
      metric('risk'),
      metric('stale'),
      metric('off'),
      metric('guard', { kind: 'counter' }),
      metric('fine'),
    ];
    const sums = new Map([
      ['risk', summary({ status: 'at-risk' })],
      ['stale', summary({ stale: true })],
      ['off', summary({ status: 'off-track' })],
      ['guard', summary({ counterWarning: true })],
      ['fine', summary({ status: 'on-track' })],
    ]);
    expect(attentionList(ms, sums).map((a) => `${a.metric.id}:${a.reason}`)).toEqual([
      'guard:counter',
      'off:off-track',
      'stale:stale',
      'risk:at-risk',
      'own:no-owner',
    ]);
  });
});

describe('an empty attention list', () => {
  it('does not call metrics on pace while none has a target', () => {
    expect(nothingNeedsAttention([metric('a'), metric('b')])).toMatch(/no metric has a target yet/);
    expect(
      nothingNeedsAttention([
        metric('a', { targets: { quarterly: { '2026-Q4': 10 }, monthly: {} } }),
      ]),
    ).toBe('Nothing: every metric is on pace, owned and checked in.');
  });
});
