import { MAX_NAME, text, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN, local } from './records';

/** The version of the document layout this build writes. Readers tolerate absent fields. */
export const SCHEMA_VERSION = 1;

/** Whether this build may write to a document. */
export type DocHealth =
  { kind: 'ok' } | { kind: 'newer'; version: number } | { kind: 'corrupt'; reason: string };

/**
 * Forward-only migrations, run in order on every peer. Each only adds what is missing, never
 * overwrites: two peers migrating offline and merging later must not clobber real values.
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

/** Checks the document can be edited by this build: not newer, not malformed. */
export function docHealth(ws: WorkspaceDoc): DocHealth {
  const raw = ws.meta.get('schemaVersion');
  if (raw === undefined) return { kind: 'ok' };
  const v = schemaVersion(ws);
  if (v === null) return { kind: 'corrupt', reason: 'its schema version is not a number' };
  if (v > SCHEMA_VERSION) return { kind: 'newer', version: v };
  return { kind: 'ok' };
}

/** Brings an older (or brand-new) document up to this build's schema. Safe to run repeatedly. */
export function migrate(ws: WorkspaceDoc): void {
  const from = schemaVersion(ws) ?? 0;
  if (from >= SCHEMA_VERSION) return;
  local(ws, () => {
    for (const m of MIGRATIONS) if (m.to > from) m.run(ws);
    ws.meta.set('schemaVersion', SCHEMA_VERSION);
  });
}

export function workspaceName(ws: WorkspaceDoc): string {
  return text(ws.meta.get('name'), 'workspace name', new Problems(), MAX_NAME);
}

export function setWorkspaceName(ws: WorkspaceDoc, name: string): void {
  local(ws, () => ws.meta.set('name', name.trim()));
}

/** Fills a brand-new document; the origin is local but this is not an undoable step. */
export function initWorkspace(ws: WorkspaceDoc, name: string, now = Date.now()): void {
  ws.doc.transact(() => {
    ws.meta.set('name', name.trim());
    ws.meta.set('createdAt', now);
    ws.meta.set('schemaVersion', SCHEMA_VERSION);
  }, LOCAL_ORIGIN);
}

/** The workspace's own settings: name, creation time, schema version. */
export const metaArea: DocArea<{ meta: Y.Map<unknown> }> = {
  name: 'meta',
  roots: { meta: { counting: 'key', one: 'workspace setting', many: 'workspace settings' } },
  read: (ws) => {
    const health = docHealth(ws);
    return {
      value: {
        name: workspaceName(ws),
        version: schemaVersion(ws),
        createdAt: ws.meta.get('createdAt'),
      },
      warnings: health.kind === 'corrupt' ? [{ where: 'workspace', message: health.reason }] : [],
    };
  },
};
