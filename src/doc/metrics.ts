import * as Y from 'yjs';
import { compareSiblings } from '../domain/tree';
import { keyBetween } from '../domain/order';
import { Problems, readMetric } from '../domain/validate';
import { METRIC_KINDS, type Metric, type MetricFields } from '../domain/types';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { compareById, local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';
import { createEntriesMap } from './entries';
import {
  isNonEmptyText,
  isOneOf,
  isString,
  isTime,
  isYMap,
  junkWarnings,
  marks,
  slotOf,
  type Marks,
} from './junk';

export const DEFAULT_FIELDS: MetricFields = {
  kind: 'input',
  name: '',
  definition: '',
  unit: 'count',
  direction: 'up',
  cadence: 'weekly',
  aggregation: 'sum',
  ownerId: null,
  collection: '',
  maturity: 'crawl',
  status: 'active',
  baselineValue: null,
  baselineDate: null,
  formula: null,
  planMetric: null,
  tolerance: null,
  mayExceed100: false,
  targets: { quarterly: {}, monthly: {} },
};

/**
 * What marks a metric record as written by the app (doc/junk.ts): addMetric writes its name,
 * kind, order, creation time and targets map with every record.
 */
export const METRIC_MARKS: Marks = marks({
  name: isNonEmptyText,
  kind: isOneOf(METRIC_KINDS),
  order: isString,
  createdAt: isTime,
  targets: isYMap,
});

/** One metric record, validated (with its problems as warnings), or null when it is junk. */
function readRecord(
  id: string,
  record: unknown,
  warnings: DocWarning[],
): { metric: Metric | null; junk: boolean } {
  const slot = slotOf(record, METRIC_MARKS);
  if (slot !== 'record') return { metric: null, junk: slot === 'junk' };
  const r = record as RecordMap;
  const problems = new Problems();
  const raw = plainFields(r);
  const targets = r.get('targets');
  if (targets instanceof Y.Map) raw.targets = targets.toJSON();
  const metric = readMetric(id, raw, problems);
  for (const message of problems.list) warnings.push({ where: `metric “${metric.name}”`, message });
  return { metric, junk: false };
}

/**
 * Every metric in the document (deleted ones included), validated; problems become warnings.
 * Junk (doc/junk.ts) is not a metric: it is counted, in one warning.
 */
export function readMetrics(ws: WorkspaceDoc): { metrics: Metric[]; warnings: DocWarning[] } {
  const metrics: Metric[] = [];
  const warnings: DocWarning[] = [];
  let junk = 0;
  ws.metrics.forEach((record, id) => {
    const read = readRecord(id, record, warnings);
    if (read.metric) metrics.push(read.metric);
    else if (read.junk) junk++;
  });
  warnings.push(...metricsJunkWarnings(junk));
  return { metrics, warnings };
}

/**
 * One metric by id (null when the id holds none, or junk), for re-reading only the metrics a
 * change touched; junk is only flagged (metricsJunkWarnings sums it up).
 */
export function readMetricById(
  ws: WorkspaceDoc,
  id: string,
): { metric: Metric | null; warnings: DocWarning[]; junk: boolean } {
  const record = ws.metrics.get(id);
  if (record === undefined) return { metric: null, warnings: [], junk: false };
  const warnings: DocWarning[] = [];
  return { ...readRecord(id, record, warnings), warnings };
}

/** The one warning for this many junk keys in `metrics`. */
export const metricsJunkWarnings = (count: number): DocWarning[] =>
  junkWarnings('metrics', count, metricsArea.roots.metrics);

function record(ws: WorkspaceDoc, id: string): RecordMap | null {
  const r = ws.metrics.get(id);
  return r instanceof Y.Map ? r : null;
}

/** Live children of a parent in sibling order, straight from the document. */
function siblings(ws: WorkspaceDoc, parentId: string | null): Metric[] {
  return readMetrics(ws)
    .metrics.filter((m) => m.deletedAt === null && m.parentId === parentId)
    .sort(compareSiblings);
}

/** Order key for a new last child, or for a place before `beforeId` among the siblings. */
function orderAt(
  ws: WorkspaceDoc,
  parentId: string | null,
  beforeId: string | null,
  self?: string,
): string {
  const list = siblings(ws, parentId).filter((m) => m.id !== self);
  if (beforeId === null) return keyBetween(list.at(-1)?.order ?? null, null);
  const index = list.findIndex((m) => m.id === beforeId);
  if (index < 0) return keyBetween(list.at(-1)?.order ?? null, null);
  return keyBetween(list[index - 1]?.order ?? null, list[index]?.order ?? null);
}

/** Adds a metric as the last child of `parentId` (null = top level) and returns its id. */
export function addMetric(
  ws: WorkspaceDoc,
  fields: Partial<MetricFields> & { name: string },
  parentId: string | null,
  now = Date.now(),
): string {
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    const { targets, ...all } = { ...DEFAULT_FIELDS, ...fields };
    for (const [key, value] of Object.entries(all)) if (value !== null) r.set(key, value);
    const t = new Y.Map<number>();
    for (const [period, value] of Object.entries({ ...targets.quarterly, ...targets.monthly }))
      t.set(period, value);
    r.set('targets', t);
    r.set('parentId', parentId);
    r.set('order', orderAt(ws, parentId, null));
    r.set('createdAt', now);
    r.set('movedAt', now);
    ws.metrics.set(id, r);
    createEntriesMap(ws, id);
  });
  return id;
}

/** Changes some fields of a metric; fields whose value is unchanged are not written. */
export function updateMetric(
  ws: WorkspaceDoc,
  id: string,
  patch: Partial<Omit<MetricFields, 'targets'>>,
): void {
  const r = record(ws, id);
  if (!r) return;
  local(ws, () => {
    for (const [key, value] of Object.entries(patch)) setField(r, key, value ?? null);
  });
}

/** The owner, cadence or status of several metrics at once, in one transaction. */
export type BulkPatch = Partial<Pick<MetricFields, 'ownerId' | 'cadence' | 'status'>>;

/** Applies one patch to several metrics in one transaction; ids with no record are skipped. */
export function updateMetrics(ws: WorkspaceDoc, ids: Iterable<string>, patch: BulkPatch): void {
  local(ws, () => {
    for (const id of ids) {
      const r = record(ws, id);
      if (!r) continue;
      for (const [key, value] of Object.entries(patch)) setField(r, key, value ?? null);
    }
  });
}

/**
 * Sets (or with null, clears) one target: a quarter ("2025-Q1") or a month's benchmark
 * ("2025-03"). Each period is its own key, so two people setting different targets both win.
 */
export function setTarget(
  ws: WorkspaceDoc,
  id: string,
  period: string,
  value: number | null,
): void {
  const r = record(ws, id);
  if (!r) return;
  local(ws, () => {
    let t = r.get('targets');
    if (!(t instanceof Y.Map)) {
      t = new Y.Map<number>();
      r.set('targets', t);
    }
    setField(t as RecordMap, period, value ?? undefined);
  });
}

/**
 * Moves a metric under `parentId` (null = top level), before `beforeId` or last. Refuses a move
 * under itself or its own descendant as the document stands (returns false). Records where it
 * came from, so a concurrent move that closes a cycle can be undone deterministically.
 */
export function moveMetric(
  ws: WorkspaceDoc,
  id: string,
  parentId: string | null,
  beforeId: string | null,
  isInSubtree: (candidateParent: string) => boolean,
  now = Date.now(),
): boolean {
  const r = record(ws, id);
  if (!r) return false;
  if (parentId !== null && isInSubtree(parentId)) return false;
  local(ws, () => {
    const from = r.get('parentId') ?? null;
    r.set('order', orderAt(ws, parentId, beforeId, id));
    if (from !== parentId) {
      r.set('prevParentId', from);
      r.set('parentId', parentId);
      r.set('movedAt', now);
    }
  });
  return true;
}

/** Soft-deletes metrics (a node and its subtree, as the caller lists them); undoable. */
export function deleteMetrics(ws: WorkspaceDoc, ids: readonly string[], now = Date.now()): void {
  local(ws, () => {
    for (const id of ids) record(ws, id)?.set('deletedAt', now);
  });
}

/** Brings back soft-deleted metrics. */
export function restoreMetrics(ws: WorkspaceDoc, ids: readonly string[]): void {
  local(ws, () => {
    for (const id of ids) {
      const r = record(ws, id);
      if (r?.has('deletedAt')) r.delete('deletedAt');
    }
  });
}

/** The metric tree: one record per metric, its targets nested (deleted metrics kept, marked). */
export const metricsArea: DocArea<{ metrics: Y.Map<RecordMap> }> = {
  name: 'metrics',
  roots: {
    metrics: { counting: 'key', one: 'metric', many: 'metrics', trash: true, marks: METRIC_MARKS },
  },
  read: (ws) => {
    const { metrics, warnings } = readMetrics(ws);
    return { value: metrics.sort(compareById), warnings };
  },
};
