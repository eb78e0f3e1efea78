/**
 * Experiments in the document: one Y.Map per experiment in `experiments`, its fields flat, its
 * parts nested and created with it (so two replicas never race to create them): `milestones`
 * (a Y.Map of one Y.Map per milestone), `statusHistory` (a Y.Array of {status, at, by},
 * appended on every move) and `scope` (a Y.Map of one Y.Text per scope field, co-edited).
 * Retrospective lines are records of their own in `retroItems`; the settings are flat keys of
 * `experimentSettings`. Moving to running freezes the hypothesis, metrics and decision rule
 * into `frozen` (a plain value written once, never again). Milestones, retrospectives and
 * settings have files of their own (`experimentMilestones.ts`, `experimentRetros.ts`,
 * `experimentSettingsDoc.ts`), re-exported here as the area's one entry point.
 */
import * as Y from 'yjs';
import {
  MAX_LINKS,
  SCOPE_FIELDS,
  readExperiment,
  type Experiment,
  type ExperimentStatus,
  type FrozenCopy,
  type Hypothesis,
  type LossCause,
  type Outcome,
  type ScopeField,
  type ScoreInputs,
} from '../domain/experiments';
import { todayLocal } from '../domain/periods';
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
import { editText } from './text';
import type { DocWarning } from './warnings';
import { experimentRecord } from './experimentMilestones';
import { readRetroItems } from './experimentRetros';
import { readSettings } from './experimentSettingsDoc';

export * from './experimentMilestones';
export * from './experimentRetros';
export * from './experimentSettingsDoc';
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

// ——— reading ———

/**
 * What marks an experiment record as written by the app (doc/junk.ts): its title, creation time
 * and the parts created with it.
 */
export const EXPERIMENT_MARKS: Marks = marks({
  title: isNonEmptyText,
  createdAt: isTime,
  milestones: isYMap,
  statusHistory: isYArray,
  scope: isYMap,
});

/** Every live experiment (removed ones too with `includeDeleted`); junk is counted in one warning. */
export function readExperiments(
  ws: WorkspaceDoc,
  includeDeleted = false,
): { experiments: Experiment[]; warnings: DocWarning[] } {
  const experiments: Experiment[] = [];
  const warnings: DocWarning[] = [];
  let junk = 0;
  ws.experiments.forEach((_, id) => {
    const read = readExperimentById(ws, id);
    warnings.push(...read.warnings);
    if (read.junk) junk++;
    if (read.experiment && (read.experiment.deletedAt === null || includeDeleted)) {
      experiments.push(read.experiment);
    }
  });
  warnings.push(...experimentsJunkWarnings(junk));
  return { experiments, warnings };
}

/** The one warning for this many junk keys in `experiments`. */
export const experimentsJunkWarnings = (count: number): DocWarning[] =>
  junkWarnings('experiments', count, experimentsArea.roots.experiments);

/**
 * Reads one experiment, deleted or not (null when the id holds none); a deleted one's problems
 * are not reported; junk (doc/junk.ts) is only flagged (its map's reader sums it up).
 */
export function readExperimentById(
  ws: WorkspaceDoc,
  id: string,
): { experiment: Experiment | null; warnings: DocWarning[]; junk: boolean } {
  const record = ws.experiments.get(id);
  if (record === undefined) return { experiment: null, warnings: [], junk: false };
  const slot = slotOf(record, EXPERIMENT_MARKS);
  if (slot !== 'record') return { experiment: null, warnings: [], junk: slot === 'junk' };
  const problems = new Problems();
  const experiment = readExperiment(id, plainFields(record), parts(record), problems);
  const where = `experiment “${experiment.title.slice(0, 40)}”`;
  const warnings =
    experiment.deletedAt === null ? problems.list.map((message) => ({ where, message })) : [];
  return { experiment, warnings, junk: false };
}

function parts(record: RecordMap): Parameters<typeof readExperiment>[2] {
  const milestones: [string, Record<string, unknown>][] = [];
  const m = record.get('milestones');
  if (m instanceof Y.Map) {
    m.forEach((value, id) => {
      if (value instanceof Y.Map) milestones.push([id, plainFields(value as RecordMap)]);
    });
  }
  const h = record.get('statusHistory');
  const scope: Partial<Record<ScopeField, string>> = {};
  const s = record.get('scope');
  if (s instanceof Y.Map) {
    for (const f of SCOPE_FIELDS) {
      const t = s.get(f);
      if (t instanceof Y.Text) scope[f] = t.toString();
    }
  }
  return { milestones, statusHistory: h instanceof Y.Array ? h.toArray() : [], scope };
}

// ——— writing ———

/** What a new experiment or an edit gives; every field optional on edit. */
export interface ExperimentDraft {
  title: string;
  ownerId: string | null;
  change: string;
  hypothesisMetricId: string | null;
  direction: Hypothesis['direction'];
  amount: number | null;
  byDate: string | null;
  metricIds: readonly string[];
  guardrailIds: readonly string[];
  tags: readonly string[];
  stepId: string | null;
  planId: string | null;
  startDate: string | null;
  endDate: string | null;
  sprintId: string | null;
  outcome: Outcome | null;
  lossCause: LossCause | null;
  learning: string;
  decision: string;
}

/** Plain values to store for the given fields (text trimmed and cut); throws when invalid. */
function values(patch: Partial<ExperimentDraft>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (patch.title !== undefined) {
    const t = patch.title.trim();
    if (t === '') throw new Error('An experiment needs a title');
    if (t.length > MAX_NAME) throw new Error(`A title has at most ${MAX_NAME} characters`);
    out.title = t;
  }
  for (const key of ['startDate', 'endDate', 'byDate', 'sprintId'] as const) {
    checkDate(patch[key], key === 'sprintId' ? 'sprint' : key.replace('Date', ' date'));
    if (patch[key] !== undefined) out[key] = patch[key];
  }
  const start = patch.startDate;
  const end = patch.endDate;
  if (start && end && end < start) throw new Error('The end date is before the start date');
  if (patch.amount !== undefined) {
    if (patch.amount !== null && !Number.isFinite(patch.amount)) {
      throw new Error('The expected amount is not a number');
    }
    out.amount = patch.amount;
  }
  for (const key of ['change', 'learning', 'decision'] as const) {
    if (patch[key] !== undefined) out[key] = (patch[key] as string).slice(0, MAX_TEXT);
  }
  for (const key of [
    'ownerId',
    'hypothesisMetricId',
    'direction',
    'stepId',
    'planId',
    'outcome',
    'lossCause',
  ] as const) {
    if (patch[key] !== undefined) out[key] = patch[key];
  }
  for (const key of ['metricIds', 'guardrailIds'] as const) {
    const list = patch[key];
    if (list !== undefined) out[key] = [...new Set(list)].slice(0, MAX_LINKS);
  }
  if (patch.tags !== undefined) {
    const tags = patch.tags.map((t) => t.trim().toLowerCase().slice(0, MAX_NAME)).filter(Boolean);
    out.tags = [...new Set(tags)].slice(0, MAX_LINKS);
  }
  return out;
}

/** Creates an experiment as an idea (dated today); returns its id. Throws when invalid. */
export function addExperiment(
  ws: WorkspaceDoc,
  draft: Partial<ExperimentDraft> & { title: string },
  by: string | null,
  today = todayLocal(),
  now = Date.now(),
): string {
  const stored = values(draft);
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    for (const [key, value] of Object.entries(stored)) if (value !== null) r.set(key, value);
    r.set('createdAt', now);
    r.set('milestones', new Y.Map<RecordMap>());
    const history = new Y.Array<unknown>();
    history.push([{ status: 'idea', at: today, by }]);
    r.set('statusHistory', history);
    const scope = new Y.Map<Y.Text>();
    for (const f of SCOPE_FIELDS) scope.set(f, new Y.Text());
    r.set('scope', scope);
    ws.experiments.set(id, r);
  });
  return id;
}

const sameList = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);

/** Changes fields of an experiment (null clears one); unchanged fields are not written. */
export function updateExperiment(
  ws: WorkspaceDoc,
  id: string,
  patch: Partial<ExperimentDraft>,
): void {
  const r = experimentRecord(ws, id);
  if (!r) return;
  const stored = values(patch);
  const start = patch.startDate !== undefined ? patch.startDate : (r.get('startDate') as unknown);
  const end = patch.endDate !== undefined ? patch.endDate : (r.get('endDate') as unknown);
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    throw new Error('The end date is before the start date');
  }
  local(ws, () => {
    for (const [key, value] of Object.entries(stored)) {
      if (!sameList(value, r.get(key))) setField(r, key, value === null ? undefined : value);
    }
  });
}

/** Sets score inputs (null clears one). Values are checked when the score is derived. */
export function setScores(ws: WorkspaceDoc, id: string, scores: Partial<ScoreInputs>): void {
  const r = experimentRecord(ws, id);
  if (!r) return;
  for (const [key, v] of Object.entries(scores)) {
    if (v !== null && v !== undefined && !Number.isFinite(v)) {
      throw new Error(`The ${key} is not a number`);
    }
  }
  local(ws, () => {
    for (const [key, v] of Object.entries(scores)) {
      if (v !== undefined) setField(r, key, v === null ? undefined : v);
    }
  });
}

/** The frozen copy taken when an experiment starts: what it promised, as it is now. */
function freeze(r: RecordMap, today: string): FrozenCopy {
  const s = r.get('scope');
  const rule = s instanceof Y.Map ? s.get('decisionRule') : undefined;
  const str = (k: string): string => (typeof r.get(k) === 'string' ? (r.get(k) as string) : '');
  const num = (k: string): number | null =>
    typeof r.get(k) === 'number' ? (r.get(k) as number) : null;
  const metricIds = r.get('metricIds');
  return {
    at: today,
    hypothesis: {
      change: str('change'),
      metricId: str('hypothesisMetricId') || null,
      direction: r.get('direction') === 'down' ? 'down' : 'up',
      amount: num('amount'),
      byDate: str('byDate') || null,
    },
    metricIds: Array.isArray(metricIds)
      ? metricIds.filter((m): m is string => typeof m === 'string')
      : [],
    decisionRule: rule instanceof Y.Text ? rule.toString() : '',
  };
}

/**
 * Moves an experiment to a status on `today` (appended to its history). The first move to
 * running freezes the pre-registration copy; it is never rewritten (a later edit shows as a
 * difference from it). Nothing happens when it already has that status.
 */
export function setExperimentStatus(
  ws: WorkspaceDoc,
  id: string,
  status: ExperimentStatus,
  by: string | null,
  today = todayLocal(),
): void {
  const r = experimentRecord(ws, id);
  if (!r) return;
  const history = r.get('statusHistory');
  const last = history instanceof Y.Array ? (history.get(history.length - 1) as unknown) : null;
  if (
    typeof last === 'object' &&
    last !== null &&
    (last as { status?: unknown }).status === status
  ) {
    return;
  }
  local(ws, () => {
    part(r, 'statusHistory', Y.Array<unknown>).push([{ status, at: today, by }]);
    if (status === 'running' && r.get('frozen') === undefined) r.set('frozen', freeze(r, today));
  });
}

/** Edits one scope text as typed, with the smallest edit so concurrent typing both stays. */
export function editScope(ws: WorkspaceDoc, id: string, field: ScopeField, next: string): void {
  const r = experimentRecord(ws, id);
  if (!r) return;
  local(ws, () => {
    const scope = part(r, 'scope', Y.Map<unknown>);
    let t = scope.get(field);
    if (!(t instanceof Y.Text)) {
      t = new Y.Text();
      scope.set(field, t);
    }
    editText(t as Y.Text, next.slice(0, MAX_TEXT));
  });
}

export function deleteExperiment(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = experimentRecord(ws, id);
  if (r) local(ws, () => r.set('deletedAt', now));
}

export function restoreExperiment(ws: WorkspaceDoc, id: string): void {
  const r = experimentRecord(ws, id);
  if (r?.has('deletedAt')) local(ws, () => r.delete('deletedAt'));
}

/** Experiments, their retrospectives and settings. */
export const experimentsArea: DocArea<{
  experiments: Y.Map<RecordMap>;
  retroItems: Y.Map<RecordMap>;
  experimentSettings: Y.Map<unknown>;
}> = {
  name: 'experiments',
  roots: {
    experiments: {
      counting: 'key',
      one: 'experiment',
      many: 'experiments',
      trash: true,
      marks: EXPERIMENT_MARKS,
    },
    retroItems: {
      counting: 'key',
      one: 'retrospective line',
      many: 'retrospective lines',
      trash: true,
    },
    experimentSettings: { counting: 'key', one: 'experiment setting', many: 'experiment settings' },
  },
  read: (ws) => {
    const { experiments, warnings } = readExperiments(ws, true);
    const retros = readRetroItems(ws, true);
    const settings = readSettings(ws);
    return {
      value: {
        experiments: experiments.sort(compareById),
        retroItems: retros.items.sort(compareById),
        settings: settings.settings,
      },
      warnings: [...warnings, ...retros.warnings, ...settings.warnings],
    };
  },
};
