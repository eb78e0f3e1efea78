import type { Entry } from '../domain/types';
import { metricsWithEntries, readEntries } from '../doc/entries';
import type { WorkspaceDoc } from '../doc/schema';

export type EntriesByMetric = ReadonlyMap<string, readonly Entry[]>;

/** Reads every metric's entries (on open). */
export function readAllEntries(ws: WorkspaceDoc): EntriesByMetric {
  return updateEntries(ws, new Map(), metricsWithEntries(ws));
}

/**
 * A new map in which only the given metrics' entries are re-read; the others keep their arrays,
 * so anything derived per metric (series, status) can be reused when its entries did not change.
 */
export function updateEntries(
  ws: WorkspaceDoc,
  current: EntriesByMetric,
  metricIds: Iterable<string>,
): EntriesByMetric {
  const next = new Map(current);
  for (const id of metricIds) {
    const { entries } = readEntries(ws, id);
    if (entries.length > 0) next.set(id, entries);
    else next.delete(id);
  }
  return next;
}
