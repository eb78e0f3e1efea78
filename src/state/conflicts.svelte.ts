import * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../doc/records';
import { rootsOf, type WorkspaceDoc } from '../doc/schema';

/** How long after the user set a field a teammate's different value counts as replacing it. */
const WINDOW_MS = 10 * 60_000;
/** A local transaction writing more fields than this is a batch (an import), not remembered. */
const MAX_FIELDS = 50;
/** Past this many remembered fields, those older than the window are forgotten. */
const MAX_REMEMBERED = 500;
/** Most replaced edits listed at once (the oldest go first). */
const MAX_SHOWN = 5;

/** A field the user set that a teammate's copy replaced soon after. */
export interface Replaced {
  id: string;
  /** The top-level map, the record's key in it, and the field (a period for entries). */
  root: string;
  record: string;
  field: string;
  /** What the record is called (its name, title, customer or text), for the message. */
  label: string;
  mine: unknown;
  theirs: unknown;
  at: number;
}

type Plain = string | number | boolean | null;
const isPlain = (v: unknown): v is Plain =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);
/** Entries are stored as [value, note, by, at]: the value is what the user set. */
const valueOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * "A teammate's concurrent edit replaced yours": the fields this device set (the fields of a
 * record one level under a top-level map, and entries' values by period), remembered for ten
 * minutes; when a batch from another copy leaves such a field with a different value (Yjs picked
 * theirs of two concurrent writes, or they wrote over it soon after), it is said once, with the
 * way to put this device's value back (an ordinary, undoable edit).
 */
export class WorkspaceConflicts {
  #replaced = $state.raw<Replaced[]>([]);
  #mine = new Map<string, { value: unknown; at: number }>();
  #ws: WorkspaceDoc | null = null;
  #rootNames = new Map<unknown, string>();

  constructor(private readonly writeStep: <T>(action: (ws: WorkspaceDoc) => T) => T | null) {}

  get replaced(): readonly Replaced[] {
    return this.#replaced;
  }

  attach(ws: WorkspaceDoc): void {
    this.#ws = ws;
    this.#rootNames = new Map(rootsOf(ws).map((r) => [r.type, r.name]));
    ws.doc.on('afterTransaction', this.#onTransaction);
  }

  detach(): void {
    this.#ws?.doc.off('afterTransaction', this.#onTransaction);
    this.#ws = null;
  }

  /** Where a changed key of a record map is (root, record, field), or null for other places. */
  #place(
    type: unknown,
    field: string | null,
  ): { parts: [string, string, string]; id: string; value: unknown } | null {
    if (!(type instanceof Y.Map) || field === null) return null;
    const item = type._item;
    if (item === null || item.parentSub === null) return null;
    const root = this.#rootNames.get(item.parent);
    if (root === undefined) return null;
    const parts: [string, string, string] = [root, item.parentSub, field];
    return { parts, id: parts.join('\u0000'), value: valueOf(type.get(field)) };
  }

  readonly #onTransaction = (tr: Y.Transaction): void => {
    const ws = this.#ws;
    if (!ws) return;
    const now = Date.now();
    if (tr.local) {
      if (tr.origin !== LOCAL_ORIGIN) return; // a restore or a claim is not the user's typing
      let size = 0;
      tr.changed.forEach((fields) => (size += fields.size));
      if (size > MAX_FIELDS) return; // an import or a template, not an edit to guard
      if (this.#mine.size > MAX_REMEMBERED) this.#forgetBefore(now - WINDOW_MS);
      tr.changed.forEach((fields, type) => {
        for (const field of fields) {
          const place = this.#place(type, field);
          if (place && isPlain(place.value)) {
            this.#mine.set(place.id, { value: place.value, at: now });
          }
        }
      });
      return;
    }
    const found: Replaced[] = [];
    tr.changed.forEach((fields, type) => {
      for (const field of fields) {
        const place = this.#place(type, field);
        const mine = place ? this.#mine.get(place.id) : undefined;
        // A field that is not there yet is a sync still in progress: judge it when it is.
        if (!place || !mine || place.value === undefined) continue;
        this.#mine.delete(place.id); // said once
        const theirs = place.value;
        if (now - mine.at > WINDOW_MS || same(theirs, mine.value)) continue;
        const [root, record, key] = place.parts;
        found.push({
          id: `${place.id}\u0000${now}`,
          root,
          record,
          field: key,
          label: labelOf(ws, root, record),
          mine: mine.value,
          theirs,
          at: now,
        });
      }
    });
    if (found.length > 0) this.#replaced = [...this.#replaced, ...found].slice(-MAX_SHOWN);
  };

  #forgetBefore(time: number): void {
    for (const [id, mine] of this.#mine) if (mine.at < time) this.#mine.delete(id);
  }

  /** Keeps the teammate's value: the notice goes. */
  dismiss(id: string): void {
    this.#replaced = this.#replaced.filter((r) => r.id !== id);
  }

  /**
   * Writes this device's value back (an entry keeps the rest of what is stored with it). False
   * when the record is gone or the copy is read-only.
   */
  putMineBack(id: string): boolean {
    const r = this.#replaced.find((x) => x.id === id);
    if (!r) return false;
    const done = this.writeStep((ws) => {
      const root = (ws as unknown as Record<string, Y.Map<unknown>>)[r.root];
      const record = root?.get(r.record);
      if (!(record instanceof Y.Map)) return false;
      const current = record.get(r.field);
      record.set(
        r.field,
        Array.isArray(current) ? [r.mine, ...(current as unknown[]).slice(1)] : r.mine,
      );
      return true;
    });
    if (done) this.dismiss(id);
    return done === true;
  }
}

/** What a record is called, for a message: its name, title, customer or text (cut short). */
function labelOf(ws: WorkspaceDoc, root: string, key: string): string {
  // Entries hang under their metric's id: name the metric.
  const map =
    root === 'entries' ? ws.metrics : (ws as unknown as Record<string, Y.Map<unknown>>)[root];
  const record = map?.get(key);
  if (record instanceof Y.Map) {
    for (const field of ['name', 'title', 'customer', 'text']) {
      const v = record.get(field);
      if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 80);
    }
  }
  return 'a record';
}
