/**
 * Backup files: a whole workspace, exactly, as one JSON file.
 *
 * ```json
 * { "format": "lodestar-backup", "version": 2,
 *   "workspace": { "id": "…", "name": "…" },
 *   "exportedAt": "2026-11-23T10:15:00.000Z",
 *   "update": "<base64 of Y.encodeStateAsUpdate(doc)>",
 *   "checksum": { "algorithm": "SHA-256", "workspace": "<hex>", "data": "<hex>" } }
 * ```
 * The update is the full Yjs state (tree, entries, workshop, people, history of deletions), so a
 * restored copy merges cleanly with teammates who still hold the workspace. Restoring always
 * writes into a document that holds nothing yet: it never overwrites a workspace.
 *
 * The checksum catches a file changed after it was saved (by hand, by a tool, by a bad copy):
 * `workspace` is the SHA-256 of JSON.stringify([format, version, id, name, exportedAt]) and
 * `data` the SHA-256 of the `update` text exactly as written (the text, not the decoded bytes,
 * so even a change in base64 padding bits shows). It is not a signature: whoever changes a file
 * on purpose can recompute it. Version 1 files (earlier Lodestar) have no checksum; they are
 * still read, marked unverified.
 */
import { exportFileName } from '../domain/fileNames';
import * as Y from 'yjs';
import { MAX_NAME } from '../domain/validate';
import { setWorkspaceName, workspaceName } from '../doc/meta';
import { workspaceDoc } from '../doc/schema';
import { openStoredDoc } from './workspaceStore';

export const BACKUP_FORMAT = 'lodestar-backup';
export const BACKUP_VERSION = 2;
/** The last version without a checksum; still read. */
const UNCHECKED_VERSION = 1;
export const CHECKSUM_ALGORITHM = 'SHA-256';

export interface BackupChecksum {
  algorithm: typeof CHECKSUM_ALGORITHM;
  /** SHA-256 (hex) of the header: format, version, workspace id and name, exportedAt. */
  workspace: string;
  /** SHA-256 (hex) of the `update` text as written. */
  data: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  workspace: { id: string; name: string };
  exportedAt: string;
  update: string;
  checksum: BackupChecksum;
}

/** A backup as read back: which workspace, and its full state. */
export interface Backup {
  id: string;
  /** The name the document itself holds (the file header's name when the document has none). */
  name: string;
  exportedAt: string;
  update: Uint8Array;
  /** True when the file's checksum matched; false for a version 1 file, which has none. */
  verified: boolean;
}

/** Workspace ids are made by newId (base36); anything else in a file is not ours. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

async function sha256Hex(text: string): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new Error(
      'This browser cannot compute checksums on this page (Web Crypto needs a secure, https page).',
    );
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The checksum of a backup's content. The header is hashed as a JSON array, so no value can
 * borrow characters from its neighbour ("a","bc" and "ab","c" differ). Values are taken as they
 * are in the file (a missing one hashes as null), so anything changed shows as a mismatch.
 */
export async function backupChecksum(file: {
  format: unknown;
  version: unknown;
  workspace: unknown;
  exportedAt: unknown;
  update: string;
}): Promise<BackupChecksum> {
  const workspace = isRecord(file.workspace) ? file.workspace : {};
  const header = JSON.stringify([
    file.format,
    file.version,
    workspace['id'],
    workspace['name'],
    file.exportedAt,
  ]);
  const [headerHash, dataHash] = await Promise.all([sha256Hex(header), sha256Hex(file.update)]);
  return { algorithm: CHECKSUM_ALGORITHM, workspace: headerHash, data: dataHash };
}

/** The backup file of a document: its full state, plus who it is, as JSON text. */
export async function exportBackup(
  doc: Y.Doc,
  workspace: { id: string; name: string },
  now = new Date(),
): Promise<{ fileName: string; text: string }> {
  const content = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workspace: { id: workspace.id, name: workspace.name },
    exportedAt: now.toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(doc)),
  } as const;
  const file: BackupFile = { ...content, checksum: await backupChecksum(content) };
  return { fileName: backupFileName(workspace.name, now), text: JSON.stringify(file) };
}

const NOT_A_BACKUP = 'This is not a Lodestar backup file.';
const changed = (what: string): string =>
  `This backup file was changed after Lodestar saved it: ${what}. Restore from an unchanged copy.`;
const BAD_BASE64 = 'This backup file is damaged: its data is not valid base64.';

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
 * Checks a version 2 file's checksum against its content; throws, naming the part that does
 * not match, when the file was changed.
 */
async function verifyChecksum(json: Record<string, unknown>): Promise<void> {
  const checksum = json['checksum'];
  if (
    !isRecord(checksum) ||
    checksum['algorithm'] !== CHECKSUM_ALGORITHM ||
    typeof checksum['workspace'] !== 'string' ||
    !HEX_SHA256.test(checksum['workspace']) ||
    typeof checksum['data'] !== 'string' ||
    !HEX_SHA256.test(checksum['data'])
  ) {
    throw new Error(
      'This backup file is damaged: its checksum is missing or invalid, so Lodestar cannot tell whether it was changed. Restore from an unchanged copy.',
    );
  }
  const update = json['update'];
  if (typeof update !== 'string') throw new Error(BAD_BASE64);
  const actual = await backupChecksum({
    format: json['format'],
    version: json['version'],
    workspace: json['workspace'],
    exportedAt: json['exportedAt'],
    update,
  });
  if (actual.workspace !== checksum['workspace']) {
    throw new Error(changed('its workspace name, id or date do not match its checksum'));
  }
  if (actual.data !== checksum['data']) {
    throw new Error(changed('its workspace data does not match its checksum'));
  }
}

/**
 * Reads and checks a backup file: the format, the version, the checksum (version 2), the
 * workspace id, the base64 and that Yjs can apply the update in full. Rejects with an Error
 * with a message for people otherwise.
 */
export async function readBackup(text: string): Promise<Backup> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new Error(`${NOT_A_BACKUP} It is not JSON; choose the .json file Lodestar saved.`);
  }
  if (!isRecord(json) || json['format'] !== BACKUP_FORMAT) throw new Error(NOT_A_BACKUP);
  const version = json['version'];
  if (version !== BACKUP_VERSION && version !== UNCHECKED_VERSION) {
    throw new Error(
      typeof version === 'number' && version > BACKUP_VERSION
        ? `This backup was made by a newer version of Lodestar (backup version ${version}). Reload Lodestar to get the update, then try again.`
        : `This backup's version (${String(version)}) is not one Lodestar can read.`,
    );
  }
  const verified = version === BACKUP_VERSION;
  if (verified) await verifyChecksum(json);
  else if ('checksum' in json) {
    // Version 1 files never had one: the version itself was changed (say, from 2).
    throw new Error(changed('its version does not match its checksum'));
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
  if (update === null || update.length === 0) throw new Error(BAD_BASE64);
  const doc = decodeWorkspace(update);
  if (typeof doc === 'string') throw new Error(`This backup file is damaged: ${doc}.`);
  const docName = workspaceName(workspaceDoc(doc));
  doc.destroy();
  const name = (docName || headerName.trim() || 'Restored workspace').slice(0, MAX_NAME);
  return { id, name, exportedAt, update, verified };
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
    await stored.written();
  } finally {
    await stored.close();
  }
}
