/**
 * The domain words of Lodestar (see docs/ARCHITECTURE.md), as plain TypeScript types. The base of
 * the domain layer: this module imports nothing, so every other domain module may import it.
 */

export const METRIC_KINDS = ['north-star', 'input', 'counter', 'omtm'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const UNITS = ['count', 'percent', 'currency', 'duration', 'ratio', 'score'] as const;
export type Unit = (typeof UNITS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const MATURITIES = ['crawl', 'walk', 'run'] as const;
export type Maturity = (typeof MATURITIES)[number];

export const METRIC_STATUSES = ['draft', 'active', 'retired'] as const;
export type MetricStatus = (typeof METRIC_STATUSES)[number];

/**
 * What a metric computed from success plans measures (domain/planMetrics computes it; it is read
 * back by domain/validate and named by domain/planMetricSpec).
 */
export type PlanMetricSpec =
  | { kind: 'reached-step'; stepId: string | 'nsm' }
  | { kind: 'completed-within'; days: number }
  | { kind: 'median-days-to-nsm' };

/** A node of the metric tree, as read (and validated) from the document. */
export interface Metric {
  id: string;
  kind: MetricKind;
  name: string;
  definition: string;
  unit: Unit;
  direction: Direction;
  cadence: Cadence | null;
  aggregation: Aggregation;
  ownerId: string | null;
  /** Who collects what, when, how, from where. */
  collection: string;
  maturity: Maturity;
  status: MetricStatus;
  baselineValue: number | null;
  /** Calendar date, YYYY-MM-DD. */
  baselineDate: string | null;
  /** The parent as written; the tree read may place the node elsewhere after repair. */
  parentId: string | null;
  /** Fractional sibling order key. */
  order: string;
  /** Where the node was before its last move (used to undo the losing move of a cycle). */
  prevParentId: string | null;
  /** Milliseconds since epoch of the last move; orders concurrent moves deterministically. */
  movedAt: number;
  createdAt: number;
  /** Soft delete: set when the node was deleted (undoable, and children are never lost). */
  deletedAt: number | null;
  /** A formula over other metrics of the same period (see domain/formula); null = logged by hand. */
  formula: string | null;
  /** Computed from the success plans instead (see domain/planMetrics); wins over a formula. */
  planMetric: PlanMetricSpec | null;
  /** Counter-metrics: how far (in percent of the baseline) it may get worse before a warning. */
  tolerance: number | null;
  /** A percent metric whose values may go past 100 % (growth, share of a baseline) unasked. */
  mayExceed100: boolean;
  targets: TargetSet;
}

/**
 * A period key, by grain: day "2025-03-07", ISO week "2025-W07", month "2025-03",
 * quarter "2025-Q1". Keys of one grain sort chronologically as strings.
 */
export type PeriodKey = string;

/** Quarterly targets (keyed "YYYY-Qn") and monthly benchmarks (keyed "YYYY-MM"). */
export interface TargetSet {
  quarterly: Readonly<Record<PeriodKey, number>>;
  monthly: Readonly<Record<PeriodKey, number>>;
}

/** One manually logged value of one metric for one period of its cadence. */
export interface Entry {
  metricId: string;
  period: PeriodKey;
  value: number;
  note: string;
  /** Who logged it (a person id), if known. */
  by: string | null;
  /** When it was logged, ms since epoch. */
  at: number;
}

/** The editable fields of a metric (what a form or a template sets). */
export type MetricFields = Omit<
  Metric,
  'id' | 'parentId' | 'order' | 'prevParentId' | 'movedAt' | 'createdAt' | 'deletedAt'
>;

export interface Person {
  id: string;
  name: string;
  team: string;
  /** CSS hex colour, #rrggbb. */
  color: string;
}

export const GAMES = ['attention', 'transaction', 'productivity'] as const;
export type Game = (typeof GAMES)[number];

/** The NSM checklist criteria of the framework, in display order. */
export const CHECKLIST = [
  'customerValue',
  'strategy',
  'leadingRevenue',
  'actionable',
  'measurable',
  'understandable',
  'notVanity',
] as const;
export type ChecklistCriterion = (typeof CHECKLIST)[number];

/** 0 = no, 1 = partly, 2 = yes. Absent = not scored yet. */
export type CriterionScore = 0 | 1 | 2;
export type ChecklistScores = Partial<Record<ChecklistCriterion, CriterionScore>>;

export interface Candidate {
  id: string;
  name: string;
  definition: string;
  scores: ChecklistScores;
  order: string;
}

export interface Workshop {
  game: Game | null;
  mission: string;
  segment: string;
  candidates: Candidate[];
  /** The candidate chosen as the North Star; its metric is the tree's root. */
  chosenCandidateId: string | null;
  /** The metric created from the chosen candidate. */
  chosenMetricId: string | null;
}

/** A placed node of the repaired tree, in display order. */
export interface TreeNode {
  metric: Metric;
  depth: number;
  children: TreeNode[];
}

/** Why the tree read put a node somewhere other than where its parentId says. */
export type RepairReason = 'orphan' | 'deleted-parent' | 'cycle';

export interface TreeRepair {
  metricId: string;
  reason: RepairReason;
  /** Where the node was placed instead (null = top level). */
  placedUnder: string | null;
}

export interface RepairedTree {
  roots: TreeNode[];
  /** Every live node, by id. */
  byId: Map<string, TreeNode>;
  /** The effective parent of every live node (null = top level). */
  parentOf: Map<string, string | null>;
  repairs: TreeRepair[];
}
