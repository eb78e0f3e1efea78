import type { RepairedTree, TreeNode } from './types';

export type OutlineMove = 'up' | 'down' | 'indent' | 'outdent';

/** Where a move puts a node: its new parent, the sibling it goes before (null = last). */
export interface MoveTarget {
  parentId: string | null;
  beforeId: string | null;
  /** A node to expand so the moved node stays visible. */
  expand: string | null;
}

function siblingsOf(tree: RepairedTree, parentId: string | null): readonly TreeNode[] {
  return parentId === null ? tree.roots : (tree.byId.get(parentId)?.children ?? []);
}

/**
 * The outline's keyboard moves: up/down swap with the neighbouring sibling, indent makes the
 * node the last child of its previous sibling, outdent puts it right after its parent.
 * Returns null when the move is not possible (first sibling up, top level outdent...).
 */
export function outlineMove(tree: RepairedTree, id: string, move: OutlineMove): MoveTarget | null {
  if (!tree.byId.has(id)) return null;
  const parentId = tree.parentOf.get(id) ?? null;
  const siblings = siblingsOf(tree, parentId);
  const index = siblings.findIndex((n) => n.metric.id === id);
  switch (move) {
    case 'up': {
      const prev = siblings[index - 1];
      return prev ? { parentId, beforeId: prev.metric.id, expand: null } : null;
    }
    case 'down': {
      if (index >= siblings.length - 1) return null;
      return { parentId, beforeId: siblings[index + 2]?.metric.id ?? null, expand: null };
    }
    case 'indent': {
      const prev = siblings[index - 1];
      return prev ? { parentId: prev.metric.id, beforeId: null, expand: prev.metric.id } : null;
    }
    case 'outdent': {
      if (parentId === null) return null;
      const grand = tree.parentOf.get(parentId) ?? null;
      const aunts = siblingsOf(tree, grand);
      const parentIndex = aunts.findIndex((n) => n.metric.id === parentId);
      return { parentId: grand, beforeId: aunts[parentIndex + 1]?.metric.id ?? null, expand: null };
    }
  }
}
