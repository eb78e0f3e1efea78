/**
 * What the dashboard's last known numbers hold, and when they are written (storage/lastKnown.ts).
 *
 * `LastKnownKeeper` is told when the workspace may have changed (every transaction, and once
 * on open); it waits until changes have been quiet for DEBOUNCE_MS, then until the page is
 * idle, and only then builds and writes the snapshot, so the save path does no more than reset
 * a timer.
 */
import { groupInputs } from '../domain/dashboard';
import { fiscalPeriodLabel } from '../domain/fiscal';
import type { MetricSummary } from '../domain/summary';
import type { Metric, Person } from '../domain/types';
import { whenIdle } from '../storage/idle';
import type { LastKnown, LastKnownLine } from '../storage/lastKnown';
import { writeLastKnown } from '../storage/lastKnownWrite';

export type { LastKnown } from '../storage/lastKnown';

/** Quiet time after the last change before the snapshot is taken. */
export const DEBOUNCE_MS = 1500;

/** What the dashboard's first screen shows, as a snapshot. */
export interface DashboardFigures {
  id: string;
  name: string;
  metrics: readonly Metric[];
  people: ReadonlyMap<string, Person>;
  summaries: ReadonlyMap<string, MetricSummary>;
  fiscalStart: number;
}

function periodLabel(period: string, fiscalStart: number): string {
  try {
    return fiscalPeriodLabel(period, fiscalStart);
  } catch {
    return period;
  }
}

/**
 * The snapshot of the dashboard's first screen: the North Stars (not retired) and the input
 * lines grouped by owner, as DashboardScreen shows them by default.
 */
export function buildLastKnown(f: DashboardFigures, now: number): LastKnown {
  const live = f.metrics.filter((m) => m.deletedAt === null);
  const line = (m: Metric): LastKnownLine => {
    const s = f.summaries.get(m.id);
    return {
      name: m.name,
      unit: m.unit,
      value: s?.latest?.value ?? null,
      change: s?.change ?? null,
      status: s?.status ?? 'no-data',
      counter: m.kind === 'counter',
    };
  };
  return {
    v: 1,
    id: f.id,
    name: f.name,
    takenAt: now,
    stars: live
      .filter((m) => m.kind === 'north-star' && m.status !== 'retired')
      .map((m) => {
        const latest = f.summaries.get(m.id)?.latest ?? null;
        return { ...line(m), period: latest ? periodLabel(latest.period, f.fiscalStart) : null };
      }),
    groups: groupInputs(live, f.people, 'owner').map((g) => ({
      label: g.label,
      lines: g.metrics.map(line),
    })),
    more: 0,
  };
}

/** Writes the snapshot after changes settle, when the page is idle (see the module comment). */
export class LastKnownKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The quiet wait is over and the idle callback has not run yet. */
  private waitingForIdle = false;
  private stopped = false;

  constructor(
    /** The figures now, or null when there is nothing to keep (the workspace is not open). */
    private readonly figures: () => DashboardFigures | null,
    private readonly write: (snapshot: LastKnown) => void = (s) => void writeLastKnown(s),
    private readonly now: () => number = Date.now,
  ) {}

  /** The workspace may have changed: (re)starts the quiet wait. */
  changed(): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.waitingForIdle) return;
      this.waitingForIdle = true;
      whenIdle(() => this.keep());
    }, DEBOUNCE_MS);
  }

  /** Keeps a change still waiting now (the page is going away); nothing when none waits. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.timer !== null || this.waitingForIdle) this.keep();
    this.timer = null;
  }

  /** Stops; a change still waiting is kept now. */
  stop(): void {
    this.flush();
    this.stopped = true;
  }

  private keep(): void {
    this.waitingForIdle = false;
    if (this.stopped) return;
    const f = this.figures();
    if (f) this.write(buildLastKnown(f, this.now()));
  }
}
