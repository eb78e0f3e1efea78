import type { MetricSummary } from './summary';
import type { Metric, Person } from './types';

export type Grouping = 'owner' | 'team';

export interface MetricGroup {
  key: string;
  label: string;
  metrics: Metric[];
}

/** Input, counter and OMTM metrics (not retired) grouped by owner or team; "no owner" last. */
export function groupInputs(
  metrics: readonly Metric[],
  people: ReadonlyMap<string, Person>,
  by: Grouping,
): MetricGroup[] {
  const groups = new Map<string, MetricGroup>();
  for (const m of metrics) {
    if (m.kind === 'north-star' || m.status === 'retired' || m.deletedAt !== null) continue;
    const owner = m.ownerId ? people.get(m.ownerId) : undefined;
    const label = !owner ? 'No owner' : by === 'owner' ? owner.name : owner.team || 'No team';
    const key = !owner ? '~none' : by === 'owner' ? owner.id : `team:${label}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, metrics: [] }));
    g.metrics.push(m);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === '~none' ? 1 : b.key === '~none' ? -1 : a.label.localeCompare(b.label),
  );
}

export type AttentionReason = 'counter' | 'off-track' | 'stale' | 'at-risk' | 'no-owner';

export interface Attention {
  metric: Metric;
  reason: AttentionReason;
  text: string;
}

const ORDER: Record<AttentionReason, number> = {
  counter: 0,
  'off-track': 1,
  stale: 2,
  'at-risk': 3,
  'no-owner': 4,
};

/** What the team should look at first: guardrails breached, off track, missed check-ins, ... */
export function attentionList(
  metrics: readonly Metric[],
  summaries: ReadonlyMap<string, MetricSummary>,
): Attention[] {
  const out: Attention[] = [];
  for (const m of metrics) {
    if (m.status === 'retired' || m.deletedAt !== null) continue;
    const s = summaries.get(m.id);
    if (s?.counterWarning) {
      out.push({ metric: m, reason: 'counter', text: 'Guardrail: worse than its tolerance' });
    }
    if (s?.status === 'off-track') out.push({ metric: m, reason: 'off-track', text: 'Off track' });
    else if (s?.status === 'at-risk') out.push({ metric: m, reason: 'at-risk', text: 'At risk' });
    if (s?.stale) out.push({ metric: m, reason: 'stale', text: 'Missed its last check-in' });
    if (m.ownerId === null && m.kind !== 'north-star') {
      out.push({ metric: m, reason: 'no-owner', text: 'Nobody owns it' });
    }
  }
  return out.sort(
    (a, b) => ORDER[a.reason] - ORDER[b.reason] || a.metric.name.localeCompare(b.metric.name),
  );
}

/**
 * What the attention list says when it is empty: "on pace" means nothing while no metric has
 * a target, so it says that instead.
 */
export function nothingNeedsAttention(metrics: readonly Metric[]): string {
  const anyTarget = metrics.some(
    (m) => Object.keys(m.targets.quarterly).length > 0 || Object.keys(m.targets.monthly).length > 0,
  );
  return anyTarget
    ? 'Nothing: every metric is on pace, owned and checked in.'
    : 'Nothing flagged, but no metric has a target yet, so none can be off pace. Set quarterly targets on the metric pages.';
}
