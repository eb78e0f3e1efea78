/**
 * The roadmap of experiments: each experiment's span (the window it ran in, else its planned
 * start and end, else start to the hypothesis date) placed in the quarters it covers, grouped
 * by quarter or by the metric it targets. Experiments with no date at all are listed apart.
 */
import { experimentWindow, targetMetricIds, type Experiment } from './experiments';
import { periodOf, periodsBetween } from './periods';
import type { PeriodKey } from './types';

export interface RoadmapItem {
  experiment: Experiment;
  start: string;
  end: string;
  /** The quarters the span covers, chronological. */
  quarters: PeriodKey[];
  /** Whether the span is the window it ran in (else it is planned). */
  ran: boolean;
}

/** Most quarters one span may cover (a typo of year 2207 must not draw 700 columns). */
const MAX_QUARTERS = 16;

/**
 * Where an experiment sits on the roadmap, in the quarters of a fiscal year starting in
 * `fiscalStart`; null when it has no date to place it by.
 */
export function roadmapItem(e: Experiment, today: string, fiscalStart = 1): RoadmapItem | null {
  const w = experimentWindow(e, today);
  let start: string;
  let end: string;
  if (w) {
    start = w.start;
    end = w.end;
  } else {
    const from = e.startDate ?? e.endDate ?? e.hypothesis.byDate;
    if (from === null) return null;
    start = from;
    end = e.endDate ?? e.hypothesis.byDate ?? from;
    if (end < start) end = start;
  }
  const quarters = periodsBetween(
    periodOf(start, 'quarter', fiscalStart),
    periodOf(end, 'quarter', fiscalStart),
  ).slice(0, MAX_QUARTERS);
  return { experiment: e, start, end, quarters, ran: w !== null };
}

export interface Roadmap {
  /** Every quarter from the first span's to the last's, chronological. */
  quarters: PeriodKey[];
  items: RoadmapItem[];
  /** Experiments with no date yet. */
  undated: Experiment[];
}

/** Every live experiment placed on the roadmap, earliest start first (then title, id). */
export function roadmap(
  experiments: readonly Experiment[],
  today: string,
  fiscalStart = 1,
): Roadmap {
  const items: RoadmapItem[] = [];
  const undated: Experiment[] = [];
  for (const e of experiments) {
    if (e.deletedAt !== null || e.status === 'dropped') continue;
    const item = roadmapItem(e, today, fiscalStart);
    if (item) items.push(item);
    else undated.push(e);
  }
  items.sort(
    (a, b) =>
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      a.experiment.title.localeCompare(b.experiment.title) ||
      (a.experiment.id < b.experiment.id ? -1 : 1),
  );
  const all = items.flatMap((i) => i.quarters).sort();
  const first = all[0];
  const last = all.at(-1);
  const quarters =
    first && last ? periodsBetween(first, last).slice(0, MAX_QUARTERS * 2) : ([] as PeriodKey[]);
  return { quarters, items, undated };
}

/** The roadmap's items under each quarter they cover. */
export function byQuarter(map: Roadmap): { quarter: PeriodKey; items: RoadmapItem[] }[] {
  return map.quarters.map((quarter) => ({
    quarter,
    items: map.items.filter((i) => i.quarters.includes(quarter)),
  }));
}

/** The roadmap's items under the metric each targets first (null: no metric yet). */
export function byMetric(map: Roadmap): { metricId: string | null; items: RoadmapItem[] }[] {
  const groups = new Map<string | null, RoadmapItem[]>();
  for (const item of map.items) {
    const key = targetMetricIds(item.experiment)[0] ?? null;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups].map(([metricId, items]) => ({ metricId, items }));
}
