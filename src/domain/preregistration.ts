/**
 * The pre-registration lock: when an experiment starts running, what it promised (hypothesis,
 * metrics, expected effect, decision rule) is frozen into a copy in the document. Later edits
 * stay possible; this compares the experiment as it is with its frozen copy, field by field,
 * so every peer sees what changed after the start.
 */
import type { Experiment, FrozenCopy, Hypothesis } from './experiments';

export interface FrozenDifference {
  field: 'change' | 'metric' | 'direction' | 'amount' | 'byDate' | 'metrics' | 'decisionRule';
  label: string;
  /** As frozen and as now, in plain words (ids are named by the caller's `nameOf`). */
  frozen: string;
  now: string;
}

const LABELS: Record<FrozenDifference['field'], string> = {
  change: 'Change',
  metric: 'Metric',
  direction: 'Direction',
  amount: 'Expected amount',
  byDate: 'By date',
  metrics: 'Linked metrics',
  decisionRule: 'Decision rule',
};

const shown = (v: string | number | null): string =>
  v === null || v === '' ? '(none)' : String(v);

/** How the experiment differs from its frozen copy; [] when it has none or nothing changed. */
export function frozenDifferences(
  e: Experiment,
  nameOf: (metricId: string) => string = (id) => id,
): FrozenDifference[] {
  const f: FrozenCopy | null = e.frozen;
  if (f === null) return [];
  const out: FrozenDifference[] = [];
  const add = (field: FrozenDifference['field'], was: string, is: string): void => {
    if (was !== is) out.push({ field, label: LABELS[field], frozen: was, now: is });
  };
  const h: Hypothesis = e.hypothesis;
  add('change', shown(f.hypothesis.change.trim()), shown(h.change.trim()));
  const metric = (id: string | null): string => (id === null ? '(none)' : nameOf(id));
  add('metric', metric(f.hypothesis.metricId), metric(h.metricId));
  add('direction', f.hypothesis.direction, h.direction);
  add('amount', shown(f.hypothesis.amount), shown(h.amount));
  add('byDate', shown(f.hypothesis.byDate), shown(h.byDate));
  const list = (ids: readonly string[]): string =>
    ids.length === 0 ? '(none)' : [...ids].map(nameOf).sort().join(', ');
  add('metrics', list(f.metricIds), list(e.metricIds));
  add('decisionRule', shown(f.decisionRule.trim()), shown(e.scope.decisionRule.trim()));
  return out;
}
