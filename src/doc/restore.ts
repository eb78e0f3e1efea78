/**
 * Restoring an earlier version of the workspace (a checkpoint: the document's encoded state at
 * some moment) as an ordinary local edit, so it syncs to every teammate and can itself be
 * undone. Workspaces keep Yjs garbage collection on, so the past cannot be rebuilt from the
 * live document; the checkpoint is read into a separate document and its values are written
 * back.
 *
 * The walk, per map: every key the version had is written back where it differs (nested maps
 * recursively, texts by the smallest edit, arrays and plain values whole). A key that did not
 * exist then is put in the trash when it is a record of a map whose records have one (its
 * area's `Root.trash`: stamped `deletedAt`, so it can still be brought back) and removed
 * otherwise (a value logged since, a field, a nested line). Restoring the whole workspace, one area (its top-level maps, and for
 * the owners' briefs their texts) or one record (one key of one top-level map) are the same walk
 * over less. Maps that hold facts about the copies rather than content (`Root.keptOnRestore`:
 * which person each copy is) are never restored.
 */
import * as Y from 'yjs';
import { DOC_AREAS } from './areas';
import { rootsOf, workspaceDoc, type WorkspaceDoc } from './schema';
import { local } from './records';
import { editText } from './text';

export type RestoreScope =
  { kind: 'all' } | { kind: 'area'; area: string } | { kind: 'record'; root: string; key: string };

/**
 * Reads a checkpoint's encoded state into a document of its own (throws when unreadable). A
 * malformed one may throw halfway through, but only into this throwaway document, so it is
 * not decoded twice to check it first (that doubled the cost of opening a large version).
 */
export function versionDoc(update: Uint8Array): WorkspaceDoc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return workspaceDoc(doc);
}

/** Counts what a restore wrote: one per record (top-level key) written back or deleted. */
export interface RestoreCount {
  /** Records per top-level map that the restore changed. */
  byRoot: Record<string, number>;
  total: number;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return (
      a instanceof Uint8Array &&
      b instanceof Uint8Array &&
      a.length === b.length &&
      a.every((x, i) => x === b[i])
    );
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A fresh copy of a shared value of another document (Yjs types cannot move between docs). */
function copy(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out = new Y.Map<unknown>();
    value.forEach((v, k) => out.set(k, copy(v)));
    return out;
  }
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (value instanceof Y.Array) {
    const out = new Y.Array<unknown>();
    out.push(value.toArray().map(copy));
    return out;
  }
  return value;
}

/** Writes `source`'s content into `target` (see the file comment); true when anything changed. */
function restoreMap(target: Y.Map<unknown>, source: Y.Map<unknown>, now: number): boolean {
  let changed = false;
  source.forEach((value, key) => {
    if (restoreKey(target, key, value, now)) changed = true;
  });
  for (const key of [...target.keys()]) {
    if (!source.has(key)) {
      target.delete(key);
      changed = true;
    }
  }
  return changed;
}

function restoreKey(target: Y.Map<unknown>, key: string, value: unknown, now: number): boolean {
  const current = target.get(key);
  if (value instanceof Y.Map) {
    if (current instanceof Y.Map) return restoreMap(current, value, now);
  } else if (value instanceof Y.Text) {
    if (current instanceof Y.Text) {
      const before = current.toString();
      editText(current, value.toString());
      return before !== current.toString();
    }
  } else if (value instanceof Y.Array) {
    if (current instanceof Y.Array && sameValue(current.toJSON(), value.toJSON())) return false;
  } else if (!(current instanceof Y.AbstractType) && sameValue(current, value)) {
    return false;
  }
  target.set(key, copy(value));
  return true;
}

/** A top-level key that did not exist in the version: to the trash when it can go there, else away. */
function removeTopKey(target: Y.Map<unknown>, key: string, trash: boolean, now: number): boolean {
  const current = target.get(key);
  if (trash && current instanceof Y.Map) {
    if (typeof current.get('deletedAt') === 'number') return false; // already in the trash
    current.set('deletedAt', now);
    return true;
  }
  target.delete(key);
  return true;
}

/** The owners' brief texts the version had, written back (their list is the `briefs` map). */
function restoreBriefTexts(ws: WorkspaceDoc, old: WorkspaceDoc): void {
  old.briefs.forEach((_date, key) => {
    const [personId, kind] = key.split('|');
    if (!personId || !kind) return;
    const name = `brief:${personId}:${kind}`;
    try {
      editText(ws.doc.getText(name), old.doc.getText(name).toString());
    } catch {
      // A peer made a top-level type of another kind under that name: nothing to write into.
    }
  });
}

/**
 * Restores `scope` of the workspace to what `old` holds, in one local transaction (one undo
 * step), and counts the records it changed. Throws when the scope names no known area or map.
 */
export function restoreVersion(
  ws: WorkspaceDoc,
  old: WorkspaceDoc,
  scope: RestoreScope,
  now = Date.now(),
): RestoreCount {
  const roots = rootsOf(ws);
  const oldRoots = new Map(rootsOf(old).map((r) => [r.name, r.type]));
  let names: string[];
  if (scope.kind === 'all') names = roots.map((r) => r.name);
  else if (scope.kind === 'area') {
    const area = DOC_AREAS.find((a) => a.name === scope.area);
    if (!area) throw new Error(`No area is called “${scope.area.slice(0, 40)}”`);
    names = Object.keys(area.roots);
  } else {
    if (!roots.some((r) => r.name === scope.root)) {
      throw new Error(`No part of the workspace is called “${scope.root.slice(0, 40)}”`);
    }
    names = [scope.root];
  }
  const count: RestoreCount = { byRoot: {}, total: 0 };
  local(ws, () => {
    for (const { name, type, root } of roots) {
      if (!names.includes(name) || root.keptOnRestore) continue;
      const source = oldRoots.get(name) ?? new Y.Map<unknown>();
      const keys =
        scope.kind === 'record' ? [scope.key] : [...new Set([...source.keys(), ...type.keys()])];
      let n = 0;
      for (const key of keys) {
        const changed = source.has(key)
          ? restoreKey(type, key, source.get(key), now)
          : type.has(key) && removeTopKey(type, key, root.trash === true, now);
        if (changed) n++;
      }
      count.byRoot[name] = n;
      count.total += n;
    }
    if (scope.kind === 'all' || (scope.kind === 'area' && scope.area === 'briefs')) {
      restoreBriefTexts(ws, old);
    }
  });
  return count;
}
