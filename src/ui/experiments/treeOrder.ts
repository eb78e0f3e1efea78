import type { Metric, RepairedTree, TreeNode } from '../../domain/types';

/** The live metrics of a tree depth first, as the tree shows them, with their depth. */
export function metricsInTreeOrder(
  roots: readonly TreeNode[],
): { metric: Metric; depth: number }[] {
  const out: { metric: Metric; depth: number }[] = [];
  const walk = (nodes: readonly TreeNode[]): void => {
    for (const n of nodes) {
      out.push({ metric: n.metric, depth: n.depth });
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** A metric's name for a link that may point at a deleted metric (the link is kept). */
export function linkedMetricName(metrics: readonly Metric[], id: string): string {
  const m = metrics.find((x) => x.id === id);
  if (!m) return '(unknown metric)';
  return m.deletedAt === null ? m.name : `${m.name} (deleted)`;
}

/** The metric and each parent above it, up to its root (usually the North Star). */
export function pathToNorthStar(tree: RepairedTree, metricId: string): Metric[] {
  const out: Metric[] = [];
  let id: string | null = metricId;
  while (id !== null && out.length < 100) {
    const node = tree.byId.get(id);
    if (!node) break;
    out.push(node.metric);
    id = tree.parentOf.get(id) ?? null;
  }
  return out;
}
