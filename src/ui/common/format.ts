import { calendar } from '../../state/calendar.svelte';
import type { Unit } from '../../domain/types';
import { formatPeriod } from './dates';

interface Formats {
  plain: Intl.NumberFormat;
  whole: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  small: Intl.NumberFormat;
}

const formats = new Map<string, Formats>();

/** The number formats of a locale (undefined: the user's), made once each. */
function formatsOf(locale: string | undefined): Formats {
  const key = locale ?? '';
  let f = formats.get(key);
  if (!f) {
    f = {
      plain: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      compact: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, notation: 'compact' }),
      small: new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }),
    };
    formats.set(key, f);
  }
  return f;
}

/**
 * A value as people read it, in the user's locale (or `locale`): grouped digits, at most two
 * decimals, the unit where it helps ("12,5 %" in de-DE, "12.5 %" in en-US: a space before the
 * sign in every locale). A value closer to 0 than two decimals show keeps two significant digits
 * (0.001, not 0). Values people typed show as typed (a count of 12.5 stays 12.5).
 */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  short = false,
  locale?: string,
): string {
  return format(value, unit, short, locale, false);
}

/**
 * A value the app computed (a pace, a forecast), like formatValue, except that counts from 10
 * up are whole numbers: a pace of 1,263.61 people reads 1,264. Below 10 a count may be an
 * average (2.5 members per team) and keeps its decimals.
 */
export function formatEstimate(
  value: number | null | undefined,
  unit: Unit,
  locale?: string,
): string {
  return format(value, unit, false, locale, true);
}

function format(
  value: number | null | undefined,
  unit: Unit,
  short: boolean,
  locale: string | undefined,
  wholeCounts: boolean,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const f = formatsOf(locale);
  const size = Math.abs(value);
  const n =
    value !== 0 && size < 0.005
      ? f.small.format(value)
      : short && size >= 10_000
        ? f.compact.format(value)
        : wholeCounts && unit === 'count' && size >= 10
          ? f.whole.format(value)
          : f.plain.format(value);
  return unit === 'percent' ? `${n} %` : n;
}

/** A signed change, e.g. "+12" or "−3.5". */
export function formatChange(value: number | null, unit: Unit, locale?: string): string {
  if (value === null) return '';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return sign + formatValue(Math.abs(value), unit, true, locale);
}

/**
 * A period as people read it: days and months in the user's locale (or `locale`: "Mar 2026",
 * "März 2026"), quarters numbered in the open workspace's fiscal year ("Q1 FY2027"; with a
 * January start "Q1 2026"), weeks "Week 47, 2026", anything unreadable as it is (dates.ts,
 * formatPeriod).
 */
export function periodName(period: string, locale?: string): string {
  return formatPeriod(period, calendar.fiscalStart, locale);
}

export const STATUS_LABEL = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-target': 'No target',
  'no-data': 'No data',
} as const;
