import {
  addDays,
  GRAIN_ORDER,
  grainOf,
  periodEnd,
  periodOf,
  periodStart,
  quarterFirstMonth,
  quarterShift,
  toGrain,
  type Grain,
} from './periods';
import type { Aggregation, PeriodKey } from './types';

export interface Point {
  period: PeriodKey;
  value: number;
}

/** A running aggregate: every kind in one pass, with no array per group. */
interface Acc {
  sum: number;
  count: number;
  min: number;
  max: number;
  last: number;
}

const start = (v: number): Acc => ({ sum: v, count: 1, min: v, max: v, last: v });

function add(acc: Acc, v: number): void {
  acc.sum += v;
  acc.count += 1;
  if (v < acc.min) acc.min = v;
  if (v > acc.max) acc.max = v;
  acc.last = v;
}

function result(acc: Acc, how: Aggregation): number {
  switch (how) {
    case 'sum':
      return acc.sum;
    case 'average':
      return acc.sum / acc.count;
    case 'last':
      return acc.last;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
  }
}

/** One value for a period: 'last' is the last in the given order; null when there are none. */
export function aggregate(values: readonly number[], how: Aggregation): number | null {
  let acc: Acc | undefined;
  for (const v of values) {
    if (acc === undefined) acc = start(v);
    else add(acc, v);
  }
  return acc === undefined ? null : result(acc, how);
}

/** Digits in the shape of some period key (with the same length as a valid key: that grain). */
const KEY_SHAPE = /^\d{4}-(?:W\d\d|Q\d|\d\d(?:-\d\d)?)$/;

/** The grain of a key already known to be valid, by its shape alone. */
function shapeGrain(key: string): Grain {
  if (key.length === 10) return 'day';
  const c = key.charAt(5);
  return c === 'W' ? 'week' : c === 'Q' ? 'quarter' : 'month';
}

/**
 * The first and last source keys (of `source` grain) that fall into `target`. Weeks belong to
 * the period of their Thursday: the first is the week of the target's 4th day, the last the
 * week of its 4th-last day.
 */
function sourceRange(target: string, source: Grain): [string, string] {
  if (shapeGrain(target) === source) return [target, target];
  const first = periodStart(target);
  const last = periodEnd(target);
  if (source === 'day') return [first, last];
  if (source === 'month') return [first.slice(0, 7), last.slice(0, 7)];
  return [periodOf(addDays(first, 3), 'week'), periodOf(addDays(last, -3), 'week')];
}

/**
 * Regroups points of one grain (sorted by period) into an equal or coarser grain, aggregating
 * each group. One pass: when a point's key leaves the current group, its target period and the
 * range of source keys inside that target are computed once; the following keys in the range
 * join the same group with two string comparisons (keys of one grain sort as strings, and any
 * well-shaped key between two valid ones is valid). Each group keeps a running accumulator.
 * Output is sorted by period. Unsorted input is handled, only slower. Quarters are those of a
 * fiscal year starting in `fiscalStart` (domain/fiscal.ts). A finer grain, an invalid key or a
 * quarter of another fiscal year throws a RangeError.
 */
export function regroup(
  points: readonly Point[],
  grain: Grain,
  how: Aggregation,
  fiscalStart = 1,
): Point[] {
  const groups = new Map<string, Acc>();
  let lo = '';
  let hi = '';
  let acc: Acc | undefined;
  for (const { period, value } of points) {
    if (
      acc === undefined ||
      period < lo ||
      period > hi ||
      period.length !== lo.length ||
      !KEY_SHAPE.test(period)
    ) {
      const target = toGrain(period, grain, fiscalStart);
      [lo, hi] = sourceRange(target, shapeGrain(period));
      acc = groups.get(target);
      if (acc === undefined) {
        acc = start(value);
        groups.set(target, acc);
        continue;
      }
    }
    add(acc, value);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, group]) => ({ period, value: result(group, how) }));
}

/**
 * A hand-logged series at `grain` (null: as logged): regrouped with its own aggregation, into
 * the quarters of a fiscal year starting in `fiscalStart`. Points of a coarser grain than
 * `grain` cannot be split and are left out, like invalid keys and quarters of another fiscal
 * year (stored before the setting moved quarters: no quarter of this one holds them whole);
 * `skipped` counts them. (A formula's series is never rolled up this way: see metricSeries.)
 */
export function rollUp(
  points: readonly Point[],
  grain: Grain | null,
  how: Aggregation,
  fiscalStart = 1,
): { points: readonly Point[]; skipped: number } {
  if (grain === null) return { points, skipped: 0 };
  const rank = GRAIN_ORDER.indexOf(grain);
  const shift = quarterShift(fiscalStart);
  const fits = points.filter((p) => {
    const g = grainOf(p.period);
    if (g === null || GRAIN_ORDER.indexOf(g) > rank) return false;
    return g !== 'quarter' || (quarterFirstMonth(p.period) ?? 0) % 3 === shift;
  });
  return { points: regroup(fits, grain, how, fiscalStart), skipped: points.length - fits.length };
}
