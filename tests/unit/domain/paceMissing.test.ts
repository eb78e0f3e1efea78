import { describe, expect, test } from 'vitest';
import { paceMissing } from '../../../src/domain/paceMissing';

const none = { quarterly: {}, monthly: {} };

describe('paceMissing', () => {
  test('no target at all: a target is missing', () => {
    expect(paceMissing({ baselineValue: 100, baselineDate: '2026-01-01', targets: none })).toEqual({
      kind: 'target',
    });
  });

  test('one quarterly target and no baseline: the baseline value is missing', () => {
    // One anchor (the target at 2026-06-30) cannot make a line; the baseline would be the second.
    expect(
      paceMissing({
        baselineValue: null,
        baselineDate: null,
        targets: { quarterly: { '2026-Q2': 1500 }, monthly: {} },
      }),
    ).toEqual({ kind: 'baseline', field: 'value' });
  });

  test('a baseline value without its date: the date is missing', () => {
    expect(
      paceMissing({
        baselineValue: 1000,
        baselineDate: null,
        targets: { quarterly: { '2026-Q2': 1500 }, monthly: {} },
      }),
    ).toEqual({ kind: 'baseline', field: 'date' });
  });

  test('baseline and a target, or two targets: nothing is missing', () => {
    const q = { quarterly: { '2026-Q2': 1500 }, monthly: {} };
    expect(paceMissing({ baselineValue: 1000, baselineDate: '2026-04-01', targets: q })).toBe(null);
    expect(
      paceMissing({
        baselineValue: null,
        baselineDate: null,
        targets: { quarterly: { '2026-Q2': 1500, '2026-Q3': 1800 }, monthly: {} },
      }),
    ).toBe(null);
  });

  test('a target and a benchmark on the same date are one anchor: the baseline is still missing', () => {
    // The June benchmark ends on 2026-06-30, like Q2: the target wins, one anchor remains.
    expect(
      paceMissing({
        baselineValue: null,
        baselineDate: null,
        targets: { quarterly: { '2026-Q2': 1500 }, monthly: { '2026-06': 1400 } },
      }),
    ).toEqual({ kind: 'baseline', field: 'value' });
  });
});
