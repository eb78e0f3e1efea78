import { describe, expect, it } from 'vitest';
import { forecast } from '../../../src/domain/pace';
import { addDays } from '../../../src/domain/periods';
import { summarize } from '../../../src/domain/summary';
import type { Point } from '../../../src/domain/aggregate';
import { metric } from '../factories';

describe('the forecast of a long series fits its latest eight values only', () => {
  // 1,000 daily values from 2024-01-01: the first 992 are 9,999 (an old level), the last 8 a
  // perfect line 100, 102, …, 114 on 2026-09-19 … 2026-09-26 (day 992 … 999).
  const days = Array.from({ length: 1000 }, (_, i) => addDays('2024-01-01', i));
  const points: Point[] = days.map((period, i) => ({
    period,
    value: i < 992 ? 9999 : 100 + 2 * (i - 992),
  }));
  const daily = metric('signups', { cadence: 'daily', unit: 'count' });

  it('reads the line of the last eight at the end of the quarter', () => {
    expect(days.at(-1)).toBe('2026-09-26');
    const s = summarize(daily, points, undefined, '2026-09-27');
    // Quarter Q3 ends 30 Sep, 4 days after the last value (114): 114 + 2 × 4 = 122.
    expect(s.forecast).toBeCloseTo(122, 9);
  });

  it('gives an unsorted series the forecast of its sorted copy', () => {
    const dated = points.slice(-8).map((p) => ({ date: p.period, value: p.value }));
    const shuffled = [
      dated[3],
      dated[7],
      dated[0],
      dated[5],
      dated[1],
      dated[6],
      dated[2],
      dated[4],
    ]
      .filter((p) => p !== undefined)
      .concat([{ date: '2020-01-01', value: 5 }]);
    // The 2020 value sorts first and falls out of the window of 8: the same perfect line.
    expect(forecast(shuffled, '2026-09-30')).toBeCloseTo(122, 9);
    expect(forecast(dated, '2026-09-30')).toBeCloseTo(122, 9);
  });
});
