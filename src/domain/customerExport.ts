/**
 * The rows of the customer CSV exports: one row per success plan (its first columns are the
 * ones the customer import reads, so the file can be imported into another workspace) and
 * one row per insight. Cells are plain values; csvExport makes them safe for spreadsheets.
 */
import type { Insight } from './insights';
import type { Journey } from './journey';
import { placeStep } from './journey';
import { STATUS_LABELS } from './planStatus';
import type { PlanView } from './planViews';

type Cell = string | number | null;

export const PLAN_COLUMNS = [
  'Customer',
  'Segment',
  'Owner',
  'Start date',
  'Goal date',
  'Step',
  'Goals',
  'Status',
  'Suggested status',
  'Status set by hand',
  'Days on step',
  'Milestones done',
  'Milestones',
  'Next milestone',
  'Next milestone due',
] as const;

/** One row per plan view, in the order given, under a header row. */
export function planRows(
  views: readonly PlanView[],
  nameOf: (personId: string | null) => string,
): Cell[][] {
  const rows: Cell[][] = [[...PLAN_COLUMNS]];
  for (const v of views) {
    const p = v.plan;
    // Milestones are sorted by due date (none last): the first open one is the next.
    const next = p.milestones.find((m) => !m.done);
    rows.push([
      p.customer,
      p.segment,
      nameOf(p.ownerId),
      p.startDate ?? '',
      p.goalDate ?? '',
      v.step?.name ?? '',
      p.goals,
      STATUS_LABELS[v.status],
      STATUS_LABELS[v.suggestion.status],
      v.overridden ? 'yes' : 'no',
      v.daysOnStep,
      p.milestones.length - v.openMilestones,
      p.milestones.length,
      next?.title ?? '',
      next?.due ?? '',
    ]);
  }
  return rows;
}

export const INSIGHT_COLUMNS = [
  'Date',
  'Insight',
  'Customer',
  'Plan',
  'Source',
  'Tags',
  'Metric',
  'Journey step',
] as const;

/** One row per live insight, in the order given (newest first in the app). */
export function insightRows(
  insights: readonly Insight[],
  journey: Journey,
  names: { plan: (id: string) => string | undefined; metric: (id: string) => string | undefined },
): Cell[][] {
  const rows: Cell[][] = [[...INSIGHT_COLUMNS]];
  for (const i of insights) {
    if (i.deletedAt !== null) continue;
    const step =
      i.stepId !== null && journey.placement.has(i.stepId) ? placeStep(journey, i.stepId) : null;
    rows.push([
      i.date,
      i.text,
      i.customer,
      i.planId === null ? '' : (names.plan(i.planId) ?? ''),
      i.source,
      i.tags.join(', '),
      i.metricId === null ? '' : (names.metric(i.metricId) ?? ''),
      step?.name ?? '',
    ]);
  }
  return rows;
}
