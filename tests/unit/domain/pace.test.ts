import { describe, expect, it } from 'vitest';
import {
  counterBreached,
  forecast,
  paceAnchors,
  paceAt,
  trackStatus,
  type Anchor,
} from '../../../src/domain/pace';

const baseline = { value: 100, date: '2025-01-01' };
const targets = { quarterly: { '2025-Q1': 130 }, monthly: { '2025-01': 110 } };

describe('paceAnchors', () => {
  it('puts benchmarks at month ends and targets at quarter ends, chronologically', () => {
    expect(paceAnchors(baseline, targets)).toEqual<Anchor[]>([
      { date: '2025-01-01', value: 100, kind: 'baseline' },
      { date: '2025-01-31', value: 110, kind: 'benchmark' },
      { date: '2025-03-31', value: 130, kind: 'target' },
    ]);
  });
  it('lets a target win over a benchmark on the same date', () => {
    const anchors = paceAnchors(null, {
      quarterly: { '2025-Q1': 130 },
      monthly: { '2025-03': 125, '2025-02': 120 },
    });
    expect(anchors).toEqual<Anchor[]>([
      { date: '2025-02-28', value: 120, kind: 'benchmark' },
      { date: '2025-03-31', value: 130, kind: 'target' },
    ]);
  });
  it('skips keys of the wrong grain and non-finite values', () => {
    const anchors = paceAnchors(null, {
      quarterly: { '2025-03': 1, '2025-Q2': Number.NaN, '2025-Q3': 5 },
      monthly: { '2025-Q1': 2, '2025-13': 3, '2024-02': 4 },
    });
    expect(anchors.map((a) => a.date)).toEqual(['2024-02-29', '2025-09-30']);
  });
  it('is empty without baseline or targets', () => {
    expect(paceAnchors(null, { quarterly: {}, monthly: {} })).toEqual([]);
  });
});

describe('paceAt', () => {
  const anchors = paceAnchors(baseline, targets);
  it('interpolates by calendar days through benchmarks', () => {
    // 15 of the 30 days from 1 Jan (100) to 31 Jan (110).
    expect(paceAt('2025-01-16', anchors)).toBe(105);
    expect(paceAt('2025-01-01', anchors)).toBe(100);
    expect(paceAt('2025-01-31', anchors)).toBe(110);
    // 28 of the 59 days from 31 Jan (110) to 31 Mar (130): 110 + 20 × 28 / 59.
    expect(paceAt('2025-02-28', anchors)).toBeCloseTo(119.4915254, 6);
  });
  it('adds a monthly benchmark as a bend in the line', () => {
    const bent = paceAnchors(baseline, {
      quarterly: { '2025-Q1': 130 },
      monthly: { '2025-01': 110, '2025-02': 118 },
    });
    // 14 of the 28 days from 31 Jan (110) to 28 Feb (118).
    expect(paceAt('2025-02-14', bent)).toBe(114);
    // 31 Mar is 31 days after 28 Feb; 16 Mar is 16 of them: 118 + 12 × 16 / 31.
    expect(paceAt('2025-03-16', bent)).toBeCloseTo(118 + (12 * 16) / 31, 9);
  });
  it('holds the last anchor after it, and knows nothing before the first', () => {
    expect(paceAt('2025-06-30', anchors)).toBe(130);
    expect(paceAt('2024-12-31', anchors)).toBeNull();
  });
  it('needs two anchors', () => {
    expect(paceAt('2025-03-31', paceAnchors(null, targets).slice(1))).toBeNull();
    expect(paceAt('2025-03-31', [])).toBeNull();
  });
  it('goes down as well as up', () => {
    const down = paceAnchors(
      { value: 60, date: '2025-04-01' },
      { quarterly: { '2025-Q2': 50 }, monthly: {} },
    );
    // 1 Apr → 30 Jun is 90 days; 15 May is 44 days in: 60 − 10 × 44 / 90.
    expect(paceAt('2025-05-15', down)).toBeCloseTo(60 - 440 / 90, 9);
  });
});

describe('trackStatus', () => {
  it("reads 'up': higher is better", () => {
    // Planned move 100 → 105; 10% slack of it is 0.5.
    expect(trackStatus(106, 105, 'up', 100)).toBe('on-track');
    expect(trackStatus(105, 105, 'up', 100)).toBe('on-track');
    expect(trackStatus(104.6, 105, 'up', 100)).toBe('at-risk');
    expect(trackStatus(104.5, 105, 'up', 100)).toBe('at-risk');
    expect(trackStatus(104.4, 105, 'up', 100)).toBe('off-track');
  });
  it("reads 'down': lower is better", () => {
    // Planned move 60 → 50; 10% slack of it is 1.
    expect(trackStatus(45, 50, 'down', 60)).toBe('on-track');
    expect(trackStatus(50, 50, 'down', 60)).toBe('on-track');
    expect(trackStatus(50.8, 50, 'down', 60)).toBe('at-risk');
    expect(trackStatus(51, 50, 'down', 60)).toBe('at-risk');
    expect(trackStatus(51.5, 50, 'down', 60)).toBe('off-track');
    expect(trackStatus(58, 50, 'down', 60)).toBe('off-track');
  });
  it('uses |pace| without a baseline, and a custom slack', () => {
    expect(trackStatus(185, 200, 'up', null)).toBe('at-risk');
    expect(trackStatus(179, 200, 'up', null)).toBe('off-track');
    expect(trackStatus(179, 200, 'up', null, 0.25)).toBe('at-risk');
    expect(trackStatus(-9, -10, 'down', null)).toBe('at-risk');
  });
  it('treats any shortfall as off-track when no move was planned', () => {
    expect(trackStatus(99.9, 100, 'up', 100)).toBe('off-track');
  });
  it('reports missing target and missing data', () => {
    expect(trackStatus(null, 105, 'up', 100)).toBe('no-data');
    expect(trackStatus(104, null, 'up', 100)).toBe('no-target');
    expect(trackStatus(null, null, 'up', null)).toBe('no-target');
  });
});

describe('forecast', () => {
  // Two per day: 10 on 5 Jan, then +14 each week.
  const line = [
    { date: '2025-01-05', value: 10 },
    { date: '2025-01-12', value: 24 },
    { date: '2025-01-19', value: 38 },
    { date: '2025-01-26', value: 52 },
  ];
  it('extends a perfect line exactly', () => {
    // 31 Mar is 85 days after 5 Jan: 10 + 2 × 85.
    expect(forecast(line, '2025-03-31')).toBe(180);
    expect(forecast([...line].reverse(), '2025-03-31')).toBe(180);
    expect(forecast(line, '2025-01-19')).toBe(38);
  });
  it('fits only the last window of points', () => {
    const noisy = [{ date: '2024-12-01', value: 9999 }, ...line];
    expect(forecast(noisy, '2025-03-31', 4)).toBe(180);
    expect(forecast(noisy, '2025-03-31')).not.toBe(180);
  });
  it('fits a least-squares line through noise', () => {
    // x = 0, 1, 2, 3 days; y = 1, 3, 2, 4 → slope 0.8, intercept 1.3; at x = 5: 5.3.
    const pts = [
      { date: '2025-01-01', value: 1 },
      { date: '2025-01-02', value: 3 },
      { date: '2025-01-03', value: 2 },
      { date: '2025-01-04', value: 4 },
    ];
    expect(forecast(pts, '2025-01-06')).toBeCloseTo(5.3, 9);
  });
  it('needs three points on more than one date', () => {
    expect(forecast(line.slice(0, 2), '2025-03-31')).toBeNull();
    expect(forecast([], '2025-03-31')).toBeNull();
    const sameDay = [1, 2, 3].map((value) => ({ date: '2025-01-01', value }));
    expect(forecast(sameDay, '2025-03-31')).toBeNull();
  });
});

describe('counterBreached', () => {
  it("flags an 'up' counter that fell beyond the tolerance", () => {
    // Reference 40, tolerance 10% → may fall to 36.
    expect(counterBreached(36, 40, 'up', 10)).toBe(false);
    expect(counterBreached(35.9, 40, 'up', 10)).toBe(true);
    expect(counterBreached(45, 40, 'up', 10)).toBe(false);
  });
  it("flags a 'down' counter that rose beyond the tolerance", () => {
    // Reference 5, tolerance 20% → may rise to 6.
    expect(counterBreached(6, 5, 'down', 20)).toBe(false);
    expect(counterBreached(6.1, 5, 'down', 20)).toBe(true);
    expect(counterBreached(3, 5, 'down', 20)).toBe(false);
  });
  it('uses |reference| for a negative reference', () => {
    // Reference −10, tolerance 10% → may fall to −11.
    expect(counterBreached(-11, -10, 'up', 10)).toBe(false);
    expect(counterBreached(-11.5, -10, 'up', 10)).toBe(true);
  });
  it('counts any worsening from zero', () => {
    expect(counterBreached(0.1, 0, 'down', 50)).toBe(true);
    expect(counterBreached(-1, 0, 'up', 50)).toBe(true);
    expect(counterBreached(0, 0, 'up', 50)).toBe(false);
    expect(counterBreached(2, 0, 'up', 50)).toBe(false);
  });
  it('with no tolerance, any worsening counts', () => {
    expect(counterBreached(39.99, 40, 'up', 0)).toBe(true);
  });
});
