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

/** Device-local data: what workspaces are here, and this device's settings and identity. */
export class LocalDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = 'lodestar') {
    super(name);
    this.version(1).stores({
      workspaces: 'id, openedAt',
      settings: 'key',
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
