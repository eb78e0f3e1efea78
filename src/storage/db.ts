import Dexie, { type EntityTable } from 'dexie';

/** A workspace this device holds (its content lives in its own Yjs IndexedDB database). */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: number;
  openedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Why a version of a workspace was saved on this device. */
export type CheckpointReason =
  'open' | 'edits' | 'before-import' | 'before-merge' | 'before-restore';

/** A saved version of a workspace: what it is, without its (large) content. */
export interface CheckpointRecord {
  id?: number;
  workspaceId: string;
  at: number;
  reason: CheckpointReason;
  /** Bytes stored (compressed) and bytes of the encoded document. */
  stored: number;
  size: number;
  /** Live records per top-level map, for "what changed" between versions. */
  counts: Record<string, number>;
  /** Per Yjs client id, its clock then (who wrote how much since). */
  clocks: Record<string, number>;
  /** SHA-256 of the encoded document: an unchanged workspace is not saved twice. */
  hash: string;
}

/** A saved version's content: the encoded document, gzip-compressed. */
export interface CheckpointDataRecord {
  id: number;
  data: Uint8Array;
}

/**
 * Device-local data: what workspaces are here, this device's settings and identity, and the
 * versions of each workspace saved on this device.
 */
export class LocalDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  checkpoints!: EntityTable<CheckpointRecord, 'id'>;
  checkpointData!: EntityTable<CheckpointDataRecord, 'id'>;

  constructor(name = 'lodestar') {
    super(name);
    this.version(1).stores({
      workspaces: 'id, openedAt',
      settings: 'key',
    });
    // Version 2 adds the saved versions of each workspace (their content in its own table, so
    // listing them reads no document).
    this.version(2).stores({
      workspaces: 'id, openedAt',
      settings: 'key',
      checkpoints: '++id, workspaceId, [workspaceId+at]',
      checkpointData: 'id',
    });
  }
}

let instance: LocalDb | null = null;
let onBlocked: (() => void) | null = null;

/**
 * The one device database. A schema upgrade in another tab closes it, and the callback of
 * onDatabaseUpgradeElsewhere tells the user; a deletion (newVersion null) only closes it.
 */
export function localDb(): LocalDb {
  if (!instance) {
    instance = new LocalDb();
    instance.on('versionchange', (event: IDBVersionChangeEvent) => {
      instance?.close();
      instance = null;
      if (event.newVersion !== null) onBlocked?.();
      return false;
    });
  }
  return instance;
}

/** Called when a newer Lodestar in another tab needs this tab to let go of the database. */
export function onDatabaseUpgradeElsewhere(callback: () => void): void {
  onBlocked = callback;
}
