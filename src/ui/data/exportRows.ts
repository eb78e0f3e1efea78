/** The rows of the CSV exports: every entry, and the metric tree (in outline order). */
import type { Journey } from '../../domain/journey';
import { describePlanMetric } from '../../domain/planMetricSpec';
import { periodStart } from '../../domain/periods';
import type { Entry, Person, RepairedTree, TreeNode } from '../../domain/types';

type Cell = string | number | null;

export const ENTRY_COLUMNS = [
  'metric',
  'period',
  'period start date',
  'value',
  'note',
  'logged by',
  'logged at',
] as const;

export const TREE_COLUMNS = [
  'name',
  'kind',
  'parent name',
  'owner',
  'team',
  'definition',
  'unit',
  'direction',
  'cadence',
  'aggregation',
  'collection',
  'maturity',
  'status',
  'baseline value',
  'baseline date',
  'formula',
  'computed from plans',
] as const;

/** The live nodes of the tree, depth first in display order. */
function outline(tree: RepairedTree): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode): void => {
    out.push(node);
    node.children.forEach(visit);
  };
  tree.roots.forEach(visit);
  return out;
}

const safeStart = (period: string): string => {
  try {
    return periodStart(period);
  } catch {
    return '';
  }
};

/**
 * One row per entry of a live metric (metrics in outline order, periods in order), with a
 * header row. The metric is written by name, so the file can be imported again.
 */
export function entryRows(
  tree: RepairedTree,
  entries: ReadonlyMap<string, readonly Entry[]>,
  peopleById: ReadonlyMap<string, Person>,
): Cell[][] {
  const rows: Cell[][] = [[...ENTRY_COLUMNS]];
  for (const { metric } of outline(tree)) {
    for (const e of entries.get(metric.id) ?? []) {
      rows.push([
        metric.name,
        e.period,
        safeStart(e.period),
        e.value,
        e.note,
        e.by ? (peopleById.get(e.by)?.name ?? '') : '',
        e.at > 0 ? new Date(e.at).toISOString() : '',
      ]);
    }
  }
  return rows;
}

/** How many entries the entries export holds (those of live metrics). */
export function entryCount(
  tree: RepairedTree,
  entries: ReadonlyMap<string, readonly Entry[]>,
): number {
  let n = 0;
  for (const id of tree.byId.keys()) n += entries.get(id)?.length ?? 0;
  return n;
}

/** One row per live metric, in outline order, with a header row. */
export function treeRows(
  tree: RepairedTree,
  peopleById: ReadonlyMap<string, Person>,
  journey: Journey,
): Cell[][] {
  const rows: Cell[][] = [[...TREE_COLUMNS]];
  for (const { metric: m } of outline(tree)) {
    const parentId = tree.parentOf.get(m.id) ?? null;
    const owner = m.ownerId ? peopleById.get(m.ownerId) : undefined;
    rows.push([
      m.name,
      m.kind,
      parentId ? (tree.byId.get(parentId)?.metric.name ?? '') : '',
      owner?.name ?? '',
      owner?.team ?? '',
      m.definition,
      m.unit,
      m.direction,
      m.cadence ?? '',
      m.aggregation,
      m.collection,
      m.maturity,
      m.status,
      m.baselineValue,
      m.baselineDate ?? '',
      m.formula ?? '',
      m.planMetric ? describePlanMetric(m.planMetric, journey) : '',
    ]);
  }
  return rows;
}
