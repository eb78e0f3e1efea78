import type { Entry } from '../domain/types';
import { metricsWithEntries, readEntries } from '../doc/entries';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';

export type EntriesByMetric = ReadonlyMap<string, readonly Entry[]>;

/** Every metric's entries, and how many stored values of each could not be read. */
export interface EntriesRead {
  entries: EntriesByMetric;
  unreadable: ReadonlyMap<string, number>;
}

/** Reads every metric's entries (on open). */
export function readAllEntries(ws: WorkspaceDoc): EntriesRead {
  return updateEntries(ws, { entries: new Map(), unreadable: new Map() }, metricsWithEntries(ws));
}

/**
 * New maps in which only the given metrics' entries are re-read; the others keep their arrays,
 * so anything derived per metric (series, status) can be reused when its entries did not change.
 */
export function updateEntries(
  ws: WorkspaceDoc,
  current: EntriesRead,
  metricIds: Iterable<string>,
): EntriesRead {
  const entries = new Map(current.entries);
  const unreadable = new Map(current.unreadable);
  for (const id of metricIds) {
    const read = readEntries(ws, id);
    if (read.entries.length > 0) entries.set(id, read.entries);
    else entries.delete(id);
    if (read.invalid > 0) unreadable.set(id, read.invalid);
    else unreadable.delete(id);
  }
  return { entries, unreadable };
}

/** One warning per metric with unreadable stored values (a peer's bad data is never silent). */
export function unreadableWarnings(
  unreadable: ReadonlyMap<string, number>,
  nameOf: (metricId: string) => string | undefined,
): DocWarning[] {
  return [...unreadable].map(([id, count]) => ({
    where: `entries of “${nameOf(id) ?? id}”`,
    message: `${count.toLocaleString()} stored ${count === 1 ? 'value is' : 'values are'} not valid and ${count === 1 ? 'was' : 'were'} ignored`,
  }));
}
