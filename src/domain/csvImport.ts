/**
 * From parsed CSV rows to entries of the metric tree: the import plan, for a file with a metric
 * column (long), one series of one metric (series) or one column per metric (wide). Column
 * guessing is in csvColumns.ts; target and baseline columns are folded in csvTargets.ts.
 */
import { parseDateCell, parseNumber, type DateOrder, type ParsedCsv } from './csvParse';
import type { DecimalMark } from './csvNumber';
import { relativeDate, type RelativePeriods } from './csvRelative';
import { impossiblePeriod } from './csvDate';
import { EARLIEST_ENTRY_YEAR, entryPeriodProblem } from './entryPeriods';
import { CADENCE_GRAIN, grainOf, periodOf, periodStart, type Grain } from './periods';
import type { Cadence, PeriodKey } from './types';
import { nameKey, type ColumnMap } from './csvColumns';
import {
  TargetCollector,
  targetPeriodOf,
  type BaselineRow,
  type StoredTargets,
  type TargetRow,
} from './csvTargets';

export { guessColumns, type ColumnMap } from './csvColumns';

/** A metric as the import sees it; its stored targets and baseline, to say what would change. */
export interface ImportMetric extends StoredTargets {
  id: string;
  name: string;
  cadence: Cadence | null;
  formula: string | null;
  planMetric: unknown;
}

export interface ImportRow {
  /** 1-based line in the file (incl. header) where the row's record starts. */
  line: number;
  metricId: string;
  period: PeriodKey;
  value: number;
  note: string;
}

export interface RowProblem {
  line: number;
  cells: string[];
  /** Plain English, for people. */
  message: string;
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Rows that cannot be imported. */
  rejected: RowProblem[];
  /** Rows that are imported with a caveat, or left out harmlessly (no value, overridden). */
  warnings: RowProblem[];
  /** Targets and baselines from target and baseline columns (none in the wide shape). */
  targets: TargetRow[];
  baselines: BaselineRow[];
}

export interface ImportOptions {
  dateOrder: DateOrder;
  decimal: DecimalMark;
  /** The period column counts days, weeks or months from the report's start (csvRelative.ts). */
  relative?: RelativePeriods | null;
  /**
   * Today (YYYY-MM-DD): values for periods that have not started, or before 1900, are refused
   * as Add entry refuses them (entryPeriods.ts); targets may be for the future.
   */
  today?: string;
  /** The month the workspace's fiscal year starts (default January): a date's quarter is its. */
  fiscalStart?: number;
}

const ORDER_WORDS: Record<DateOrder, string> = {
  ymd: 'year-month-day',
  dmy: 'day/month/year',
  mdy: 'month/day/year',
};
const GRAIN_WORDS: Record<Grain, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
};

/** Metrics by trimmed, whitespace-collapsed, lower-case name; null marks an ambiguous name. */
export function indexByName(metrics: readonly ImportMetric[]): Map<string, ImportMetric | null> {
  const byName = new Map<string, ImportMetric | null>();
  for (const metric of metrics) {
    const key = nameKey(metric.name);
    byName.set(key, byName.has(key) ? null : metric);
  }
  return byName;
}

type RowResult =
  | { row: ImportRow | null; target: TargetRow | null; baseline: BaselineRow | null }
  | { problem: string }
  | { warning: string };

/** Why a metric's values cannot be imported, or null when they can. */
export function notImportable(metric: ImportMetric): string | null {
  if (metric.planMetric !== null) {
    return `“${metric.name}” is computed from the success plans; it cannot be imported`;
  }
  if (metric.formula !== null && metric.formula.trim() !== '') {
    return `“${metric.name}” is computed from a formula; it cannot be imported`;
  }
  return null;
}

/** Why no value may be stored for the period (Add entry's rule), or null. */
export function entryProblem(period: PeriodKey, options: ImportOptions): string | null {
  if (options.today === undefined) return null;
  const problem = entryPeriodProblem(period, options.today);
  if (problem === 'not-started') return `${period} has not started yet (today is ${options.today})`;
  if (problem === 'too-old') return `${period} is before ${EARLIEST_ENTRY_YEAR}; check the year`;
  return null;
}

/** A date or period cell (or a count from the report's start) as a date or period key. */
export function readPeriodCell(
  periodCell: string,
  options: ImportOptions,
): { date: string } | { period: PeriodKey } | { problem: string } {
  if (periodCell === '') return { problem: 'No date or period on this line' };
  if (options.relative) return relativeDate(periodCell, options.relative);
  const cell = parseDateCell(periodCell, options.dateOrder);
  if (cell === null) {
    const impossible = impossiblePeriod(periodCell);
    if (impossible !== null) return { problem: impossible };
    return { problem: `“${periodCell}” is not a date (${ORDER_WORDS[options.dateOrder]})` };
  }
  return cell;
}

/** The period of a date or period cell for the metric's cadence, and the cell's first day. */
export function periodFor(
  periodCell: string,
  metric: ImportMetric,
  options: ImportOptions,
): { period: PeriodKey; date: string; grain: Grain } | { problem: string } {
  if (metric.cadence === null) return { problem: `No cadence set for “${metric.name}”` };
  const cell = readPeriodCell(periodCell, options);
  if ('problem' in cell) return cell;
  const grain = CADENCE_GRAIN[metric.cadence];
  if ('date' in cell) {
    return {
      period: sharedPeriodOf(cell.date, grain, options.fiscalStart),
      date: cell.date,
      grain,
    };
  }
  const keyGrain = grainOf(cell.period);
  if (keyGrain !== grain) {
    const what = keyGrain === null ? 'not a period' : GRAIN_WORDS[keyGrain];
    return {
      problem: `Period “${periodCell}” is ${what} but “${metric.name}” is tracked ${metric.cadence}`,
    };
  }
  return { period: cell.period, date: periodStart(cell.period), grain };
}

/**
 * Why a line holding U+FFFD (bytes the chosen encoding could not read) is refused, or null:
 * such a character would be stored for good in place of the letter it stands for.
 */
export function unreadableProblem(cells: readonly string[]): string | null {
  return cells.some((c) => c.includes('\ufffd'))
    ? 'Some characters on this line could not be read (shown as �); choose how the file is read (“Read as”) or save it as “CSV UTF-8”'
    : null;
}

/** The columns a long or series row is read from; null = no such column. */
interface RowMap {
  /** The metric column; null when the whole file is one metric's series. */
  metric: number | null;
  period: number;
  value: number | null;
  note: number | null;
  target: number | null;
  baseline: number | null;
}

/** A number cell of the row, or why it is not one; null when the column is absent or empty. */
function numberCell(
  cells: readonly string[],
  column: number | null,
  what: string,
  options: ImportOptions,
): { value: number | null } | { problem: string } {
  const text = column === null ? '' : (cells[column] ?? '').trim();
  if (text === '') return { value: null };
  const value = parseNumber(text, options.decimal);
  return value === null ? { problem: `${what}“${text}” is not a number` } : { value };
}

/**
 * One row, checked in order: cells, readable text, metric, period, value, target, baseline. A
 * row with none of value, target and baseline is skipped with a warning.
 */
function planRow(
  cells: readonly string[],
  line: number,
  map: RowMap,
  options: ImportOptions,
  metricOf: (cells: readonly string[]) => ImportMetric | string,
): RowResult {
  const columns = [map.metric, map.period, map.value, map.target, map.baseline];
  const needed = Math.max(...columns.map((c) => c ?? -1)) + 1;
  if (cells.length < needed) {
    return { problem: `Only ${cells.length} cells on this line; expected at least ${needed}` };
  }
  const unreadable = unreadableProblem(cells);
  if (unreadable !== null) return { problem: unreadable };
  const periodCell = (cells[map.period] ?? '').trim();
  const note = map.note === null ? '' : (cells[map.note] ?? '').trim();
  const metric = metricOf(cells);
  if (typeof metric === 'string') return { problem: metric };
  const refused = notImportable(metric);
  if (refused !== null) return { problem: refused };
  const resolved = periodFor(periodCell, metric, options);
  if ('problem' in resolved) return resolved;
  const value = numberCell(cells, map.value, '', options);
  if ('problem' in value) return value;
  if (value.value !== null) {
    const when = entryProblem(resolved.period, options);
    if (when !== null) return { problem: when };
  }
  const target = numberCell(cells, map.target, 'Target ', options);
  if ('problem' in target) return target;
  const baseline = numberCell(cells, map.baseline, 'Baseline ', options);
  if ('problem' in baseline) return baseline;
  if (value.value === null && target.value === null && baseline.value === null) {
    return { warning: 'No value; the line is skipped' };
  }
  const { period, date, grain } = resolved;
  const metricId = metric.id;
  return {
    row: value.value === null ? null : { line, metricId, period, value: value.value, note },
    target:
      target.value === null
        ? null
        : {
            line,
            metricId,
            period: targetPeriodOf(period, grain, options.fiscalStart),
            value: target.value,
          },
    baseline: baseline.value === null ? null : { line, metricId, date, value: baseline.value },
  };
}

/**
 * periodOf, giving the same string for the same period: a million rows over a few thousand
 * dates then hold a few thousand period strings, not a million copies. Bounded like grainOf's.
 */
const periodCache = new Map<string, PeriodKey>();
function sharedPeriodOf(date: string, grain: Grain, fiscalStart: number | undefined): PeriodKey {
  const key = `${grain}|${fiscalStart ?? 1}|${date}`;
  let period = periodCache.get(key);
  if (period === undefined) {
    if (periodCache.size >= 50_000) periodCache.clear();
    period = periodOf(date, grain, fiscalStart);
    periodCache.set(key, period);
  }
  return period;
}

/** Keeps planned rows; a later row for the same metric and period replaces an earlier one. */
export class PlanBuilder {
  private kept: (ImportRow | null)[] = [];
  private cellsOf: string[][] = [];
  /** Slot of each metric's periods (nested: no million "metric|period" key strings). */
  private slotOf = new Map<string, Map<PeriodKey, number>>();
  readonly rejected: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];
  readonly targets = new TargetCollector();

  add(row: ImportRow, cells: string[]): void {
    let slots = this.slotOf.get(row.metricId);
    if (!slots) {
      slots = new Map();
      this.slotOf.set(row.metricId, slots);
    }
    const earlier = slots.get(row.period);
    const earlierRow = earlier === undefined ? null : this.kept[earlier];
    if (earlier !== undefined && earlierRow) {
      this.warnings.push({
        line: earlierRow.line,
        cells: this.cellsOf[earlier] ?? [],
        message:
          earlierRow.line === row.line
            ? `Two columns hold the same metric and period; the one further right wins`
            : `Same metric and period as line ${row.line}; the later line wins`,
      });
      this.kept[earlier] = null;
    }
    slots.set(row.period, this.kept.length);
    this.kept.push(row);
    this.cellsOf.push(cells);
  }

  plan(): ImportPlan {
    const { targets, baselines, warnings } = this.targets.result();
    for (const w of warnings) this.warnings.push({ ...w, cells: [] });
    this.warnings.sort((a, b) => a.line - b.line);
    return {
      rows: this.kept.filter((r): r is ImportRow => r !== null),
      rejected: this.rejected,
      warnings: this.warnings,
      targets,
      baselines,
    };
  }
}

/** Plans the rows of a long or series file (planRow per row, then the duplicate rules). */
function planRows(
  parsed: ParsedCsv,
  map: RowMap,
  options: ImportOptions,
  metricOf: (cells: readonly string[]) => ImportMetric | string,
): ImportPlan {
  const builder = new PlanBuilder();
  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const result = planRow(cells, line, map, options, metricOf);
    if ('problem' in result) builder.rejected.push({ line, cells, message: result.problem });
    else if ('warning' in result) builder.warnings.push({ line, cells, message: result.warning });
    else {
      if (result.row) builder.add(result.row, cells);
      if (result.target) builder.targets.target(result.target);
      if (result.baseline) builder.targets.baseline(result.baseline);
    }
  });
  return builder.plan();
}

/**
 * Maps parsed rows to entries: metric by name (case-insensitive, trimmed, whitespace collapsed)
 * or else by id; a date is turned into the period of the metric's cadence (periodOf); a period
 * key must be of the metric's grain. Each rejected row gets the first thing wrong with it. A row
 * with an empty value (and no target or baseline) is skipped with a warning. Duplicate (metric,
 * period) in the file: the later row wins and the earlier becomes a warning pointing at the
 * later line. Target and baseline columns, when mapped, set targets (csvTargets.ts). Pure: the
 * caller decides all-or-nothing.
 */
export function planImport(
  parsed: ParsedCsv,
  map: ColumnMap,
  options: ImportOptions,
  metrics: readonly ImportMetric[],
): ImportPlan {
  const byName = indexByName(metrics);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const metricOf = (cells: readonly string[]): ImportMetric | string => {
    const cell = (cells[map.metric] ?? '').trim();
    if (cell === '') return 'No metric on this line';
    const key = nameKey(cell);
    const metric = byName.has(key) ? byName.get(key) : byId.get(cell);
    if (metric === undefined) return `Unknown metric “${cell}”`;
    if (metric === null) return `More than one metric is named “${cell}”; use the metric’s id`;
    return metric;
  };
  const rowMap: RowMap = { ...map, target: map.target ?? null, baseline: map.baseline ?? null };
  return planRows(parsed, rowMap, options, metricOf);
}

/** A file that is one metric's series: a date column, values and maybe targets, a baseline. */
export interface SeriesColumnMap {
  period: number;
  /** null: the file holds only targets or baselines. */
  value: number | null;
  note: number | null;
  target: number | null;
  baseline: number | null;
}

/**
 * Maps the rows of a series file (`date,value` or `date,actual,target,baseline`) to entries of
 * the one metric the user picked, with the rules of planImport.
 */
export function planSeriesImport(
  parsed: ParsedCsv,
  map: SeriesColumnMap,
  metricId: string,
  options: ImportOptions,
  metrics: readonly ImportMetric[],
): ImportPlan {
  const metric = metrics.find((m) => m.id === metricId);
  const metricOf = (): ImportMetric | string => metric ?? `Unknown metric “${metricId}”`;
  return planRows(parsed, { ...map, metric: null }, options, metricOf);
}
