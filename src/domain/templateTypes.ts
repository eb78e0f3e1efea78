/**
 * Ready-made starting points for a workspace: a North Star Metric for a common kind of product,
 * broken into input metrics (breadth, depth, frequency, efficiency) and paired with a
 * counter-metric that catches gaming of the North Star. Teams adapt the words to their product.
 */
import type { Aggregation, Cadence, Direction, Game, MetricKind, Unit } from './types';

export interface TemplateMetric {
  kind: MetricKind;
  name: string;
  /** How the value is computed, in words, and over which period. */
  definition: string;
  unit: Unit;
  direction: Direction;
  cadence: Cadence;
  aggregation: Aggregation;
  /** Who collects it, when, how and from where (written for a team tracking by hand). */
  collection: string;
  children?: TemplateMetric[];
}

export interface WorkspaceTemplate {
  /** Kebab-case and stable: saved workspaces may refer to it. */
  id: string;
  title: string;
  game: Game;
  /** One sentence: who this template suits. */
  description: string;
  /** An example mission sentence. */
  mission: string;
  /** An example target segment. */
  segment: string;
  /** Kind 'north-star'; its children are 3–5 inputs and at least one counter-metric. */
  root: TemplateMetric;
}
