/**
 * Arrow-key moves in the tree diagram. Every node knows its parent and its previous and next
 * sibling; a key then moves the way the diagram draws the tree: side by side, Up goes to the
 * parent, Down to the first child, Left and Right to the siblings; in a stacked column of leaves,
 * Up and Down go along the column (Up from the top card to the parent) and Left to the parent.
 */
import type { TreeNode } from './types';

/** Where a node sits among its relatives (ids; null when there is none). */
export interface Place {
  node: TreeNode;
  parent: string | null;
  prev: string | null;
  next: string | null;
}

/** The place of every node of the tree, by id (a loop, so a very deep tree is fine). */
export function placesOf(roots: readonly TreeNode[]): Map<string, Place> {
  const places = new Map<string, Place>();
  const stack: [readonly TreeNode[], string | null][] = [[roots, null]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [siblings, parent] = entry;
    siblings.forEach((node, i) => {
      const prev = siblings[i - 1]?.metric.id ?? null;
      const next = siblings[i + 1]?.metric.id ?? null;
      places.set(node.metric.id, { node, parent, prev, next });
      if (node.children.length > 0) stack.push([node.children, node.metric.id]);
    });
  }
  return places;
}

/** Ancestors of `id`, nearest first. */
export function ancestorsOf(places: ReadonlyMap<string, Place>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  for (let p = places.get(id)?.parent ?? null; p !== null && !seen.has(p);) {
    out.push(p);
    seen.add(p);
    p = places.get(p)?.parent ?? null;
  }
  return out;
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export const isArrowKey = (key: string): key is ArrowKey =>
  key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight';

/** How the node is drawn: in a stacked column, and with its children hidden. */
export interface Shown {
  stacked: boolean;
  collapsed: boolean;
}

/** The node an arrow key moves to from `place`, or null when there is none that way. */
export function arrowTarget(place: Place, key: ArrowKey, shown: Shown): string | null {
  const firstChild = shown.collapsed ? null : (place.node.children[0]?.metric.id ?? null);
  if (shown.stacked) {
    if (key === 'ArrowUp') return place.prev ?? place.parent;
    if (key === 'ArrowDown') return place.next;
    return key === 'ArrowLeft' ? place.parent : null;
  }
  if (key === 'ArrowUp') return place.parent;
  if (key === 'ArrowDown') return firstChild;
  return key === 'ArrowLeft' ? place.prev : place.next;
}
