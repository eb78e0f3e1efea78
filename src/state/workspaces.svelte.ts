import { deleteCheckpoints } from '../storage/checkpoints';
import { nameProblem } from '../domain/validate';
import { workspaceDoc } from '../doc/schema';
import { newId } from '../doc/records';
import { initWorkspace, setWorkspaceName, workspaceName } from '../doc/meta';
import { applyTemplate } from '../doc/templates';
import { onDatabaseUpgradeElsewhere, type WorkspaceRecord } from '../storage/db';

export type { WorkspaceRecord };
import * as registry from '../storage/registry';
import {
  asNotSaved,
  deleteStoredDoc,
  openStoredDoc,
  storedDocIds,
} from '../storage/workspaceStore';
import { requestPersistentStorage, type PersistState } from '../storage/persistence';
import { putSyncSettings } from '../storage/syncSettings';
import type { ShareInfo } from '../domain/shareLink';
import { exportBackup, readBackup, restoreBackup, RestoreTargetInUse } from '../storage/backup';
import { MAX_NAME } from '../domain/validate';
import { todayLocal } from '../domain/periods';

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The name a stored workspace document holds ("Untitled workspace" when it has none), or null
 * when the database holds no workspace or cannot be read. Reading writes nothing.
 */
async function storedWorkspaceName(id: string): Promise<string | null> {
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

/** This device's workspaces, the user's display name and storage persistence. */
class Workspaces {
  list = $state.raw<WorkspaceRecord[]>([]);
  loaded = $state(false);
  displayName = $state('');
  persist = $state<PersistState | 'unknown'>('unknown');
  /** A newer Lodestar in another tab upgraded the device database: this tab must reload. */
  upgradedElsewhere = $state(false);

  constructor() {
    onDatabaseUpgradeElsewhere(() => (this.upgradedElsewhere = true));
  }

  /** Workspaces whose data is on this device but missing from its list (a lost registry). */
  found = $state.raw<{ id: string; name: string }[]>([]);

  async load(): Promise<void> {
    const [list, name] = await Promise.all([
      registry.listWorkspaces(),
      registry.getSetting('displayName', isString),
    ]);
    this.list = list;
    this.displayName = name ?? '';
    this.loaded = true;
    this.found = await this.findUnlisted(new Set(list.map((r) => r.id)));
  }

  /** Opens each unlisted workspace database (writing nothing) to read its name. */
  private async findUnlisted(listed: ReadonlySet<string>): Promise<{ id: string; name: string }[]> {
    const found: { id: string; name: string }[] = [];
    for (const id of await storedDocIds()) {
      if (listed.has(id)) continue;
      const name = await storedWorkspaceName(id);
      if (name !== null) found.push({ id, name });
    }
    return found;
  }

  /** Puts a workspace found on this device back on its list. */
  async bringBack(id: string): Promise<void> {
    const name = await storedWorkspaceName(id);
    if (name === null) throw new Error('This device holds no data for that workspace.');
    const now = Date.now();
    await registry.putWorkspace({ id, name, createdAt: now, openedAt: now });
    await this.load();
  }

  /** Whether this device holds data for a workspace that is not on its list. */
  async isUnlisted(id: string): Promise<boolean> {
    if (await registry.getWorkspace(id)) return false;
    return (await storedDocIds()).includes(id) && (await storedWorkspaceName(id)) !== null;
  }

  async askPersistence(): Promise<void> {
    this.persist = await requestPersistentStorage();
  }

  async setDisplayName(name: string): Promise<void> {
    this.displayName = name.trim();
    await registry.putSetting('displayName', this.displayName);
  }

  /** Creates a workspace (blank or from a template) and returns its id once it is stored. */
  async create(name: string, templateId: string | null): Promise<string> {
    const problem = nameProblem(name);
    if (problem) throw new Error(problem);
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
      const now = Date.now();
      await registry.putWorkspace({ id, name: name.trim(), createdAt: now, openedAt: now });
    } catch (error) {
      // Nothing half-made stays behind: the new database goes, and the reason is said in words.
      await deleteStoredDoc(id).catch(() => undefined);
      throw new Error(`The workspace could not be created: ${asNotSaved(error).message}.`);
    }
    await this.load();
    return id;
  }

  /** Renames a workspace that is not open (an open one is renamed through its session). */
  async rename(id: string, name: string): Promise<void> {
    const problem = nameProblem(name);
    if (problem) throw new Error(problem);
    const stored = await openStoredDoc(id);
    try {
      setWorkspaceName(workspaceDoc(stored.doc), name);
      await stored.written();
    } finally {
      await stored.close();
    }
    await registry.touchWorkspace(id, { name: name.trim() });
    await this.load();
  }

  /** Deletes this device's copy only; teammates' copies are untouched. */
  async remove(id: string): Promise<void> {
    await deleteStoredDoc(id);
    await deleteCheckpoints(id);
    await registry.removeWorkspaceRecord(id);
    await this.load();
  }

  /**
   * A backup file of a workspace that is not open (an open one is backed up through its
   * session, which also holds changes not yet written to storage).
   */
  async backup(id: string): Promise<{ fileName: string; text: string }> {
    const record = await registry.getWorkspace(id);
    if (!record) throw new Error('This device has no such workspace.');
    const stored = await openStoredDoc(id);
    try {
      return await exportBackup(stored.doc, { id, name: record.name });
    } finally {
      await stored.close();
    }
  }

  /**
   * Restores a backup file as a new workspace on this device and returns its id, and whether
   * the file's checksum was verified (false for an older backup that has none). Never
   * overwrites: when this device has no workspace with the backup's id, it comes back under that
   * id (so backup, delete, restore gives the same workspace back, still shared with teammates);
   * otherwise it becomes a copy with a new id, named "<name> (restored <date>)". Throws an
   * Error with a message for people when the file is not a valid backup.
   */
  async restore(text: string): Promise<{ id: string; verified: boolean }> {
    const backup = await readBackup(text);
    const now = Date.now();
    let id = backup.id;
    let name = backup.name;
    const asCopy = async (): Promise<void> => {
      id = newId();
      const suffix = ` (restored ${todayLocal()})`;
      name = backup.name.slice(0, MAX_NAME - suffix.length) + suffix;
      await restoreBackup(backup, id, name);
    };
    if (await registry.getWorkspace(backup.id)) await asCopy();
    else {
      try {
        await restoreBackup(backup, id);
      } catch (error) {
        // Data left under that id without a registry entry: keep it, restore beside it.
        if (!(error instanceof RestoreTargetInUse)) throw error;
        await asCopy();
      }
    }
    await registry.putWorkspace({ id, name, createdAt: now, openedAt: now });
    await this.load();
    return { id, verified: backup.verified };
  }

  /**
   * Joins a shared workspace from its link: registers it on this device (its content arrives
   * from teammates) and keeps the link's key and addresses. A workspace already here keeps its
   * data and takes the link's key, so a reset link lets a teammate back in.
   */
  async join(info: ShareInfo, displayName: string): Promise<void> {
    if (displayName.trim() !== '') await this.setDisplayName(displayName);
    if (!(await registry.getWorkspace(info.workspaceId))) {
      const now = Date.now();
      await registry.putWorkspace({
        id: info.workspaceId,
        name: info.name,
        createdAt: now,
        openedAt: now,
      });
    }
    await putSyncSettings(info.workspaceId, {
      key: info.key,
      provider: info.provider,
      signaling: info.signaling,
      websocketUrl: info.websocketUrl,
      turn: info.turn,
    });
    await this.load();
  }

  async has(id: string): Promise<boolean> {
    return (await registry.getWorkspace(id)) !== undefined;
  }

  async opened(id: string): Promise<void> {
    await registry.touchWorkspace(id, { openedAt: Date.now() });
  }
}

export const workspaces = new Workspaces();
