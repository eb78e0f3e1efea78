/**
 * The weekly (or monthly) report: what the team looks at in its weekly meeting, at a week's or
 * a month's grain.
 *
 * - **What moved**: every live metric with a value in the period, compared with the period
 *   before, biggest relative change first. A metric whose cadence is as fine as the report's
 *   or finer is aggregated into the report's periods (by its own aggregation; a formula is
 *   computed from its inputs' week or month, see metricSeries); one with a
 *   coarser cadence (a monthly metric in a weekly report) shows in the report whose period
 *   holds the end of its own period (the week a month closes), compared with its own
 *   period before.
 * - **Off track**: scored metrics that are off track or at risk against their pace at the end of
 *   the period (or today, if sooner), and counter-metrics worse than their tolerance allows,
 *   judged on the values logged up to then.
 * - **Due**: values owed (periods of a tracked metric's cadence that ended inside the report's
 *   period, or are running, and have no value), and open experiment milestones whose deadline
 *   falls inside the period.
 * - **New insights** heard in the period, and **experiments** that started running or ended
 *   (done or dropped) in it, from their dated status changes.
 */
import type { Point } from './aggregate';
import { isTracked, trackingSince } from './checkin';
import type { Experiment, ExperimentMilestone } from './experiments';
import type { Insight } from './insights';
import { treeSeries, type MetricSeries } from './metricSeries';
import type { TrackStatus } from './pace';
import {
  CADENCE_GRAIN,
  grainOf,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  periodsBetween,
  type Grain,
} from './periods';
import { summarize } from './summary';
import type { Metric, RepairedTree, TreeNode } from './types';

export type ReportGrain = 'week' | 'month';

const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter'];

export interface MovedLine {
  metric: Metric;
  /** The period the values are for: the report's, or the metric's own when it is coarser. */
  period: string;
  value: number;
  previous: number | null;
  /** value − previous, when both exist. */
  change: number | null;
  /** Whether the change went the metric's way; null when there is no change to judge. */
  better: boolean | null;
}

export interface OffTrackLine {
  metric: Metric;
  status: Extract<TrackStatus, 'off-track' | 'at-risk'> | 'breached';
  /** The latest value up to the end of the period. */
  value: number;
  /** Where it should be by then (scored metrics), or where it started (counter-metrics). */
  expected: number | null;
}

export interface DueValue {
  metric: Metric;
  /** The periods of its cadence with no value, chronological. */
  periods: string[];
  /** Whether the last of them is still running today (not late yet). */
  running: boolean;
}

export interface DueMilestone {
  experiment: Experiment;
  milestone: ExperimentMilestone;
}

export interface ExperimentChange {
  experiment: Experiment;
  /** The day of the change. */
  at: string;
}

export interface PeriodReport {
  period: string;
  grain: ReportGrain;
  start: string;
  end: string;
  moved: MovedLine[];
  offTrack: OffTrackLine[];
  dueValues: DueValue[];
  dueMilestones: DueMilestone[];
  insights: Insight[];
  started: ExperimentChange[];
  ended: ExperimentChange[];
}

export interface PeriodReportInput {
  tree: RepairedTree;
  /** A metric's values by period at its own cadence, chronological. */
  pointsOf: (metricId: string) => readonly Point[];
  /**
   * The values rolled up to the report's period (metricSeries: a formula computed from its
   * inputs' week or month); made from pointsOf when not given.
   */
  series?: MetricSeries;
  experiments: readonly Experiment[];
  insights: readonly Insight[];
  /** A week ("2026-W49") or a month ("2026-12"). */
  period: string;
  today: string;
  /** The month the workspace's fiscal year starts (default January): a quarterly metric's quarters. */
  fiscalStart?: number;
}

/** Whether a period key is one a report can be made for (a week or a month). */
export function isReportPeriod(period: string): boolean {
  const grain = grainOf(period);
  return grain === 'week' || grain === 'month';
}

/** Live metrics in tree order (NSM first). */
function treeOrder(tree: RepairedTree): Metric[] {
  const out: Metric[] = [];
  const visit = (node: TreeNode): void => {
    out.push(node.metric);
    node.children.forEach(visit);
  };
  tree.roots.forEach(visit);
  return out;
}

function finer(a: Grain, b: Grain): boolean {
  return GRAINS.indexOf(a) <= GRAINS.indexOf(b);
}

function movedLine(
  metric: Metric,
  points: readonly Point[],
  report: { period: string; grain: ReportGrain; start: string; end: string },
  series: MetricSeries,
  fiscalStart: number,
): MovedLine | null {
  const own = metric.cadence === null ? null : CADENCE_GRAIN[metric.cadence];
  const grain = grainOf(points.at(-1)?.period ?? '') ?? own;
  if (grain === null) return null;
  let period = report.period;
  if (!finer(grain, report.grain)) {
    // Coarser: its own period whose last day falls inside the report's period.
    period = periodOf(report.end, grain, fiscalStart);
    if (periodEnd(period) > report.end) period = nextPeriod(period, -1);
    if (periodEnd(period) < report.start) return null;
  }
  const value = series.valueIn(metric.id, period).value;
  if (value === null) return null;
  const previous = series.valueIn(metric.id, nextPeriod(period, -1)).value;
  const change = previous === null ? null : value - previous;
  const better =
    change === null || change === 0 ? null : metric.direction === 'up' ? change > 0 : change < 0;
  return { metric, period, value, previous, change, better };
}

/** |change| relative to the previous value (an absolute change when the previous was 0). */
function size(line: MovedLine): number {
  if (line.change === null) return -1;
  if (line.previous === null || line.previous === 0) return Math.abs(line.change);
  return Math.abs(line.change / line.previous);
}

/** Points whose period had started by `date` (what was known then, at best). */
function upTo(points: readonly Point[], date: string): Point[] {
  return points.filter((p) => {
    try {
      return periodStart(p.period) <= date;
    } catch {
      return false;
    }
  });
}

function offTrackLine(
  metric: Metric,
  points: readonly Point[],
  at: string,
  fiscalStart: number,
): OffTrackLine | null {
  const known = upTo(points, at);
  const latest = known.at(-1);
  if (latest === undefined) return null;
  const s = summarize(metric, known, undefined, at, [], fiscalStart);
  if (metric.kind === 'counter') {
    if (!s.counterWarning) return null;
    const expected = metric.baselineValue ?? known[0]?.value ?? null;
    return { metric, status: 'breached', value: latest.value, expected };
  }
  if (s.status !== 'off-track' && s.status !== 'at-risk') return null;
  return { metric, status: s.status, value: latest.value, expected: s.pace };
}

function dueValue(
  metric: Metric,
  points: readonly Point[],
  report: { start: string; end: string },
  today: string,
  fiscalStart: number,
): DueValue | null {
  if (!isTracked(metric) || metric.cadence === null) return null;
  const grain = CADENCE_GRAIN[metric.cadence];
  const last = report.end < today ? report.end : today;
  const since = trackingSince(metric);
  const from = since > report.start ? since : report.start;
  if (from > last) return null;
  const logged = new Set(points.map((p) => p.period));
  const current = today <= report.end;
  const periods = periodsBetween(
    periodOf(from, grain, fiscalStart),
    periodOf(last, grain, fiscalStart),
  ).filter(
    // Owed: it ended inside the report's period, or the report is this one and it runs today.
    (p) => !logged.has(p) && (periodEnd(p) <= report.end || (current && periodEnd(p) >= today)),
  );
  if (periods.length === 0) return null;
  const running = periodEnd(periods.at(-1) ?? '') >= today;
  return { metric, periods, running };
}

const inRange = (date: string, start: string, end: string): boolean => date >= start && date <= end;

/** The report of one week or month (see the file comment). */
export function periodReport(input: PeriodReportInput): PeriodReport {
  const { period, today } = input;
  const grain = grainOf(period);
  if (grain !== 'week' && grain !== 'month') {
    throw new RangeError(`A report is for a week or a month, not ${period}`);
  }
  const start = periodStart(period);
  const end = periodEnd(period);
  const report = { period, grain, start, end };
  const at = end < today ? end : today;
  const series = input.series ?? treeSeries(input.tree, input.pointsOf);
  const fiscal = input.fiscalStart ?? 1;

  const moved: MovedLine[] = [];
  const offTrack: OffTrackLine[] = [];
  const dueValues: DueValue[] = [];
  for (const metric of treeOrder(input.tree)) {
    if (metric.status === 'retired') continue;
    const points = input.pointsOf(metric.id);
    const m = movedLine(metric, points, report, series, fiscal);
    if (m) moved.push(m);
    const o = offTrackLine(metric, points, at, fiscal);
    if (o) offTrack.push(o);
    const d = start <= today ? dueValue(metric, points, report, today, fiscal) : null;
    if (d) dueValues.push(d);
  }
  moved.sort((a, b) => size(b) - size(a));

  const dueMilestones: DueMilestone[] = [];
  const started: ExperimentChange[] = [];
  const ended: ExperimentChange[] = [];
  for (const experiment of input.experiments) {
    if (experiment.deletedAt !== null) continue;
    for (const milestone of experiment.milestones) {
      if (!milestone.done && milestone.deadline && inRange(milestone.deadline, start, end)) {
        dueMilestones.push({ experiment, milestone });
      }
    }
    const run = experiment.statusHistory.find((c) => c.status === 'running');
    if (run && inRange(run.at, start, end)) started.push({ experiment, at: run.at });
    const last = experiment.statusHistory.at(-1);
    if (last && (last.status === 'done' || last.status === 'dropped')) {
      if (inRange(last.at, start, end)) ended.push({ experiment, at: last.at });
    }
  }
  const byDate = (a: { at: string }, b: { at: string }): number =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
  dueMilestones.sort((a, b) =>
    (a.milestone.deadline ?? '') < (b.milestone.deadline ?? '') ? -1 : 1,
  );

  const insights = input.insights
    .filter((i) => i.deletedAt === null && inRange(i.date, start, end))
    .sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : b.createdAt - a.createdAt));

  return {
    ...report,
    moved,
    offTrack,
    dueValues,
    dueMilestones,
    insights,
    started: started.sort(byDate),
    ended: ended.sort(byDate),
  };
}
