/**
 * The wide CSV shape (“each column is a metric”, the usual spreadsheet layout): which header
 * cells name metrics, the guess that a file is wide, and the plan of its rows, with the row
 * rules and duplicate handling of the long shape (csvImport.ts).
 */
import { parseNumber, type ParsedCsv } from './csvParse';
import { guessColumns, nameKey } from './csvColumns';
import {
  PlanBuilder,
  entryProblem,
  indexByName,
  notImportable,
  periodFor,
  readPeriodCell,
  unreadableProblem,
  type ImportMetric,
  type ImportOptions,
  type ImportPlan,
} from './csvImport';

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
    const cell = readPeriodCell(periodCell, options);
    if ('problem' in cell) return reject(cell.problem);
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
      const when = entryProblem(resolved.period, options);
      if (when !== null) {
        reject(`${label}: ${when}`);
        continue;
      }
      builder.add({ line, metricId: metric.id, period: resolved.period, value, note }, cells);
    }
  });
  return builder.plan();
}
