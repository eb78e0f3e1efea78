/**
 * A plan's milestones: each its own Y.Map inside the plan's `milestones` map, keyed by
 * milestone id, so ticking one milestone, editing another and moving the plan all merge.
 */
import * as Y from 'yjs';
import { isDate, todayLocal } from '../domain/periods';
import { MAX_NAME } from '../domain/validate';
import { milestonesMap } from './plans';
import type { WorkspaceDoc } from './schema';
import { local, newId, setField, type RecordMap } from './records';

export interface MilestoneFields {
  title: string;
  due: string | null;
  ownerId: string | null;
}

function check(fields: Partial<MilestoneFields>): void {
  if (fields.title !== undefined) {
    const t = fields.title.trim();
    if (t === '' || t.length > MAX_NAME) throw new Error('A milestone needs a title');
  }
  if (fields.due !== undefined && fields.due !== null && !isDate(fields.due)) {
    throw new Error(`The due date “${fields.due.slice(0, 20)}” is not a date`);
  }
}

/** Runs `fn` on one milestone in a local transaction; false when plan or milestone is missing. */
function edit(
  ws: WorkspaceDoc,
  planId: string,
  milestoneId: string,
  fn: (m: RecordMap) => void,
): boolean {
  const r = ws.plans.get(planId);
  const existing = r instanceof Y.Map ? r.get('milestones') : undefined;
  const m = existing instanceof Y.Map ? existing.get(milestoneId) : undefined;
  if (!(m instanceof Y.Map)) return false;
  local(ws, () => fn(m as RecordMap));
  return true;
}

/** Adds a milestone to a plan; returns its id, or null when there is no such plan. */
export function addMilestone(
  ws: WorkspaceDoc,
  planId: string,
  fields: Partial<MilestoneFields> & { title: string },
  now = Date.now(),
): string | null {
  check(fields);
  if (!(ws.plans.get(planId) instanceof Y.Map)) return null;
  const id = newId();
  local(ws, () => {
    const m: RecordMap = new Y.Map();
    m.set('title', fields.title.trim());
    m.set('due', fields.due ?? null);
    m.set('ownerId', fields.ownerId ?? null);
    m.set('done', false);
    m.set('createdAt', now);
    milestonesMap(ws, planId)?.set(id, m);
  });
  return id;
}

/** Changes a milestone's title, due date or owner (null clears); unchanged ones are not written. */
export function updateMilestone(
  ws: WorkspaceDoc,
  planId: string,
  milestoneId: string,
  patch: Partial<MilestoneFields>,
): void {
  check(patch);
  edit(ws, planId, milestoneId, (m) => {
    if (patch.title !== undefined) setField(m, 'title', patch.title.trim());
    if (patch.due !== undefined) setField(m, 'due', patch.due);
    if (patch.ownerId !== undefined) setField(m, 'ownerId', patch.ownerId);
  });
}

/** Ticks (or unticks) a milestone; ticking records the date it was done (`today`, or given). */
export function setMilestoneDone(
  ws: WorkspaceDoc,
  planId: string,
  milestoneId: string,
  done: boolean,
  today = todayLocal(),
): void {
  if (!isDate(today)) throw new Error(`“${today}” is not a date`);
  edit(ws, planId, milestoneId, (m) => {
    if (m.get('done') === done) return;
    m.set('done', done);
    if (done) m.set('doneAt', today);
    else if (m.has('doneAt')) m.delete('doneAt');
  });
}

/** Corrects the date a done milestone was done; nothing for one not done. */
export function setMilestoneDoneAt(
  ws: WorkspaceDoc,
  planId: string,
  milestoneId: string,
  date: string,
): void {
  if (!isDate(date)) throw new Error(`“${date.slice(0, 20)}” is not a date`);
  edit(ws, planId, milestoneId, (m) => {
    if (m.get('done') === true) setField(m, 'doneAt', date);
  });
}

/** Soft delete (undoable). */
export function removeMilestone(
  ws: WorkspaceDoc,
  planId: string,
  milestoneId: string,
  now = Date.now(),
): void {
  edit(ws, planId, milestoneId, (m) => m.set('deletedAt', now));
}

export function restoreMilestone(ws: WorkspaceDoc, planId: string, milestoneId: string): void {
  edit(ws, planId, milestoneId, (m) => {
    if (m.has('deletedAt')) m.delete('deletedAt');
  });
}
