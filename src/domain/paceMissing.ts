/**
 * What a metric lacks for a pace: a pace runs between at least two anchors (baseline, monthly
 * benchmarks, quarterly targets: domain/pace.ts). A metric with targets but fewer than two
 * anchors and no complete baseline (value and date) lacks its baseline, not a target, and the
 * screen should say so. Which part of the baseline to ask for comes with it.
 */
import { paceAnchors } from './pace';
import type { Metric } from './types';

export type PaceMissing = { kind: 'baseline'; field: 'value' | 'date' } | { kind: 'target' } | null;

export function paceMissing(
  m: Pick<Metric, 'baselineValue' | 'baselineDate' | 'targets'>,
): PaceMissing {
  const hasTargets =
    Object.keys(m.targets.quarterly).length > 0 || Object.keys(m.targets.monthly).length > 0;
  if (!hasTargets) return { kind: 'target' };
  const baseline =
    m.baselineValue !== null && m.baselineDate !== null
      ? { value: m.baselineValue, date: m.baselineDate }
      : null;
  if (paceAnchors(baseline, m.targets).length >= 2) return null;
  if (baseline !== null) return { kind: 'target' };
  return { kind: 'baseline', field: m.baselineValue === null ? 'value' : 'date' };
}
