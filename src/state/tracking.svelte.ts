import { collectDue, dueForMetric, type DueList, type MetricDue } from '../domain/checkin';
import { CADENCE_GRAIN } from '../domain/periods';
import { checkTreeHealth, formulaWarnings } from '../domain/health';
import { pointsOf, summarize, type MetricSummary } from '../domain/summary';
import type { Entry, Metric } from '../domain/types';
import { metricSeries, type MetricSeries } from '../domain/metricSeries';
import { hasFormula } from '../domain/formula';
import type { Point } from '../domain/aggregate';
import { planMetricSeries } from '../domain/planMetrics';
import type { EntriesByMetric } from './entriesCache';
import type { WorkspaceArea } from './area';
import type { Clock } from './clock.svelte';
import { WorkspaceCalendar } from './calendar.svelte';
import type { TreeArea } from './tree.svelte';
import type { EntriesArea } from './entries.svelte';
import type { CustomerSuccess } from './customers.svelte';

/** The areas progress is computed from. */
interface Source {
  readonly tree: Pick<TreeArea, 'metrics' | 'built'>;
  readonly entries: Pick<EntriesArea, 'byMetric'>;
  readonly customers: Pick<CustomerSuccess, 'plans' | 'journey'>;
}

/** A value computed for one metric from its record, its entries and the day. */
interface Memo<T> {
  metric: Metric;
  entries: readonly Entry[] | undefined;
  today: string;
  value: T;
}

/**
 * Computes a value per metric, reusing the previous one while the metric's record, its entries
 * array and the day are unchanged (snapshots are replaced, never mutated, so identity tells).
 */
function memoized<T>(
  previous: ReadonlyMap<string, Memo<T>>,
  metrics: readonly Metric[],
  entries: EntriesByMetric,
  today: string,
  compute: (m: Metric, own: readonly Entry[] | undefined) => T,
): Map<string, Memo<T>> {
  const next = new Map<string, Memo<T>>();
  for (const metric of metrics) {
    const own = entries.get(metric.id);
    const held = previous.get(metric.id);
    const value =
      held && held.metric === metric && held.entries === own && held.today === today
        ? held.value
        : compute(metric, own);
    next.set(metric.id, { metric, entries: own, today, value });
  }
  return next;
}

/**
 * Progress of every metric, kept current as entries arrive. After one entry is saved only that
 * metric's summary and due list are recomputed; formulas are recomputed from what they read.
 */
export class Tracking implements WorkspaceArea {
  /** Derived only: nothing of its own in the document, so nothing to read or warn about. */
  readonly warnings = [];
  private summaryMemo = new Map<string, Memo<MetricSummary>>();
  private dueMemo = new Map<string, Memo<MetricDue>>();

  constructor(
    private readonly clock: Clock,
    private readonly source: Source,
    /** Whose fiscal year start numbers the quarters (quarterly check-ins, this quarter's target). */
    private readonly calendar: WorkspaceCalendar = new WorkspaceCalendar(),
  ) {}

  attach(): void {}
  flush(): void {}

  /** Today's calendar date here; advances when the day changes while the app is open. */
  get today(): string {
    return this.clock.today;
  }

  /** Re-reads the date (call on focus and on a timer), so "due" follows midnight. */
  tick(): void {
    this.clock.tick();
  }

  /** Values of the metrics computed from success plans, per metric id, chronological. */
  planPoints: ReadonlyMap<string, Point[]> = $derived.by(() => this.planMetricsAll());

  /**
   * Every metric's values at any grain (domain/metricSeries: formulas computed from their
   * inputs at that grain, never rolled up), and the problems of the formulas.
   */
  series: MetricSeries = $derived.by(() => {
    const entries = this.source.entries.byMetric;
    const plans = this.planPoints;
    return metricSeries({
      metrics: this.live,
      logged: (id) => plans.get(id) ?? entries.get(id) ?? [],
      fiscalStart: this.calendar.fiscalStart,
    });
  });

  /** Problems of the tree's shape and of its formulas. */
  health = $derived.by(() => [
    ...checkTreeHealth(this.source.tree.built),
    ...formulaWarnings(this.series.problems, this.source.tree.built),
  ]);

  summaries: ReadonlyMap<string, MetricSummary> = $derived.by(() => this.summarizeAll());

  due: DueList = $derived.by(() => this.dueAll());

  private get live(): Metric[] {
    return this.source.tree.metrics.filter((m) => m.deletedAt === null);
  }

  private summarizeAll(): ReadonlyMap<string, MetricSummary> {
    const today = this.today;
    const fiscal = this.calendar.fiscalStart;
    const fromPlans = this.planPoints;
    const series = this.series;
    const live = this.live;
    const isFormula = (m: Metric): boolean => m.planMetric === null && hasFormula(m);
    const byHand = live.filter((m) => !fromPlans.has(m.id) && !isFormula(m));
    this.summaryMemo = memoized(
      this.summaryMemo,
      byHand,
      this.source.entries.byMetric,
      `${today}|${fiscal}`, // this quarter (its target, the forecast) follows the fiscal start
      (m, own) => summarize(m, pointsOf(own), own, today, [], fiscal),
    );
    const out = new Map<string, MetricSummary>();
    for (const m of live) {
      const planned = fromPlans.get(m.id);
      // A formula is computed at its own cadence from its inputs at that grain.
      const own = isFormula(m)
        ? series.at(m.id, m.cadence === null ? null : CADENCE_GRAIN[m.cadence])
        : null;
      const summary = planned
        ? summarize(m, planned, undefined, today, [], fiscal)
        : own
          ? summarize(m, own.points, undefined, today, own.gaps, fiscal)
          : this.summaryMemo.get(m.id)?.value;
      if (summary) out.set(m.id, summary);
    }
    return out;
  }

  private planMetricsAll(): Map<string, Point[]> {
    const out = new Map<string, Point[]>();
    const { plans, journey } = this.source.customers;
    const fiscal = this.calendar.fiscalStart; // a quarterly plan metric counts in fiscal quarters
    for (const m of this.live) {
      if (m.planMetric === null) continue;
      const grain = CADENCE_GRAIN[m.cadence ?? 'monthly'];
      const spec = m.planMetric;
      out.set(m.id, planMetricSeries(spec, plans, journey, grain, undefined, this.today, fiscal));
    }
    return out;
  }

  private dueAll(): DueList {
    const live = this.live;
    const today = this.today;
    const fiscal = this.calendar.fiscalStart;
    // The memo's day stamp carries the fiscal start: quarterly periods change with it.
    const stamp = `${today}|${fiscal}`;
    this.dueMemo = memoized(this.dueMemo, live, this.source.entries.byMetric, stamp, (m, own) =>
      dueForMetric(m, own, today, undefined, fiscal),
    );
    return collectDue(
      live.map((m) => this.dueMemo.get(m.id)?.value ?? { items: [], older: 0 }),
      live,
    );
  }
}
