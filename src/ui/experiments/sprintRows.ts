import type { Experiment, ExperimentMilestone } from '../../domain/experiments';
import {
  effectiveSprintId,
  isRolledOver,
  plannedSprint,
  type Sprint,
  type SprintSettings,
} from '../../domain/sprints';

/** A milestone with the experiment it belongs to, as the sprint views show it. */
export interface MilestoneRow {
  experiment: Experiment;
  milestone: ExperimentMilestone;
  /** The sprint it was planned into when it counts in a later one (rolled over), else null. */
  rolledFrom: Sprint | null;
}

/**
 * Every milestone that counts in `sprint` on `today` (effectiveSprintId), grouped by experiment
 * in backlog order. An open milestone of a dropped experiment is work nobody will do: it does
 * not roll over into later sprints and counts nowhere.
 */
export function milestonesInSprint(
  experiments: readonly Experiment[],
  rhythm: SprintSettings,
  sprint: Sprint,
  today: string,
): MilestoneRow[] {
  const rows: MilestoneRow[] = [];
  for (const experiment of experiments) {
    for (const milestone of experiment.milestones) {
      if (experiment.status === 'dropped' && !milestone.done) continue;
      if (effectiveSprintId(rhythm, milestone, today) !== sprint.id) continue;
      const rolledFrom = isRolledOver(rhythm, milestone, today)
        ? plannedSprint(rhythm, milestone.sprintId)
        : null;
      rows.push({ experiment, milestone, rolledFrom });
    }
  }
  return rows;
}

/** Experiments planned into `sprint` (their own sprint, under the current rhythm). */
export function experimentsInSprint(
  experiments: readonly Experiment[],
  rhythm: SprintSettings,
  sprint: Sprint,
): Experiment[] {
  return experiments.filter((e) => plannedSprint(rhythm, e.sprintId)?.id === sprint.id);
}

const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Hours in the user's locale, e.g. "12.5 h". */
export function formatHours(hours: number): string {
  return `${hoursFormat.format(hours)} h`;
}
