/**
 * The device database's list of workspaces and settings. Reads of one row go through plain
 * IndexedDB first (registryRead.ts), so opening a workspace does not load Dexie; writes, the
 * whole list and reads that cannot be done plainly load Dexie (db.ts) on first use.
 */
import type { LocalDb, WorkspaceRecord } from './db';
import { readSettingRow, readWorkspaceRecord } from './registryRead';

const localDb = async (): Promise<LocalDb> => (await import('./db')).localDb();

export async function listWorkspaces(): Promise<WorkspaceRecord[]> {
  return (await localDb()).workspaces.orderBy('openedAt').reverse().toArray();
}

export async function getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
  const plain = await readWorkspaceRecord(id);
  return plain !== null ? plain : (await localDb()).workspaces.get(id);
}

export async function putWorkspace(record: WorkspaceRecord): Promise<void> {
  await (await localDb()).workspaces.put(record);
}

export async function touchWorkspace(
  id: string,
  patch: Partial<Omit<WorkspaceRecord, 'id'>>,
): Promise<void> {
  await (await localDb()).workspaces.update(id, patch);
}

export async function removeWorkspaceRecord(id: string): Promise<void> {
  await (await localDb()).workspaces.delete(id);
}

export async function getSetting<T>(
  key: string,
  guard: (v: unknown) => v is T,
): Promise<T | undefined> {
  const plain = await readSettingRow(key);
  const row = plain !== null ? plain : await (await localDb()).settings.get(key);
  return row && guard(row.value) ? row.value : undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await (await localDb()).settings.put({ key, value });
}
