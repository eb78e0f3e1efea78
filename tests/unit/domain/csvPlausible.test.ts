/** Values that parse but look wrong beside the metric's history are flagged before import. */
import { describe, expect, it } from 'vitest';
import { implausibleValues, median } from '../../../src/domain/csvPlausible';

const row = (line: number, value: number, metricId = 'm') => ({
  line,
  metricId,
  period: `2026-W${String(line).padStart(2, '0')}`,
  value,
});

describe('implausibleValues', () => {
  it('flags a value ≥ 1000× the median of the last 12 stored values', () => {
    // Stored 1,180 … 1,250: median of [1180, 1200, 1210, 1250] = (1200 + 1210) / 2 = 1205.
    const stored = () => [1180, 1200, 1210, 1250];
    // 1,205,000 = 1000 × 1205 exactly: flagged; 1,204,999 is not; 1,300 is an ordinary week.
    expect(implausibleValues([row(2, 1_205_000), row(3, 1_204_999), row(4, 1300)], stored)).toEqual(
      [{ ...row(2, 1_205_000), reference: 1205, kind: 'huge' }],
    );
  });

  it('flags 1.234 where the history is about 1,200 (a thousands separator read as a decimal mark)', () => {
    const stored = () => [1180, 1200, 1210, 1250];
    // 1.234 × 1000 = 1234, ratio 1234 / 1205 ≈ 1.02: flagged; 1.2345 has four decimals: not;
    // 0.5 × 1000 = 500, ratio 0.41 < 0.5: not.
    expect(implausibleValues([row(2, 1.234), row(3, 1.2345), row(4, 0.5)], stored)).toEqual([
      { ...row(2, 1.234), reference: 1205, kind: 'decimal-mark' },
    ]);
  });

  it('without history, compares with the file’s own values; a zero median flags nothing', () => {
    // File values of m: 10, 12, 11, 12000 → median of |values| = (11 + 12) / 2 = 11.5;
    // 12000 < 11,500? No: 12000 ≥ 11500 → flagged.
    const rows = [row(2, 10), row(3, 12), row(4, 11), row(5, 12000)];
    expect(implausibleValues(rows, () => [5]).map((r) => [r.line, r.kind, r.reference])).toEqual([
      [5, 'huge', 11.5],
    ]);
    expect(implausibleValues([row(2, 0), row(3, 0), row(4, 5000)], () => [])).toEqual([]);
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
