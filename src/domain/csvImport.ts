/** From parsed CSV rows to entries of the metric tree: column guessing and the import plan. */
import { parseDateCell, parseNumber, type DateOrder, type ParsedCsv } from './csvParse';
import type { DecimalMark } from './csvNumber';
import { CADENCE_GRAIN, grainOf, periodOf, type Grain } from './periods';
import type { Cadence, PeriodKey } from './types';

/** Column indices. */
export interface ColumnMap {
  metric: number;
  period: number;
  value: number;
  note: number | null;
}

type Role = keyof ColumnMap;

const SYNONYMS: Record<Role, readonly string[]> = {
  metric: ['metric', 'metric name', 'metrics', 'name', 'kpi', 'kpi name', 'measure', 'indicator'],
  period: [
    'period',
    'date',
    'week',
    'month',
    'quarter',
    'day',
    'time',
    'timestamp',
    'week of',
    'week starting',
    'period start',
  ],
  value: ['value', 'amount', 'count', 'total', 'number', 'actual', 'result', 'quantity', 'qty'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo', 'description'],
};

const normalizeHeader = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** 2 when the header is a synonym, 1 when it holds one as whole words ("Value (USD)"), else 0. */
function score(header: string, role: Role): number {
  const h = normalizeHeader(header);
  if (SYNONYMS[role].includes(h)) return 2;
  const padded = ` ${h} `;
  return SYNONYMS[role].some((word) => padded.includes(` ${word} `)) ? 1 : 0;
}

/**
 * Best guess from header names (English + common variants: metric/name/kpi, date/period/week/
 * month, value/amount/count, note/comment). Exact names beat names that merely contain a
 * synonym, then the leftmost column wins; no column serves two roles. Roles without a match are
 * left out.
 */
export function guessColumns(header: readonly string[]): Partial<ColumnMap> {
  const candidates: { role: Role; column: number; score: number }[] = [];
  header.forEach((name, column) => {
    for (const role of Object.keys(SYNONYMS) as Role[]) {
      const s = score(name, role);
      if (s > 0) candidates.push({ role, column, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const map: Partial<ColumnMap> = {};
  const used = new Set<number>();
  for (const { role, column } of candidates) {
    if (map[role] !== undefined || used.has(column)) continue;
    map[role] = column;
    used.add(column);
  }
  return map;
}

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

const nameKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

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

/** One row, checked in order: cells, metric, period, value. */
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
  if (metric.planMetric !== null) {
    return {
      problem: `“${metric.name}” is computed from the success plans; it cannot be imported`,
    };
  }
  if (metric.formula !== null && metric.formula.trim() !== '') {
    return { problem: `“${metric.name}” is computed from a formula; it cannot be imported` };
  }
  if (metric.cadence === null) return { problem: `No cadence set for “${metric.name}”` };
  const grain = CADENCE_GRAIN[metric.cadence];
  if (periodCell === '') return { problem: 'No date or period on this line' };
  const cell = parseDateCell(periodCell, options.dateOrder);
  if (cell === null) {
    return { problem: `“${periodCell}” is not a date (${ORDER_WORDS[options.dateOrder]})` };
  }
  let period: PeriodKey;
  if ('date' in cell) period = periodOf(cell.date, grain);
  else {
    const keyGrain = grainOf(cell.period);
    if (keyGrain !== grain) {
      const what = keyGrain === null ? 'not a period' : GRAIN_WORDS[keyGrain];
      return {
        problem: `Period “${periodCell}” is ${what} but “${metric.name}” is tracked ${metric.cadence}`,
      };
    }
    period = cell.period;
  }
  if (valueCell === '') return { warning: 'No value; the line is skipped' };
  const value = parseNumber(valueCell, options.decimal);
  if (value === null) return { problem: `“${valueCell}” is not a number` };
  return { row: { line, metricId: metric.id, period, value, note } };
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
  const kept: (ImportRow | null)[] = [];
  const cellsOf: string[][] = [];
  const slotOf = new Map<string, number>();
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];

  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const result = planRow(cells, line, map, options, find);
    if ('problem' in result) rejected.push({ line, cells, message: result.problem });
    else if ('warning' in result) warnings.push({ line, cells, message: result.warning });
    else {
      const key = `${result.row.metricId}\u0000${result.row.period}`;
      const earlier = slotOf.get(key);
      const earlierRow = earlier === undefined ? null : kept[earlier];
      if (earlier !== undefined && earlierRow) {
        warnings.push({
          line: earlierRow.line,
          cells: cellsOf[earlier] ?? [],
          message: `Same metric and period as line ${line}; the later line wins`,
        });
        kept[earlier] = null;
      }
      slotOf.set(key, kept.length);
      kept.push(result.row);
      cellsOf.push(cells);
    }
  });
  warnings.sort((a, b) => a.line - b.line);
  return { rows: kept.filter((r): r is ImportRow => r !== null), rejected, warnings };
}
