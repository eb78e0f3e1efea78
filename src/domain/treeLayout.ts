/**
 * Top-down tidy layout of the metric tree (Reingold–Tilford style, linear time), with leaf
 * siblings stacked so a wide tree stays readable.
 *
 * The visible nodes are listed in pre-order (display order); collapsed nodes keep their place but
 * their subtrees are skipped. Pass 1 walks that list backwards, so every subtree is placed, in its
 * own coordinates, before its parent. A subtree is summarised by its contours: the x of its
 * leftmost and rightmost node centre in each row band (band d is the strip from the top of depth
 * d to the top of depth d + 1). Siblings are packed left to right, in the given order: each new
 * subtree is pushed right just far enough that, in every band both share, it clears the right
 * contour of the siblings already placed by one node width plus the gap. The parent is then
 * centred over its first and last child. So a small subtree can tuck under a wide neighbour's
 * children instead of taking columns of its own. Roots are packed the same way.
 *
 * Stacking: when every visible child of a node is a leaf (nothing visible below it) and there are
 * at least `stackMin` of them (below the roots' own level), they go in one column under the parent instead of side by side,
 * indented by `stackIndent` from the parent's left edge, `stackGap` apart, top card at the next
 * depth's row; their edges form a rail down the left of the column with a tick into each card. To
 * the packing, such a subtree is one node wide (plus the indent, which holds the rail) in every
 * band the column reaches, and one band more when the column ends inside a band's gap, where
 * other parents' edges run across.
 *
 * Contours are arrays indexed by band plus a lazy `shift`, so moving a subtree is O(1). Merging
 * keeps the taller side's arrays and only copies the shared bands, so placing a child costs
 * O(min(height of its left siblings, its own height)); summed over the tree that is O(n) (a
 * column of k cards spans at most k + 2 bands).
 *
 * Pass 2 walks the list forwards, turning offsets from the parent into absolute positions.
 * Both passes are loops, not recursion, so a hostile document's very deep chain cannot overflow
 * the stack.
 */
import type { TreeNode } from './types';

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Minimum horizontal space between two nodes side by side. */
  hGap: number;
  /** Vertical space between depths. */
  vGap: number;
  /** Stack a node's children in a column when all are leaves and there are at least this many. */
  stackMin: number;
  /** Whether a root's own children may stack too (off: the North Star's inputs fan out). */
  stackRoots: boolean;
  /** How far a stacked column sits right of its parent's left edge (the rail runs in between). */
  stackIndent: number;
  /** Vertical space between stacked cards. */
  stackGap: number;
}

export interface LaidOutNode {
  id: string;
  /** Top-left corner; the layout's left-most node edge is at x = 0 and the roots at y = 0. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Depth below the given roots (roots are 0). */
  depth: number;
  /** The node is a card in a stacked column (its siblings are above and below it). */
  stacked: boolean;
  hasChildren: boolean;
  /** The node has children and they are hidden. */
  collapsed: boolean;
  /** Descendants hidden by collapsing this node (0 unless `collapsed`). */
  hiddenCount: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  /**
   * SVG path from the parent to the child: an elbow from the parent's bottom centre to the
   * child's top centre, or for a stacked child a rail from the parent's bottom edge down and
   * right into the middle of the card's left edge.
   */
  d: string;
}

export interface TreeLayout {
  /** Visible nodes in display order (depth-first, siblings in order). */
  nodes: LaidOutNode[];
  /** One edge per visible parent–child pair, in display order. */
  edges: LaidOutEdge[];
  /** Extent of all nodes (0 × 0 when empty). */
  width: number;
  height: number;
}

export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = {
  nodeWidth: 200,
  nodeHeight: 96,
  hGap: 24,
  vGap: 56,
  stackMin: 3,
  stackRoots: false,
  stackIndent: 28,
  stackGap: 12,
};

/** One side of a subtree's outline: the node centre in band d is `xs[d] + shift`. */
interface Contour {
  xs: number[];
  shift: number;
}

interface Outline {
  left: Contour;
  right: Contour;
  /** Deepest band reached. */
  bottom: number;
}

/** A visible node during layout. */
interface Item {
  node: TreeNode;
  depth: number;
  /** Visible children (none when collapsed). */
  children: Item[];
  collapsed: boolean;
  /** Place in its parent's stacked column, or -1 when not stacked. */
  stackIndex: number;
  /** The subtree's outline, relative to this node's centre (pass 1). */
  outline: Outline;
  /** Centre x relative to the parent's centre (roots: relative to the first root). */
  rel: number;
  /** Absolute centre x (pass 2). */
  centre: number;
}

const at = (c: Contour, band: number): number => (c.xs[band] ?? 0) + c.shift;

/** A contour holding one node centre, in `band`. */
function single(band: number): Contour {
  const xs: number[] = [];
  xs[band] = 0;
  return { xs, shift: 0 };
}

function item(node: TreeNode, depth: number, collapsed: ReadonlySet<string>): Item {
  return {
    node,
    depth,
    children: [],
    collapsed: node.children.length > 0 && collapsed.has(node.metric.id),
    stackIndex: -1,
    outline: { left: single(depth), right: single(depth), bottom: depth },
    rel: 0,
    centre: 0,
  };
}

/** Lays out the visible part of the tree (see the top of this file). */
export function layoutTree(
  roots: readonly TreeNode[],
  collapsed: ReadonlySet<string>,
  options: Partial<LayoutOptions> = {},
): TreeLayout {
  const opt: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const sep = opt.nodeWidth + opt.hGap;
  const row = opt.nodeHeight + opt.vGap;

  // Visible nodes in pre-order (display order): every parent comes before its children.
  const rootItems = roots.map((r) => item(r, 0, collapsed));
  const items: Item[] = [];
  const stack = [...rootItems].reverse();
  for (let it = stack.pop(); it; it = stack.pop()) {
    items.push(it);
    if (it.collapsed) continue;
    const depth = it.depth + 1;
    it.children = it.node.children.map((c) => item(c, depth, collapsed));
    for (let i = it.children.length - 1; i >= 0; i--) stack.push(it.children[i] as Item);
  }

  // Pass 1, children before parents: stack or pack each node's children, then outline it.
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i] as Item;
    const kids = it.children;
    // A root's inputs stay side by side: the fanned-out North Star picture teams expect.
    const stackable = (it.depth > 0 || opt.stackRoots) && kids.length >= opt.stackMin;
    if (stackable && kids.every((c) => c.children.length === 0)) {
      stackColumn(it, opt, row);
      continue;
    }
    const outline = pack(kids, it.depth + 1, sep);
    const first = kids[0];
    const last = kids[kids.length - 1];
    if (!outline || !first || !last) continue; // a leaf keeps its one-node outline
    const centre = (first.rel + last.rel) / 2;
    for (const child of kids) child.rel -= centre;
    outline.left.shift -= centre;
    outline.right.shift -= centre;
    outline.left.xs[it.depth] = -outline.left.shift;
    outline.right.xs[it.depth] = -outline.right.shift;
    outline.bottom = Math.max(outline.bottom, it.depth);
    it.outline = outline;
  }
  pack(rootItems, 0, sep);

  // Pass 2, parents before children: absolute positions, nodes and edges.
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];
  const laidOut = new Map<Item, LaidOutNode>();
  let minX = Infinity;
  for (const root of rootItems) root.centre = root.rel;
  for (const it of items) {
    for (const child of it.children) child.centre = it.centre + child.rel;
    const stacked = it.stackIndex >= 0;
    const laid: LaidOutNode = {
      id: it.node.metric.id,
      x: it.centre - opt.nodeWidth / 2,
      y: it.depth * row + (stacked ? it.stackIndex * (opt.nodeHeight + opt.stackGap) : 0),
      width: opt.nodeWidth,
      height: opt.nodeHeight,
      depth: it.depth,
      stacked,
      hasChildren: it.node.children.length > 0,
      collapsed: it.collapsed,
      hiddenCount: it.collapsed ? countDescendants(it.node) : 0,
    };
    minX = Math.min(minX, laid.x);
    nodes.push(laid);
    laidOut.set(it, laid);
  }

  // Move everything so the left-most edge is at x = 0, then draw edges from final positions.
  let width = 0;
  let height = 0;
  for (const n of nodes) {
    n.x -= minX;
    width = Math.max(width, n.x + n.width);
    height = Math.max(height, n.y + n.height);
  }
  for (const it of items) {
    const from = laidOut.get(it);
    for (const child of it.children) {
      const to = laidOut.get(child);
      if (!from || !to) continue;
      const d = to.stacked ? rail(from, to, opt.stackIndent / 2) : elbow(from, to, opt.vGap);
      edges.push({ from: from.id, to: to.id, d });
    }
  }
  return { nodes, edges, width, height };
}

/**
 * Puts the (leaf) children of `it` in a column: each one `stackIndent` right of the parent and
 * numbered top to bottom. The outline is the parent, then the column in every band it reaches
 * (its left side at the parent's centre, so the rail's strip is kept clear too).
 */
function stackColumn(it: Item, opt: LayoutOptions, row: number): void {
  it.children.forEach((child, i) => {
    child.rel = opt.stackIndent;
    child.stackIndex = i;
  });
  const n = it.children.length;
  const bottomY = (it.depth + 1) * row + n * opt.nodeHeight + (n - 1) * opt.stackGap;
  let lastBand = Math.floor(bottomY / row);
  // Ending inside a band's gap: reserve the next band, so no elbow runs across the last card.
  if (bottomY - lastBand * row > opt.nodeHeight) lastBand++;
  const { left, right } = it.outline;
  for (let b = it.depth + 1; b <= lastBand; b++) {
    left.xs[b] = 0;
    right.xs[b] = opt.stackIndent;
  }
  it.outline.bottom = lastBand;
}

/**
 * Packs sibling subtrees (whose top is in band `top`) left to right, `sep` apart centre to centre
 * at least, and sets each one's `rel` relative to the first. Returns their joint outline (null
 * when none).
 */
function pack(siblings: readonly Item[], top: number, sep: number): Outline | null {
  let forest: Outline | null = null;
  for (const it of siblings) {
    const o = it.outline;
    if (!forest) {
      forest = o;
      continue;
    }
    const shared = Math.min(forest.bottom, o.bottom);
    let pos = -Infinity;
    for (let b = top; b <= shared; b++) {
      pos = Math.max(pos, at(forest.right, b) - at(o.left, b) + sep);
    }
    it.rel = pos;
    o.left.shift += pos;
    o.right.shift += pos;
    forest = merge(forest, o, top, shared);
  }
  return forest;
}

/**
 * Merges `right` (already shifted into place) into `forest`, which lies to its left. Keeps the
 * taller side's arrays and rewrites only bands `from..shared`, in the kept array's coordinates.
 */
function merge(forest: Outline, right: Outline, from: number, shared: number): Outline {
  // Right contour: the new subtree is right-most wherever it exists.
  let rightContour = right.right;
  if (right.bottom < forest.bottom) {
    for (let b = from; b <= shared; b++) {
      forest.right.xs[b] = at(right.right, b) - forest.right.shift;
    }
    rightContour = forest.right;
  }
  // Left contour: the forest is left-most wherever it exists.
  let leftContour = forest.left;
  if (right.bottom > forest.bottom) {
    for (let b = from; b <= shared; b++) {
      right.left.xs[b] = at(forest.left, b) - right.left.shift;
    }
    leftContour = right.left;
  }
  return { left: leftContour, right: rightContour, bottom: Math.max(forest.bottom, right.bottom) };
}

function countDescendants(node: TreeNode): number {
  let count = 0;
  const stack = [...node.children];
  for (let n = stack.pop(); n; n = stack.pop()) {
    count++;
    for (const c of n.children) stack.push(c);
  }
  return count;
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Down from the parent's bottom centre, across at mid-gap, down to the child's top centre. */
function elbow(from: LaidOutNode, to: LaidOutNode, vGap: number): string {
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const y2 = to.y;
  const mid = y1 + Math.min(vGap, y2 - y1) / 2;
  return `M${num(x1)},${num(y1)} L${num(x1)},${num(mid)} L${num(x2)},${num(mid)} L${num(x2)},${num(y2)}`;
}

/** Down from the parent's bottom edge, `inset` in from its left, then right into the card's middle. */
function rail(from: LaidOutNode, to: LaidOutNode, inset: number): string {
  const x1 = from.x + inset;
  const y1 = from.y + from.height;
  const y2 = to.y + to.height / 2;
  return `M${num(x1)},${num(y1)} L${num(x1)},${num(y2)} L${num(to.x)},${num(y2)}`;
}

/**
 * Wraps text into at most `maxLines` lines of at most `maxChars` characters (a character-count
 * estimate, no measuring), breaking at whitespace and hard-breaking words longer than a line.
 * Whitespace runs become one space; text that does not fit ends the last line with an ellipsis.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  if (maxLines < 1) return [];
  const lines: string[] = [];
  let line = '';
  let lineLength = 0; // in code points
  for (const word of text.split(/\s+/)) {
    const chars = Array.from(word); // code points, so a surrogate pair is never split
    for (let i = 0; i < chars.length; i += width) {
      const chunk = chars.slice(i, i + width);
      if (line !== '' && lineLength + 1 + chunk.length <= width) {
        line += ` ${chunk.join('')}`;
        lineLength += 1 + chunk.length;
        continue;
      }
      if (line !== '') lines.push(line);
      line = chunk.join('');
      lineLength = chunk.length;
    }
    if (lines.length >= maxLines) break; // the current line is one too many already
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1] ?? '').slice(0, width - 1);
  kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
  return kept;
}
