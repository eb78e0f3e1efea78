/**
 * Targets and baselines read from an import's target and baseline columns, and what importing
 * them would change. A metric holds quarterly targets and monthly benchmarks (TargetSet) and one
 * baseline (a value and a date), so cells are folded into those:
 * - a target cell sets the target of the row's quarter for a quarterly metric, else the benchmark
 *   of the month the row's period lands in (a week: the month of its Thursday, as toGrain does).
 *   The row's quarter is the one its value goes to: a date's quarter in the workspace's fiscal
 *   year (periodFor), a quarter key as written ("2026-Q1+1" stays February–April);
 *   rows of one month that repeat the same target are one target; a different value on a later
 *   row wins and the earlier line is named in a warning;
 * - the baseline is the earliest row's baseline cell, dated with the row's date (a period: its
 *   first day); later rows holding another baseline are named in one warning per metric.
 * Keys per period and one baseline per metric are why re-importing a file cannot duplicate.
 */
import { grainOf, toGrain, type Grain } from './periods';
import type { PeriodKey, TargetSet } from './types';

export interface TargetRow {
  line: number;
  metricId: string;
  /** "YYYY-Qn" or "YYYY-Qn+1" (a quarterly target) or "YYYY-MM" (a monthly benchmark). */
  period: PeriodKey;
  value: number;
}

export interface BaselineRow {
  line: number;
  metricId: string;
  /** YYYY-MM-DD. */
  date: string;
  value: number;
}

/**
 * The target a row of a metric of this grain sets: its quarter's target, or its month's
 * benchmark. A quarter key is its own quarter (whatever fiscal year it belongs to); a finer
 * period goes to its quarter in a fiscal year starting in `fiscalStart` (default January).
 */
export function targetPeriodOf(period: PeriodKey, grain: Grain, fiscalStart = 1): PeriodKey {
  if (grain !== 'quarter') return toGrain(period, 'month');
  return grainOf(period) === 'quarter' ? period : toGrain(period, 'quarter', fiscalStart);
}

/** A line left out or overridden, as the import plan reports it. */
export interface TargetWarning {
  line: number;
  message: string;
}

/** Collects the target and baseline cells of an import (see the file comment). */
export class TargetCollector {
  private targets = new Map<string, TargetRow>();
  private baselines = new Map<string, BaselineRow>();
  /** Lines whose baseline differs from the one kept, per metric. */
  private otherBaselines = new Map<string, number[]>();
  readonly warnings: TargetWarning[] = [];

  target(row: TargetRow): void {
    const key = `${row.metricId}\u0000${row.period}`;
    const earlier = this.targets.get(key);
    if (earlier && earlier.value !== row.value) {
      this.warnings.push({
        line: earlier.line,
        message: `Another target for ${row.period} on line ${row.line}; the later line wins`,
      });
    }
    if (!earlier || earlier.value !== row.value) this.targets.set(key, row);
  }

  baseline(row: BaselineRow): void {
    const kept = this.baselines.get(row.metricId);
    if (!kept || row.date < kept.date) {
      if (kept && kept.value !== row.value) this.noteOther(row.metricId, kept.line);
      this.baselines.set(row.metricId, row);
    } else if (kept.value !== row.value) {
      this.noteOther(row.metricId, row.line);
    }
  }

  private noteOther(metricId: string, line: number): void {
    const lines = this.otherBaselines.get(metricId) ?? [];
    lines.push(line);
    this.otherBaselines.set(metricId, lines);
  }

  result(): { targets: TargetRow[]; baselines: BaselineRow[]; warnings: TargetWarning[] } {
    const warnings = [...this.warnings];
    for (const [metricId, lines] of this.otherBaselines) {
      const kept = this.baselines.get(metricId);
      if (!kept) continue;
      const sorted = [...lines].sort((a, b) => a - b);
      warnings.push({
        line: sorted[0] ?? kept.line,
        message:
          `A metric keeps one baseline: line ${kept.line} (the earliest, ${kept.value} on ` +
          `${kept.date}) is used; ${sorted.length === 1 ? 'line' : 'lines'} ` +
          `${sorted.join(', ')} ${sorted.length === 1 ? 'holds' : 'hold'} another and ` +
          `${sorted.length === 1 ? 'is' : 'are'} ignored`,
      });
    }
    return {
      targets: [...this.targets.values()],
      baselines: [...this.baselines.values()],
      warnings,
    };
  }
}

/** A metric's targets and baseline as stored, to compare an import with. */
export interface StoredTargets {
  targets?: TargetSet;
  baselineValue?: number | null;
  baselineDate?: string | null;
}

export interface TargetChange {
  metricId: string;
  period: PeriodKey;
  /** The target stored now; null when there is none. */
  from: number | null;
  to: number;
}

export interface BaselineChange {
  metricId: string;
  from: { value: number; date: string | null } | null;
  to: { value: number; date: string };
}

export interface TargetChanges {
  /** New or different targets, in file order. */
  targets: TargetChange[];
  /** Targets the file holds as they are stored already (written as no change at all). */
  unchangedTargets: number;
  baselines: BaselineChange[];
  unchangedBaselines: number;
}

/**
 * What importing the target and baseline rows would change on the metrics as they are stored:
 * a target is new, different, or unchanged; a baseline is changed when its value or date differs.
 */
export function targetChanges(
  plan: { targets: readonly TargetRow[]; baselines: readonly BaselineRow[] },
  stored: (metricId: string) => StoredTargets | undefined,
): TargetChanges {
  const out: TargetChanges = {
    targets: [],
    unchangedTargets: 0,
    baselines: [],
    unchangedBaselines: 0,
  };
  for (const row of plan.targets) {
    const set = stored(row.metricId)?.targets;
    const held = row.period.includes('Q') ? set?.quarterly[row.period] : set?.monthly[row.period];
    if (held === row.value) out.unchangedTargets++;
    else
      out.targets.push({
        metricId: row.metricId,
        period: row.period,
        from: held ?? null,
        to: row.value,
      });
  }
  for (const row of plan.baselines) {
    const metric = stored(row.metricId);
    const value = metric?.baselineValue ?? null;
    const date = metric?.baselineDate ?? null;
    if (value === row.value && date === row.date) out.unchangedBaselines++;
    else {
      out.baselines.push({
        metricId: row.metricId,
        from: value === null ? null : { value, date },
        to: { value: row.value, date: row.date },
      });
    }
  }
  return out;
}
