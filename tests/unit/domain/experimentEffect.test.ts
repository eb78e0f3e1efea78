import { describe, expect, it } from 'vitest';
import {
  EFFECT_REASONS,
  experimentEffect,
  overlappingExperiments,
  type EffectPoint,
  type ExperimentEffect,
} from '../../../src/domain/experimentEffect';

/**
 * ISO weeks of 2026 (1 Jan 2026 is a Thursday): W01 starts Mon 29 Dec 2025, W02 5 Jan, W03 12 Jan,
 * W04 19 Jan (ends 25 Jan), W05 26 Jan, W06 2 Feb (ends 8 Feb), W07 9 Feb, W08 16 Feb, W09 23 Feb.
 */
const e = (period: string, value: number): EffectPoint => ({ period, value });

const rising = [
  e('2026-W07', 999), // after the window: ignored
  e('2026-W03', 120),
  e('2026-W01', 100),
  e('2026-W05', 150),
  e('2026-W04', 130),
  e('2026-W06', 170),
  e('2026-W02', 110),
];

/** Every number of a result is finite or null. */
function numbersAreSane(r: ExperimentEffect): void {
  for (const n of [r.pacePerDay, r.days, r.observedChange, r.expectedChange, r.effect]) {
    expect(n === null || Number.isFinite(n)).toBe(true);
  }
}

describe('experimentEffect', () => {
  it('measures the change beyond a rising pace', () => {
    const r = experimentEffect(rising, { start: '2026-01-26', end: '2026-02-08' });
    expect(r.before).toEqual([
      e('2026-W01', 100),
      e('2026-W02', 110),
      e('2026-W03', 120),
      e('2026-W04', 130),
    ]);
    expect(r.during).toEqual([e('2026-W05', 150), e('2026-W06', 170)]);
    expect(r.baseline).toEqual(e('2026-W04', 130));
    expect(r.last).toEqual(e('2026-W06', 170));
    // +10 a week: 10 / 7 per day. x = 0, 7, 14, 21 (mean 10.5), y = 100…130 (mean 115):
    // Σdx·dy = 2 × (10.5 × 15 + 3.5 × 5) = 350, Σdx² = 2 × (110.25 + 12.25) = 245; 350 / 245.
    expect(r.pacePerDay).toBeCloseTo(10 / 7, 12);
    expect(r.days).toBe(14); // 19 Jan → 2 Feb
    expect(r.observedChange).toBe(40); // 170 − 130
    expect(r.expectedChange).toBeCloseTo(20, 9); // 10 / 7 × 14
    expect(r.effect).toBeCloseTo(20, 9); // 40 − 20
    expect(r.reason).toBeNull();
  });

  it('uses the least-squares slope of the last beforeCount values only', () => {
    const entries = [
      e('2026-W01', 700),
      e('2026-W02', 600),
      e('2026-W03', 300),
      e('2026-W04', 200),
      e('2026-W05', 100),
      e('2026-W06', 100),
      e('2026-W07', 100),
      e('2026-W08', 130),
      e('2026-W09', 140),
    ];
    const window = { start: '2026-02-23', end: '2026-03-01' }; // W09
    const four = experimentEffect(entries, window, 4);
    expect(four.before.map((p) => p.period)).toEqual([
      '2026-W05',
      '2026-W06',
      '2026-W07',
      '2026-W08',
    ]);
    // x = 0, 7, 14, 21 (mean 10.5), y = 100, 100, 100, 130 (mean 107.5):
    // Σdx·dy = 10.5·7.5 + 3.5·7.5 − 3.5·7.5 + 10.5·22.5 = 315, Σdx² = 245: 315 / 245 = 9 / 7
    // per day (the endpoints alone would give 30 / 21 = 10 / 7).
    expect(four.pacePerDay).toBeCloseTo(9 / 7, 12);
    expect(four.days).toBe(7); // 16 Feb → 23 Feb
    expect(four.observedChange).toBe(10); // 140 − 130
    expect(four.expectedChange).toBeCloseTo(9, 9); // 9 / 7 × 7
    expect(four.effect).toBeCloseTo(1, 9); // 10 − 9

    // Default 6: W03…W08 = 300, 200, 100, 100, 100, 130 at x = 0…35 (mean 17.5), mean y 155:
    // Σdx·dy = −17.5·145 − 10.5·45 + 3.5·55 − 3.5·55 − 10.5·55 − 17.5·25 = −4025,
    // Σdx² = 2 × (306.25 + 110.25 + 12.25) = 857.5: −4025 / 857.5 = −230 / 49 per day.
    const six = experimentEffect(entries, window);
    expect(six.before).toHaveLength(6);
    expect(six.pacePerDay).toBeCloseTo(-230 / 49, 12);
    expect(six.expectedChange).toBeCloseTo(-230 / 7, 9); // −230 / 49 × 7
    expect(six.effect).toBeCloseTo(10 + 230 / 7, 9); // 10 − (−230 / 7) ≈ 42.857
  });

  it('gives the whole change as the effect when the pace is flat', () => {
    const r = experimentEffect(
      [e('2026-W01', 50), e('2026-W02', 50), e('2026-W03', 50), e('2026-W04', 55)],
      { start: '2026-01-19', end: '2026-01-25' },
    );
    expect(r.pacePerDay).toBe(0);
    expect(r.observedChange).toBe(5);
    expect(r.expectedChange).toBe(0); // 0 × 7
    expect(r.effect).toBe(5);
    expect(r.reason).toBeNull();
  });

  it('needs two values before the window for a pace', () => {
    const r = experimentEffect([e('2026-W03', 50), e('2026-W04', 60), e('2026-W05', 65)], {
      start: '2026-01-19',
      end: '2026-02-01',
    });
    expect(r.baseline).toEqual(e('2026-W03', 50));
    expect(r.last).toEqual(e('2026-W05', 65));
    expect(r.observedChange).toBe(15); // 65 − 50
    expect(r.days).toBe(14); // 12 Jan → 26 Jan
    expect(r.pacePerDay).toBeNull();
    expect(r.expectedChange).toBeNull();
    expect(r.effect).toBeNull();
    expect(r.reason).toBe(EFFECT_REASONS.oneBefore);
    expect(r.reason).toBe('Only one value before the window: no pace to compare against.');
  });

  it('says when nothing is logged in the window yet', () => {
    const r = experimentEffect(
      [e('2026-W01', 100), e('2026-W02', 110), e('2026-W03', 120), e('2026-W05', 500)],
      { start: '2026-01-19', end: '2026-01-25' },
    );
    expect(r.during).toEqual([]);
    expect(r.last).toBeNull();
    expect(r.pacePerDay).toBeCloseTo(10 / 7, 12); // the pace is known all the same
    expect(r.observedChange).toBeNull();
    expect(r.expectedChange).toBeNull();
    expect(r.effect).toBeNull();
    expect(r.reason).toBe('No value logged in the window yet.');
  });

  it('says when nothing is logged before the window', () => {
    const r = experimentEffect([e('2026-W04', 60), e('2026-W05', 65)], {
      start: '2026-01-19',
      end: '2026-02-01',
    });
    expect(r.before).toEqual([]);
    expect(r.baseline).toBeNull();
    expect(r.last).toEqual(e('2026-W05', 65));
    expect(r.observedChange).toBeNull();
    expect(r.effect).toBeNull();
    expect(r.reason).toBe('No value logged before the window.');
    expect(experimentEffect([], { start: '2026-01-19', end: '2026-02-01' }).reason).toBe(
      EFFECT_REASONS.nothing,
    );
  });

  it('works on a monthly metric by calendar days', () => {
    // 1000 + 10 a day: 1 Jan (x 0), 1 Feb (x 31) → 1310, 1 Mar (x 59) → 1590.
    const r = experimentEffect(
      [
        e('2026-05', 2300),
        e('2026-01', 1000),
        e('2026-02', 1310),
        e('2026-03', 1590),
        e('2026-04', 1900),
      ],
      { start: '2026-04-01', end: '2026-05-31' },
    );
    expect(r.before.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.during.map((p) => p.period)).toEqual(['2026-04', '2026-05']);
    expect(r.pacePerDay).toBeCloseTo(10, 12);
    expect(r.days).toBe(61); // 1 Mar → 1 May: 31 + 30
    expect(r.observedChange).toBe(710); // 2300 − 1590
    expect(r.expectedChange).toBeCloseTo(610, 9); // 10 × 61
    expect(r.effect).toBeCloseTo(100, 9);
  });

  it('counts a period the window starts or ends inside as during', () => {
    // Thu 22 Jan (in W04) to Wed 4 Feb (in W06): W03 (ends 18 Jan) is the last before.
    const r = experimentEffect(rising, { start: '2026-01-22', end: '2026-02-04' });
    expect(r.before.map((p) => p.period)).toEqual(['2026-W01', '2026-W02', '2026-W03']);
    expect(r.during.map((p) => p.period)).toEqual(['2026-W04', '2026-W05', '2026-W06']);
    expect(r.baseline).toEqual(e('2026-W03', 120));
    expect(r.days).toBe(21); // 12 Jan → 2 Feb
    expect(r.observedChange).toBe(50); // 170 − 120
    expect(r.expectedChange).toBeCloseTo(30, 9); // 10 / 7 × 21
    expect(r.effect).toBeCloseTo(20, 9);

    // A month the window starts in (15 Mar) is during; February is the baseline.
    const monthly = experimentEffect(
      [e('2026-01', 10), e('2026-02', 20), e('2026-03', 35), e('2026-04', 40)],
      { start: '2026-03-15', end: '2026-04-10' },
    );
    expect(monthly.baseline).toEqual(e('2026-02', 20));
    expect(monthly.during.map((p) => p.period)).toEqual(['2026-03', '2026-04']);
    expect(monthly.pacePerDay).toBeCloseTo(10 / 31, 12); // 10 over 1 Jan → 1 Feb
    expect(monthly.days).toBe(59); // 1 Feb → 1 Apr: 28 + 31
    expect(monthly.effect).toBeCloseTo(20 - (10 / 31) * 59, 9); // 40 − 20 = 20 observed
  });

  it('leaves out invalid entries', () => {
    const r = experimentEffect(
      [
        ...rising,
        e('2026-W99', 1),
        e('not a period', 1),
        e('2026-W05', Number.NaN),
        e('2026-W06', Number.POSITIVE_INFINITY),
      ],
      { start: '2026-01-26', end: '2026-02-08' },
    );
    expect(r.during).toEqual([e('2026-W05', 150), e('2026-W06', 170)]);
    expect(r.effect).toBeCloseTo(20, 9);
  });

  it('never gives NaN or Infinity', () => {
    const huge = experimentEffect(
      [e('2026-W01', 1e308), e('2026-W02', -1e308), e('2026-W03', 1e308)],
      { start: '2026-01-12', end: '2026-01-18' },
    );
    numbersAreSane(huge);
    expect(huge.pacePerDay).toBeNull(); // the slope overflows
    expect(huge.observedChange).toBeNull(); // 1e308 − (−1e308) overflows
    expect(huge.reason).toBe(EFFECT_REASONS.tooLarge);

    const samePeriod = experimentEffect(
      [e('2026-W01', 100), e('2026-W01', 110), e('2026-W02', 120)],
      { start: '2026-01-05', end: '2026-01-11' },
    );
    numbersAreSane(samePeriod);
    expect(samePeriod.pacePerDay).toBeNull(); // both values at x = 0: Σdx² = 0
    expect(samePeriod.effect).toBeNull();
    expect(samePeriod.reason).toBe(EFFECT_REASONS.onePeriod);
  });

  it('rejects a window that is not one and a pace of fewer than 2 values', () => {
    expect(() => experimentEffect(rising, { start: '2026-02-08', end: '2026-01-26' })).toThrow(
      RangeError,
    );
    expect(() => experimentEffect(rising, { start: 'soon', end: '2026-01-26' })).toThrow(
      RangeError,
    );
    expect(() => experimentEffect(rising, { start: '2026-01-26', end: '2026-02-08' }, 1)).toThrow(
      RangeError,
    );
    expect(() => experimentEffect(rising, { start: '2026-01-26', end: '2026-02-08' }, 2.5)).toThrow(
      RangeError,
    );
  });
});

describe('overlappingExperiments', () => {
  it('pairs experiments on a shared metric whose windows share a day', () => {
    const overlaps = overlappingExperiments([
      { id: 'a', metricIds: ['m1'], start: '2026-01-01', end: '2026-01-31' },
      { id: 'b', metricIds: ['m1'], start: '2026-01-15', end: '2026-02-15' },
      // Overlaps a and b in time, on another metric.
      { id: 'c', metricIds: ['m2'], start: '2026-01-10', end: '2026-01-20' },
      // Starts the day after b ends: touching, not overlapping.
      { id: 'd', metricIds: ['m1'], start: '2026-02-16', end: '2026-02-28' },
      // Its one day is a's last day; m1 is its second metric.
      { id: 'e', metricIds: ['m3', 'm1'], start: '2026-01-31', end: '2026-01-31' },
    ]);
    expect(Object.fromEntries(overlaps)).toEqual({
      a: ['b', 'e'],
      b: ['a', 'e'],
      c: [],
      d: [],
      e: ['a', 'b'],
    });
  });
  it('lists nothing for one experiment or none', () => {
    expect(
      Object.fromEntries(
        overlappingExperiments([
          { id: 'a', metricIds: ['m1'], start: '2026-01-01', end: '2026-01-31' },
        ]),
      ),
    ).toEqual({ a: [] });
    expect(overlappingExperiments([]).size).toBe(0);
  });
});
