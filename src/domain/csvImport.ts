/**
 * From parsed CSV rows to entries of the metric tree: the import plan, for a file with a metric
 * column (long) or one column per metric (wide). Column guessing is in csvColumns.ts.
 */
import { parseDateCell, parseNumber, type DateOrder, type ParsedCsv } from './csvParse';
import type { DecimalMark } from './csvNumber';
import { CADENCE_GRAIN, grainOf, periodOf, type Grain } from './periods';
import type { Cadence, PeriodKey } from './types';
import { guessColumns, nameKey, type ColumnMap } from './csvColumns';

export { guessColumns, type ColumnMap } from './csvColumns';

export interface ImportMetric {
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
}

export interface ImportOptions {
  dateOrder: DateOrder;
  decimal: DecimalMark;
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
function indexByName(metrics: readonly ImportMetric[]): Map<string, ImportMetric | null> {
  const byName = new Map<string, ImportMetric | null>();
  for (const metric of metrics) {
    const key = nameKey(metric.name);
    byName.set(key, byName.has(key) ? null : metric);
  }
  return byName;
}

type RowResult = { row: ImportRow } | { problem: string } | { warning: string };

/** Why a metric's values cannot be imported, or null when they can. */
function notImportable(metric: ImportMetric): string | null {
  if (metric.planMetric !== null) {
    return `“${metric.name}” is computed from the success plans; it cannot be imported`;
  }
  if (metric.formula !== null && metric.formula.trim() !== '') {
    return `“${metric.name}” is computed from a formula; it cannot be imported`;
  }
  return null;
}

/** The period of a date or period cell for the metric's cadence. */
function periodFor(
  periodCell: string,
  metric: ImportMetric,
  options: ImportOptions,
): { period: PeriodKey } | { problem: string } {
  if (metric.cadence === null) return { problem: `No cadence set for “${metric.name}”` };
  if (periodCell === '') return { problem: 'No date or period on this line' };
  const cell = parseDateCell(periodCell, options.dateOrder);
  if (cell === null) {
    return { problem: `“${periodCell}” is not a date (${ORDER_WORDS[options.dateOrder]})` };
  }
  const grain = CADENCE_GRAIN[metric.cadence];
  if ('date' in cell) return { period: periodOf(cell.date, grain) };
  const keyGrain = grainOf(cell.period);
  if (keyGrain !== grain) {
    const what = keyGrain === null ? 'not a period' : GRAIN_WORDS[keyGrain];
    return {
      problem: `Period “${periodCell}” is ${what} but “${metric.name}” is tracked ${metric.cadence}`,
    };
  }
  return { period: cell.period };
}

/**
 * Why a line holding U+FFFD (bytes the chosen encoding could not read) is refused, or null:
 * such a character would be stored for good in place of the letter it stands for.
 */
function unreadableProblem(cells: readonly string[]): string | null {
  return cells.some((c) => c.includes('\ufffd'))
    ? 'Some characters on this line could not be read (shown as �); choose how the file is read (“Read as”) or save it as “CSV UTF-8”'
    : null;
}

/** One row, checked in order: cells, readable text, metric, period, value. */
function planRow(
  cells: readonly string[],
  line: number,
  map: ColumnMap,
  options: ImportOptions,
  find: (cell: string) => ImportMetric | null | undefined,
): RowResult {
  const needed = Math.max(map.metric, map.period, map.value) + 1;
  if (cells.length < needed) {
    return { problem: `Only ${cells.length} cells on this line; expected at least ${needed}` };
  }
  const unreadable = unreadableProblem(cells);
  if (unreadable !== null) return { problem: unreadable };
  const metricCell = (cells[map.metric] ?? '').trim();
  const periodCell = (cells[map.period] ?? '').trim();
  const valueCell = (cells[map.value] ?? '').trim();
  const note = map.note === null ? '' : (cells[map.note] ?? '').trim();
  if (metricCell === '') return { problem: 'No metric on this line' };
  const metric = find(metricCell);
  if (metric === undefined) return { problem: `Unknown metric “${metricCell}”` };
  if (metric === null) {
    return { problem: `More than one metric is named “${metricCell}”; use the metric’s id` };
  }
  const refused = notImportable(metric);
  if (refused !== null) return { problem: refused };
  const resolved = periodFor(periodCell, metric, options);
  if ('problem' in resolved) return resolved;
  if (valueCell === '') return { warning: 'No value; the line is skipped' };
  const value = parseNumber(valueCell, options.decimal);
  if (value === null) return { problem: `“${valueCell}” is not a number` };
  return { row: { line, metricId: metric.id, period: resolved.period, value, note } };
}

/** Keeps planned rows; a later row for the same metric and period replaces an earlier one. */
class PlanBuilder {
  private kept: (ImportRow | null)[] = [];
  private cellsOf: string[][] = [];
  private slotOf = new Map<string, number>();
  readonly rejected: RowProblem[] = [];
  readonly warnings: RowProblem[] = [];

  add(row: ImportRow, cells: string[]): void {
    const key = `${row.metricId}\u0000${row.period}`;
    const earlier = this.slotOf.get(key);
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
    this.slotOf.set(key, this.kept.length);
    this.kept.push(row);
    this.cellsOf.push(cells);
  }

  plan(): ImportPlan {
    this.warnings.sort((a, b) => a.line - b.line);
    return {
      rows: this.kept.filter((r): r is ImportRow => r !== null),
      rejected: this.rejected,
      warnings: this.warnings,
    };
  }
}

/**
 * Maps parsed rows to entries: metric by name (case-insensitive, trimmed, whitespace collapsed)
 * or else by id; a date is turned into the period of the metric's cadence (periodOf); a period
 * key must be of the metric's grain. Each rejected row gets the first thing wrong with it. A row
 * with an empty value is skipped with a warning. Duplicate (metric, period) in the file: the
 * later row wins and the earlier becomes a warning pointing at the later line. Pure: the caller
 * decides all-or-nothing.
 */
export function planImport(
  parsed: ParsedCsv,
  map: ColumnMap,
  options: ImportOptions,
  metrics: readonly ImportMetric[],
): ImportPlan {
  const byName = indexByName(metrics);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const find = (cell: string): ImportMetric | null | undefined => {
    const key = nameKey(cell);
    return byName.has(key) ? byName.get(key) : byId.get(cell);
  };
  const builder = new PlanBuilder();
  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const result = planRow(cells, line, map, options, find);
    if ('problem' in result) builder.rejected.push({ line, cells, message: result.problem });
    else if ('warning' in result) builder.warnings.push({ line, cells, message: result.warning });
    else builder.add(result.row, cells);
  });
  return builder.plan();
}

/** The wide shape (“each column is a metric”): a date column, value columns, maybe a note. */
export interface WideColumnMap {
  period: number;
  note: number | null;
  /** The metric (by id) of each value column; the columns not listed are skipped. */
  values: readonly { column: number; metricId: string }[];
}

/**
 * The columns whose header names a metric: by name (case-insensitive, trimmed, whitespace
 * collapsed), else by id. A name that two metrics share names neither.
 */
export function headerMetrics(
  header: readonly string[],
  metrics: readonly ImportMetric[],
): { column: number; metricId: string }[] {
  const byName = indexByName(metrics);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const found: { column: number; metricId: string }[] = [];
  header.forEach((cell, column) => {
    const key = nameKey(cell);
    if (key === '') return;
    const metric = byName.has(key) ? byName.get(key) : byId.get(cell.trim());
    if (metric) found.push({ column, metricId: metric.id });
  });
  return found;
}

/**
 * The wide shape when the header looks like one: no column is a metric column (guessColumns)
 * and at least two header cells name metrics. The date and note columns are guessed among the
 * other columns (null when none fits). Null when the file does not look wide.
 */
export function guessWideColumns(
  header: readonly string[],
  metrics: readonly ImportMetric[],
): {
  period: number | null;
  note: number | null;
  values: { column: number; metricId: string }[];
} | null {
  const values = headerMetrics(header, metrics);
  if (values.length < 2) return null;
  const taken = new Set(values.map((v) => v.column));
  const rest = guessColumns(header.map((h, i) => (taken.has(i) ? '' : h)));
  if (rest.metric !== undefined) return null;
  return { period: rest.period ?? null, note: rest.note ?? null, values };
}

/**
 * Maps the rows of a wide file (one column per metric) to entries: one per value cell that is
 * not empty, in the metric its column is mapped to, for the row's date (the period of each
 * metric's cadence) and with the row's note. A line is rejected as a whole when it cannot be
 * read (too few cells, unreadable characters, no or no valid date); otherwise each cell is
 * rejected on its own (a metric that cannot be imported, a period of another grain, not a
 * number), its column named in the reason. A line with no value at all is skipped with a
 * warning. Duplicates are handled as in planImport. Pure: the caller decides all-or-nothing.
 */
export function planWideImport(
  parsed: ParsedCsv,
  map: WideColumnMap,
  options: ImportOptions,
  metrics: readonly ImportMetric[],
): ImportPlan {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const columns = map.values.map(({ column, metricId }) => {
    const metric = byId.get(metricId);
    const name = (parsed.header[column] ?? '').trim() || `Column ${column + 1}`;
    const refused = metric ? notImportable(metric) : `Unknown metric “${metricId}”`;
    return { column, metric, label: `Column “${name}”`, refused };
  });
  const builder = new PlanBuilder();
  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const reject = (message: string): void => {
      builder.rejected.push({ line, cells, message });
    };
    if (cells.length <= map.period) {
      reject(`Only ${cells.length} cells on this line; expected at least ${map.period + 1}`);
      return;
    }
    const unreadable = unreadableProblem(cells);
    if (unreadable !== null) return reject(unreadable);
    const filled = columns.filter(({ column }) => (cells[column] ?? '').trim() !== '');
    if (filled.length === 0) {
      builder.warnings.push({ line, cells, message: 'No values; the line is skipped' });
      return;
    }
    const periodCell = (cells[map.period] ?? '').trim();
    if (periodCell === '') return reject('No date or period on this line');
    if (parseDateCell(periodCell, options.dateOrder) === null) {
      return reject(`“${periodCell}” is not a date (${ORDER_WORDS[options.dateOrder]})`);
    }
    const note = map.note === null ? '' : (cells[map.note] ?? '').trim();
    for (const { column, metric, label, refused } of filled) {
      if (refused !== null || !metric) {
        reject(`${label}: ${refused ?? 'unknown metric'}`);
        continue;
      }
      const resolved = periodFor(periodCell, metric, options);
      if ('problem' in resolved) {
        reject(`${label}: ${resolved.problem}`);
        continue;
      }
      const valueCell = (cells[column] ?? '').trim();
      const value = parseNumber(valueCell, options.decimal);
      if (value === null) {
        reject(`${label}: “${valueCell}” is not a number`);
        continue;
      }
      builder.add({ line, metricId: metric.id, period: resolved.period, value, note }, cells);
    }
  });
  return builder.plan();
}
