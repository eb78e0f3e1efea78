/**
 * Success plans in the document: one Y.Map per plan in `plans`, edited field by field, with its
 * parts nested inside and created with it (so two replicas never race to create them):
 * `milestones` (a Y.Map of one Y.Map per milestone), `notes` (a Y.Array of {at, by, text},
 * append-only) and `stepHistory` (a Y.Array of {stepId, at}, appended on every move). Two
 * people editing one plan at once (one moves it, another ticks a milestone) touch different
 * keys, so both edits stay.
 */
import * as Y from 'yjs';
import { todayLocal } from '../domain/periods';
import { readPlan, type Plan, type PlanDraft, type PlanStatus } from '../domain/plans';
import { defaultStepSince } from '../domain/planDates';
import { MAX_NAME, MAX_TEXT, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import {
  checkDate,
  compareById,
  local,
  newId,
  part,
  plainFields,
  setField,
  type RecordMap,
} from './records';
import type { DocWarning } from './warnings';
import {
  isNonEmptyText,
  isTime,
  isYArray,
  isYMap,
  junkWarnings,
  marks,
  slotOf,
  type Marks,
} from './junk';

/**
 * What marks a plan record as written by the app (doc/junk.ts): the customer, the creation time
 * and the parts created with it.
 */
export const PLAN_MARKS: Marks = marks({
  customer: isNonEmptyText,
  createdAt: isTime,
  milestones: isYMap,
  notes: isYArray,
  stepHistory: isYArray,
});

/**
 * Reads every live plan (and with `includeDeleted`, removed ones too), validated; junk
 * (doc/junk.ts) is counted in one warning.
 */
export function readPlans(
  ws: WorkspaceDoc,
  includeDeleted = false,
): { plans: Plan[]; warnings: DocWarning[] } {
  const plans: Plan[] = [];
  const warnings: DocWarning[] = [];
  let junk = 0;
  ws.plans.forEach((_, id) => {
    const read = readPlanById(ws, id);
    warnings.push(...read.warnings);
    if (read.junk) junk++;
    if (read.plan && (read.plan.deletedAt === null || includeDeleted)) plans.push(read.plan);
  });
  warnings.push(...plansJunkWarnings(junk));
  return { plans, warnings };
}

/** The one warning for this many junk keys in `plans`. */
export const plansJunkWarnings = (count: number): DocWarning[] =>
  junkWarnings('plans', count, plansArea.roots.plans);

/**
 * Reads one plan, deleted or not (null when the id holds no plan), for refreshing only the
 * plans a change touched. A removed plan's problems are not reported; junk is only flagged
 * (its map's reader sums it up).
 */
export function readPlanById(
  ws: WorkspaceDoc,
  id: string,
): { plan: Plan | null; warnings: DocWarning[]; junk: boolean } {
  const record = ws.plans.get(id);
  if (record === undefined) return { plan: null, warnings: [], junk: false };
  const slot = slotOf(record, PLAN_MARKS);
  if (slot !== 'record') return { plan: null, warnings: [], junk: slot === 'junk' };
  const problems = new Problems();
  const plan = readPlan(id, plainFields(record), parts(record), problems);
  const warnings =
    plan.deletedAt === null
      ? problems.list.map((message) => ({ where: `plan “${plan.customer}”`, message }))
      : [];
  return { plan, warnings, junk: false };
}

function parts(record: RecordMap): Parameters<typeof readPlan>[2] {
  const milestones: [string, Record<string, unknown>][] = [];
  const m = record.get('milestones');
  if (m instanceof Y.Map) {
    m.forEach((value, id) => {
      if (value instanceof Y.Map) milestones.push([id, plainFields(value as RecordMap)]);
    });
  }
  const list = (key: string): unknown[] => {
    const a = record.get(key);
    return a instanceof Y.Array ? a.toArray() : [];
  };
  return { milestones, notes: list('notes'), history: list('stepHistory') };
}

function plan(ws: WorkspaceDoc, id: string): RecordMap | null {
  const r = ws.plans.get(id);
  return r instanceof Y.Map ? r : null;
}

function checkDraft(draft: Partial<PlanDraft>): void {
  if (draft.customer !== undefined) {
    const c = draft.customer.trim();
    if (c === '' || c.length > MAX_NAME) throw new Error('A plan needs a customer name');
  }
  checkDate(draft.startDate, 'start date');
  checkDate(draft.goalDate, 'goal date');
  checkDate(draft.stepSince, 'step date');
}

function createPlan(ws: WorkspaceDoc, draft: PlanDraft, today: string, now: number): string {
  const id = newId();
  const r: RecordMap = new Y.Map();
  r.set('customer', draft.customer.trim());
  r.set('segment', draft.segment.trim());
  r.set('ownerId', draft.ownerId);
  r.set('startDate', draft.startDate);
  r.set('goalDate', draft.goalDate);
  r.set('goals', draft.goals);
  r.set('stepId', draft.stepId);
  const since =
    draft.stepId === null ? null : (draft.stepSince ?? defaultStepSince(draft.startDate, today));
  r.set('stepSince', since);
  r.set('createdAt', now);
  r.set('milestones', new Y.Map<RecordMap>());
  r.set('notes', new Y.Array<unknown>());
  const history = new Y.Array<unknown>();
  if (draft.stepId !== null) history.push([{ stepId: draft.stepId, at: since }]);
  r.set('stepHistory', history);
  ws.plans.set(id, r);
  return id;
}

const DRAFT: PlanDraft = {
  customer: '',
  segment: '',
  ownerId: null,
  startDate: null,
  goalDate: null,
  stepId: null,
  goals: '',
};

/**
 * Creates plans in one transaction (all land or none do, one undo step); a plan on a step
 * entered it on its `stepSince`, else on its start date, else `today`. Throws before writing when a draft is invalid. Returns the new ids.
 */
export function addPlans(
  ws: WorkspaceDoc,
  drafts: readonly (Partial<PlanDraft> & { customer: string })[],
  today = todayLocal(),
  now = Date.now(),
): string[] {
  drafts.forEach(checkDraft);
  const ids: string[] = [];
  local(ws, () => {
    for (const d of drafts) ids.push(createPlan(ws, { ...DRAFT, ...d }, today, now));
  });
  return ids;
}

export function addPlan(
  ws: WorkspaceDoc,
  draft: Partial<PlanDraft> & { customer: string },
  today = todayLocal(),
  now = Date.now(),
): string {
  return addPlans(ws, [draft], today, now)[0] ?? '';
}

/** Changes fields of a plan (null clears one); unchanged fields are not written. */
export function updatePlan(
  ws: WorkspaceDoc,
  id: string,
  patch: Partial<Omit<PlanDraft, 'stepId' | 'stepSince'>>,
): void {
  const r = plan(ws, id);
  if (!r) return;
  checkDraft(patch);
  local(ws, () => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const trimmed = key === 'customer' || key === 'segment' ? (value as string).trim() : value;
      setField(r, key, key === 'goals' ? (value as string).slice(0, MAX_TEXT) : trimmed);
    }
  });
}

/**
 * Moves a plan to a step on `date`: the step, the date it entered it and a step history visit,
 * in one transaction. Nothing happens when the plan is already on that step.
 */
export function movePlanToStep(
  ws: WorkspaceDoc,
  id: string,
  stepId: string,
  date = todayLocal(),
): void {
  const r = plan(ws, id);
  if (!r || r.get('stepId') === stepId) return;
  checkDate(date, 'date');
  local(ws, () => {
    r.set('stepId', stepId);
    r.set('stepSince', date);
    part(r, 'stepHistory', Y.Array<unknown>).push([{ stepId, at: date }]);
  });
}

/**
 * Corrects the date the plan entered its current step: `stepSince` and the latest step
 * history visit onto that step (added when a peer's copy kept none), in one transaction.
 */
export function setStepSince(ws: WorkspaceDoc, id: string, date: string): void {
  const r = plan(ws, id);
  const stepId = r?.get('stepId');
  if (!r || typeof stepId !== 'string') return;
  checkDate(date, 'date');
  local(ws, () => {
    setField(r, 'stepSince', date);
    const history = part(r, 'stepHistory', Y.Array<unknown>);
    const visits = history.toArray();
    for (let i = visits.length - 1; i >= 0; i--) {
      const v = visits[i];
      if (typeof v === 'object' && v !== null && (v as { stepId?: unknown }).stepId === stepId) {
        if ((v as { at?: unknown }).at === date) return;
        history.delete(i, 1);
        history.insert(i, [{ ...(v as object), stepId, at: date }]);
        return;
      }
    }
    history.push([{ stepId, at: date }]);
  });
}

/** Sets the status by hand, or with null, goes back to following the suggestion. */
export function setPlanStatus(ws: WorkspaceDoc, id: string, status: PlanStatus | null): void {
  const r = plan(ws, id);
  if (r) local(ws, () => setField(r, 'status', status));
}

/** Soft delete (undoable). */
export function deletePlan(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = plan(ws, id);
  if (r) local(ws, () => r.set('deletedAt', now));
}

export function restorePlan(ws: WorkspaceDoc, id: string): void {
  const r = plan(ws, id);
  if (r?.has('deletedAt')) local(ws, () => r.delete('deletedAt'));
}

/** Appends a note to the plan's log (append-only; concurrent notes both stay). */
export function addPlanNote(
  ws: WorkspaceDoc,
  id: string,
  text: string,
  by: string | null,
  now = Date.now(),
): void {
  const r = plan(ws, id);
  const t = text.trim();
  if (!r || t === '') return;
  local(ws, () =>
    part(r, 'notes', Y.Array<unknown>).push([{ at: now, by, text: t.slice(0, MAX_TEXT) }]),
  );
}

/**
 * The milestones map of a plan, for doc/planMilestones; call it inside a local transaction
 * (it creates the map when a plan from elsewhere lacks one). Null when there is no such plan.
 */
export function milestonesMap(ws: WorkspaceDoc, planId: string): Y.Map<RecordMap> | null {
  const r = plan(ws, planId);
  return r ? part(r, 'milestones', Y.Map<RecordMap>) : null;
}

/** Joint success plans: one record per customer, milestones, notes and step history nested. */
export const plansArea: DocArea<{ plans: Y.Map<RecordMap> }> = {
  name: 'plans',
  roots: {
    plans: {
      counting: 'key',
      one: 'success plan',
      many: 'success plans',
      trash: true,
      marks: PLAN_MARKS,
    },
  },
  read: (ws) => {
    const { plans, warnings } = readPlans(ws, true);
    return { value: plans.sort(compareById), warnings };
  },
};
