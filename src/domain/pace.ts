import { daysBetween, grainOf, isDate, periodEnd } from './periods';
import type { Direction, TargetSet, Unit } from './types';

export interface Baseline {
  value: number;
  date: string;
}

export interface Anchor {
  date: string;
  value: number;
  kind: 'baseline' | 'benchmark' | 'target';
}

export type TrackStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-target' | 'no-data';

/** When two anchors share a date, the higher rank wins. */
const RANK: Record<Anchor['kind'], number> = { baseline: 0, benchmark: 1, target: 2 };

/** Relative tolerance for comparing values that went through interpolation. */
const EPSILON = 1e-9;

/**
 * Baseline, benchmarks and targets as one chronological list (a target and a benchmark on the
 * same date: the target wins). A benchmark sits on the last day of its month and a target on
 * the last day of its quarter. One anchor per date: target over benchmark over baseline. Keys
 * of the wrong grain, invalid dates and non-finite values are skipped.
 */
export function paceAnchors(baseline: Baseline | null, targets: TargetSet): Anchor[] {
  const byDate = new Map<string, Anchor>();
  const put = (anchor: Anchor): void => {
    if (!Number.isFinite(anchor.value)) return;
    const held = byDate.get(anchor.date);
    if (!held || RANK[anchor.kind] > RANK[held.kind]) byDate.set(anchor.date, anchor);
  };
  if (baseline && isDate(baseline.date)) put({ ...baseline, kind: 'baseline' });
  for (const [key, value] of Object.entries(targets.monthly)) {
    if (grainOf(key) === 'month') put({ date: periodEnd(key), value, kind: 'benchmark' });
  }
  for (const [key, value] of Object.entries(targets.quarterly)) {
    if (grainOf(key) === 'quarter') put({ date: periodEnd(key), value, kind: 'target' });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Where the metric should be on `date`: linear (by calendar days) between the anchors around
 * it; null before the first anchor or with fewer than 2 anchors; after the last anchor, the
 * last anchor's value. `anchors` must be chronological, as paceAnchors returns them.
 */
export function paceAt(date: string, anchors: readonly Anchor[]): number | null {
  if (!isDate(date)) throw new RangeError(`Not a calendar date: "${date}"`);
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (anchors.length < 2 || !first || !last || date < first.date) return null;
  if (date >= last.date) return last.value;
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1];
    const b = anchors[i];
    if (!a || !b || date >= b.date) continue;
    const span = daysBetween(a.date, b.date);
    if (span <= 0) return b.value;
    return a.value + ((b.value - a.value) * daysBetween(a.date, date)) / span;
  }
  return last.value;
}

/**
 * Compares the latest actual value with the pace at its date, respecting direction ('up':
 * higher is better; 'down': lower is better). on-track: at or better than pace; at-risk: worse,
 * but by no more than `slack` (default 10%) of the planned move from baseline to pace (or of
 * |pace| when there is no baseline); off-track: worse than that. 'no-target' when pace is null
 * (also when actual is null too), 'no-data' when actual is null.
 */
export function trackStatus(
  actual: number | null,
  pace: number | null,
  direction: Direction,
  baseline: number | null,
  slack = 0.1,
): TrackStatus {
  if (pace === null) return 'no-target';
  if (actual === null) return 'no-data';
  const eps = EPSILON * Math.max(1, Math.abs(pace), Math.abs(actual));
  const shortfall = direction === 'up' ? pace - actual : actual - pace;
  if (shortfall <= eps) return 'on-track';
  const planned = baseline === null ? Math.abs(pace) : Math.abs(pace - baseline);
  return shortfall <= slack * planned + eps ? 'at-risk' : 'off-track';
}

/** Fewest values a forecast is fitted to; with fewer the trend is too short to forecast. */
export const MIN_FORECAST_POINTS = 3;
/** How many of the latest points the forecast fits by default. */
export const FORECAST_WINDOW = 8;

type Dated = { date: string; value: number };
const byDate = (a: Dated, b: Dated): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * The last `n` points by date. Points usually come chronological (a metric's series): then a
 * slice, with no copy or sort of the whole series; otherwise the tail of a stably sorted copy.
 */
function lastByDate<P extends Dated>(points: readonly P[], n: number): P[] {
  for (let i = 1; i < points.length; i++) {
    if (byDate(points[i - 1] as P, points[i] as P) > 0) return [...points].sort(byDate).slice(-n);
  }
  return points.slice(-n);
}

/**
 * End-of-period forecast: fits a least-squares line (value against calendar day) through the
 * last `window` (default 8) points by date and reads it at `atDate`. Null with fewer than
 * MIN_FORECAST_POINTS points, or when they all share one date (no line to fit). Days are
 * counted from the latest point, which keeps the sums small and the fit numerically stable.
 */
export function forecast(
  points: readonly { date: string; value: number }[],
  atDate: string,
  window = FORECAST_WINDOW,
): number | null {
  const recent = lastByDate(points, Math.max(1, Math.floor(window)));
  const origin = recent[recent.length - 1];
  if (recent.length < MIN_FORECAST_POINTS || !origin) return null;
  const xs = recent.map((p) => daysBetween(origin.date, p.date));
  const n = recent.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = recent.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  recent.forEach((p, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  });
  if (sxx === 0) return null;
  return meanY + (sxy / sxx) * (daysBetween(origin.date, atDate) - meanX);
}

export interface Bounds {
  min: number;
  max: number;
}

/**
 * The range a value of a unit can take, for bounding a forecast: a percent 0–100 (no upper
 * bound when the metric may exceed 100 %); a count, currency, duration or ratio 0 or more; a
 * score anything. A metric whose own values, baseline or targets already go past a bound
 * allows that side (a growth rate of 140 %, a net revenue below 0), so the bound never hides
 * what the metric itself shows.
 */
export function unitBounds(
  unit: Unit,
  seen: { lowest: number; highest: number },
  mayExceed100 = false,
): Bounds {
  if (unit === 'score') return { min: -Infinity, max: Infinity };
  const below = seen.lowest < 0;
  const above = unit !== 'percent' || mayExceed100 || seen.highest > 100;
  return { min: below ? -Infinity : 0, max: above ? Infinity : 100 };
}

/** A forecast held inside its bounds, and whether it had to be. */
export function boundForecast(
  value: number | null,
  bounds: Bounds,
): { value: number | null; capped: boolean } {
  if (value === null) return { value, capped: false };
  const held = Math.min(bounds.max, Math.max(bounds.min, value));
  return { value: held, capped: held !== value };
}

/**
 * Counter-metrics: whether `latest` is worse than `reference` (baseline, else the first value)
 * by more than `tolerancePct` percent of |reference| (|reference| = 0: any worsening counts).
 * Exactly at the tolerance is not a breach.
 */
export function counterBreached(
  latest: number,
  reference: number,
  direction: Direction,
  tolerancePct: number,
): boolean {
  const worsening = direction === 'up' ? reference - latest : latest - reference;
  const scale = Math.abs(reference);
  if (scale === 0) return worsening > 0;
  return worsening > (Math.max(0, tolerancePct) / 100) * scale + EPSILON * scale;
}
