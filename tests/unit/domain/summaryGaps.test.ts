import { describe, expect, it } from 'vitest';
import { boundForecast, unitBounds } from '../../../src/domain/pace';
import { summarize } from '../../../src/domain/summary';
import type { Gap } from '../../../src/domain/metricSeries';
import type { Point } from '../../../src/domain/aggregate';
import { metric } from '../factories';

const pts = (values: Record<string, number>): Point[] =>
  Object.entries(values).map(([period, value]) => ({ period, value }));
const divide = (period: string): Gap => ({
  period,
  fact: '“Signups” was 0',
  effect: 'cannot divide',
});

describe('summarize with gaps: change vs previous never passes over a gap', () => {
  const share = metric('share', { unit: 'percent', formula: 'Activated / Signups * 100' });
  const values = pts({ '2026-W45': 25, '2026-W46': 50, '2026-W48': 45 });

  it('says it cannot compare when the period before the latest is a gap', () => {
    const s = summarize(share, values, undefined, '2026-11-30', [divide('2026-W47')]);
    expect(s.latest).toEqual({ period: '2026-W48', value: 45 });
    expect(s.previous).toEqual({ period: '2026-W46', value: 50 });
    // Not 45 − 50 = −5 against W46: W47 lies between and could not be computed.
    expect(s.change).toBeNull();
    expect(s.changeGap).toEqual(divide('2026-W47'));
    expect(s.latestGap).toBeNull();
  });

  it('names the newest period when it is the gap', () => {
    const s = summarize(share, values, undefined, '2026-12-07', [divide('2026-W49')]);
    expect(s.latestGap).toEqual(divide('2026-W49'));
    expect(s.changeGap).toEqual(divide('2026-W49'));
    expect(s.change).toBeNull();
  });

  it('compares as before when the gaps are older than the previous value', () => {
    const s = summarize(share, values, undefined, '2026-11-30', [divide('2026-W44')]);
    expect(s.changeGap).toBeNull();
    expect(s.change).toBe(-5); // 45 − 50
    expect(s.gaps).toEqual([divide('2026-W44')]);
  });
});

describe('forecasts bounded by the unit', () => {
  // Weekly values ending 8, 15 and 22 Nov 2026, rising 10 a week; today 23 Nov, so the quarter
  // ends 31 Dec, 39 days after the last point. Fit: mean day −7, mean value 70, slope 10/7 a day:
  // 70 + 10/7 × (39 + 7) = 135.71.
  const rising = pts({ '2026-W45': 60, '2026-W46': 70, '2026-W47': 80 });

  it('holds a percent at 100 and says it was capped', () => {
    const s = summarize(metric('p', { unit: 'percent' }), rising, undefined, '2026-11-23');
    expect(s.forecast).toBe(100);
    expect(s.forecastCapped).toBe(true);
  });

  it('lets a percent that has itself gone past 100 keep its trend', () => {
    const high = pts({ '2026-W45': 110, '2026-W46': 120, '2026-W47': 130 });
    const s = summarize(metric('g', { unit: 'percent' }), high, undefined, '2026-11-23');
    expect(s.forecast).toBeCloseTo(120 + 460 / 7, 9); // 185.71
    expect(s.forecastCapped).toBe(false);
  });

  it('lets a percent that may exceed 100 % keep its trend', () => {
    const m = metric('p', { unit: 'percent', mayExceed100: true });
    const s = summarize(m, rising, undefined, '2026-11-23');
    expect(s.forecast).toBeCloseTo(70 + 460 / 7, 9); // 135.71
    expect(s.forecastCapped).toBe(false);
  });

  it('never forecasts a negative ratio, count or currency', () => {
    // 0.9, 0.6, 0.3: 0.6 − 0.3/7 × 46 = −1.37 → 0.
    const falling = pts({ '2026-W45': 0.9, '2026-W46': 0.6, '2026-W47': 0.3 });
    for (const unit of ['ratio', 'count', 'currency'] as const) {
      const s = summarize(metric('r', { unit }), falling, undefined, '2026-11-23');
      expect(s.forecast).toBe(0);
      expect(s.forecastCapped).toBe(true);
    }
    // A score (an NPS) may go below 0: 0.6 − 1.971 = −1.371…
    const score = summarize(metric('n', { unit: 'score' }), falling, undefined, '2026-11-23');
    expect(score.forecast).toBeCloseTo(0.6 - (0.3 / 7) * 46, 9);
  });

  it('has no forecast with fewer than 3 values (too few points)', () => {
    const two = rising.slice(0, 2);
    const s = summarize(metric('p', { unit: 'percent' }), two, undefined, '2026-11-23');
    expect(s.forecast).toBeNull();
    expect(s.forecastCapped).toBe(false);
  });

  it('bounds by unit and by what the metric has shown', () => {
    expect(unitBounds('percent', { lowest: 5, highest: 90 })).toEqual({ min: 0, max: 100 });
    expect(unitBounds('percent', { lowest: -5, highest: 90 })).toEqual({
      min: -Infinity,
      max: 100,
    });
    expect(unitBounds('duration', { lowest: 1, highest: 900 })).toEqual({ min: 0, max: Infinity });
    expect(unitBounds('score', { lowest: 1, highest: 2 })).toEqual({
      min: -Infinity,
      max: Infinity,
    });
    expect(boundForecast(null, { min: 0, max: 100 })).toEqual({ value: null, capped: false });
    expect(boundForecast(50, { min: 0, max: 100 })).toEqual({ value: 50, capped: false });
  });
});
