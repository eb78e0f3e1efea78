/**
 * Backup files: a whole workspace, exactly, as one JSON file.
 *
 * ```json
 * { "format": "lodestar-backup", "version": 1,
 *   "workspace": { "id": "…", "name": "…" },
 *   "exportedAt": "2026-11-23T10:15:00.000Z",
 *   "update": "<base64 of Y.encodeStateAsUpdate(doc)>" }
 * ```
 * The update is the full Yjs state (tree, entries, workshop, people, history of deletions), so a
 * restored copy merges cleanly with teammates who still hold the workspace. Restoring always
 * writes into a document that holds nothing yet: it never overwrites a workspace.
 */
import { exportFileName } from '../domain/fileNames';
import * as Y from 'yjs';
import { MAX_NAME } from '../domain/validate';
import { setWorkspaceName, workspaceName } from '../doc/meta';
import { workspaceDoc } from '../doc/schema';
import { openStoredDoc } from './workspaceStore';

export const BACKUP_FORMAT = 'lodestar-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  workspace: { id: string; name: string };
  exportedAt: string;
  update: string;
}

/** A backup as read back: which workspace, and its full state. */
export interface Backup {
  id: string;
  /** The name the document itself holds (the file header's name when the document has none). */
  name: string;
  exportedAt: string;
  update: Uint8Array;
}

/** Workspace ids are made by newId (base36); anything else in a file is not ours. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Bytes per btoa call: a multiple of 3, so the pieces join without padding in between. */
const CHUNK = 3 * 0x2000;

export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  }
  return pieces.join('');
}

/** Strict base64 (standard alphabet, padded); null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return null;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `lodestar-acme-team-backup-2026-11-23.json` (the local date). */
export function backupFileName(name: string, now = new Date()): string {
  return exportFileName(name, 'backup', 'json', now);
}

/** The backup file of a document: its full state, plus who it is, as JSON text. */
export function exportBackup(
  doc: Y.Doc,
  workspace: { id: string; name: string },
  now = new Date(),
): { fileName: string; text: string } {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workspace: { id: workspace.id, name: workspace.name },
    exportedAt: now.toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(doc)),
  };
  return { fileName: backupFileName(workspace.name, now), text: JSON.stringify(file) };
}

const NOT_A_BACKUP = 'This is not a Lodestar backup file.';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies an update to a fresh document; the document when it applied completely, else the
 * reason. An update with missing parts leaves "pending" structs rather than throwing.
 */
function decodeWorkspace(update: Uint8Array): Y.Doc | string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
  } catch (error) {
    doc.destroy();
    return `its data cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    return 'its data is incomplete (the file may have been cut short)';
  }
  if (workspaceDoc(doc).meta.size === 0) {
    doc.destroy();
    return 'it holds no workspace';
  }
  return doc;
}

/**
 * Reads and checks a backup file: the format, the version, the workspace id, the base64 and
 * that Yjs can apply the update in full. Throws an Error with a message for people otherwise.
 */
export function readBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new Error(`${NOT_A_BACKUP} It is not JSON; choose the .json file Lodestar saved.`);
  }
  if (!isRecord(json) || json['format'] !== BACKUP_FORMAT) throw new Error(NOT_A_BACKUP);
  const version = json['version'];
  if (version !== BACKUP_VERSION) {
    throw new Error(
      typeof version === 'number' && version > BACKUP_VERSION
        ? `This backup was made by a newer version of Lodestar (backup version ${version}). Reload Lodestar to get the update, then try again.`
        : `This backup's version (${String(version)}) is not one Lodestar can read.`,
    );
  }
  const workspace = json['workspace'];
  const id = isRecord(workspace) ? workspace['id'] : undefined;
  const headerName = isRecord(workspace) ? workspace['name'] : undefined;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new Error('This backup file is damaged: its workspace id is missing or invalid.');
  }
  if (typeof headerName !== 'string') {
    throw new Error('This backup file is damaged: its workspace name is missing.');
  }
  const exportedAt = typeof json['exportedAt'] === 'string' ? json['exportedAt'] : '';
  const encoded = json['update'];
  const update = typeof encoded === 'string' ? fromBase64(encoded) : null;
  if (update === null || update.length === 0) {
    throw new Error('This backup file is damaged: its data is not valid base64.');
  }
  const doc = decodeWorkspace(update);
  if (typeof doc === 'string') throw new Error(`This backup file is damaged: ${doc}.`);
  const docName = workspaceName(workspaceDoc(doc));
  doc.destroy();
  const name = (docName || headerName.trim() || 'Restored workspace').slice(0, MAX_NAME);
  return { id, name, exportedAt, update };
}

/** Thrown when the target already holds data: restoring never writes over a workspace. */
export class RestoreTargetInUse extends Error {
  constructor(readonly targetId: string) {
    super(`A workspace already uses the id ${targetId}; restoring never overwrites it.`);
  }
}

/**
 * Writes a backup into the (new, empty) document `targetId` on this device, then closes it.
 * With `rename`, the copy gets that name (a restored copy next to the original). Throws
 * RestoreTargetInUse, writing nothing, when that document already holds anything.
 */
export async function restoreBackup(
  backup: Backup,
  targetId: string,
  rename: string | null = null,
): Promise<void> {
  const stored = await openStoredDoc(targetId);
  try {
    if (stored.doc.store.clients.size > 0) throw new RestoreTargetInUse(targetId);
    Y.applyUpdate(stored.doc, backup.update, 'restore');
    if (rename !== null) setWorkspaceName(workspaceDoc(stored.doc), rename);
    await stored.flushed();
  } finally {
    await stored.close();
  }
}
