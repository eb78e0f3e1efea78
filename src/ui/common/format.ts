import { fiscalPeriodLabel } from '../../domain/fiscal';
import { calendar } from '../../state/calendar.svelte';
import type { Unit } from '../../domain/types';

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, notation: 'compact' });
const small = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 });

/**
 * A value as people read it: grouped digits, at most two decimals, the unit where it helps; a
 * value closer to 0 than two decimals show keeps two significant digits (0.001, not 0).
 */
export function formatValue(value: number | null | undefined, unit: Unit, short = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const n =
    value !== 0 && Math.abs(value) < 0.005
      ? small.format(value)
      : short && Math.abs(value) >= 10_000
        ? compact.format(value)
        : plain.format(value);
  return unit === 'percent' ? `${n} %` : n;
}

/** A signed change, e.g. "+12" or "−3.5". */
export function formatChange(value: number | null, unit: Unit): string {
  if (value === null) return '';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return sign + formatValue(Math.abs(value), unit, true);
}

/**
 * A period as people read it: quarters numbered in the open workspace's fiscal year ("Q1
 * FY2027"; with a January start "Q1 2026"), anything unreadable as it is.
 */
export function periodName(period: string): string {
  try {
    return fiscalPeriodLabel(period, calendar.fiscalStart);
  } catch {
    return period;
  }
}

export const STATUS_LABEL = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-target': 'No target',
  'no-data': 'No data',
} as const;
