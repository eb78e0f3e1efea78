import * as Y from 'yjs';
import { workspaceDoc, type WorkspaceDoc } from '../doc/schema';
import {
  fiscalYearStart,
  migrate,
  setFiscalYearStart,
  setWorkspaceName,
  workspaceName,
} from '../doc/meta';
import { docHealth } from '../doc/health';
import { momentWords } from '../domain/dayWords';
import { createUndoManager } from '../doc/undo';
import type { DocWarning } from '../doc/warnings';
import {
  DocLoadError,
  openStoredDoc,
  type SaveStatus,
  type StoredDoc,
} from '../storage/workspaceStore';
import { takeUnsaved } from '../storage/unsavedMarker';
import { CompactionTrigger } from '../storage/compaction';
import { getSetting, getWorkspace, putSetting, touchWorkspace } from '../storage/registry';
import { TabChannel } from '../sync/tabChannel';
import type { LiveSync, Identity } from './live.svelte';
import { workspaces } from './workspaces.svelte';
import type { AreaContext } from './area';
import { createAreas, type Areas } from './areas';
import { Clock } from './clock.svelte';
import { calendar as appCalendar, type WorkspaceCalendar } from './calendar.svelte';
import { WorkspaceHistory } from './history.svelte';
import { WorkspaceActivity } from './activity.svelte';
import { WorkspaceConflicts } from './conflicts.svelte';
import { LastKnownKeeper } from './lastKnownKeeper';
import { afterPaint } from './paint';
import { removeLastKnown } from '../storage/lastKnown';

export type { SaveStatus };

const isString = (v: unknown): v is string => typeof v === 'string';

/** Imports at least this large are followed by a compaction of the stored updates. */
const COMPACT_AFTER_ROWS = 1000;

/**
 * One open workspace: opens and closes its document, and sequences its areas (`state/areas.ts`):
 * each area reads its part of the document on open and after each transaction, and holds that
 * part's actions. The session itself holds what belongs to the whole workspace: its name, save
 * status, undo, live sync and the user's identity on this device.
 */
export class WorkspaceSession {
  /** `unlisted`: the data is on this device but not on its list of workspaces. */
  status = $state<'loading' | 'ready' | 'failed' | 'missing' | 'unlisted'>('loading');
  /** Why this copy cannot be edited (data this build cannot read); null when editable. */
  readOnly = $state<string | null>(null);
  /** A copy claims a newer format, yet everything reads and it stays editable (doc/health.ts). */
  formatNotice = $state<string | null>(null);
  name = $state('');
  /** Whether every change is on this device's disk; "failed" holds changes in memory only. */
  save = $state.raw<SaveStatus>({ kind: 'saved' });
  /**
   * What an earlier window of this workspace could not save, or stored changes that could not
   * be applied: said once, when the workspace opens. Null when all is well.
   */
  lostChanges = $state<string | null>(null);
  /** The person the user of this device is, in this workspace (a device setting). */
  meId = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Live sync with teammates, once the workspace is open. */
  live = $state<LiveSync | null>(null);
  readonly clock: Clock;
  /** The fiscal year start (from the document) and this device's first day of the week. */
  readonly calendar: WorkspaceCalendar;
  /** The areas of the workspace, each with its snapshots and actions. */
  readonly areas: Areas;
  /** The workspace's versions saved on this device, and the watch on teammates' batches. */
  readonly history: WorkspaceHistory;
  /** Who changed what: this copy's claim, and the batches that arrived from other copies. */
  readonly activity: WorkspaceActivity;
  /** Fields this device set that a teammate's copy replaced soon after. */
  readonly conflicts: WorkspaceConflicts;
  /** Updates from another tab that could not be read. */
  private tabWarnings = $state.raw<DocWarning[]>([]);
  /** Everything that could not be read, from every area. */
  warnings = $derived.by(() => [
    ...this.tabWarnings,
    ...Object.values(this.areas).flatMap((area) => area.warnings),
  ]);

  private stored: StoredDoc | null = null;
  /** The name on this device's list of workspaces, as last read or written. */
  private listedName: string | null = null;
  private closed = false;
  private ws: WorkspaceDoc | null = null;
  private undoManager: Y.UndoManager | null = null;
  private tabs: TabChannel | null = null;
  private unsubscribeSave: (() => void) | null = null;
  /** Folds the stored rows into one when they pile up (storage/compaction.ts). */
  private compaction: CompactionTrigger | null = null;
  /** Keeps the dashboard's last known numbers on this device (state/lastKnown.ts). */
  private readonly lastKnown = new LastKnownKeeper(() =>
    this.ws
      ? {
          id: this.id,
          name: this.name,
          metrics: [...this.areas.tree.byId.values()].map((n) => n.metric),
          people: this.areas.people.byId,
          summaries: this.areas.tracking.summaries,
          fiscalStart: this.calendar.fiscalStart,
        }
      : null,
  );

  /** `clock` and `calendar` are injectable so tests can fix today's date and settings. */
  constructor(
    readonly id: string,
    options: { clock?: Clock; calendar?: WorkspaceCalendar } = {},
  ) {
    this.clock = options.clock ?? new Clock();
    this.calendar = options.calendar ?? appCalendar;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context's getters have their own `this`
    const session = this;
    const ctx: AreaContext = {
      step: (action) => {
        session.undoManager?.stopCapturing();
        const ws = session.writable();
        return ws ? action(ws) : null;
      },
      typing: (action) => {
        const ws = session.writable();
        return ws ? action(ws) : null;
      },
      get meId() {
        return session.meId;
      },
      get today() {
        return session.clock.today;
      },
      wroteRows: (rows) => {
        // A large write adds one big row; fold the store so the next open reads it once.
        if (rows >= COMPACT_AFTER_ROWS) this.compaction?.request();
      },
    };
    this.areas = createAreas(ctx, this.clock, this.calendar);
    this.history = new WorkspaceHistory(id, ctx.step);
    this.conflicts = new WorkspaceConflicts(ctx.step);
    this.activity = new WorkspaceActivity(id, () =>
      this.readOnly === null ? { personId: this.meId, name: this.identity().name } : null,
    );
  }

  async open(): Promise<void> {
    // Opening an unknown id would create an empty database: only open what this device holds.
    // (A plain IndexedDB read: Dexie loads after the first screen, when something is written.)
    const record = await getWorkspace(this.id);
    this.listedName = record?.name ?? null;
    if (!record) {
      this.status = (await workspaces.isUnlisted(this.id)) ? 'unlisted' : 'missing';
      if (this.status === 'missing') removeLastKnown(this.id);
      return;
    }
    try {
      this.stored = await openStoredDoc(this.id);
    } catch (error) {
      this.status = 'failed';
      this.readOnly =
        error instanceof DocLoadError
          ? `This workspace's stored data could not be read (${error.reason}). It is shown read-only and nothing was changed; restore a backup or open a shared copy.`
          : `This workspace could not be opened: ${String(error)}`;
      return;
    }
    const stored = this.stored;
    this.lostChanges = lostChangesText(takeUnsaved(this.id), stored.incomplete);
    const ws = workspaceDoc(stored.doc);
    this.ws = ws;
    this.meId = (await getSetting(`me:${this.id}`, isString)) ?? null;
    const health = docHealth(ws);
    if (health.kind === 'unreadable') this.readOnly = health.message;
    else if (health.kind === 'claimed') this.formatNotice = health.message;
    if (this.readOnly !== null) stored.stopWriting();
    else migrate(ws);
    this.unsubscribeSave = stored.subscribe((status) => (this.save = status));
    this.undoManager = createUndoManager(ws);
    const syncUndo = (): void => {
      this.canUndo = (this.undoManager?.undoStack.length ?? 0) > 0;
      this.canRedo = (this.undoManager?.redoStack.length ?? 0) > 0;
    };
    this.undoManager.on('stack-item-added', syncUndo);
    this.undoManager.on('stack-item-popped', syncUndo);
    this.undoManager.on('stack-cleared', syncUndo);
    this.tabs = new TabChannel(
      ws.doc,
      this.id,
      (error) =>
        (this.tabWarnings = [
          ...this.tabWarnings,
          { where: 'another tab', message: `an update could not be read: ${String(error)}` },
        ]),
    );
    for (const area of Object.values(this.areas)) area.attach(ws);
    ws.doc.on('afterTransaction', this.onTransaction);
    this.history.attach(ws);
    void this.activity.attach(ws);
    this.conflicts.attach(ws);
    this.readName(ws);
    this.status = 'ready';
    this.lastKnown.changed();
    // A tab closed (or hidden) soon after a change still keeps that change's numbers.
    if (typeof addEventListener === 'function') addEventListener('pagehide', this.flushLastKnown);
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.flushLastKnown);
    }
    if (this.readOnly === null) {
      this.compaction = new CompactionTrigger(stored);
      this.compaction.start();
    }
    // Live sync (its code, its settings in the device database, the connection) after the first
    // screen is painted: none of it is on that screen.
    await afterPaint();
    const { LiveSync } = await import('./live.svelte');
    if (this.closed) return;
    this.live = new LiveSync(
      this.id,
      ws,
      () => this.identity(),
      () => this.readOnly === null,
    );
    await this.live.load();
  }

  /** On pagehide, and when the page is hidden (a tab closed on a phone may get no pagehide). */
  private readonly flushLastKnown = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') {
      this.lastKnown.flush();
    }
  };

  private readonly onTransaction = (): void => {
    const ws = this.ws;
    if (!ws) return;
    for (const area of Object.values(this.areas)) area.flush(ws);
    this.readName(ws);
    this.lastKnown.changed();
  };

  private readName(ws: WorkspaceDoc): void {
    this.calendar.fiscalStart = fiscalYearStart(ws);
    const name = workspaceName(ws);
    if (name !== this.name) {
      this.name = name;
      // The list's name follows the document's (a write, so only when it differs).
      if (name !== '' && name !== this.listedName) {
        this.listedName = name;
        void touchWorkspace(this.id, { name });
      }
    }
  }

  /**
   * Resolves once every change made so far is on this device's disk (the moment to say
   * "Imported…" or "Saved"); rejects with NotSavedError, in words, when storage refused it.
   * The changes stay in memory and are written again when storage works.
   */
  saved(): Promise<void> {
    return this.stored ? this.stored.written() : Promise.resolve();
  }

  /** Puts an unlisted workspace back on this device's list, then opens it. */
  async bringBack(): Promise<void> {
    await workspaces.bringBack(this.id);
    this.status = 'loading';
    await this.open();
  }

  /** Tries the writes that failed again now (after the user freed space). */
  retrySave(): void {
    this.stored?.retry();
  }

  /** The document, when this copy may be edited. */
  private writable(): WorkspaceDoc | null {
    return this.readOnly === null ? this.ws : null;
  }

  /** Renames the workspace as one undo step; false on a read-only copy. */
  rename(name: string): boolean {
    this.undoManager?.stopCapturing();
    const ws = this.writable();
    if (ws) setWorkspaceName(ws, name);
    return ws !== null;
  }

  /**
   * Sets the month (1–12) the workspace's fiscal year starts in, for every teammate, as one undo
   * step; false on a read-only copy. Stored quarters keep their months (domain/fiscal.ts).
   */
  setFiscalYearStart(month: number): boolean {
    this.undoManager?.stopCapturing();
    const ws = this.writable();
    if (ws) setFiscalYearStart(ws, month);
    return ws !== null;
  }

  /** Resolves once no compaction of the stored rows is waiting or running. */
  compacted(): Promise<void> {
    return this.compaction?.settled() ?? Promise.resolve();
  }

  /** Which person of the workspace the user of this device is ("mine" in check-ins). */
  async setMe(personId: string | null): Promise<void> {
    this.meId = personId;
    this.activity.reclaim();
    await putSetting(`me:${this.id}`, personId);
  }

  undo(): void {
    if (this.writable()) this.undoManager?.undo();
  }

  redo(): void {
    if (this.writable()) this.undoManager?.redo();
  }

  /**
   * A backup file of this workspace exactly as this copy holds it, including changes not yet
   * written to this device's storage; null while the document is not open.
   */
  async backup(): Promise<{ fileName: string; text: string } | null> {
    const ws = this.ws;
    if (!ws) return null;
    const { exportBackup } = await import('../storage/backup');
    return await exportBackup(ws.doc, { id: this.id, name: this.name });
  }

  /** The name and colour teammates see for this device's user. */
  private identity(): Identity {
    const me = this.meId ? this.areas.people.byId.get(this.meId) : undefined;
    return {
      name: workspaces.displayName || me?.name || 'A teammate',
      color: me?.color ?? '#1f6feb',
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lastKnown.stop();
    if (typeof removeEventListener === 'function') {
      removeEventListener('pagehide', this.flushLastKnown);
    }
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.flushLastKnown);
    }
    this.live?.destroy();
    await this.history.detach();
    this.activity.detach();
    this.conflicts.detach();
    this.ws?.doc.off('afterTransaction', this.onTransaction);
    this.tabs?.destroy();
    this.undoManager?.destroy();
    this.unsubscribeSave?.();
    this.compaction?.stop();
    await this.stored?.close();
  }
}

/** The words for changes an earlier window lost, or stored rows that could not be applied. */
function lostChangesText(
  note: { since: number; reason: string } | null,
  incomplete: boolean,
): string | null {
  const parts: string[] = [];
  if (note) {
    const when = note.since > 0 ? ` since ${momentWords(note.since)}` : '';
    parts.push(
      `When this workspace was last open, changes made${when} had not reached this device's storage (${note.reason}), and the window closed before they could be written. They are not in this copy; a teammate who synced them, or a backup downloaded then, still has them.`,
    );
  }
  if (incomplete) {
    parts.push(
      "Some changes stored on this device depend on an earlier change that never reached the disk, so they cannot be shown. Nothing else is affected; a teammate's copy or a backup may still have them.",
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
