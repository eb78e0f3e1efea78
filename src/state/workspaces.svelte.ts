import { nameProblem } from '../domain/names';
import type { WorkspaceRecord } from '../storage/db';
import { peekRegistry } from '../storage/registryPeek';
import { storedDocIds } from '../storage/docNames';
import { requestPersistentStorage, type PersistState } from '../storage/persistence';
import { removeLastKnown } from '../storage/lastKnown';
import type { ShareInfo } from '../domain/shareLink';

export type { WorkspaceRecord };

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * The start screen's list is read without Dexie (registryPeek.ts); the device database
 * (Dexie: registry, sync settings) and the document operations (workspaceDocs.ts) load on
 * first use. Once Dexie is loaded, an upgrade of the database in another tab is reported.
 */
let dexie: Promise<typeof import('../storage/registry')> | null = null;
const registryModule = (): Promise<typeof import('../storage/registry')> =>
  (dexie ??= Promise.all([import('../storage/registry'), import('../storage/db')]).then(
    ([registry, db]) => {
      db.onDatabaseUpgradeElsewhere(() => (workspaces.upgradedElsewhere = true));
      return registry;
    },
  ));
const registry = {
  listWorkspaces: async () => (await registryModule()).listWorkspaces(),
  getWorkspace: async (id: string) => (await registryModule()).getWorkspace(id),
  putWorkspace: async (record: WorkspaceRecord) => (await registryModule()).putWorkspace(record),
  touchWorkspace: async (id: string, patch: Partial<Omit<WorkspaceRecord, 'id'>>) =>
    (await registryModule()).touchWorkspace(id, patch),
  removeWorkspaceRecord: async (id: string) => (await registryModule()).removeWorkspaceRecord(id),
  getSetting: async <T>(key: string, guard: (v: unknown) => v is T) =>
    (await registryModule()).getSetting(key, guard),
  putSetting: async (key: string, value: unknown) =>
    (await registryModule()).putSetting(key, value),
};
const docs = () => import('./workspaceDocs');

/** The name stored in a workspace's document, or null when there is none (workspaceDocs.ts). */
const storedWorkspaceName = async (id: string): Promise<string | null> =>
  (await docs()).storedWorkspaceName(id);

/** This device's workspaces, the user's display name and storage persistence. */
class Workspaces {
  list = $state.raw<WorkspaceRecord[]>([]);
  loaded = $state(false);
  displayName = $state('');
  persist = $state<PersistState | 'unknown'>('unknown');
  /** A newer Lodestar in another tab upgraded the device database: this tab must reload. */
  upgradedElsewhere = $state(false);

  /** Workspaces whose data is on this device but missing from its list (a lost registry). */
  found = $state.raw<{ id: string; name: string }[]>([]);

  async load(): Promise<void> {
    const peek = await peekRegistry();
    const [list, name] = peek
      ? [peek.list, isString(peek.displayName) ? peek.displayName : undefined]
      : await Promise.all([
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
    for (const id of (await storedDocIds()).filter((id) => !listed.has(id))) {
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
    const id = await (
      await docs()
    ).createWorkspaceDoc(name, templateId, async (newId) => {
      const now = Date.now();
      await registry.putWorkspace({ id: newId, name: name.trim(), createdAt: now, openedAt: now });
    });
    await this.load();
    return id;
  }

  /** Renames a workspace that is not open (an open one is renamed through its session). */
  async rename(id: string, name: string): Promise<void> {
    const problem = nameProblem(name);
    if (problem) throw new Error(problem);
    await (await docs()).renameWorkspaceDoc(id, name);
    // The last known numbers carry the old name: drop them, the next open keeps new ones.
    removeLastKnown(id);
    await registry.touchWorkspace(id, { name: name.trim() });
    await this.load();
  }

  /** Deletes this device's copy only; teammates' copies are untouched. */
  async remove(id: string): Promise<void> {
    removeLastKnown(id);
    await (await docs()).deleteWorkspaceData(id);
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
    return (await docs()).backupWorkspaceDoc(id, record.name);
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
    const { id, name, verified } = await (
      await docs()
    ).restoreWorkspaceDoc(text, async (id) => (await registry.getWorkspace(id)) !== undefined);
    const now = Date.now();
    await registry.putWorkspace({ id, name, createdAt: now, openedAt: now });
    await this.load();
    return { id, verified };
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
    const { putSyncSettings } = await import('../storage/syncSettings');
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
