import * as Y from 'yjs';
import { buildTree, isAncestorOrSelf, subtreeIds } from '../domain/tree';
import { checkTreeHealth, formulaWarnings } from '../domain/health';
import type { Entry, Metric, MetricFields, Person, Workshop } from '../domain/types';
import { workspaceDoc, type WorkspaceDoc } from '../doc/schema';
import { docHealth, migrate, setWorkspaceName, workspaceName } from '../doc/meta';
import * as metricsDoc from '../doc/metrics';
import * as peopleDoc from '../doc/people';
import { readWorkshop } from '../doc/workshop';
import { createUndoManager } from '../doc/undo';
import type { DocWarning } from '../doc/warnings';
import {
  DocLoadError,
  openStoredDoc,
  type SaveStatus,
  type StoredDoc,
} from '../storage/workspaceStore';
import { takeUnsaved } from '../storage/unsavedMarker';
import { exportBackup } from '../storage/backup';
import { getSetting, getWorkspace, putSetting, touchWorkspace } from '../storage/registry';
import * as entriesDoc from '../doc/entries';
import { TabChannel } from '../sync/tabChannel';
import { WorkshopActions } from './workshopActions';
import { LiveSync, type Identity } from './live.svelte';
import { workspaces } from './workspaces.svelte';
import { Tracking } from './tracking.svelte';
import { CustomerSuccess } from './customers.svelte';
import { changedKeys } from './recordCache';
import {
  readAllEntries,
  unreadableWarnings,
  updateEntries,
  type EntriesByMetric,
} from './entriesCache';

export type { SaveStatus };

const isString = (v: unknown): v is string => typeof v === 'string';

/** Imports at least this large are followed by a compaction of the stored updates. */
const COMPACT_AFTER_ROWS = 1000;
/** More stored update rows than this on open (each open and edit adds rows): compact when idle. */
const COMPACT_ON_OPEN_ROWS = 100;

const EMPTY_WORKSHOP: Workshop = {
  game: null,
  mission: '',
  segment: '',
  candidates: [],
  chosenCandidateId: null,
  chosenMetricId: null,
};

/**
 * One open workspace: reactive snapshots of its document and the named actions the UI calls.
 * Snapshots are replaced whole after each change (the tree holds at most a few hundred metrics).
 */
export class WorkspaceSession {
  /** `unlisted`: the data is on this device but not on its list of workspaces. */
  status = $state<'loading' | 'ready' | 'failed' | 'missing' | 'unlisted'>('loading');
  /** Why this copy cannot be edited (newer or corrupt document); null when editable. */
  readOnly = $state<string | null>(null);
  name = $state('');
  metrics = $state.raw<Metric[]>([]);
  people = $state.raw<Person[]>([]);
  workshop = $state.raw<Workshop>(EMPTY_WORKSHOP);
  warnings = $state.raw<DocWarning[]>([]);
  /** Every metric's entries, sorted by period; replaced per metric when its entries change. */
  entries = $state.raw<EntriesByMetric>(new Map());
  /** How many stored values of each metric could not be read (a peer's bad data). */
  private unreadable = $state.raw<ReadonlyMap<string, number>>(new Map());
  /** The warnings of unreadable entries, named by metric. */
  entryWarnings = $derived(
    unreadableWarnings(this.unreadable, (id) => this.metrics.find((m) => m.id === id)?.name),
  );
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
  /** The journey, success plans and insights, with their actions. */
  readonly customers: CustomerSuccess = new CustomerSuccess(
    () => this.step(),
    () => this.writable(),
    this,
  );
  /** Progress of the metrics: summaries, due check-ins, formula and plan-metric values. */
  readonly tracking: Tracking = new Tracking(this);
  tree = $derived(buildTree(this.metrics));
  health = $derived([
    ...checkTreeHealth(this.tree),
    ...formulaWarnings(this.tracking.formulas.problems, this.tree),
  ]);
  peopleById = $derived(new Map(this.people.map((p) => [p.id, p])));

  readonly workshopActions: WorkshopActions;
  /** Live sync with teammates, once the workspace is open. */
  live = $state<LiveSync | null>(null);
  private stored: StoredDoc | null = null;
  private ws: WorkspaceDoc | null = null;
  private undoManager: Y.UndoManager | null = null;
  private tabs: TabChannel | null = null;
  private unsubscribeSave: (() => void) | null = null;

  constructor(readonly id: string) {
    this.workshopActions = new WorkshopActions(() => this.writable(), this);
  }

  async open(): Promise<void> {
    // Opening an unknown id would create an empty database: only open what this device holds.
    if (!(await getWorkspace(this.id))) {
      this.status = (await workspaces.isUnlisted(this.id)) ? 'unlisted' : 'missing';
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
    if (health.kind === 'newer') {
      this.readOnly = `This workspace was saved by a newer version of Lodestar (schema ${health.version}). It is read-only here so nothing is lost; reload to get the update.`;
    } else if (health.kind === 'corrupt') {
      this.readOnly = `This workspace looks damaged: ${health.reason}. It is read-only here so nothing is overwritten.`;
    }
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
        (this.warnings = [
          ...this.warnings,
          { where: 'another tab', message: `an update could not be read: ${String(error)}` },
        ]),
    );
    this.watch(ws);
    ws.doc.on('afterTransaction', this.onTransaction);
    this.refresh();
    this.setEntries(readAllEntries(ws));
    this.customers.attach(ws);
    this.status = 'ready';
    if (this.readOnly === null && stored.rows() > COMPACT_ON_OPEN_ROWS) {
      setTimeout(() => void this.compactSoon(), 3000);
    }
    this.live = new LiveSync(
      this.id,
      ws,
      () => this.identity(),
      () => this.readOnly === null,
    );
    await this.live.load();
  }

  /** What changed in the current transaction: the tree side, and which metrics' entries. */
  private dirty = { records: false, entries: new Set<string>() };

  private watch(ws: WorkspaceDoc): void {
    for (const type of [ws.meta, ws.people, ws.metrics, ws.workshop, ws.candidates]) {
      type.observeDeep(() => (this.dirty.records = true));
    }
    ws.entries.observeDeep((events) => changedKeys(events, this.dirty.entries));
  }

  private readonly onTransaction = (): void => {
    const { records, entries } = this.dirty;
    this.dirty = { records: false, entries: new Set() };
    if (records) this.refresh();
    if (entries.size > 0 && this.ws) {
      this.setEntries(
        updateEntries(this.ws, { entries: this.entries, unreadable: this.unreadable }, entries),
      );
    }
    if (this.ws) this.customers.flush(this.ws);
  };

  private setEntries(read: {
    entries: EntriesByMetric;
    unreadable: ReadonlyMap<string, number>;
  }): void {
    this.entries = read.entries;
    if (read.unreadable.size > 0 || this.unreadable.size > 0) this.unreadable = read.unreadable;
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

  private refresh(): void {
    const ws = this.ws;
    if (!ws) return;
    const m = metricsDoc.readMetrics(ws);
    const p = peopleDoc.readPeople(ws);
    const w = readWorkshop(ws);
    // An owner who was removed counts as no owner (the id stays, so undo brings them back).
    const present = new Set(p.people.map((person) => person.id));
    this.metrics = m.metrics.map((metric) =>
      metric.ownerId !== null && !present.has(metric.ownerId)
        ? { ...metric, ownerId: null }
        : metric,
    );
    this.people = p.people;
    this.workshop = w.workshop;
    this.warnings = [...m.warnings, ...p.warnings, ...w.warnings];
    const name = workspaceName(ws);
    if (name !== this.name) {
      this.name = name;
      if (name !== '') void touchWorkspace(this.id, { name });
    }
  }

  /** The document, when this copy may be edited. */
  private writable(): WorkspaceDoc | null {
    return this.readOnly === null ? this.ws : null;
  }

  /** Ends the current undo step so the next action is undone on its own. */
  private step(): WorkspaceDoc | null {
    this.undoManager?.stopCapturing();
    return this.writable();
  }

  rename(name: string): void {
    const ws = this.step();
    if (ws) setWorkspaceName(ws, name);
  }

  addMetric(
    fields: Partial<MetricFields> & { name: string },
    parentId: string | null,
  ): string | null {
    const ws = this.step();
    return ws ? metricsDoc.addMetric(ws, fields, parentId) : null;
  }

  updateMetric(id: string, patch: Partial<Omit<MetricFields, 'targets'>>): void {
    const ws = this.writable();
    if (ws) metricsDoc.updateMetric(ws, id, patch);
  }

  /** Moves a metric; returns false when the move would put it under itself. */
  moveMetric(id: string, parentId: string | null, beforeId: string | null = null): boolean {
    const ws = this.step();
    if (!ws) return false;
    const tree = this.tree;
    return metricsDoc.moveMetric(ws, id, parentId, beforeId, (p) => isAncestorOrSelf(tree, id, p));
  }

  /** Deletes a metric and everything under it; returns the ids, to restore them if asked. */
  deleteMetric(id: string): string[] {
    const ws = this.step();
    const node = this.tree.byId.get(id);
    if (!ws || !node) return [];
    const ids = subtreeIds(node);
    metricsDoc.deleteMetrics(ws, ids);
    return ids;
  }

  restoreMetrics(ids: readonly string[]): void {
    const ws = this.step();
    if (ws) metricsDoc.restoreMetrics(ws, ids);
  }

  addPerson(fields: Omit<Person, 'id'>): string | null {
    const ws = this.step();
    return ws ? peopleDoc.addPerson(ws, fields) : null;
  }

  updatePerson(id: string, patch: Partial<Omit<Person, 'id'>>): void {
    const ws = this.writable();
    if (ws) peopleDoc.updatePerson(ws, id, patch);
  }

  removePerson(id: string): void {
    const ws = this.step();
    if (ws) peopleDoc.removePerson(ws, id);
  }

  /** Logs (or corrects) one value; the check-in and the metric page call this. */
  setEntry(metricId: string, period: string, value: number, note: string): void {
    const ws = this.step();
    if (ws) entriesDoc.setEntries(ws, [{ metricId, period, value, note, by: this.meId }]);
  }

  /** Writes many entries in one transaction: all land or none do (a CSV import). */
  importEntries(rows: readonly Omit<entriesDoc.EntryInput, 'by'>[]): void {
    const ws = this.step();
    if (!ws) throw new Error('This workspace is read-only.');
    entriesDoc.setEntries(
      ws,
      rows.map((r) => ({ ...r, by: this.meId })),
    );
    // A large import adds one big row; fold the store so the next open reads it once.
    if (rows.length >= COMPACT_AFTER_ROWS) void this.compactSoon();
  }

  private async compactSoon(): Promise<void> {
    const stored = this.stored;
    if (!stored) return;
    try {
      await stored.written();
      await stored.compact();
    } catch {
      // Closed meanwhile, or storage refused: the rows stay as they were, nothing is lost.
    }
  }

  /** Writes a deleted entry back as it was (its author and time included). */
  restoreEntry(entry: Entry): void {
    const ws = this.step();
    if (ws) entriesDoc.setEntries(ws, [entry], entry.at);
  }

  deleteEntry(metricId: string, period: string): void {
    const ws = this.step();
    if (ws) entriesDoc.deleteEntry(ws, metricId, period);
  }

  setTarget(metricId: string, period: string, value: number | null): void {
    const ws = this.step();
    if (ws) metricsDoc.setTarget(ws, metricId, period, value);
  }

  /** Which person of the workspace the user of this device is ("mine" in check-ins). */
  async setMe(personId: string | null): Promise<void> {
    this.meId = personId;
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
    return this.ws ? await exportBackup(this.ws.doc, { id: this.id, name: this.name }) : null;
  }

  /** The name and colour teammates see for this device's user. */
  private identity(): Identity {
    const me = this.meId ? this.peopleById.get(this.meId) : undefined;
    return {
      name: workspaces.displayName || me?.name || 'A teammate',
      color: me?.color ?? '#1f6feb',
    };
  }

  async close(): Promise<void> {
    this.live?.destroy();
    this.ws?.doc.off('afterTransaction', this.onTransaction);
    this.tabs?.destroy();
    this.undoManager?.destroy();
    this.unsubscribeSave?.();
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
    const when = note.since > 0 ? ` since ${new Date(note.since).toLocaleString()}` : '';
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
