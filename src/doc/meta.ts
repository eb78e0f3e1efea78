import { isFiscalStart } from '../domain/fiscal';
import { MAX_NAME, text, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import type { DocWarning } from './warnings';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN, local } from './records';

/** The version of the document layout this build writes. Readers tolerate absent fields. */
export const SCHEMA_VERSION = 1;

/**
 * Forward-only migrations, run in order on every peer. Each only adds what is missing, never
 * overwrites or removes: two peers migrating offline and merging later must not clobber real
 * values, and a copy claiming a newer version is migrated too (`migrate`, doc/health.ts).
 */
const MIGRATIONS: ReadonlyArray<{ to: number; run: (ws: WorkspaceDoc) => void }> = [
  {
    to: 1,
    run: (ws) => {
      if (!ws.meta.has('createdAt')) ws.meta.set('createdAt', Date.now());
    },
  },
];

export function schemaVersion(ws: WorkspaceDoc): number | null {
  const v = ws.meta.get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/**
 * Brings an older (or brand-new) document up to this build's schema. Safe to run repeatedly.
 *
 * A version this build does not know (higher, or not a number: see doc/health.ts) is a claim it
 * cannot check, so it is never lowered or replaced: a real newer Lodestar that wrote it would
 * otherwise see its own data labelled as older. The migrations still run on such a document,
 * all of them, since each only adds what is missing; so a claim cannot keep a field this build
 * needs from being added, and a document that really is newer already has them all.
 */
export function migrate(ws: WorkspaceDoc): void {
  const raw = ws.meta.get('schemaVersion');
  const version = schemaVersion(ws);
  const known = raw === undefined || (version !== null && version <= SCHEMA_VERSION);
  const from = known ? (version ?? 0) : 0;
  if (known && from >= SCHEMA_VERSION) return;
  local(ws, () => {
    for (const m of MIGRATIONS) if (m.to > from) m.run(ws);
    if (known) ws.meta.set('schemaVersion', SCHEMA_VERSION);
  });
}

export function workspaceName(ws: WorkspaceDoc): string {
  return text(ws.meta.get('name'), 'workspace name', new Problems(), MAX_NAME);
}

export function setWorkspaceName(ws: WorkspaceDoc, name: string): void {
  local(ws, () => ws.meta.set('name', name.trim()));
}

/**
 * The month (1–12) the workspace's fiscal year starts in, the same on every replica because it
 * is in the document; absent (every workspace made before the setting) is January, the calendar
 * quarters. A value a peer wrote that is no month reads as January too (`fiscalStartWarning`).
 */
export function fiscalYearStart(ws: WorkspaceDoc): number {
  const v = ws.meta.get('fiscalYearStart');
  return isFiscalStart(v) ? v : 1;
}

/** Says when the stored fiscal start is unreadable (and so read as January). */
function fiscalStartWarning(ws: WorkspaceDoc): DocWarning[] {
  const v = ws.meta.get('fiscalYearStart');
  return v === undefined || isFiscalStart(v)
    ? []
    : [
        {
          where: 'workspace settings',
          message: 'the fiscal year start is not a month; January is used',
        },
      ];
}

/** Sets the fiscal year start (a month 1–12); RangeError for anything else. */
export function setFiscalYearStart(ws: WorkspaceDoc, month: number): void {
  if (!isFiscalStart(month)) throw new RangeError(`Not a month: ${month}`);
  local(ws, () => ws.meta.set('fiscalYearStart', month));
}

/** Fills a brand-new document; the origin is local but this is not an undoable step. */
export function initWorkspace(ws: WorkspaceDoc, name: string, now = Date.now()): void {
  ws.doc.transact(() => {
    ws.meta.set('name', name.trim());
    ws.meta.set('createdAt', now);
    ws.meta.set('schemaVersion', SCHEMA_VERSION);
  }, LOCAL_ORIGIN);
}

/** The workspace's own settings: name, creation time, schema version, fiscal year start. */
export const metaArea: DocArea<{ meta: Y.Map<unknown> }> = {
  name: 'meta',
  roots: { meta: { counting: 'key', one: 'workspace setting', many: 'workspace settings' } },
  // The schema version is a claim that doc/health.ts weighs against the data, not a warning.
  read: (ws) => ({
    value: {
      name: workspaceName(ws),
      version: schemaVersion(ws),
      createdAt: ws.meta.get('createdAt'),
      fiscalYearStart: fiscalYearStart(ws),
    },
    warnings: fiscalStartWarning(ws),
  }),
};
