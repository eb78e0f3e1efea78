import { dueCheckins, type DueList } from '../domain/checkin';
import { todayLocal } from '../domain/periods';
import { pointsOf, summarize, type MetricSummary } from '../domain/summary';
import type { Entry, Metric } from '../domain/types';
import { formulaSeries, type FormulaSeries } from '../domain/formulaSeries';
import type { EntriesByMetric } from './entriesCache';

interface Source {
  readonly metrics: readonly Metric[];
  readonly entries: EntriesByMetric;
}

/** Last summary per metric, reused while its metric, entries and the day are unchanged. */
interface Memo {
  metric: Metric;
  entries: readonly Entry[] | undefined;
  today: string;
  summary: MetricSummary;
}

/**
 * Progress of every metric, kept current as entries arrive. After one entry is saved only
 * that metric's summary is recomputed: the others are reused from the memo.
 */
export class Tracking {
  /** Today's calendar date here; advances when the day changes while the app is open. */
  today = $state(todayLocal());
  private memo = new Map<string, Memo>();

  constructor(private readonly source: Source) {}

  /** Values, problems and per-period errors of the computed (formula) metrics. */
  formulas: FormulaSeries = $derived.by(() => formulaSeries(this.live, this.source.entries));

  summaries: ReadonlyMap<string, MetricSummary> = $derived.by(() => this.summarizeAll());

  due: DueList = $derived.by(() => dueCheckins(this.live, this.source.entries, this.today));

  private get live(): Metric[] {
    return this.source.metrics.filter((m) => m.deletedAt === null);
  }

  private summarizeAll(): ReadonlyMap<string, MetricSummary> {
    const { entries } = this.source;
    const today = this.today;
    const computed = this.formulas.points;
    const next = new Map<string, MetricSummary>();
    const memo = new Map<string, Memo>();
    for (const metric of this.live) {
      const own = entries.get(metric.id);
      const held = this.memo.get(metric.id);
      const formula = computed.get(metric.id);
      const summary =
        formula !== undefined
          ? summarize(metric, formula, undefined, today)
          : held && held.metric === metric && held.entries === own && held.today === today
            ? held.summary
            : summarize(metric, pointsOf(own), own, today);
      next.set(metric.id, summary);
      memo.set(metric.id, { metric, entries: own, today, summary });
    }
    this.memo = memo;
    return next;
  }

  /** Re-reads the date (call on focus and on a timer), so "due" follows midnight. */
  tick(): void {
    const now = todayLocal();
    if (now !== this.today) this.today = now;
  }
}
