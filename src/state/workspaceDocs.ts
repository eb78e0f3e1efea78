/**
 * What the list of workspaces does with their stored documents: read a stored name, create,
 * rename, delete this device's data, back up and restore. Loaded on first use (workspaces.svelte.ts
 * imports it dynamically), so the start screen shows the list without Yjs and the document layer.
 */
import { deleteCheckpoints } from '../storage/checkpoints';
import { workspaceDoc } from '../doc/schema';
import { newId } from '../doc/records';
import { initWorkspace, setWorkspaceName, workspaceName } from '../doc/meta';
import { applyTemplate } from '../doc/templates';
import { asNotSaved, deleteStoredDoc, openStoredDoc } from '../storage/workspaceStore';
import { exportBackup, readBackup, restoreBackup, RestoreTargetInUse } from '../storage/backup';
import { MAX_NAME } from '../domain/names';
import { todayLocal } from '../domain/periods';

/**
 * The name a stored workspace document holds ("Untitled workspace" when it has none), or null
 * when the database holds no workspace or cannot be read. Reading writes nothing.
 */
export async function storedWorkspaceName(id: string): Promise<string | null> {
  let stored: Awaited<ReturnType<typeof openStoredDoc>>;
  try {
    stored = await openStoredDoc(id);
  } catch {
    return null;
  }
  stored.stopWriting();
  try {
    const ws = workspaceDoc(stored.doc);
    if (ws.meta.size === 0) return null;
    return workspaceName(ws).trim() || 'Untitled workspace';
  } finally {
    await stored.close();
  }
}

/**
 * Stores a new workspace document (blank or from a template) and returns its id; `register`
 * then lists it. When either fails, nothing half-made stays behind and the reason is in words.
 */
export async function createWorkspaceDoc(
  name: string,
  templateId: string | null,
  register: (id: string) => Promise<void>,
): Promise<string> {
  const id = newId();
  // Template texts load only when one is used (they are most of the start screen's weight).
  const template = templateId
    ? (await import('../domain/templates')).templateById(templateId)
    : undefined;
  try {
    const stored = await openStoredDoc(id);
    try {
      const ws = workspaceDoc(stored.doc);
      initWorkspace(ws, name);
      if (template) applyTemplate(ws, template);
      await stored.written();
    } finally {
      await stored.close();
    }
    await register(id);
  } catch (error) {
    await deleteStoredDoc(id).catch(() => undefined);
    throw new Error(`The workspace could not be created: ${asNotSaved(error).message}.`);
  }
  return id;
}

/** Renames a stored workspace document that is not open. */
export async function renameWorkspaceDoc(id: string, name: string): Promise<void> {
  const stored = await openStoredDoc(id);
  try {
    setWorkspaceName(workspaceDoc(stored.doc), name);
    await stored.written();
  } finally {
    await stored.close();
  }
}

/** Deletes this device's document and versions of a workspace. */
export async function deleteWorkspaceData(id: string): Promise<void> {
  await deleteStoredDoc(id);
  await deleteCheckpoints(id);
}

/** A backup file of a stored workspace document that is not open. */
export async function backupWorkspaceDoc(
  id: string,
  name: string,
): Promise<{ fileName: string; text: string }> {
  const stored = await openStoredDoc(id);
  try {
    return await exportBackup(stored.doc, { id, name });
  } finally {
    await stored.close();
  }
}

/**
 * Restores a backup file as a new document (Workspaces.restore says when and under which id):
 * under the backup's id unless `taken(id)` or data is left under it, else as a copy with a new
 * id named "<name> (restored <date>)". Returns the id, the name and whether it was verified.
 */
export async function restoreWorkspaceDoc(
  text: string,
  taken: (id: string) => Promise<boolean>,
): Promise<{ id: string; name: string; verified: boolean }> {
  const backup = await readBackup(text);
  let id = backup.id;
  let name = backup.name;
  const asCopy = async (): Promise<void> => {
    id = newId();
    const suffix = ` (restored ${todayLocal()})`;
    name = backup.name.slice(0, MAX_NAME - suffix.length) + suffix;
    await restoreBackup(backup, id, name);
  };
  if (await taken(backup.id)) await asCopy();
  else {
    try {
      await restoreBackup(backup, id);
    } catch (error) {
      // Data left under that id without a registry entry: keep it, restore beside it.
      if (!(error instanceof RestoreTargetInUse)) throw error;
      await asCopy();
    }
  }
  return { id, name, verified: backup.verified };
}
