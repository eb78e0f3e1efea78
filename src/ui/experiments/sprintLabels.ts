import { sprintsAround, type Sprint, type SprintSettings } from '../../domain/sprints';
import type { ExperimentSettings } from '../../domain/experimentSettings';
import { formatDay, formatDayShort } from '../common/dates';

/** The sprint rhythm of a workspace's experiment settings, as the sprint functions take it. */
export function rhythmOf(settings: ExperimentSettings): SprintSettings {
  return { start: settings.sprintStart, lengthDays: settings.sprintLength };
}

/** "Sprint 27 · Jan 4 – Jan 17, 2027" in the user's locale (en-US). */
export function sprintLabel(sprint: Sprint): string {
  return `Sprint ${sprint.index + 1} · ${formatDayShort(sprint.start)} – ${formatDay(sprint.end)}`;
}

/** The sprints to plan into: a few back, the current one, and some ahead. */
export function planningSprints(settings: ExperimentSettings, today: string): Sprint[] {
  return sprintsAround(rhythmOf(settings), today, 2, 6);
}
