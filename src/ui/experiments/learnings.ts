/**
 * The learnings log as plain data: every experiment with a recorded outcome, newest decided
 * first, and the filters of the log (text, metric, tag, outcome).
 */
import { targetMetricIds, type Experiment } from '../../domain/experiments';

/** An outcome filter: '' = any, 'lost' = lost for either cause. */
export const OUTCOME_FILTERS = [
  'won',
  'lost',
  'lost-idea',
  'lost-execution',
  'inconclusive',
] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number] | '';

export const OUTCOME_FILTER_LABELS: Record<(typeof OUTCOME_FILTERS)[number], string> = {
  won: 'Won',
  lost: 'Lost (either cause)',
  'lost-idea': 'Lost: the idea was wrong',
  'lost-execution': 'Lost: the execution fell short',
  inconclusive: 'Inconclusive',
};

/** "Won", "Lost (the idea)", "Lost (execution)", "Lost", "Inconclusive". */
export function outcomeLabel(e: Experiment): string {
  const { outcome, lossCause } = e.result;
  if (outcome === 'won') return 'Won';
  if (outcome === 'inconclusive') return 'Inconclusive';
  if (outcome === 'lost') {
    return lossCause === 'idea'
      ? 'Lost (the idea)'
      : lossCause === 'execution'
        ? 'Lost (execution)'
        : 'Lost';
  }
  return 'Not decided';
}

/**
 * When it was decided, as far as the record tells: the date it was last moved to done or
 * dropped, else its last status change; null when it has none.
 */
export function decidedAt(e: Experiment): string | null {
  for (let i = e.statusHistory.length - 1; i >= 0; i--) {
    const c = e.statusHistory[i];
    if (c && (c.status === 'done' || c.status === 'dropped')) return c.at;
  }
  return e.statusHistory.at(-1)?.at ?? null;
}

/** Experiments with an outcome, newest decided first (undated last, then newest created). */
export function learningsOf(experiments: readonly Experiment[]): Experiment[] {
  return experiments
    .filter((e) => e.deletedAt === null && e.result.outcome !== null)
    .map((e) => ({ e, at: decidedAt(e) }))
    .sort((a, b) => {
      if (a.at !== b.at) {
        if (a.at === null) return 1;
        if (b.at === null) return -1;
        return a.at < b.at ? 1 : -1;
      }
      if (a.e.createdAt !== b.e.createdAt) return b.e.createdAt - a.e.createdAt;
      return a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0;
    })
    .map(({ e }) => e);
}

export interface LearningFilters {
  text: string;
  metricId: string;
  tag: string;
  outcome: OutcomeFilter;
}

export function matchesOutcome(e: Experiment, f: OutcomeFilter): boolean {
  const { outcome, lossCause } = e.result;
  if (f === '') return true;
  if (f === 'lost-idea') return outcome === 'lost' && lossCause === 'idea';
  if (f === 'lost-execution') return outcome === 'lost' && lossCause === 'execution';
  return outcome === f;
}

/**
 * Whether a learning passes the filters. The text is looked for, case-insensitively and word by
 * word (every word must appear), in the title, hypothesis, learning, decision, tags and the
 * names of its metrics.
 */
export function matchesLearning(
  e: Experiment,
  f: LearningFilters,
  metricName: (id: string) => string,
): boolean {
  const metrics = targetMetricIds(e);
  if (f.metricId && !metrics.includes(f.metricId)) return false;
  if (f.tag && !e.tags.includes(f.tag)) return false;
  if (!matchesOutcome(e, f.outcome)) return false;
  const words = f.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    e.title,
    e.hypothesis.change,
    e.result.learning,
    e.result.decision,
    ...e.tags,
    ...metrics.map(metricName),
  ]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}
