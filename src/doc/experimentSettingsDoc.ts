/**
 * The experiments' settings in the document: flat keys of `experimentSettings` (the scoring
 * method, `scale:<name>`, the sprint rhythm, `capacity:<personId>`, the default capacity), each
 * its own key so two people changing different settings both keep theirs.
 */
import {
  readExperimentSettings,
  type ExperimentSettings,
  MAX_CAPACITY,
} from '../domain/experimentSettings';
import {
  scaleProblem,
  type ScaleLevel,
  type ScaleName,
  type ScoringMethod,
} from '../domain/experimentScore';
import { MAX_NAME, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import { checkDate, local, setField } from './records';
import type { DocWarning } from './warnings';

export function readSettings(ws: WorkspaceDoc): {
  settings: ExperimentSettings;
  warnings: DocWarning[];
} {
  const problems = new Problems();
  const raw = new Map<string, unknown>();
  ws.experimentSettings.forEach((v, k) => raw.set(k, v));
  const settings = readExperimentSettings(raw, problems);
  return {
    settings,
    warnings: problems.list.map((message) => ({ where: 'experiment settings', message })),
  };
}

export function setScoringMethod(ws: WorkspaceDoc, method: ScoringMethod): void {
  local(ws, () => setField(ws.experimentSettings, 'method', method));
}

/** Replaces one scale; throws with the reason when it cannot be used. */
export function setScale(ws: WorkspaceDoc, name: ScaleName, levels: readonly ScaleLevel[]): void {
  const clean = levels.map((l) => ({
    value: l.value,
    label: l.label.trim().slice(0, MAX_NAME),
    rubric: l.rubric.trim().slice(0, MAX_NAME),
  }));
  if (clean.some((l) => !Number.isFinite(l.value) || l.value < 0)) {
    throw new Error('Every level needs a number of zero or more');
  }
  const problem = scaleProblem(clean);
  if (problem) throw new Error(problem);
  local(ws, () => ws.experimentSettings.set(`scale:${name}`, clean));
}

/** Sets the sprint rhythm; throws with the reason when it cannot be used. */
export function setSprintRhythm(ws: WorkspaceDoc, start: string, lengthDays: number): void {
  checkDate(start, 'sprint start');
  if (!Number.isInteger(lengthDays) || lengthDays < 1) {
    throw new Error('A sprint lasts at least 1 whole day');
  }
  if (lengthDays > 91) throw new Error('A sprint lasts at most 91 days');
  local(ws, () => {
    setField(ws.experimentSettings, 'sprintStart', start);
    setField(ws.experimentSettings, 'sprintLength', lengthDays);
  });
}

/** Sets a person's hours per sprint (null goes back to the default). */
export function setCapacity(ws: WorkspaceDoc, personId: string, hours: number | null): void {
  if (hours !== null && !(Number.isFinite(hours) && hours >= 0 && hours <= MAX_CAPACITY)) {
    throw new Error(`Capacity must be between 0 and ${MAX_CAPACITY} hours`);
  }
  local(ws, () =>
    setField(ws.experimentSettings, `capacity:${personId}`, hours === null ? undefined : hours),
  );
}

/** Sets the hours a person without their own capacity gives a sprint. */
export function setDefaultCapacity(ws: WorkspaceDoc, hours: number): void {
  if (!(Number.isFinite(hours) && hours >= 0 && hours <= MAX_CAPACITY)) {
    throw new Error(`Capacity must be between 0 and ${MAX_CAPACITY} hours`);
  }
  local(ws, () => setField(ws.experimentSettings, 'defaultCapacity', hours));
}
