import type { ReviewRow } from '../../src/domain/review';

/** A review row with nothing known yet (an input at the top, no figures), for tests. */
export function reviewRow(metricId: string, patch: Partial<ReviewRow> = {}): ReviewRow {
  return {
    metricId,
    name: metricId,
    kind: 'input',
    unit: 'count',
    direction: 'up',
    ownerId: null,
    parentId: null,
    depth: 0,
    start: null,
    target: null,
    actual: null,
    attainment: null,
    status: 'no-data',
    points: [],
    notes: [],
    ...patch,
  };
}
