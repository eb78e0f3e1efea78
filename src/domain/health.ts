import { looksLikeRevenue, looksLikeVanity } from './checklist';
import type { Metric, RepairedTree, TreeNode } from './types';

export const MAX_CHILDREN = 7;
/** Levels below the root a tree may have before it stops being readable (root = level 1). */
export const MAX_LEVELS = 5;

export type HealthCode =
  | 'no-nsm'
  | 'nsm-revenue'
  | 'nsm-vanity'
  | 'nsm-no-inputs'
  | 'too-many-children'
  | 'too-deep'
  | 'no-owner'
  | 'no-definition'
  | 'no-cadence'
  | 'no-counter'
  | 'repaired'
  | 'formula'
  | 'look-alike';

/** What the user can do about a warning; the UI maps each to a button. */
export type HealthFix =
  | { kind: 'workshop' }
  | { kind: 'add-child'; parentId: string; metricKind: 'input' | 'counter' }
  | { kind: 'edit'; metricId: string; field: 'ownerId' | 'definition' | 'cadence' | 'name' }
  | { kind: 'select'; metricId: string };

export interface HealthWarning {
  /** Stable key, unique within one check. */
  key: string;
  code: HealthCode;
  metricId: string | null;
  message: string;
  /** Why it matters, in one sentence. */
  why: string;
  fix: HealthFix;
  fixLabel: string;
}

const WHY: Record<HealthCode, string> = {
  'look-alike':
    'Two metrics that look the same but differ by an invisible character or a look-alike letter get mixed up in check-ins, imports and charts.',
  'no-nsm': 'Without one North Star the teams have no shared measure of the value they deliver.',
  'nsm-revenue':
    'Revenue lags behind value and counts what you take from customers, not what you give them.',
  'nsm-vanity': 'Vanity counts can rise while customers get no value, so they mislead the team.',
  'nsm-no-inputs':
    'Teams cannot move the North Star directly; input metrics are the levers they own.',
  'too-many-children': 'More than seven levers at one level is more than a team can focus on.',
  'too-deep': 'A tree deeper than five levels loses the link between daily work and the NSM.',
  'no-owner': 'A metric that nobody owns is a metric nobody moves or reports.',
  'no-definition': 'Without a precise definition two people will measure two different things.',
  'no-cadence': 'Without a cadence nobody knows when a value is due, so check-ins slip.',
  'no-counter': 'A counter-metric keeps the team from gaming the North Star at a hidden cost.',
  repaired:
    'Two teammates changed the tree at the same time; check the metric is where you want it.',
  formula: 'A formula that cannot be computed leaves its metric blank on every chart.',
};

/** Formula problems (cycles, missing metrics, syntax) as health warnings on their metrics. */
export function formulaWarnings(
  problems: ReadonlyMap<string, string>,
  tree: RepairedTree,
): HealthWarning[] {
  const out: HealthWarning[] = [];
  for (const [id, problem] of problems) {
    const m = tree.byId.get(id)?.metric;
    if (!m) continue;
    out.push({
      key: `formula:${id}`,
      code: 'formula',
      metricId: id,
      message: `The formula of “${short(m.name)}” cannot be computed: ${problem}`,
      why: WHY.formula,
      fix: { kind: 'select', metricId: id },
      fixLabel: 'Show it',
    });
  }
  return out;
}

const isActive = (m: Metric): boolean => m.status !== 'retired';

/** A name short enough for a one-line message (names may be 300 characters). */
function short(name: string): string {
  return name.length > 80 ? `${name.slice(0, 77)}…` : name;
}

/** Checks a repaired tree against the framework's rules of thumb, in display order. */
export function checkTreeHealth(tree: RepairedTree): HealthWarning[] {
  const out: HealthWarning[] = [];
  const add = (
    code: HealthCode,
    metric: Metric | null,
    message: string,
    fix: HealthFix,
    fixLabel: string,
  ): void => {
    out.push({
      key: `${code}:${metric?.id ?? ''}`,
      code,
      metricId: metric?.id ?? null,
      message,
      why: WHY[code],
      fix,
      fixLabel,
    });
  };
  const nodes = [...tree.byId.values()];
  const stars = nodes.filter((n) => n.metric.kind === 'north-star' && isActive(n.metric));

  if (stars.length === 0) {
    add('no-nsm', null, 'There is no North Star Metric yet.', { kind: 'workshop' }, 'Choose one');
  }
  for (const { metric, children } of stars) {
    if (looksLikeRevenue(metric.name)) {
      add(
        'nsm-revenue',
        metric,
        `“${short(metric.name)}” looks like revenue.`,
        editName(metric),
        'Rename',
      );
    } else if (looksLikeVanity(metric.name)) {
      add(
        'nsm-vanity',
        metric,
        `“${short(metric.name)}” looks like a vanity metric.`,
        editName(metric),
        'Rename',
      );
    }
    if (!children.some((c) => c.metric.kind === 'input' && isActive(c.metric))) {
      add(
        'nsm-no-inputs',
        metric,
        `“${short(metric.name)}” has no input metrics.`,
        { kind: 'add-child', parentId: metric.id, metricKind: 'input' },
        'Add an input',
      );
    }
  }
  // In tree order (the North Star first, then down), so the list reads like the tree; with a
  // stack, not recursion: a peer can make a chain 10,000 deep.
  const ordered: TreeNode[] = [];
  const stack = [...tree.roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    ordered.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
  }
  for (const node of ordered) checkNode(node, add);
  if (stars.length > 0 && !nodes.some((n) => n.metric.kind === 'counter' && isActive(n.metric))) {
    const root = stars[0] as TreeNode;
    add(
      'no-counter',
      null,
      'No counter-metric guards the North Star.',
      { kind: 'add-child', parentId: root.metric.id, metricKind: 'counter' },
      'Add a counter-metric',
    );
  }
  lookAlikes(ordered, add);
  for (const r of tree.repairs) {
    const node = tree.byId.get(r.metricId);
    if (!node) continue;
    const where =
      r.reason === 'cycle'
        ? 'was moved back: two moves would have put metrics under each other'
        : r.reason === 'deleted-parent'
          ? 'lost its parent to a deletion and moved up'
          : 'pointed at a parent that does not exist and moved to the top';
    add(
      'repaired',
      node.metric,
      `“${short(node.metric.name)}” ${where}.`,
      { kind: 'select', metricId: r.metricId },
      'Show it',
    );
  }
  return out;
}

/**
 * A name as a reader sees it: compatibility forms folded (NFKC: full-width letters, ligatures),
 * invisible format characters (zero-width spaces, joiners, soft hyphens, direction marks)
 * removed, spaces collapsed, case ignored.
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Live metrics whose names read the same: each after the first is flagged, with its twin. */
function lookAlikes(
  nodes: readonly TreeNode[],
  add: (code: HealthCode, m: Metric, message: string, fix: HealthFix, label: string) => void,
): void {
  const first = new Map<string, Metric>();
  for (const { metric } of nodes) {
    if (!isActive(metric)) continue;
    const key = nameSkeleton(metric.name);
    const twin = first.get(key);
    if (!twin) {
      first.set(key, metric);
      continue;
    }
    const how =
      twin.name === metric.name
        ? 'has the same name as another metric'
        : 'looks the same as “' + short(twin.name) + '” but is written differently';
    add('look-alike', metric, `“${short(metric.name)}” ${how}.`, editName(metric), 'Rename');
  }
}

function editName(metric: Metric): HealthFix {
  return { kind: 'edit', metricId: metric.id, field: 'name' };
}

function checkNode(
  node: TreeNode,
  add: (code: HealthCode, m: Metric, message: string, fix: HealthFix, label: string) => void,
): void {
  const m = node.metric;
  if (node.children.length > MAX_CHILDREN) {
    add(
      'too-many-children',
      m,
      `“${short(m.name)}” has ${node.children.length} children (more than ${MAX_CHILDREN}).`,
      { kind: 'select', metricId: m.id },
      'Show it',
    );
  }
  // Flag the first level past the limit only: one warning per branch that grew too deep.
  if (node.depth === MAX_LEVELS) {
    add(
      'too-deep',
      m,
      `“${short(m.name)}” sits ${node.depth + 1} levels deep (more than ${MAX_LEVELS}), as does what is below it.`,
      { kind: 'select', metricId: m.id },
      'Show it',
    );
  }
  if (m.kind === 'north-star' && isActive(m) && m.ownerId === null) {
    add(
      'no-owner',
      m,
      `The North Star “${short(m.name)}” has no owner.`,
      { kind: 'edit', metricId: m.id, field: 'ownerId' },
      'Set owner',
    );
  }
  if (m.kind !== 'input' || !isActive(m)) return;
  if (m.ownerId === null) {
    add(
      'no-owner',
      m,
      `“${short(m.name)}” has no owner.`,
      { kind: 'edit', metricId: m.id, field: 'ownerId' },
      'Set owner',
    );
  }
  if (m.definition.trim() === '') {
    add(
      'no-definition',
      m,
      `“${short(m.name)}” has no definition.`,
      { kind: 'edit', metricId: m.id, field: 'definition' },
      'Define it',
    );
  }
  if (m.cadence === null) {
    add(
      'no-cadence',
      m,
      `“${short(m.name)}” has no cadence.`,
      { kind: 'edit', metricId: m.id, field: 'cadence' },
      'Set cadence',
    );
  }
}
