import * as Y from 'yjs';
import type { DocWarning } from '../doc/warnings';

/** What reading one record by id gives: the record (null: none, or not a record) and problems. */
export interface ReadOne<T> {
  value: T | null;
  warnings: DocWarning[];
}

/**
 * The records of one top-level map, re-read one id at a time as changes name them, so an edit
 * of one plan among 1,000 reads one plan. Deleted records stay (a restore brings them back).
 */
export class RecordCache<T extends { deletedAt: number | null }> {
  private read = new Map<string, ReadOne<T>>();

  constructor(private readonly readOne: (id: string) => ReadOne<T>) {}

  /** Re-reads these ids (all of them on open). */
  update(ids: Iterable<string>): void {
    for (const id of ids) {
      const one = this.readOne(id);
      if (one.value || one.warnings.length > 0) this.read.set(id, one);
      else this.read.delete(id);
    }
  }

  /** The records not deleted, in no particular order. */
  live(): T[] {
    const out: T[] = [];
    for (const { value } of this.read.values()) if (value?.deletedAt === null) out.push(value);
    return out;
  }

  warnings(): DocWarning[] {
    const out: DocWarning[] = [];
    for (const { warnings } of this.read.values()) out.push(...warnings);
    return out;
  }
}

/** Adds the top-level keys a deep event batch touched (a nested change names its record). */
export function changedKeys(
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  into: Set<string>,
): void {
  for (const event of events) {
    const top = event.path[0];
    if (typeof top === 'string') into.add(top);
    else if (event instanceof Y.YMapEvent) {
      for (const key of event.keysChanged) into.add(key);
    }
  }
}
