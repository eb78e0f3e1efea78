import type { Entry } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as entriesDoc from '../doc/entries';
import * as metricsDoc from '../doc/metrics';
import { local } from '../doc/records';
import type { BaselineRow, TargetRow } from '../domain/csvTargets';
import { changedKeys } from './recordCache';
import {
  readAllEntries,
  unreadableWarnings,
  updateEntries,
  type EntriesByMetric,
} from './entriesCache';
import type { AreaContext, WorkspaceArea } from './area';
import type { TreeArea } from './tree.svelte';

/**
 * Logged values of every metric. After a transaction only the metrics whose entries it touched
 * are read again; the other metrics keep their arrays, so what derives from them is reused.
 */
export class EntriesArea implements WorkspaceArea {
  #byMetric = $state.raw<EntriesByMetric>(new Map());
  /** How many stored values of each metric could not be read (a peer's bad data). */
  #unreadable = $state.raw<ReadonlyMap<string, number>>(new Map());
  #warnings = $derived(
    unreadableWarnings(this.#unreadable, (id) => this.tree.byId.get(id)?.metric.name),
  );
  #touched = new Set<string>();

  constructor(
    private readonly ctx: AreaContext,
    private readonly tree: TreeArea,
  ) {}

  /** Every metric's entries, sorted by period. */
  get byMetric(): EntriesByMetric {
    return this.#byMetric;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  attach(ws: WorkspaceDoc): void {
    ws.entries.observeDeep((events) => changedKeys(events, this.#touched));
    this.#set(readAllEntries(ws));
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#touched.size === 0) return;
    const touched = this.#touched;
    this.#touched = new Set();
    this.#set(
      updateEntries(ws, { entries: this.#byMetric, unreadable: this.#unreadable }, touched),
    );
  }

  #set(read: { entries: EntriesByMetric; unreadable: ReadonlyMap<string, number> }): void {
    this.#byMetric = read.entries;
    if (read.unreadable.size > 0 || this.#unreadable.size > 0) this.#unreadable = read.unreadable;
  }

  /** Logs (or corrects) one value; the check-in and the metric page call this. */
  set = (metricId: string, period: string, value: number, note: string) =>
    this.ctx.step((ws) =>
      entriesDoc.setEntries(ws, [{ metricId, period, value, note, by: this.ctx.meId }]),
    );

  /**
   * Writes many entries in one transaction, one undo step: all land or none do (a CSV import),
   * with the targets and baselines of the file's target and baseline columns. Targets are keyed
   * by period and a metric has one baseline, so values already stored are not written again.
   */
  import = (
    rows: readonly Omit<entriesDoc.EntryInput, 'by'>[],
    targets: readonly Omit<TargetRow, 'line'>[] = [],
    baselines: readonly Omit<BaselineRow, 'line'>[] = [],
  ): number | null => {
    const done = this.ctx.step((ws) => {
      const entries = rows.map((r) => ({ ...r, by: this.ctx.meId }));
      // One transaction: the entries, targets and baselines land together.
      local(ws, () => {
        entriesDoc.setEntries(ws, entries);
        for (const t of targets) metricsDoc.setTarget(ws, t.metricId, t.period, t.value);
        for (const b of baselines) {
          const baseline = { baselineValue: b.value, baselineDate: b.date };
          metricsDoc.updateMetric(ws, b.metricId, baseline);
        }
      });
      return rows.length;
    });
    if (done !== null) this.ctx.wroteRows(rows.length);
    return done;
  };

  /** Writes a deleted entry back as it was (its author and time included). */
  restore = (entry: Entry) => this.ctx.step((ws) => entriesDoc.setEntries(ws, [entry], entry.at));

  remove = (metricId: string, period: string) =>
    this.ctx.step((ws) => entriesDoc.deleteEntry(ws, metricId, period));
}
