/**
 * Experiments: bets against the metric tree (the framework's fourth habit). This file holds the
 * types and how an experiment is read (validated) from plain values; scoring is in
 * experimentScore, sprints in sprints, the observed effect in experimentEffect, the frozen copy
 * in preregistration.
 */
import { DIRECTIONS, type Direction } from './types';
import {
  MAX_NAME,
  MAX_TEXT,
  Problems,
  dateOrNull,
  finiteOrNull,
  idOrNull,
  oneOf,
  text,
} from './validate';

export const EXPERIMENT_STATUSES = ['idea', 'planned', 'running', 'done', 'dropped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const STATUS_LABELS: Record<ExperimentStatus, string> = {
  idea: 'Idea',
  planned: 'Planned',
  running: 'Running',
  done: 'Done',
  dropped: 'Dropped',
};

export const OUTCOMES = ['won', 'lost', 'inconclusive'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why a bet lost: the idea was wrong, or it was not carried out well enough to tell. */
export const LOSS_CAUSES = ['idea', 'execution'] as const;
export type LossCause = (typeof LOSS_CAUSES)[number];

/** The co-edited texts of an experiment's one-page scope, each a Y.Text in the document. */
export const SCOPE_FIELDS = [
  'successMetric',
  'guardrail',
  'requirements',
  'stories',
  'decisionRule',
] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

export const SCOPE_LABELS: Record<ScopeField, string> = {
  successMetric: 'Success metric',
  guardrail: 'Guardrail',
  requirements: 'Requirements',
  stories: 'User stories',
  decisionRule: 'Decision rule (ship if…, stop if…)',
};

/** A move of the experiment to a status, on a calendar date. */
export interface StatusChange {
  status: ExperimentStatus;
  at: string;
  by: string | null;
}

/** "We believe <change> will move <metric> <direction> by <amount> by <date>." */
export interface Hypothesis {
  change: string;
  metricId: string | null;
  direction: Direction;
  /** In the metric's unit; null when not yet said. */
  amount: number | null;
  byDate: string | null;
}

/** The inputs of a score, each null until given (the score is derived, never stored). */
export interface ScoreInputs {
  /** RICE: people or accounts reached per quarter. */
  reach: number | null;
  /** RICE and ICE: a level of the impact scale. */
  impact: number | null;
  /** RICE: a percentage level of the confidence scale; ICE: a level of its scale. */
  confidence: number | null;
  /** RICE: person-weeks. */
  effort: number | null;
  /** ICE: a level of the ease scale. */
  ease: number | null;
}

export const SCORE_FIELDS = ['reach', 'impact', 'confidence', 'effort', 'ease'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

export interface ExperimentMilestone {
  id: string;
  title: string;
  ownerId: string | null;
  estimateHours: number | null;
  actualHours: number | null;
  deadline: string | null;
  done: boolean;
  doneAt: string | null;
  /** The sprint (its start date) it is planned into. */
  sprintId: string | null;
  createdAt: number;
}

/** What was frozen when the experiment started (the pre-registration). */
export interface FrozenCopy {
  /** The date it was frozen. */
  at: string;
  hypothesis: Hypothesis;
  metricIds: string[];
  decisionRule: string;
}

export interface ExperimentResult {
  outcome: Outcome | null;
  lossCause: LossCause | null;
  learning: string;
  decision: string;
}

export interface Experiment {
  id: string;
  title: string;
  ownerId: string | null;
  /** The last status in the history (or idea when none). */
  status: ExperimentStatus;
  /** Every status change, oldest first. */
  statusHistory: StatusChange[];
  hypothesis: Hypothesis;
  /** Metrics of the tree it should move (the hypothesis metric first when set). */
  metricIds: string[];
  /** Guardrails it must not harm. */
  guardrailIds: string[];
  /** The challenge it attacks. */
  tags: string[];
  stepId: string | null;
  planId: string | null;
  scores: ScoreInputs;
  /** Its window: the day it started running (or planned start) to the day it ended. */
  startDate: string | null;
  endDate: string | null;
  sprintId: string | null;
  milestones: ExperimentMilestone[];
  scope: Record<ScopeField, string>;
  frozen: FrozenCopy | null;
  result: ExperimentResult;
  createdAt: number;
  deletedAt: number | null;
}

/** Most milestones and status changes read from one experiment (a peer may write millions). */
export const MAX_EXPERIMENT_PARTS = 2000;
/** Most hours one milestone may be estimated at or take. */
export const MAX_HOURS = 1000;
/** Most metric links, guardrails or tags one experiment keeps. */
export const MAX_LINKS = 50;

/** An experiment's nested parts as plain values. */
export interface RawExperimentParts {
  milestones: readonly (readonly [string, Record<string, unknown>])[];
  statusHistory: readonly unknown[];
  scope: Partial<Record<ScopeField, string>>;
}

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function idList(raw: unknown, field: string, problems: Problems): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.add(`${field} is not a list`);
    return [];
  }
  const out: string[] = [];
  for (const v of raw.slice(0, MAX_LINKS)) {
    if (typeof v === 'string' && v.length > 0 && v.length <= 100 && !out.includes(v)) out.push(v);
    else problems.add(`${field} holds something that is not an id`);
  }
  return out;
}

function tagList(raw: unknown, problems: Problems): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.add('tags are not a list');
    return [];
  }
  return raw
    .slice(0, MAX_LINKS)
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .map((t) => t.slice(0, MAX_NAME));
}

export function readHypothesis(raw: unknown, problems: Problems): Hypothesis {
  const h = isObject(raw) ? raw : {};
  if (raw !== undefined && !isObject(raw)) problems.add('hypothesis is not a record');
  return {
    change: text(h.change, 'hypothesis', problems, MAX_TEXT),
    metricId: idOrNull(h.metricId, 'hypothesis metric', problems),
    direction: oneOf(h.direction, DIRECTIONS, 'up', 'hypothesis direction', problems),
    amount: finiteOrNull(h.amount, 'expected amount', problems),
    byDate: dateOrNull(h.byDate, 'hypothesis date', problems),
  };
}

function readScores(raw: Record<string, unknown>, problems: Problems): ScoreInputs {
  const out: ScoreInputs = {
    reach: null,
    impact: null,
    confidence: null,
    effort: null,
    ease: null,
  };
  for (const f of SCORE_FIELDS) out[f] = finiteOrNull(raw[f], f, problems);
  return out;
}

export function readExperimentMilestone(
  id: string,
  raw: Record<string, unknown>,
  problems: Problems,
): ExperimentMilestone & { deletedAt: number | null } {
  const title = text(raw.title, 'milestone title', problems, MAX_NAME).trim();
  const done = raw.done === true;
  if (raw.done !== undefined && typeof raw.done !== 'boolean') problems.add('done is not yes/no');
  const hours = (v: unknown, field: string): number | null => {
    const n = finiteOrNull(v, field, problems);
    if (n === null) return null;
    if (n < 0 || n > MAX_HOURS) {
      problems.add(`${field} ${n} is outside 0–${MAX_HOURS}`);
      return null;
    }
    return n;
  };
  return {
    id,
    title: title === '' ? '(untitled milestone)' : title,
    ownerId: idOrNull(raw.ownerId, 'milestone owner', problems),
    estimateHours: hours(raw.estimateHours, 'estimated hours'),
    actualHours: hours(raw.actualHours, 'actual hours'),
    deadline: dateOrNull(raw.deadline, 'milestone deadline', problems),
    done,
    doneAt: done ? dateOrNull(raw.doneAt, 'milestone done date', problems) : null,
    sprintId: dateOrNull(raw.sprintId, 'milestone sprint', problems),
    createdAt: finiteOrNull(raw.createdAt, 'milestone created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'milestone deleted at', problems),
  };
}

/** Deadline first (none last), then creation time, then id: the same on every replica. */
export function compareExperimentMilestones(
  a: ExperimentMilestone,
  b: ExperimentMilestone,
): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function readStatusChange(raw: unknown): StatusChange | null {
  if (!isObject(raw)) return null;
  const problems = new Problems();
  const status = oneOf(raw.status, EXPERIMENT_STATUSES, 'idea', 'status', problems);
  const at = dateOrNull(raw.at, 'status date', problems);
  if (problems.list.length > 0 || at === null || raw.status === undefined) return null;
  const by = typeof raw.by === 'string' && raw.by.length <= 100 ? raw.by : null;
  return { status, at, by };
}

function readFrozen(raw: unknown, problems: Problems): FrozenCopy | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    problems.add('the frozen copy is not a record');
    return null;
  }
  const at = dateOrNull(raw.at, 'frozen date', problems);
  if (at === null) return null;
  return {
    at,
    hypothesis: readHypothesis(raw.hypothesis, problems),
    metricIds: idList(raw.metricIds, 'frozen metrics', problems),
    decisionRule: text(raw.decisionRule, 'frozen decision rule', problems, MAX_TEXT),
  };
}

/** An outcome as stored; anything else is no outcome yet (with a warning), never a guess. */
function readOutcome(raw: unknown, problems: Problems): Outcome | null {
  if (raw === null) return null;
  if (typeof raw === 'string' && (OUTCOMES as readonly string[]).includes(raw))
    return raw as Outcome;
  problems.add(`outcome “${typeof raw === 'string' ? raw.slice(0, 40) : typeof raw}” is not known`);
  return null;
}

/**
 * Reads an experiment from its plain fields and parts, repairing what is invalid. Fields are
 * stored flat (the hypothesis as `change`, `hypothesisMetricId`, `direction`, `amount`,
 * `byDate`; the scores and the result by their own names), so two people editing different
 * fields of one experiment both keep their edit.
 */
export function readExperiment(
  id: string,
  raw: Record<string, unknown>,
  parts: RawExperimentParts,
  problems: Problems,
): Experiment {
  const title = text(raw.title, 'title', problems, MAX_NAME).trim();
  const milestones: ExperimentMilestone[] = [];
  for (const [mid, m] of parts.milestones.slice(0, MAX_EXPERIMENT_PARTS)) {
    const { deletedAt, ...milestone } = readExperimentMilestone(mid, m, problems);
    if (deletedAt === null) milestones.push(milestone);
  }
  milestones.sort(compareExperimentMilestones);
  const statusHistory: StatusChange[] = [];
  let junk = 0;
  for (const item of parts.statusHistory.slice(0, MAX_EXPERIMENT_PARTS)) {
    const change = readStatusChange(item);
    if (change) statusHistory.push(change);
    else junk++;
  }
  if (junk > 0) problems.add(`${junk} status change(s) could not be read`);
  const scope = {} as Record<ScopeField, string>;
  for (const f of SCOPE_FIELDS) scope[f] = (parts.scope[f] ?? '').slice(0, MAX_TEXT);
  const hypothesis = readHypothesis(
    {
      change: raw.change,
      metricId: raw.hypothesisMetricId,
      direction: raw.direction,
      amount: raw.amount,
      byDate: raw.byDate,
    },
    problems,
  );
  const metricIds = idList(raw.metricIds, 'metrics', problems);
  const outcome = raw.outcome === undefined || raw.outcome === null ? null : raw.outcome;
  return {
    id,
    title: title === '' ? '(untitled experiment)' : title,
    ownerId: idOrNull(raw.ownerId, 'owner', problems),
    status: statusHistory.at(-1)?.status ?? 'idea',
    statusHistory,
    hypothesis,
    metricIds,
    guardrailIds: idList(raw.guardrailIds, 'guardrails', problems),
    tags: tagList(raw.tags, problems),
    stepId: idOrNull(raw.stepId, 'journey step', problems),
    planId: idOrNull(raw.planId, 'plan', problems),
    scores: readScores(raw, problems),
    startDate: dateOrNull(raw.startDate, 'start date', problems),
    endDate: dateOrNull(raw.endDate, 'end date', problems),
    sprintId: dateOrNull(raw.sprintId, 'sprint', problems),
    milestones,
    scope,
    frozen: readFrozen(raw.frozen, problems),
    result: {
      outcome: readOutcome(outcome, problems),
      lossCause:
        raw.lossCause === undefined || raw.lossCause === null
          ? null
          : oneOf(raw.lossCause, LOSS_CAUSES, 'idea', 'loss cause', problems),
      learning: text(raw.learning, 'learning', problems, MAX_TEXT),
      decision: text(raw.decision, 'decision', problems, MAX_TEXT),
    },
    createdAt: finiteOrNull(raw.createdAt, 'created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}

/** The metrics an experiment targets: the hypothesis metric first, then the other links. */
export function targetMetricIds(e: Experiment): string[] {
  const out = e.hypothesis.metricId ? [e.hypothesis.metricId] : [];
  for (const id of e.metricIds) if (!out.includes(id)) out.push(id);
  return out;
}

/**
 * The window an experiment ran (or runs) in: from its first move to running to today while it
 * runs, else to its last status change (done, dropped, or back to planned). One that never ran
 * uses its start and end dates once done (data typed in afterwards). Null when it has no window.
 */
export function experimentWindow(
  e: Experiment,
  today: string,
): { start: string; end: string } | null {
  const firstRun = e.statusHistory.find((c) => c.status === 'running')?.at ?? null;
  let start: string | null = firstRun;
  let end: string | null;
  if (start !== null) {
    end = e.status === 'running' ? today : (e.statusHistory.at(-1)?.at ?? start);
  } else if (e.status === 'done' && e.startDate !== null) {
    start = e.startDate;
    end = e.endDate ?? e.startDate;
  } else {
    return null;
  }
  return { start, end: end < start ? start : end };
}
