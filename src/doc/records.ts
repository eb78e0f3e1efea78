import * as Y from 'yjs';
import { isDate } from '../domain/periods';
import type { WorkspaceDoc } from './schema';

/**
 * Origin of every transaction this replica makes on behalf of its user. The undo manager tracks
 * only this origin, so a teammate's edits (arriving with a provider as origin) are never undone.
 */
export const LOCAL_ORIGIN = { name: 'lodestar-local' } as const;

/** A record edited field by field: one Y.Map per metric, person or candidate. */
export type RecordMap = Y.Map<unknown>;

/** Runs `fn` as one local transaction (one undo step unless merged by the capture timeout). */
export function local(ws: WorkspaceDoc, fn: () => void): void {
  ws.doc.transact(fn, LOCAL_ORIGIN);
}

/** Sets a field only when the value differs, so re-saving a form writes nothing. */
export function setField(record: RecordMap, field: string, value: unknown): void {
  const current = record.get(field);
  if (current === value) return;
  if (value === undefined) {
    if (record.has(field)) record.delete(field);
    return;
  }
  record.set(field, value);
}

/** Reads a record's fields as plain values (nested shared types are skipped). */
export function plainFields(record: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  record.forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) out[key] = value;
  });
  return out;
}

let counter = 0;
/** A random id, unique across replicas (random 64 bits plus a local counter). */
export function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  counter = (counter + 1) % 1296;
  return (
    Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('') +
    counter.toString(36).padStart(2, '0')
  );
}

/** Orders records by id: a read that must be equal on every replica, whatever the map order. */
export function compareById(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A nested part of a record (a Y.Map or Y.Array under `key`); made, inside the caller's
 * transaction, for a record from an older version or a peer that lacks it.
 */
export function part<T extends object>(r: RecordMap, key: string, Type: new () => T): T {
  const existing = r.get(key);
  if (existing instanceof Type) return existing;
  const created = new Type();
  r.set(key, created);
  return created;
}

/** Throws a message for the user when a given date is not a calendar date. */
export function checkDate(value: string | null | undefined, what: string): void {
  if (value !== null && value !== undefined && !isDate(value)) {
    throw new Error(`The ${what} “${value.slice(0, 20)}” is not a date`);
  }
}
