import * as Y from 'yjs';
import {
  buildJourney,
  compareSteps,
  isStuckDays,
  readStep,
  type Journey,
  type StepRecord,
} from '../domain/journey';
import { keyBetween } from '../domain/order';
import { MAX_NAME, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';

/**
 * The key of the `journey` map that holds the NSM-moment step id. One plain field, so when two
 * people choose different steps at once, one choice wins everywhere (no step ids start with @).
 */
export const NSM_MOMENT_KEY = '@nsmMoment';

/** The editable fields of a step. */
export interface StepFields {
  name: string;
  description: string;
  stuckAfterDays: number | null;
}

function stepRecords(ws: WorkspaceDoc, warnings: DocWarning[] | null): StepRecord[] {
  const records: StepRecord[] = [];
  ws.journey.forEach((value, key) => {
    if (key === NSM_MOMENT_KEY) return;
    if (!(value instanceof Y.Map)) {
      warnings?.push({
        where: 'journey',
        message: `an entry (${key.slice(0, 20)}) is not a step and was ignored`,
      });
      return;
    }
    const problems = new Problems();
    const step = readStep(key, plainFields(value as RecordMap), problems);
    for (const message of problems.list)
      warnings?.push({ where: `journey step “${step.name}”`, message });
    records.push(step);
  });
  return records;
}

/**
 * The journey, validated: steps in order (deleted ones kept for placement) and the NSM moment.
 * A chosen NSM moment that is not a live step is reported and replaced as buildJourney says.
 */
export function readJourney(ws: WorkspaceDoc): { journey: Journey; warnings: DocWarning[] } {
  const warnings: DocWarning[] = [];
  const records = stepRecords(ws, warnings);
  const raw = ws.journey.get(NSM_MOMENT_KEY);
  const chosen = typeof raw === 'string' && raw.length <= 100 ? raw : null;
  if (raw !== undefined && raw !== null && chosen === null) {
    warnings.push({ where: 'journey', message: 'the NSM moment is not a step id' });
  }
  const journey = buildJourney(records, chosen);
  if (chosen !== null && journey.nsmStepId !== chosen && journey.steps.length > 0) {
    const known = records.some((s) => s.id === chosen);
    warnings.push({
      where: 'journey',
      message: known
        ? 'the NSM moment step was removed; the step before it stands in'
        : 'the NSM moment step is missing; the last step stands in',
    });
  }
  return { journey, warnings };
}

function record(ws: WorkspaceDoc, id: string): RecordMap | null {
  if (id === NSM_MOMENT_KEY) return null;
  const r = ws.journey.get(id);
  return r instanceof Y.Map ? (r as RecordMap) : null;
}

/** Order key for a place before `beforeId` among the live steps (null or unknown = last). */
function orderAt(ws: WorkspaceDoc, beforeId: string | null, self?: string): string {
  const list = stepRecords(ws, null)
    .filter((s) => s.deletedAt === null && s.id !== self)
    .sort(compareSteps);
  const index = beforeId === null ? -1 : list.findIndex((s) => s.id === beforeId);
  if (index < 0) return keyBetween(list.at(-1)?.order ?? null, null);
  return keyBetween(list[index - 1]?.order ?? null, list[index]?.order ?? null);
}

function checkFields(fields: Partial<StepFields>): void {
  if (fields.name !== undefined && (fields.name.trim() === '' || fields.name.length > MAX_NAME)) {
    throw new Error('A step needs a name of at most 300 characters');
  }
  if (fields.stuckAfterDays !== undefined && fields.stuckAfterDays !== null) {
    if (!isStuckDays(fields.stuckAfterDays)) throw new Error('Stuck after is not whole days');
  }
}

/** Adds a step before `beforeId` (null = at the end) and returns its id. */
export function addStep(
  ws: WorkspaceDoc,
  fields: Partial<StepFields> & { name: string },
  beforeId: string | null = null,
  now = Date.now(),
): string {
  checkFields(fields);
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    r.set('name', fields.name.trim());
    r.set('description', fields.description ?? '');
    if (fields.stuckAfterDays !== undefined && fields.stuckAfterDays !== null) {
      r.set('stuckAfterDays', fields.stuckAfterDays);
    }
    r.set('order', orderAt(ws, beforeId));
    r.set('createdAt', now);
    ws.journey.set(id, r);
  });
  return id;
}

/** Changes some fields of a step (rename, description, stuck after); unchanged ones are not written. */
export function updateStep(ws: WorkspaceDoc, id: string, patch: Partial<StepFields>): void {
  const r = record(ws, id);
  if (!r) return;
  checkFields(patch);
  local(ws, () => {
    if (patch.name !== undefined) setField(r, 'name', patch.name.trim());
    if (patch.description !== undefined) setField(r, 'description', patch.description);
    if (patch.stuckAfterDays !== undefined) {
      setField(r, 'stuckAfterDays', patch.stuckAfterDays ?? undefined);
    }
  });
}

/** Moves a step before `beforeId` (null = to the end). */
export function moveStep(ws: WorkspaceDoc, id: string, beforeId: string | null): void {
  const r = record(ws, id);
  if (!r || beforeId === id) return;
  local(ws, () => r.set('order', orderAt(ws, beforeId, id)));
}

/**
 * Removes a step (soft delete, undoable). Plans on it are not touched: reading places them on
 * the previous live step, so they never vanish and come back if the step is restored.
 */
export function removeStep(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = record(ws, id);
  if (!r) return;
  local(ws, () => r.set('deletedAt', now));
}

export function restoreStep(ws: WorkspaceDoc, id: string): void {
  const r = record(ws, id);
  if (!r?.has('deletedAt')) return;
  local(ws, () => r.delete('deletedAt'));
}

/** Makes a step the NSM moment (the only one: a single field holds the choice). */
export function setNsmMoment(ws: WorkspaceDoc, id: string): void {
  if (!record(ws, id)) return;
  local(ws, () => setField(ws.journey, NSM_MOMENT_KEY, id));
}

/** The customer journey: one record per step, plus which step is the NSM moment. */
export const journeyArea: DocArea<{ journey: Y.Map<unknown> }> = {
  name: 'journey',
  roots: { journey: { counting: 'key', one: 'journey step', many: 'journey steps', trash: true } },
  read: (ws) => {
    const { journey, warnings } = readJourney(ws);
    return { value: journey, warnings };
  },
};
