import * as Y from 'yjs';
import type { Entry } from '../domain/types';
import { grainOf } from '../domain/periods';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { local } from './records';

/**
 * How an entry is stored: a small JSON array per metric and period, in one Y.Map per metric
 * keyed by period (measured: 100,000 entries encode to ~4.5 MB and load in ~0.5 s).
 * Last writer wins per metric and period, so re-importing a file cannot duplicate.
 */
type StoredEntry = [value: number, note: string, by: string | null, at: number];

const MAX_NOTE = 2000;
const isPeriod = (key: string): boolean => grainOf(key) !== null;

/**
 * The entries map of a metric. It is created with the metric (in the same transaction), so
 * two replicas never race to create it; for a metric from elsewhere that lacks one, it is
 * created on first write.
 */
function metricEntries(ws: WorkspaceDoc, metricId: string, create: boolean): Y.Map<unknown> | null {
  const existing = ws.entries.get(metricId);
  if (existing instanceof Y.Map) return existing;
  if (!create) return null;
  const map = new Y.Map<unknown>();
  ws.entries.set(metricId, map);
  return map;
}

export function createEntriesMap(ws: WorkspaceDoc, metricId: string): void {
  metricEntries(ws, metricId, true);
}

/**
 * Period keys already found valid. Metrics share their periods (100,000 entries hold a few
 * thousand distinct keys), so each key is parsed once, not once per entry on every open. Capped:
 * a peer writing endless distinct keys only costs the parse again.
 */
const validPeriods = new Set<string>();
const MAX_VALID_PERIODS = 50_000;

function validPeriod(period: string): boolean {
  if (validPeriods.has(period)) return true;
  if (!isPeriod(period)) return false;
  if (validPeriods.size >= MAX_VALID_PERIODS) validPeriods.clear();
  validPeriods.add(period);
  return true;
}

/** Validates one stored value; null when a peer wrote something unusable. */
function readStored(metricId: string, period: string, raw: unknown): Entry | null {
  if (!Array.isArray(raw) || !validPeriod(period)) return null;
  const [value, note, by, at] = raw as unknown[];
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return {
    metricId,
    period,
    value,
    note: typeof note === 'string' ? note.slice(0, MAX_NOTE) : '',
    by: typeof by === 'string' && by.length <= 100 ? by : null,
    at: typeof at === 'number' && Number.isFinite(at) ? at : 0,
  };
}

/** A metric's entries sorted by period, plus how many stored values were unusable. */
export function readEntries(
  ws: WorkspaceDoc,
  metricId: string,
): { entries: Entry[]; invalid: number } {
  const map = metricEntries(ws, metricId, false);
  const entries: Entry[] = [];
  let invalid = 0;
  map?.forEach((raw, period) => {
    const entry = readStored(metricId, period, raw);
    if (entry) entries.push(entry);
    else invalid++;
  });
  // A map keeps insertion order, usually chronological already: sort only when it is not.
  if (!sortedByPeriod(entries)) {
    entries.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }
  return { entries, invalid };
}

function sortedByPeriod(entries: readonly Entry[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i - 1] as Entry).period > (entries[i] as Entry).period) return false;
  }
  return true;
}

/** Ids of metrics that have an entries map (whether or not the metric still exists). */
export function metricsWithEntries(ws: WorkspaceDoc): string[] {
  return [...ws.entries.keys()];
}

export interface EntryInput {
  metricId: string;
  period: string;
  value: number;
  note: string;
  by: string | null;
}

/** Writes entries (one or many) in one transaction: all land together or none do. */
export function setEntries(ws: WorkspaceDoc, inputs: readonly EntryInput[], at = Date.now()): void {
  for (const e of inputs) {
    if (!isPeriod(e.period)) throw new Error(`“${e.period}” is not a period`);
    if (!Number.isFinite(e.value)) throw new Error(`${e.value} is not a number`);
  }
  local(ws, () => {
    for (const e of inputs) {
      const map = metricEntries(ws, e.metricId, true) as Y.Map<unknown>;
      const stored: StoredEntry = [e.value, e.note.slice(0, MAX_NOTE), e.by, at];
      const current = map.get(e.period);
      if (Array.isArray(current) && current[0] === stored[0] && current[1] === stored[1]) continue;
      map.set(e.period, stored);
    }
  });
}

export function deleteEntry(ws: WorkspaceDoc, metricId: string, period: string): void {
  const map = metricEntries(ws, metricId, false);
  if (!map?.has(period)) return;
  local(ws, () => map.delete(period));
}

/** Logged values: per metric, a map keyed by period. */
export const entriesArea: DocArea<{ entries: Y.Map<Y.Map<unknown>> }> = {
  name: 'entries',
  roots: { entries: { counting: 'inner-key', one: 'entry', many: 'entries' } },
  read: (ws) => {
    const value: Record<string, Entry[]> = {};
    const warnings = [];
    for (const id of metricsWithEntries(ws).sort()) {
      const { entries, invalid } = readEntries(ws, id);
      if (entries.length > 0) value[id] = entries;
      if (invalid > 0)
        warnings.push({
          where: `entries of ${id}`,
          message: `${invalid} stored values are not valid`,
        });
    }
    return { value, warnings };
  },
};
