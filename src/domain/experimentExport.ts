/**
 * The rows of the experiments CSV export: one row per experiment (backlog order) and one per
 * milestone. Cells are plain values; csvExport makes them safe for spreadsheets (a title
 * starting with "=" stays text).
 */
import { STATUS_LABELS, targetMetricIds, type Experiment } from './experiments';
import type { Score } from './experimentScore';

type Cell = string | number | null;

export const EXPERIMENT_COLUMNS = [
  'Title',
  'Owner',
  'Status',
  'Status since',
  'Change',
  'Metric',
  'Direction',
  'Expected amount',
  'By date',
  'Other metrics',
  'Guardrails',
  'Tags',
  'Reach',
  'Impact',
  'Confidence',
  'Effort',
  'Ease',
  'Score',
  'Start date',
  'End date',
  'Sprint',
  'Milestones done',
  'Milestones',
  'Estimated hours',
  'Actual hours',
  'Success metric',
  'Guardrail',
  'Requirements',
  'User stories',
  'Decision rule',
  'Frozen on',
  'Outcome',
  'Loss cause',
  'Learning',
  'Decision',
] as const;

export interface ExperimentNames {
  person: (id: string | null) => string;
  metric: (id: string) => string;
}

const sum = (values: readonly (number | null)[]): number =>
  values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** One row per experiment, in the order given (the backlog's), under a header row. */
export function experimentRows(
  scored: readonly { experiment: Experiment; score: Score }[],
  names: ExperimentNames,
): Cell[][] {
  const rows: Cell[][] = [[...EXPERIMENT_COLUMNS]];
  for (const { experiment: e, score } of scored) {
    const targets = targetMetricIds(e);
    const [main] = targets;
    rows.push([
      e.title,
      names.person(e.ownerId),
      STATUS_LABELS[e.status],
      e.statusHistory.at(-1)?.at ?? '',
      e.hypothesis.change,
      main === undefined ? '' : names.metric(main),
      e.hypothesis.direction,
      e.hypothesis.amount,
      e.hypothesis.byDate ?? '',
      targets.slice(1).map(names.metric).join('; '),
      e.guardrailIds.map(names.metric).join('; '),
      e.tags.join('; '),
      e.scores.reach,
      e.scores.impact,
      e.scores.confidence,
      e.scores.effort,
      e.scores.ease,
      score.value,
      e.startDate ?? '',
      e.endDate ?? '',
      e.sprintId ?? '',
      e.milestones.filter((m) => m.done).length,
      e.milestones.length,
      sum(e.milestones.map((m) => m.estimateHours)),
      sum(e.milestones.map((m) => m.actualHours)),
      e.scope.successMetric,
      e.scope.guardrail,
      e.scope.requirements,
      e.scope.stories,
      e.scope.decisionRule,
      e.frozen?.at ?? '',
      e.result.outcome ?? '',
      e.result.lossCause ?? '',
      e.result.learning,
      e.result.decision,
    ]);
  }
  return rows;
}
