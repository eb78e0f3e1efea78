/**
 * The observed effect of an experiment on one linked metric: how far the metric moved over the
 * experiment's window beyond what its pace before the window would have given anyway. Derived
 * from the logged entries every time, never stored, and returned with the numbers it used so a
 * screen can show the working.
 *
 * The rule, for one metric's entries of one grain and a window of dates (inclusive):
 * - a period is *before* the window when its last day (periodEnd) is before window.start, and
 *   *during* it when it overlaps the window (starts on or before window.end and ends on or after
 *   window.start); a period after the window is ignored. A period the window starts inside of
 *   is during, not before: it already holds days of the experiment;
 * - `baseline` is the last value before the window, `last` the last value during it;
 * - `pacePerDay` is the least-squares slope of the last `beforeCount` values before the window
 *   (value against the period's start date, in days); it needs 2 values or more;
 * - `days` = days from the baseline's period start to the last value's period start;
 *   `observedChange` = last − baseline, `expectedChange` = pacePerDay × days,
 *   `effect` = observedChange − expectedChange (in the metric's unit; positive = above pace).
 *
 * A number that cannot be known is null and `reason` says why in words; no number is ever NaN
 * or Infinity. Entries with an invalid period key or a non-finite value are left out.
 */
import {
  daysBetween,
  grainOf,
  isDate,
  periodEnd,
  periodOf,
  periodStart,
  quarterFirstMonth,
  type Grain,
} from './periods';

export interface EffectPoint {
  period: string;
  value: number;
}

export interface EffectWindow {
  /** First day (a date, inclusive). */
  start: string;
  /** Last day (a date, inclusive). */
  end: string;
}

export interface ExperimentEffect {
  /** The values before the window the pace used (the last `beforeCount`), chronological. */
  before: EffectPoint[];
  /** Every value during the window, chronological. */
  during: EffectPoint[];
  baseline: EffectPoint | null;
  last: EffectPoint | null;
  pacePerDay: number | null;
  /** Days from the baseline's period start to the last value's period start. */
  days: number | null;
  observedChange: number | null;
  expectedChange: number | null;
  effect: number | null;
  /** Why some number is null; null when every number is known. */
  reason: string | null;
}

export const DEFAULT_BEFORE_COUNT = 6;

export const EFFECT_REASONS = {
  nothing: 'No value logged before the window or in it yet.',
  noBefore: 'No value logged before the window.',
  noDuring: 'No value logged in the window yet.',
  oneBefore: 'Only one value before the window: no pace to compare against.',
  onePeriod: 'The values before the window are all for one period: no pace to compare against.',
  tooLarge: 'The values are too large to compute the change.',
} as const;

interface Dated extends EffectPoint {
  start: string;
  end: string;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Least-squares slope of value against days since the first start; null when undefined. */
function slopePerDay(points: readonly Dated[]): number | null {
  const first = points[0];
  if (points.length < 2 || !first) return null;
  const xs = points.map((p) => daysBetween(first.start, p.start));
  const n = points.length;
  const meanX = xs.reduce((a, x) => a + x, 0) / n;
  const meanY = points.reduce((a, p) => a + p.value, 0) / n;
  let num = 0;
  let den = 0;
  points.forEach((p, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    num += dx * (p.value - meanY);
    den += dx * dx;
  });
  return den === 0 ? null : num / den;
}

const point = (p: Dated): EffectPoint => ({ period: p.period, value: p.value });
const dated = (e: EffectPoint): Dated => ({
  ...e,
  start: periodStart(e.period),
  end: periodEnd(e.period),
});
const byPeriod = (a: EffectPoint, b: EffectPoint): number =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : 0;

/**
 * The values before the window the pace uses (the last `beforeCount`), every value during it,
 * and the last of those. Entries of one grain (the usual case) are told apart by comparing
 * their keys with the keys of the window's first and last days, which sort as strings, so a
 * five-year daily series is not parsed date by date; mixed grains take the slower general path.
 * Quarters are compared in the entries' own series: the window's days are put in quarters that
 * start in the same months as the entries' (a fiscal year's "2026-Q1+1" keys, say), so no
 * fiscal setting is needed; quarters of two series (a setting changed between them) are mixed.
 */
function split(
  entries: readonly EffectPoint[],
  window: EffectWindow,
  beforeCount: number,
): { used: Dated[]; during: EffectPoint[]; last: Dated | null } {
  const valid: EffectPoint[] = [];
  let grain: Grain | null = null;
  let shift: number | null = null; // months a quarter starts after its calendar quarter
  let mixed = false;
  for (const e of entries) {
    const g = grainOf(e.period);
    if (g === null || !Number.isFinite(e.value)) continue;
    const s = g === 'quarter' ? (quarterFirstMonth(e.period) ?? 0) % 3 : 0;
    if (grain === null) {
      grain = g;
      shift = s;
    } else if (g !== grain || s !== shift) mixed = true;
    valid.push(e);
  }
  if (grain !== null && !mixed) {
    const fiscalStart = (shift ?? 0) + 1; // a start whose quarters are the entries'
    const lo = periodOf(window.start, grain, fiscalStart);
    const hi = periodOf(window.end, grain, fiscalStart);
    const before = valid.filter((p) => p.period < lo).sort(byPeriod);
    const during = valid.filter((p) => p.period >= lo && p.period <= hi).sort(byPeriod);
    const lastPoint = during.at(-1);
    return {
      used: before.slice(-beforeCount).map(dated),
      during: during.map((p) => ({ period: p.period, value: p.value })),
      last: lastPoint ? dated(lastPoint) : null,
    };
  }
  const all = valid
    .map(dated)
    .sort((a, b) =>
      a.start !== b.start
        ? a.start < b.start
          ? -1
          : 1
        : a.end < b.end
          ? -1
          : a.end > b.end
            ? 1
            : 0,
    );
  const duringDated = all.filter((p) => p.start <= window.end && p.end >= window.start);
  return {
    used: all.filter((p) => p.end < window.start).slice(-beforeCount),
    during: duringDated.map(point),
    last: duringDated.at(-1) ?? null,
  };
}

/**
 * The effect of an experiment on a metric from its entries (any order), the experiment's window
 * and how many values before the window set the pace (a whole number ≥ 2). Throws a RangeError
 * when the window's dates are not dates, it ends before it starts, or beforeCount is not ≥ 2.
 */
export function experimentEffect(
  entries: readonly EffectPoint[],
  window: EffectWindow,
  beforeCount: number = DEFAULT_BEFORE_COUNT,
): ExperimentEffect {
  if (!isDate(window.start) || !isDate(window.end) || window.end < window.start) {
    throw new RangeError(`Not a window of dates: ${window.start} – ${window.end}`);
  }
  if (!Number.isInteger(beforeCount) || beforeCount < 2) {
    throw new RangeError(`The pace needs at least 2 values: ${beforeCount}`);
  }
  const { used, during, last } = split(entries, window, beforeCount);
  const baseline = used.at(-1) ?? null;
  const out: ExperimentEffect = {
    before: used.map(point),
    during,
    baseline: baseline && point(baseline),
    last: last && point(last),
    pacePerDay: null,
    days: null,
    observedChange: null,
    expectedChange: null,
    effect: null,
    reason: null,
  };

  if (used.length >= 2) {
    const pace = slopePerDay(used);
    out.pacePerDay = pace === null ? null : finite(pace);
    if (pace === null) out.reason = EFFECT_REASONS.onePeriod;
    else if (out.pacePerDay === null) out.reason = EFFECT_REASONS.tooLarge;
  }
  if (!baseline || !last) {
    out.reason =
      !baseline && !last
        ? EFFECT_REASONS.nothing
        : baseline
          ? EFFECT_REASONS.noDuring
          : EFFECT_REASONS.noBefore;
    return out;
  }

  out.days = daysBetween(baseline.start, last.start);
  out.observedChange = finite(last.value - baseline.value);
  if (out.observedChange === null) {
    out.reason = EFFECT_REASONS.tooLarge;
    return out;
  }
  if (used.length < 2) {
    out.reason = EFFECT_REASONS.oneBefore;
    return out;
  }
  if (out.pacePerDay === null) return out; // the reason is set above
  out.expectedChange = finite(out.pacePerDay * out.days);
  out.effect = out.expectedChange === null ? null : finite(out.observedChange - out.expectedChange);
  if (out.effect === null) out.reason = EFFECT_REASONS.tooLarge;
  return out;
}

export interface ExperimentSpan {
  id: string;
  metricIds: readonly string[];
  /** First day of its window (a date, inclusive). */
  start: string;
  /** Last day of its window (a date, inclusive). */
  end: string;
}

/**
 * For each experiment id, the ids of the other experiments that target a shared metric in an
 * overlapping window: their effects on that metric cannot be told apart. Windows are inclusive,
 * so two windows overlap when they share at least one day (one ending the day another starts
 * overlaps; one ending the day before another starts does not). Dates are compared as
 * 'YYYY-MM-DD' strings. Every id of the input has an entry (maybe empty); the lists follow the
 * input order. This looks at days only: two windows in the same week of a weekly metric that
 * share no day are not reported, though the week's value holds both.
 */
export function overlappingExperiments(spans: readonly ExperimentSpan[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of spans) if (!out.has(s.id)) out.set(s.id, []);
  spans.forEach((a, i) => {
    for (let j = i + 1; j < spans.length; j++) {
      const b = spans[j];
      if (!b || a.id === b.id) continue;
      if (a.start > b.end || b.start > a.end) continue;
      if (!a.metricIds.some((m) => b.metricIds.includes(m))) continue;
      const forA = out.get(a.id);
      const forB = out.get(b.id);
      if (forA && !forA.includes(b.id)) forA.push(b.id);
      if (forB && !forB.includes(a.id)) forB.push(a.id);
    }
  });
  return out;
}
