import type { Metric } from '../../src/domain/types';

/** A complete metric with sensible defaults, for tests. */
export function metric(id: string, patch: Partial<Metric> = {}): Metric {
  return {
    id,
    kind: 'input',
    name: id,
    definition: 'defined',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    ownerId: 'p1',
    collection: '',
    maturity: 'crawl',
    status: 'active',
    baselineValue: null,
    baselineDate: null,
    parentId: null,
    order: 'a0',
    prevParentId: null,
    movedAt: 0,
    createdAt: 0,
    deletedAt: null,
    formula: null,
    planMetric: null,
    tolerance: null,
    mayExceed100: false,
    targets: { quarterly: {}, monthly: {} },
    ...patch,
  };
}
