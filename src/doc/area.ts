import type { Marks } from './junk';
import type { WorkspaceDoc } from './schema';
import type { DocWarning } from './warnings';

/**
 * How a change report counts the changes to one top-level map: `key`, one per top-level key
 * touched (a record, with everything nested under it, counts once); `inner-key`, one per key of
 * the map a top-level key holds (entries: metric → period → value, one per period).
 */
export type Counting = 'key' | 'inner-key';

/** One top-level map of the document, and the words for what one of its keys is. */
export interface Root {
  counting: Counting;
  one: string;
  many: string;
  /**
   * Its top-level values are records that go to a trash (a `deletedAt` time) instead of being
   * removed: a restore to a version before one existed puts it in the trash, not away.
   */
  trash?: true;
  /** Facts about the copies, not content: a restore leaves it as it is (who wrote stays known). */
  keptOnRestore?: true;
  /** How to tell its records from a peer's junk (`doc/junk.ts`), where the map checks it. */
  marks?: Marks;
}

/** An area's content read as plain values, with what could not be read. */
export interface AreaRead {
  value: unknown;
  warnings: DocWarning[];
}

/**
 * One area of the workspace document: the top-level maps it owns (`R` names them and their
 * shared types) and how to read it all as plain values. Every area is listed once in
 * `doc/areas.ts`; the document shape, undo scope, change report, hostile tests and the
 * convergence test iterate that list (docs/ARCHITECTURE.md, "Areas").
 */
export interface DocArea<R extends object> {
  /** A short name for tests and reports ("plans"). */
  name: string;
  roots: { readonly [K in keyof R]: Root };
  /** Reads the whole area, validated; two converged replicas read equal values. */
  read(ws: WorkspaceDoc): AreaRead;
}
