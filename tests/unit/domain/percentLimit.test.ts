import { describe, expect, test } from 'vitest';
import { asksBeforeSaving } from '../../../src/domain/percentLimit';
import { Problems, readMetric } from '../../../src/domain/validate';

describe('asksBeforeSaving', () => {
  const percent = { unit: 'percent', mayExceed100: false } as const;

  test('a percent above 100 asks; 100 itself and below do not', () => {
    expect(asksBeforeSaving(percent, 1250.5)).toBe(true);
    expect(asksBeforeSaving(percent, 100.01)).toBe(true);
    expect(asksBeforeSaving(percent, 100)).toBe(false);
    expect(asksBeforeSaving(percent, 12.505)).toBe(false);
    expect(asksBeforeSaving(percent, 0)).toBe(false);
  });

  test('a metric that may exceed 100 % never asks', () => {
    expect(asksBeforeSaving({ unit: 'percent', mayExceed100: true }, 1250.5)).toBe(false);
  });

  test('other units never ask, whatever the setting', () => {
    expect(asksBeforeSaving({ unit: 'count', mayExceed100: false }, 1250.5)).toBe(false);
    expect(asksBeforeSaving({ unit: 'currency', mayExceed100: false }, 1e9)).toBe(false);
  });

  test('the setting is read as true only when stored as true (a peer may write anything)', () => {
    const read = (mayExceed100: unknown): boolean =>
      readMetric('m', { name: 'Share', mayExceed100 }, new Problems()).mayExceed100;
    expect(read(true)).toBe(true);
    expect(read(undefined)).toBe(false); // written before the setting existed
    expect(read('yes')).toBe(false);
    expect(read(1)).toBe(false);
  });
});
