/**
 * Joint success plans: one per key customer, with goals, milestones, a journey step and a log
 * of notes. This file holds the types and how a plan is read (validated) from plain values;
 * status suggestions are in planStatus, form messages in planForm, view helpers in planViews.
 */
import { MAX_NAME, MAX_TEXT, Problems, dateOrNull, finiteOrNull, idOrNull, text } from './validate';

export const PLAN_STATUSES = ['on-track', 'at-risk', 'stuck', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface Milestone {
  id: string;
  title: string;
  /** Calendar date, YYYY-MM-DD. */
  due: string | null;
  ownerId: string | null;
  done: boolean;
  /** The date it was ticked; null when not done (or not known). */
  doneAt: string | null;
  createdAt: number;
}

/** One line of a plan's log. Append-only: concurrent appends both stay. */
export interface PlanNote {
  /** Milliseconds since the epoch. */
  at: number;
  /** A person id, if known. */
  by: string | null;
  text: string;
}

/** A move of the plan onto a step, on a calendar date (the step history). */
export interface StepVisit {
  stepId: string;
  at: string;
}

export interface Plan {
  id: string;
  customer: string;
  segment: string;
  ownerId: string | null;
  startDate: string | null;
  goalDate: string | null;
  /** The step as written; a deleted step is placed on read (domain/journey placeStep). */
  stepId: string | null;
  /** The date the plan entered its step. */
  stepSince: string | null;
  goals: string;
  /** Set by hand; null = follow the suggestion (planStatus). */
  statusOverride: PlanStatus | null;
  /** Live milestones: due date (none last), then creation, then id. */
  milestones: Milestone[];
  /** The log, oldest first. */
  notes: PlanNote[];
  /** Every move onto a step, in the document's order. */
  stepHistory: StepVisit[];
  createdAt: number;
  deletedAt: number | null;
}

/** The fields a new plan is made from (a form or a CSV row). */
export interface PlanDraft {
  customer: string;
  segment: string;
  ownerId: string | null;
  startDate: string | null;
  goalDate: string | null;
  stepId: string | null;
  goals: string;
  /** The date it entered its step; left out: its start date, else today (domain/planDates). */
  stepSince?: string | null;
}

/** A plan's nested parts as plain values: milestone records by id, log and history items. */
export interface RawPlanParts {
  milestones: readonly (readonly [string, Record<string, unknown>])[];
  notes: readonly unknown[];
  history: readonly unknown[];
}

/** Most milestones, notes and history visits read from one plan (a peer may write millions). */
export const MAX_PARTS = 2000;

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

export function readMilestone(
  id: string,
  raw: Record<string, unknown>,
  problems: Problems,
): Milestone & { deletedAt: number | null } {
  const title = text(raw.title, 'milestone title', problems, MAX_NAME).trim();
  const done = raw.done === true;
  if (raw.done !== undefined && typeof raw.done !== 'boolean') problems.add('done is not yes/no');
  return {
    id,
    title: title === '' ? '(untitled milestone)' : title,
    due: dateOrNull(raw.due, 'milestone due date', problems),
    ownerId: idOrNull(raw.ownerId, 'milestone owner', problems),
    done,
    doneAt: done ? dateOrNull(raw.doneAt, 'milestone done date', problems) : null,
    createdAt: finiteOrNull(raw.createdAt, 'milestone created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'milestone deleted at', problems),
  };
}

/** Due date first (none last), then creation time, then id: the same on every replica. */
export function compareMilestones(a: Milestone, b: Milestone): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function readNote(raw: unknown): PlanNote | null {
  if (!isObject(raw) || typeof raw.text !== 'string') return null;
  const at = typeof raw.at === 'number' && Number.isFinite(raw.at) ? raw.at : 0;
  const by = typeof raw.by === 'string' && raw.by.length <= 100 ? raw.by : null;
  return { at, by, text: raw.text.slice(0, MAX_TEXT) };
}

function readVisit(raw: unknown): StepVisit | null {
  if (!isObject(raw)) return null;
  const problems = new Problems();
  const stepId = idOrNull(raw.stepId, 'step', problems);
  const at = dateOrNull(raw.at, 'date', problems);
  return stepId === null || at === null ? null : { stepId, at };
}

/** Keeps what reads, counting what does not (and what is beyond MAX_PARTS). */
function readList<T>(
  items: readonly unknown[],
  read: (raw: unknown) => T | null,
  what: string,
  problems: Problems,
): T[] {
  const out: T[] = [];
  let bad = 0;
  for (const raw of items.slice(0, MAX_PARTS)) {
    const item = read(raw);
    if (item === null) bad++;
    else out.push(item);
  }
  if (bad > 0) {
    problems.add(`${what}: ${bad} could not be read and ${bad === 1 ? 'was' : 'were'} ignored`);
  }
  if (items.length > MAX_PARTS) problems.add(`only the first ${MAX_PARTS} ${what} were read`);
  return out;
}

/** A status set by hand; anything unknown means "follow the suggestion". */
function readOverride(raw: unknown, problems: Problems): PlanStatus | null {
  if (raw === undefined || raw === null) return null;
  if ((PLAN_STATUSES as readonly unknown[]).includes(raw)) return raw as PlanStatus;
  problems.add('status is not known; the suggested status is used');
  return null;
}

/** Reads a plan from the plain values stored in the document, repairing what is invalid. */
export function readPlan(
  id: string,
  raw: Record<string, unknown>,
  parts: RawPlanParts,
  problems: Problems,
): Plan {
  const customer = text(raw.customer, 'customer', problems, MAX_NAME).trim();
  if (customer === '') problems.add('customer is empty');
  const milestones: Milestone[] = [];
  for (const [mid, m] of parts.milestones.slice(0, MAX_PARTS)) {
    const { deletedAt, ...milestone } = readMilestone(mid, m, problems);
    if (deletedAt === null) milestones.push(milestone);
  }
  milestones.sort(compareMilestones);
  const notes = readList(parts.notes, readNote, 'notes', problems);
  // Stable: notes written at the same moment keep the document's order.
  notes.sort((a, b) => a.at - b.at);
  return {
    id,
    customer: customer === '' ? '(unnamed customer)' : customer,
    segment: text(raw.segment, 'segment', problems, MAX_NAME).trim(),
    ownerId: idOrNull(raw.ownerId, 'owner', problems),
    startDate: dateOrNull(raw.startDate, 'start date', problems),
    goalDate: dateOrNull(raw.goalDate, 'goal date', problems),
    stepId: idOrNull(raw.stepId, 'step', problems),
    stepSince: dateOrNull(raw.stepSince, 'on step since', problems),
    goals: text(raw.goals, 'goals', problems),
    statusOverride: readOverride(raw.status, problems),
    milestones,
    notes,
    stepHistory: readList(parts.history, readVisit, 'step history visits', problems),
    createdAt: finiteOrNull(raw.createdAt, 'created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}
