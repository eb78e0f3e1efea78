import { sprintsAround, type Sprint, type SprintSettings } from '../../domain/sprints';
import type { ExperimentSettings } from '../../domain/experimentSettings';

/** The sprint rhythm of a workspace's experiment settings, as the sprint functions take it. */
export function rhythmOf(settings: ExperimentSettings): SprintSettings {
  return { start: settings.sprintStart, lengthDays: settings.sprintLength };
}

const dayMonth = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const full = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** "Sprint 27 · 4 Jan – 17 Jan 2027" in the user's locale. */
export function sprintLabel(sprint: Sprint): string {
  return `Sprint ${sprint.index + 1} · ${dayMonth.format(utc(sprint.start))} – ${full.format(utc(sprint.end))}`;
}

/** The sprints to plan into: a few back, the current one, and some ahead. */
export function planningSprints(settings: ExperimentSettings, today: string): Sprint[] {
  return sprintsAround(rhythmOf(settings), today, 2, 6);
}
