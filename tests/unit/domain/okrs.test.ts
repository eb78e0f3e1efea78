import { describe, expect, it } from 'vitest';
import { okrCsvRows, okrsOf, objectiveTitle } from '../../../src/domain/okrs';
import { reviewRow } from '../reviewFactories';

const row = reviewRow;

// NSM → Activation (→ Setup done, → Time to value), Churn (counter), Retention.
const rows = [
  row('nsm', { name: 'Weekly active teams', kind: 'north-star', actual: 120, ownerId: 'ann' }),
  row('act', { name: 'Activation', parentId: 'nsm', depth: 1, actual: 40, ownerId: 'bo' }),
  row('setup', { name: 'Setup done', parentId: 'act', depth: 2, actual: 30 }),
  row('ttv', { name: 'Time to value', parentId: 'act', depth: 2, direction: 'down', actual: 9 }),
  row('churn', { name: 'Churn', parentId: 'nsm', depth: 1, kind: 'counter', actual: 3 }),
  row('ret', { name: 'Retention', parentId: 'nsm', depth: 1, actual: null }),
];
const targets = { nsm: 150, act: 50, ttv: 7, ret: 80 };

describe('next quarter as OKRs', () => {
  const okrs = okrsOf(rows, targets);

  it('makes the North Star and each direct input an objective, worded by direction', () => {
    expect(okrs.map((o) => [o.title, o.northStar])).toEqual([
      ['Grow Weekly active teams', true],
      ['Grow Activation', false],
      ['Grow Retention', false],
    ]);
    expect(objectiveTitle('Time to value', 'down')).toBe('Reduce Time to value');
  });

  it('gives each objective the targets of its metric and the metrics below it, from the actual', () => {
    const [nsm, act, ret] = okrs;
    // The counter-metric Churn sits under the North Star: a guardrail, kept at its 3.
    expect(nsm?.keyResults.map((k) => [k.metricId, k.from, k.to, k.guardrail])).toEqual([
      ['nsm', 120, 150, false],
      ['churn', 3, 3, true],
    ]);
    // Setup done has no target: left out.
    expect(act?.keyResults.map((k) => [k.metricId, k.from, k.to])).toEqual([
      ['act', 40, 50],
      ['ttv', 9, 7],
    ]);
    expect(ret?.keyResults.map((k) => [k.metricId, k.from, k.to])).toEqual([['ret', null, 80]]);
  });

  it('an objective with no target anywhere has no key results', () => {
    const none = okrsOf(rows, {});
    expect(none.map((o) => o.keyResults.length)).toEqual([1, 0, 0]); // only the guardrail
  });

  it('exports one CSV row per key result, objectives without any on their own row', () => {
    const csv = okrCsvRows(okrsOf(rows, { nsm: 150 }), (id) => (id === 'ann' ? 'Ann' : ''));
    expect(csv).toEqual([
      ['Objective', 'Key result', 'Kind', 'Owner', 'From', 'Target', 'Unit'],
      ['Grow Weekly active teams', 'Weekly active teams', 'target', 'Ann', 120, 150, 'count'],
      ['Grow Weekly active teams', 'Churn', 'guardrail', '', 3, 3, 'count'],
      ['Grow Activation', '', '', '', null, null, ''],
      ['Grow Retention', '', '', '', null, null, ''],
    ]);
  });
});
