/**
 * What the review screen derives from the workspace's data, as pure functions: the quarters
 * the list offers, the experiments and success plans of a quarter, the facts that fill "Wins
 * and misses", the quarter's top insight tags, next quarter's targets, and sentences for what
 * moved since a review closed. (Candidates to move down into `domain/` once settled.)
 */
import { experimentWindow, type Experiment } from '../../domain/experiments';
import { nsmPosition, type Journey } from '../../domain/journey';
import { synthesizeInsights, type Insight } from '../../domain/insights';
import { nextPeriod, periodEnd, periodStart } from '../../domain/periods';
import type { Plan } from '../../domain/plans';
import { suggestTarget, type Moved, type ReviewRow, type ReviewStatus } from '../../domain/review';
import { formatValue } from '../common/format';

/** A status in words (never colour alone). */
export const REVIEW_STATUS_WORDS: Record<ReviewStatus, string> = {
  met: 'Met',
  missed: 'Missed',
  held: 'Held',
  breached: 'Breached',
  'no-target': 'No target',
  'no-data': 'No data',
};

/**
 * The quarters the list offers, newest first: the current one, the three before it, and every
 * quarter with a stored review (also future ones, e.g. drafted early).
 */
export function listQuarters(current: string, stored: readonly string[]): string[] {
  const set = new Set<string>([current]);
  for (let i = 1; i <= 3; i++) set.add(nextPeriod(current, -i));
  for (const q of stored) set.add(q);
  return [...set].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Whether a date range overlaps a quarter. */
function overlaps(range: { start: string; end: string }, quarter: string): boolean {
  return range.start <= periodEnd(quarter) && range.end >= periodStart(quarter);
}

export interface QuarterExperiment {
  experiment: Experiment;
  window: { start: string; end: string };
}

/** Live experiments whose window overlaps the quarter, earliest start first. */
export function experimentsInQuarter(
  experiments: readonly Experiment[],
  quarter: string,
  today: string,
): QuarterExperiment[] {
  const out: QuarterExperiment[] = [];
  for (const experiment of experiments) {
    if (experiment.deletedAt !== null) continue;
    const window = experimentWindow(experiment, today);
    if (window !== null && overlaps(window, quarter)) out.push({ experiment, window });
  }
  return out.sort(
    (a, b) =>
      (a.window.start < b.window.start ? -1 : a.window.start > b.window.start ? 1 : 0) ||
      (a.experiment.id < b.experiment.id ? -1 : 1),
  );
}

export interface ReachedNsm {
  plan: Plan;
  /** The first day the plan reached the NSM moment's step (or a step after it). */
  at: string;
}

/**
 * Live plans that first reached the NSM moment inside the quarter: the earliest visit in their
 * step history to the NSM moment's step or one after it (steps placed as the journey places
 * them, so a deleted step counts where it sits). A plan that got there in an earlier quarter is
 * not counted again.
 */
export function plansReachedNsm(
  plans: readonly Plan[],
  journey: Journey,
  quarter: string,
): ReachedNsm[] {
  const nsm = nsmPosition(journey);
  if (nsm < 0) return [];
  const from = periodStart(quarter);
  const to = periodEnd(quarter);
  const out: ReachedNsm[] = [];
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    let first: string | null = null;
    for (const visit of plan.stepHistory) {
      const placed = journey.placement.get(visit.stepId);
      const position = placed === undefined ? -1 : (journey.indexOf.get(placed) ?? -1);
      if (position >= nsm && (first === null || visit.at < first)) first = visit.at;
    }
    if (first !== null && first >= from && first <= to) out.push({ plan, at: first });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export interface Fact {
  kind: 'win' | 'miss';
  text: string;
  /** What it is about, for a link. */
  metricId?: string;
  experimentId?: string;
  planId?: string;
}

/** Facts from the data: metrics met or missed (counters breached), experiments won, plans that reached the NSM moment. */
export function reviewFacts(
  rows: readonly ReviewRow[],
  won: readonly Experiment[],
  reached: readonly ReachedNsm[],
): Fact[] {
  const facts: Fact[] = [];
  for (const r of rows) {
    const actual = formatValue(r.actual, r.unit);
    const target = formatValue(r.target, r.unit);
    if (r.status === 'met') {
      facts.push({
        kind: 'win',
        metricId: r.metricId,
        text: `${r.name} met its target: ${actual} against ${target}`,
      });
    } else if (r.status === 'missed') {
      facts.push({
        kind: 'miss',
        metricId: r.metricId,
        text: `${r.name} missed its target: ${actual} against ${target}`,
      });
    } else if (r.status === 'breached') {
      facts.push({
        kind: 'miss',
        metricId: r.metricId,
        text: `${r.name} (a counter-metric) got worse: ${formatValue(r.start, r.unit)} → ${actual}`,
      });
    }
  }
  for (const e of won) {
    facts.push({ kind: 'win', experimentId: e.id, text: `Experiment “${e.title}” won` });
  }
  if (reached.length > 0) {
    const n = reached.length;
    facts.push({
      kind: 'win',
      text: `${n.toLocaleString()} customer${n === 1 ? '' : 's'} reached the NSM moment: ${reached
        .slice(0, 5)
        .map((r) => r.plan.customer)
        .join(', ')}${n > 5 ? ', …' : ''}`,
    });
  }
  return facts;
}

export interface TopTag {
  tag: string;
  count: number;
  quote: Insight | null;
}

/** A journey step customers got stuck on in the quarter, with its latest quote. */
export interface TopBlocker {
  step: string;
  count: number;
  quote: Insight | null;
}

const latest = (insights: readonly Insight[]): Insight | null =>
  insights.reduce<Insight | null>((l, i) => (l === null || i.date > l.date ? i : l), null);

/**
 * The quarter's most used insight tags and its blockers (journey steps insights are about), at
 * most `max` of each, each with its latest quote.
 */
export function quarterTopTags(
  insights: readonly Insight[],
  quarter: string,
  journey: Journey,
  max = 5,
): { total: number; tags: TopTag[]; blockers: TopBlocker[] } {
  const synthesis = synthesizeInsights(
    insights,
    { from: periodStart(quarter), to: periodEnd(quarter) },
    journey,
  );
  return {
    total: synthesis.total,
    tags: synthesis.tags.slice(0, max).map((t) => ({
      tag: t.tag,
      count: t.count,
      quote: latest(t.insights),
    })),
    blockers: synthesis.blockers.slice(0, max).map((b) => ({
      step: b.step.name,
      count: b.count,
      quote: latest(b.insights),
    })),
  };
}

/** The value a next-quarter target field shows: the drafted one, else the suggestion. */
export function nextTargetValue(
  row: ReviewRow,
  drafted: Readonly<Record<string, number>>,
): number | null {
  return drafted[row.metricId] ?? suggestTarget(row);
}

/** The targets a close writes: every scored metric with a drafted or suggested value. */
export function targetsToWrite(
  rows: readonly ReviewRow[],
  drafted: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    if (row.kind === 'counter') continue;
    const value = nextTargetValue(row, drafted);
    if (value !== null) out[row.metricId] = value;
  }
  return out;
}

/** "a late entry changed the actual of Orders from 100 to 105" */
export function movedSentence(m: Moved, unit: ReviewRow['unit']): string {
  const what = m.field === 'actual' ? 'the actual' : 'the start';
  const was = m.was === null ? 'nothing' : formatValue(m.was, unit);
  const now = m.now === null ? 'nothing' : formatValue(m.now, unit);
  return `a late entry changed ${what} of ${m.name} from ${was} to ${now}`;
}

/** Runs an action; the message of the Error it threw (for the user), or null. */
export function attempt(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
