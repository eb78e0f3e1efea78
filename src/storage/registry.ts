import { localDb, type WorkspaceRecord } from './db';

export async function listWorkspaces(): Promise<WorkspaceRecord[]> {
  return localDb().workspaces.orderBy('openedAt').reverse().toArray();
}

export async function getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
  return localDb().workspaces.get(id);
}

export async function putWorkspace(record: WorkspaceRecord): Promise<void> {
  await localDb().workspaces.put(record);
}

export async function touchWorkspace(
  id: string,
  patch: Partial<Omit<WorkspaceRecord, 'id'>>,
): Promise<void> {
  await localDb().workspaces.update(id, patch);
}

export async function removeWorkspaceRecord(id: string): Promise<void> {
  await localDb().workspaces.delete(id);
}

export async function getSetting<T>(
  key: string,
  guard: (v: unknown) => v is T,
): Promise<T | undefined> {
  const row = await localDb().settings.get(key);
  return row && guard(row.value) ? row.value : undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await localDb().settings.put({ key, value });
}
