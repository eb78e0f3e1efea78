import { buildTree, isAncestorOrSelf, subtreeIds } from '../domain/tree';
import type { Metric, MetricFields, RepairedTree, TreeNode } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as metricsDoc from '../doc/metrics';
import type { AreaContext, WorkspaceArea } from './area';
import type { PeopleArea } from './people.svelte';

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
  #dirty = false;

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

  attach(ws: WorkspaceDoc): void {
    ws.metrics.observeDeep(() => (this.#dirty = true));
    this.#read(ws);
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#dirty) this.#read(ws);
  }

  #read(ws: WorkspaceDoc): void {
    this.#dirty = false;
    const { metrics, warnings } = metricsDoc.readMetrics(ws);
    this.#stored = metrics;
    this.#warnings = warnings;
  }

  add = (
    fields: Partial<MetricFields> & { name: string },
    parentId: string | null,
  ): string | null => this.ctx.step((ws) => metricsDoc.addMetric(ws, fields, parentId));

  update = (id: string, patch: Partial<Omit<MetricFields, 'targets'>>) =>
    this.ctx.typing((ws) => metricsDoc.updateMetric(ws, id, patch));

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
