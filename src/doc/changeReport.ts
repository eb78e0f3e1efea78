import * as Y from 'yjs';
import type { WorkspaceDoc } from './schema';

/** What an imported update changed: distinct metrics, entries, people and other records. */
export interface ChangeReport {
  metrics: number;
  entries: number;
  people: number;
  other: number;
}

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
 * map (changed type → changed keys). A change is attributed to a record by its place in the
 * document: a key of `metrics` (or anything nested under that metric's map, such as its
 * targets) is that metric; a period key of an `entries` map is one entry; likewise people.
 * `meta`, `workshop` and `candidates` count as "other", one per top-level key or record.
 * Each record is counted once however many of its fields changed. A type created within the
 * transaction is not in `changed` (only its parent's key is), so a new entries map counts
 * every period it holds.
 */
class Collector {
  private readonly seen: Record<keyof ChangeReport, Set<string>> = {
    metrics: new Set(),
    entries: new Set(),
    people: new Set(),
    other: new Set(),
  };

  constructor(private readonly ws: WorkspaceDoc) {}

  readonly onTransaction = (tr: Y.Transaction): void => {
    tr.changed.forEach((keys, type) => {
      const { root, keys: path } = pathOf(type);
      for (const key of keys) this.note(root, [...path, key]);
    });
  };

  private note(root: unknown, path: (string | null)[]): void {
    const ws = this.ws;
    const [first, second] = path;
    const id = first ?? '';
    if (root === ws.metrics) {
      this.seen.metrics.add(id);
    } else if (root === ws.people) {
      this.seen.people.add(id);
    } else if (root !== ws.entries) {
      this.seen.other.add(`${rootName(ws, root)}\u0000${id}`);
    } else if (second !== undefined) {
      this.seen.entries.add(`${id}\u0000${second ?? ''}`);
    } else {
      const map = ws.entries.get(id);
      if (!(map instanceof Y.Map)) return;
      for (const period of map.keys()) this.seen.entries.add(`${id}\u0000${period}`);
    }
  }

  report(): ChangeReport {
    return {
      metrics: this.seen.metrics.size,
      entries: this.seen.entries.size,
      people: this.seen.people.size,
      other: this.seen.other.size,
    };
  }
}

function rootName(ws: WorkspaceDoc, root: unknown): string {
  for (const [name, type] of ws.doc.share) if (type === root) return name;
  return '?';
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
  const collector = new Collector(ws);
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

/** "12 entries, 2 metrics", or "nothing new". */
export function describeReport(r: ChangeReport): string {
  const parts: string[] = [];
  if (r.entries > 0) parts.push(count(r.entries, 'entry', 'entries'));
  if (r.metrics > 0) parts.push(count(r.metrics, 'metric', 'metrics'));
  if (r.people > 0) parts.push(count(r.people, 'person', 'people'));
  if (r.other > 0) parts.push(count(r.other, 'other change', 'other changes'));
  return parts.length === 0 ? 'nothing new' : parts.join(', ');
}
