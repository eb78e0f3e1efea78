import { describe, expect, it } from 'vitest';
import { checkpointsToDrop } from '../../../src/domain/checkpointThinning';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const NOW = Date.UTC(2026, 11, 3, 12, 0); // 3 Dec 2026, 12:00 UTC

describe('thinning the saved versions', () => {
  it('keeps every version of the last hour', () => {
    const recent = [1, 2, 3, 4].map((i) => ({ id: i, at: NOW - i * 10 * MIN }));
    expect(checkpointsToDrop(recent, NOW)).toEqual([]);
  });

  it('keeps the newest of each hour for a day, of each day for a month, of each week after', () => {
    const list = [
      { id: 1, at: NOW - 5 * MIN },
      // Two in the 10:00 hour: the newer (10:50) stays.
      { id: 2, at: Date.UTC(2026, 11, 3, 10, 50) },
      { id: 3, at: Date.UTC(2026, 11, 3, 10, 5) },
      // Two on 20 Nov: the newer stays.
      { id: 4, at: Date.UTC(2026, 10, 20, 18) },
      { id: 5, at: Date.UTC(2026, 10, 20, 9) },
      // Two more than 30 days old in the same 7-day block, one in another.
      { id: 6, at: 2884 * WEEK + DAY },
      { id: 7, at: 2884 * WEEK + 2 * DAY },
      { id: 8, at: 2883 * WEEK },
    ];
    expect(checkpointsToDrop(list, NOW).sort()).toEqual([3, 5, 6]);
  });

  it('never drops the newest, however old', () => {
    expect(checkpointsToDrop([{ id: 9, at: NOW - 400 * DAY }], NOW)).toEqual([]);
  });

  it('a month of daily use with a version every 10 minutes keeps under 60, not 4,320', () => {
    const list = [];
    for (let i = 0; i < 30 * 24 * 6; i++) list.push({ id: i, at: NOW - i * 10 * MIN });
    const kept = list.length - checkpointsToDrop(list, NOW).length;
    // 6 in the last hour, ~23 hourly, ~29 daily.
    expect(kept).toBeGreaterThanOrEqual(55);
    expect(kept).toBeLessThanOrEqual(60);
  });
});
