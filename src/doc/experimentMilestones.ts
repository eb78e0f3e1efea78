/**
 * An experiment's milestones in the document: a Y.Map of one Y.Map per milestone, nested in the
 * experiment's record as `milestones` (created with it, so two replicas never race to create
 * it); each with its title, owner, hours, deadline, sprint and done date, removed to a trash
 * with `deletedAt`.
 */
import * as Y from 'yjs';
import { MAX_HOURS } from '../domain/experiments';
import { todayLocal } from '../domain/periods';
import { MAX_NAME } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import { checkDate, local, newId, part, setField, type RecordMap } from './records';

/** An experiment's record, or null when there is none under that id. */
export function experimentRecord(ws: WorkspaceDoc, id: string): RecordMap | null {
  const r = ws.experiments.get(id);
  return r instanceof Y.Map ? r : null;
}

export interface MilestoneDraft {
  title: string;
  ownerId: string | null;
  estimateHours: number | null;
  actualHours: number | null;
  deadline: string | null;
  sprintId: string | null;
}

function milestoneValues(patch: Partial<MilestoneDraft>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (patch.title !== undefined) {
    const t = patch.title.trim();
    if (t === '') throw new Error('A milestone needs a title');
    out.title = t.slice(0, MAX_NAME);
  }
  for (const key of ['estimateHours', 'actualHours'] as const) {
    const v = patch[key];
    if (v === undefined) continue;
    if (v !== null && !(Number.isFinite(v) && v >= 0 && v <= MAX_HOURS)) {
      throw new Error(`Hours must be between 0 and ${MAX_HOURS}`);
    }
    out[key] = v;
  }
  checkDate(patch.deadline, 'deadline');
  checkDate(patch.sprintId, 'sprint');
  for (const key of ['ownerId', 'deadline', 'sprintId'] as const) {
    if (patch[key] !== undefined) out[key] = patch[key];
  }
  return out;
}

/** Adds a milestone to an experiment; returns its id (null when there is no such experiment). */
export function addExperimentMilestone(
  ws: WorkspaceDoc,
  experimentId: string,
  draft: Partial<MilestoneDraft> & { title: string },
  now = Date.now(),
): string | null {
  const r = experimentRecord(ws, experimentId);
  if (!r) return null;
  const stored = milestoneValues(draft);
  const id = newId();
  local(ws, () => {
    const m: RecordMap = new Y.Map();
    for (const [key, value] of Object.entries(stored)) if (value !== null) m.set(key, value);
    m.set('createdAt', now);
    part(r, 'milestones', Y.Map<unknown>).set(id, m);
  });
  return id;
}

function milestone(ws: WorkspaceDoc, experimentId: string, id: string): RecordMap | null {
  const m = experimentRecord(ws, experimentId)?.get('milestones');
  const r = m instanceof Y.Map ? m.get(id) : undefined;
  return r instanceof Y.Map ? (r as RecordMap) : null;
}

export function updateExperimentMilestone(
  ws: WorkspaceDoc,
  experimentId: string,
  id: string,
  patch: Partial<MilestoneDraft>,
): void {
  const m = milestone(ws, experimentId, id);
  if (!m) return;
  const stored = milestoneValues(patch);
  local(ws, () => {
    for (const [key, value] of Object.entries(stored)) {
      setField(m, key, value === null ? undefined : value);
    }
  });
}

/** Ticks a milestone done on `today` (or unticks it). */
export function setMilestoneDone(
  ws: WorkspaceDoc,
  experimentId: string,
  id: string,
  done: boolean,
  today = todayLocal(),
): void {
  const m = milestone(ws, experimentId, id);
  if (!m) return;
  local(ws, () => {
    setField(m, 'done', done);
    setField(m, 'doneAt', done ? today : undefined);
  });
}

export function deleteExperimentMilestone(
  ws: WorkspaceDoc,
  experimentId: string,
  id: string,
  now = Date.now(),
): void {
  const m = milestone(ws, experimentId, id);
  if (m) local(ws, () => m.set('deletedAt', now));
}

export function restoreExperimentMilestone(
  ws: WorkspaceDoc,
  experimentId: string,
  id: string,
): void {
  const m = milestone(ws, experimentId, id);
  if (m?.has('deletedAt')) local(ws, () => m.delete('deletedAt'));
}
