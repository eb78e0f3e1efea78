/** A formula metric takes no hand values: the check-in never asks for one. */
import { describe, expect, it } from 'vitest';
import { dueForMetric, isTracked } from '../../../src/domain/checkin';
import { metric } from '../factories';

describe('a formula metric in the check-in', () => {
  const share = metric('share', { formula: 'Activated / Signups * 100', cadence: 'weekly' });
  const signups = metric('signups', { cadence: 'weekly' });

  it('is not tracked by hand, so no period is ever due, while its inputs are', () => {
    // Positive control: the same metric without a formula owes this week (today, 3 Dec 2026).
    expect(dueForMetric(signups, undefined, '2026-12-03').items.length).toBeGreaterThan(0);
    expect(isTracked(share)).toBe(false);
    expect(dueForMetric(share, undefined, '2026-12-03').items).toEqual([]);
    // A whitespace formula is no formula: logged by hand again.
    expect(isTracked(metric('blank', { formula: '   ' }))).toBe(true);
  });
});
