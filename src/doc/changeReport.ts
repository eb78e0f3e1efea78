import * as Y from 'yjs';
import { rootsOf, type WorkspaceDoc } from './schema';

/**
 * What an imported update changed: per top-level map of the document (`rootsOf`), how many
 * of its records (or, for entries, values) changed.
 */
export type ChangeReport = Readonly<Record<string, number>>;

/** A shared type as `Transaction.changed` holds it. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** The chain of keys from a top-level type down to `type` (null for array items). */
function pathOf(type: SharedType): {
  root: SharedType;
  keys: (string | null)[];
} {
  const keys: (string | null)[] = [];
  let current = type;
  while (current._item !== null) {
    keys.unshift(current._item.parentSub);
    current = current._item.parent as SharedType;
  }
  return { root: current, keys };
}

/**
 * Collects what the transactions of one import changed, from each transaction's `changed`
 * map (changed type → changed keys). A change is attributed by its place in the document: for
 * a root counted by `key`, the top-level key it is under (a metric, with its nested targets,
 * counts once however many fields changed); for a root counted by `inner-key`, the key one
 * level down (one entry per metric and period). A type created within the transaction is not
 * in `changed` (only its parent's key is), so a new inner map counts every key it holds.
 */
export class ChangeCollector {
  /** Roots counted by `key`: the top-level keys changed. */
  private readonly keys = new Map<unknown, Set<string>>();
  /**
   * Roots counted by `inner-key`: per top-level key, the inner keys changed, and whether its
   * inner map is new (then all its keys count, read when reported: a map created with 100,000
   * values costs no more to note than one with one).
   */
  private readonly inner = new Map<unknown, Map<string, { keys: Set<string>; whole: boolean }>>();
  private readonly roots: ReturnType<typeof rootsOf>;

  constructor(ws: WorkspaceDoc) {
    this.roots = rootsOf(ws);
  }

  readonly onTransaction = (tr: Y.Transaction): void => {
    tr.changed.forEach((keys, type) => {
      const { root, keys: path } = pathOf(type);
      for (const key of keys) this.note(root, [...path, key]);
    });
  };

  private note(root: SharedType, path: (string | null)[]): void {
    const spec = this.roots.find((r) => r.type === (root as unknown));
    if (!spec) return; // a top-level type no area owns: not ours to report
    const [first, second] = path;
    const id = first ?? '';
    if (spec.root.counting === 'key') {
      const seen = this.keys.get(root) ?? new Set<string>();
      this.keys.set(root, seen);
      seen.add(id);
      return;
    }
    const byId = this.inner.get(root) ?? new Map<string, { keys: Set<string>; whole: boolean }>();
    this.inner.set(root, byId);
    const entry = byId.get(id) ?? { keys: new Set<string>(), whole: false };
    byId.set(id, entry);
    if (second !== undefined) entry.keys.add(second ?? '');
    else entry.whole = true;
  }

  report(): ChangeReport {
    const out: Record<string, number> = {};
    for (const { name, type } of this.roots) {
      let n = this.keys.get(type)?.size ?? 0;
      for (const [id, { keys, whole }] of this.inner.get(type) ?? []) {
        const map = whole ? type.get(id) : undefined;
        if (!(map instanceof Y.Map)) n += keys.size;
        else {
          // Every key it holds, and the ones noted that it no longer holds (deleted since).
          n += map.size;
          for (const k of keys) if (!map.has(k)) n++;
        }
      }
      out[name] = n;
    }
    return out;
  }
}

/**
 * Applies an update to the workspace document with the given origin and reports what it
 * changed. Yjs integrates the structs of an update before it reads the update's delete set,
 * so a malformed update could throw after changing the document (checked in the tests with
 * truncated updates). The update is therefore decoded once in full first: a malformed one
 * throws there, and the document is left unchanged.
 */
export function applyAndReport(
  ws: WorkspaceDoc,
  update: Uint8Array,
  origin: unknown,
): ChangeReport {
  Y.decodeUpdate(update);
  const collector = new ChangeCollector(ws);
  ws.doc.on('afterTransaction', collector.onTransaction);
  try {
    Y.applyUpdate(ws.doc, update, origin);
  } finally {
    ws.doc.off('afterTransaction', collector.onTransaction);
  }
  return collector.report();
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "2 metrics, 12 entries" in the order of the document's areas, or "nothing new". */
export function describeReport(ws: WorkspaceDoc, r: ChangeReport): string {
  const parts: string[] = [];
  for (const { name, root } of rootsOf(ws)) {
    const n = r[name] ?? 0;
    if (n > 0) parts.push(count(n, root.one, root.many));
  }
  return parts.length === 0 ? 'nothing new' : parts.join(', ');
}
