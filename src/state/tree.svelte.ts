import { buildTree, isAncestorOrSelf, subtreeIds } from '../domain/tree';
import type { Metric, MetricFields, RepairedTree, TreeNode } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as metricsDoc from '../doc/metrics';
import type { AreaContext, WorkspaceArea } from './area';
import type { PeopleArea } from './people.svelte';
import { changedKeys } from './recordCache';

/** The metric tree: every metric (deleted ones kept for restore) and the repaired tree. */
export class TreeArea implements WorkspaceArea {
  #stored = $state.raw<Metric[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);
  /** An owner who was removed counts as no owner (the id stays, so undo brings them back). */
  #metrics = $derived.by(() => {
    const present = this.people.byId;
    return this.#stored.map((m) =>
      m.ownerId !== null && !present.has(m.ownerId) ? { ...m, ownerId: null } : m,
    );
  });
  #tree = $derived(buildTree(this.#metrics));
  /** Each metric as last read, its problems, and the keys holding junk (doc/junk.ts). */
  #read = new Map<string, Metric>();
  #problems = new Map<string, DocWarning[]>();
  #junk = new Set<string>();
  /** The keys of `metrics` the transactions since the last flush touched. */
  #touched = new Set<string>();

  constructor(
    private readonly ctx: AreaContext,
    private readonly people: PeopleArea,
  ) {}

  /** Every metric, deleted ones included. */
  get metrics(): readonly Metric[] {
    return this.#metrics;
  }
  /** The live metrics placed in a tree (cycles and dangling parents repaired). */
  get built(): RepairedTree {
    return this.#tree;
  }
  get byId(): ReadonlyMap<string, TreeNode> {
    return this.#tree.byId;
  }
  get parentOf(): ReadonlyMap<string, string | null> {
    return this.#tree.parentOf;
  }
  get roots(): readonly TreeNode[] {
    return this.#tree.roots;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  /**
   * Reads every metric, then re-reads only the records a transaction touched (a nested change
   * names its record), so junk a peer wrote is looked at once, when it arrives, not on every edit.
   */
  attach(ws: WorkspaceDoc): void {
    ws.metrics.observeDeep((events) => changedKeys(events, this.#touched));
    this.#update(ws, ws.metrics.keys());
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#touched.size === 0) return;
    const touched = this.#touched;
    this.#touched = new Set();
    this.#update(ws, touched);
  }

  #update(ws: WorkspaceDoc, ids: Iterable<string>): void {
    for (const id of ids) {
      const { metric, warnings, junk } = metricsDoc.readMetricById(ws, id);
      if (metric) this.#read.set(id, metric);
      else this.#read.delete(id);
      if (warnings.length > 0) this.#problems.set(id, warnings);
      else this.#problems.delete(id);
      if (junk) this.#junk.add(id);
      else this.#junk.delete(id);
    }
    this.#stored = [...this.#read.values()];
    this.#warnings = [
      ...[...this.#problems.values()].flat(),
      ...metricsDoc.metricsJunkWarnings(this.#junk.size),
    ];
  }

  add = (
    fields: Partial<MetricFields> & { name: string },
    parentId: string | null,
  ): string | null => this.ctx.step((ws) => metricsDoc.addMetric(ws, fields, parentId));

  update = (id: string, patch: Partial<Omit<MetricFields, 'targets'>>) =>
    this.ctx.typing((ws) => metricsDoc.updateMetric(ws, id, patch));

  /** Sets the owner, cadence or status of the given metrics: one step, one Undo. */
  updateMany = (ids: readonly string[], patch: metricsDoc.BulkPatch) =>
    this.ctx.step((ws) => metricsDoc.updateMetrics(ws, ids, patch));

  /** Moves a metric; false when the move would put it under itself. */
  move = (id: string, parentId: string | null, beforeId: string | null = null): boolean | null => {
    const tree = this.#tree;
    return this.ctx.step((ws) =>
      metricsDoc.moveMetric(ws, id, parentId, beforeId, (p) => isAncestorOrSelf(tree, id, p)),
    );
  };

  /** Deletes a metric and everything under it; returns the ids, to restore them if asked. */
  remove = (id: string): string[] | null => {
    const node = this.#tree.byId.get(id);
    if (!node) return null;
    const ids = subtreeIds(node);
    return this.ctx.step((ws) => {
      metricsDoc.deleteMetrics(ws, ids);
      return ids;
    });
  };

  restore = (ids: readonly string[]) => this.ctx.step((ws) => metricsDoc.restoreMetrics(ws, ids));

  setTarget = (metricId: string, period: string, value: number | null) =>
    this.ctx.step((ws) => metricsDoc.setTarget(ws, metricId, period, value));
}
