/**
 * The numbers of a quarterly review, per metric of the tree (tree order, North Star first):
 * where it started (the quarter before, aggregated; else its baseline), the quarter's target,
 * the actual (the quarter's values aggregated by the metric's own aggregation), attainment and
 * status. Attainment is how much of the way from the start to the target the actual went, in %,
 * so it respects the direction (a "down" metric that fell from 10 to 6 against a target of 8 is
 * 200 %). Counter-metrics are not scored against a target: they held or were breached (worse
 * than their start by more than their tolerance). Also: next quarter's suggested target, what
 * moved since a review was closed, and how the tree changed between two closed reviews.
 */
import type { Point } from './aggregate';
import { treeSeries, type MetricSeries } from './metricSeries';
import { grainOf } from './periods';
import { counterBreached } from './pace';
import { nextPeriod, periodEnd, periodOf, quarterFirstMonth, toGrain } from './periods';
import { DEFAULT_TOLERANCE } from './summary';
import type { Direction, Metric, MetricKind, RepairedTree, TreeNode, Unit } from './types';

export type ReviewStatus = 'met' | 'missed' | 'held' | 'breached' | 'no-target' | 'no-data';

export interface ReviewRow {
  metricId: string;
  name: string;
  kind: MetricKind;
  unit: Unit;
  direction: Direction;
  ownerId: string | null;
  parentId: string | null;
  depth: number;
  start: number | null;
  target: number | null;
  actual: number | null;
  /** Percent of the way from start to target; null when it cannot be said. */
  attainment: number | null;
  status: ReviewStatus;
  /**
   * The quarter's values at the metric's cadence, chronological (for a sparkline): plain
   * `{ period, value }`, not the entries they came from.
   */
  points: Point[];
  /** What a reader should know about this row's figures, in words (empty when nothing). */
  notes: string[];
}

/**
 * The quarter of a period key (a week's is its Thursday's) among the quarters of a fiscal year
 * starting in `fiscalStart`, or null when it is in none.
 */
function quarterOfPeriod(period: string, fiscalStart: number): string | null {
  try {
    return toGrain(period, 'quarter', fiscalStart);
  } catch {
    return null; // a period finer than its grain allows, or junk: not in any quarter
  }
}

/** A metric's values in the reviewed quarter (plain points, in their order) and the quarter before. */
interface Split {
  inQuarter: Point[];
}

/**
 * One pass over a metric's points: those of `quarter` (the sparkline), a quarter of whichever
 * fiscal year its key names (domain/periods.ts). Any valid key's calendar quarter has the key's
 * own first four characters as its year (a week's Thursday lies in its ISO year), so for a
 * calendar quarter a key starting with neither quarter's year is skipped without parsing (a
 * shifted one, "2025-Q4+1" = Nov–Jan, also holds the next year's keys, so none is skipped); the
 * rest are parsed once per distinct key (`memo`, shared by every metric of one review).
 */
function splitPoints(
  points: readonly Point[],
  quarter: string,
  prev: string,
  memo: Map<string, string | null>,
): Split {
  const yearQ = quarter.slice(0, 4);
  const yearP = prev.slice(0, 4);
  // A start month whose quarters are this quarter's series: shift + 1 (January, February, March).
  const fiscalStart = ((quarterFirstMonth(quarter) ?? 0) % 3) + 1;
  const inQuarter: Point[] = [];
  for (const p of points) {
    const period = p.period;
    if (fiscalStart === 1 && !period.startsWith(yearQ) && !period.startsWith(yearP)) continue;
    let q = memo.get(period);
    if (q === undefined) {
      q = quarterOfPeriod(period, fiscalStart);
      memo.set(period, q);
    }
    if (q === quarter) inQuarter.push({ period, value: p.value });
  }
  return { inQuarter };
}

/** Where a metric starts a quarter: the quarter before's value, else its baseline if set before the quarter ended. */
function startOf(metric: Metric, before: number | null, quarterEnd: string): number | null {
  if (before !== null) return before;
  const { baselineValue: baseline, baselineDate: date } = metric;
  return baseline !== null && (date === null || date <= quarterEnd) ? baseline : null;
}

/** Attainment in % (see the file comment); null without a target, an actual or a distance to go. */
export function attainment(
  start: number | null,
  target: number | null,
  actual: number | null,
): number | null {
  if (target === null || actual === null) return null;
  if (start === null || start === target) return actual === target ? 100 : null;
  const pct = ((actual - start) / (target - start)) * 100;
  return Number.isFinite(pct) ? pct : null;
}

function statusOf(
  metric: Metric,
  start: number | null,
  target: number | null,
  actual: number | null,
): ReviewStatus {
  if (actual === null) return 'no-data';
  if (metric.kind === 'counter') {
    if (start === null) return 'no-data';
    const tolerance = metric.tolerance ?? DEFAULT_TOLERANCE;
    return counterBreached(actual, start, metric.direction, tolerance) ? 'breached' : 'held';
  }
  if (target === null) return 'no-target';
  const beat = metric.direction === 'up' ? actual >= target : actual <= target;
  return beat ? 'met' : 'missed';
}

/** Why a row's figures are missing or unusual: explained on the page, not left as a dash. */
function notesOf(
  m: Metric,
  points: readonly Point[],
  bounds: { prevEnd: string; end: string },
  start: number | null,
  target: number | null,
  actual: number | null,
): string[] {
  const notes: string[] = [];
  const added = m.createdAt > 0 ? new Date(m.createdAt).toISOString().slice(0, 10) : null;
  if (added !== null && added > bounds.prevEnd && added <= bounds.end) {
    notes.push(`added during the quarter (${added})`);
  }
  if (m.status === 'retired') notes.push('retired');
  if (actual === null) notes.push('no value was logged in the quarter');
  else if (start === null) notes.push('no start: no value the quarter before and no baseline');
  if (m.kind !== 'counter' && target === null) notes.push('no target was set for the quarter');
  const grains = new Set(points.map((p) => p.period.length));
  if (grains.size > 1) {
    notes.push(
      `its cadence changed during the quarter: the actual combines every value (${m.aggregation})`,
    );
  }
  return notes;
}

/**
 * The review's numbers: every live metric of the tree, in tree order, for one quarter.
 * `pointsOf` gives each metric's values at its own cadence (the sparkline); the start and the
 * actual come from `series` (metricSeries: a formula computed from its inputs' quarter, never
 * its weekly results added up), the workspace's when the caller has it, else made from pointsOf.
 */
export function reviewRows(
  tree: RepairedTree,
  pointsOf: (metricId: string) => readonly Point[],
  quarter: string,
  series: MetricSeries = treeSeries(tree, pointsOf),
): ReviewRow[] {
  /** A metric's value for a quarter; none for a key that is not a quarter. */
  const quarterValue = (metricId: string, key: string): number | null =>
    grainOf(key) === 'quarter' ? series.valueIn(metricId, key).value : null;
  const rows: ReviewRow[] = [];
  if (tree.roots.length === 0) return rows;
  const prev = nextPeriod(quarter, -1);
  const bounds = { prevEnd: periodEnd(prev), end: periodEnd(quarter) };
  const memo = new Map<string, string | null>();
  const visit = (node: TreeNode, parentId: string | null): void => {
    const m = node.metric;
    const { inQuarter } = splitPoints(pointsOf(m.id), quarter, prev, memo);
    const start = startOf(m, quarterValue(m.id, prev), bounds.end);
    const target = m.kind === 'counter' ? null : (m.targets.quarterly[quarter] ?? null);
    const actual = quarterValue(m.id, quarter);
    rows.push({
      metricId: m.id,
      name: m.name,
      kind: m.kind,
      unit: m.unit,
      direction: m.direction,
      ownerId: m.ownerId,
      parentId,
      depth: node.depth,
      start,
      target,
      actual,
      attainment: m.kind === 'counter' ? null : attainment(start, target, actual),
      status: statusOf(m, start, target, actual),
      points: inQuarter,
      notes: notesOf(m, inQuarter, bounds, start, target, actual),
    });
    node.children.forEach((c) => visit(c, m.id));
  };
  tree.roots.forEach((r) => visit(r, null));
  return rows;
}

/**
 * Next quarter's suggested target: the actual plus the same change again (actual − start), so
 * a metric keeps its pace; with no start, the actual itself. Never below 0 for a count or
 * outside 0–100 for a percent. Null without an actual (nothing to build on).
 */
export function suggestTarget(row: ReviewRow): number | null {
  if (row.actual === null || row.kind === 'counter') return null;
  const change = row.start === null ? 0 : row.actual - row.start;
  let next = row.actual + change;
  if (row.unit === 'percent') next = Math.min(100, Math.max(0, next));
  else if (row.unit === 'count' || row.unit === 'currency' || row.unit === 'duration') {
    next = Math.max(0, next);
  }
  return Math.round(next * 100) / 100;
}

/**
 * The quarter a date falls in, e.g. the quarter being reviewed today, in a fiscal year starting
 * in `fiscalStart` (January: the calendar quarter).
 */
export function quarterOf(date: string, fiscalStart = 1): string {
  return periodOf(date, 'quarter', fiscalStart);
}

export interface Moved {
  metricId: string;
  name: string;
  field: 'actual' | 'start';
  was: number | null;
  now: number | null;
}

/**
 * What moved since a review closed: each metric whose actual or start (as computed from today's
 * data) differs from the frozen figures, e.g. a late entry. Metrics added since are not listed.
 */
export function movedSinceClose(
  frozen: readonly ReviewRow[],
  current: readonly ReviewRow[],
): Moved[] {
  const now = new Map(current.map((r) => [r.metricId, r]));
  const out: Moved[] = [];
  for (const f of frozen) {
    const c = now.get(f.metricId);
    if (!c) continue;
    for (const field of ['start', 'actual'] as const) {
      if (!sameNumber(f[field], c[field])) {
        out.push({ metricId: f.metricId, name: f.name, field, was: f[field], now: c[field] });
      }
    }
  }
  return out;
}

const sameNumber = (a: number | null, b: number | null): boolean =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

export interface TreeChange {
  metricId: string;
  name: string;
  change: 'added' | 'removed' | 'moved' | 'owner' | 'renamed';
}

/** How the tree changed between two closed reviews (the earlier first). */
export function treeDifference(
  earlier: readonly ReviewRow[],
  later: readonly ReviewRow[],
): TreeChange[] {
  const before = new Map(earlier.map((r) => [r.metricId, r]));
  const after = new Map(later.map((r) => [r.metricId, r]));
  const out: TreeChange[] = [];
  for (const r of later) {
    const b = before.get(r.metricId);
    const base = { metricId: r.metricId, name: r.name };
    if (!b) {
      out.push({ ...base, change: 'added' });
      continue;
    }
    if (b.name !== r.name) out.push({ ...base, change: 'renamed' });
    if (b.parentId !== r.parentId) out.push({ ...base, change: 'moved' });
    if (b.ownerId !== r.ownerId) out.push({ ...base, change: 'owner' });
  }
  for (const r of earlier) {
    if (!after.has(r.metricId)) out.push({ metricId: r.metricId, name: r.name, change: 'removed' });
  }
  return out;
}
