import * as Y from 'yjs';
import type { DocWarning } from '../doc/warnings';

/**
 * What reading one record by id gives: the record (null: none, or not a record), its problems,
 * and whether the key holds junk (doc/junk.ts), which is counted, not warned about one by one.
 */
export interface ReadOne<T> {
  value: T | null;
  warnings: DocWarning[];
  junk?: boolean;
}

/**
 * The records of one top-level map, re-read one id at a time as changes name them, so an edit
 * of one plan among 1,000 reads one plan. Deleted records stay (a restore brings them back).
 */
export class RecordCache<T extends { deletedAt: number | null }> {
  private read = new Map<string, ReadOne<T>>();
  private junk = new Set<string>();

  /** `junkWarnings` sums up the junk keys of the map in one warning (doc/junk.ts). */
  constructor(
    private readonly readOne: (id: string) => ReadOne<T>,
    private readonly junkWarnings: (count: number) => DocWarning[] = () => [],
  ) {}

  /** Re-reads these ids (all of them on open). */
  update(ids: Iterable<string>): void {
    for (const id of ids) {
      const one = this.readOne(id);
      if (one.value || one.warnings.length > 0) this.read.set(id, one);
      else this.read.delete(id);
      if (one.junk) this.junk.add(id);
      else this.junk.delete(id);
    }
  }

  /** The records not deleted, in no particular order. */
  live(): T[] {
    const out: T[] = [];
    for (const { value } of this.read.values()) if (value?.deletedAt === null) out.push(value);
    return out;
  }

  /** The records' problems, then one warning for all the junk. */
  warnings(): DocWarning[] {
    const out: DocWarning[] = [];
    for (const { warnings } of this.read.values()) out.push(...warnings);
    out.push(...this.junkWarnings(this.junk.size));
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
