/**
 * The furniture of analytics and report exports (GA4, Looker Studio, a pivot sheet): `#` comment
 * lines, a title row above a table, several tables one after another, a totals row. The records
 * of a file are split into tables:
 * - a record whose first cell starts with `#` is a comment line (a report's start date is read
 *   from "# Start date: 20261005" or "# 20261005-20261101");
 * - a new table starts at the first record, and after a blank or comment line at a record that
 *   reads as a header (no cell is a number or a date: data rows always hold one); otherwise the
 *   record after the break continues the table (a stray blank line in a sheet);
 * - a record with one filled cell, the first, where a table would start is that table's title;
 * - a row whose first filled cell is a total word ("Total", "Grand total:", "Summe", …; the whole
 *   cell, case ignored) is a totals row, left out.
 * What was left out is said, line by line, for the screen.
 */
import { nameKey } from './csvColumns';
import { parseDateCell } from './csvDate';
import { parseNumber } from './csvNumber';
import { isDate } from './periods';

export interface CsvRecord {
  /** Empty for a blank line (or one of only delimiters and white space). */
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface CsvTable {
  /** The title row above the table, if any. */
  title: string | null;
  header: string[];
  /** Line of the header. */
  line: number;
  rows: string[][];
  lines: number[];
  /** Lines of totals rows left out. */
  totals: number[];
}

export interface TablesOfFile {
  tables: CsvTable[];
  /** Lines of `#` comments. */
  comments: number[];
  /** Lines of title rows. */
  titles: number[];
  /** The report's start date (YYYY-MM-DD) as its comment lines give it, or null. */
  reportStart: string | null;
}

const TOTAL_WORDS = new Set([
  ...['total', 'totals', 'grand total', 'sum', 'overall'],
  ...['gesamt', 'summe', 'insgesamt', 'gesamtsumme', 'total général', 'somme', 'totale'],
  ...['suma', 'total geral', 'totaal', 'eindtotaal'],
]);

const filled = (cells: readonly string[]): string[] => cells.filter((c) => c.trim() !== '');

/** True when a cell reads as a number or a date (data, not a header). */
function isDataCell(cell: string): boolean {
  const s = cell.trim();
  if (s === '') return false;
  return (
    parseNumber(s, '.') !== null ||
    parseNumber(s, ',') !== null ||
    parseDateCell(s, 'dmy') !== null ||
    parseDateCell(s, 'mdy') !== null
  );
}

const looksLikeHeader = (cells: readonly string[]): boolean => !cells.some(isDataCell);

/** YYYY-MM-DD of "20261005" or "2026-10-05", else null. */
function dateOf(text: string): string | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text;
  return isDate(date) ? date : null;
}

/** The start date a comment line gives: "Start date: 20261005", "20261005-20261101". */
function startDateOf(comment: string): string | null {
  const labelled = /start\s*date\s*[:=]?\s*(\d{4}-?\d{2}-?\d{2})/i.exec(comment);
  if (labelled) return dateOf((labelled[1] ?? '').replace(/-/g, ''));
  const range = /^#\s*(\d{8}|\d{4}-\d{2}-\d{2})\s*[-–]\s*(\d{8}|\d{4}-\d{2}-\d{2})\s*$/.exec(
    comment,
  );
  return range ? dateOf((range[1] ?? '').replace(/-/g, '')) : null;
}

/** How many rows of a table tell which of its columns hold numbers or dates. */
const DATA_SAMPLE = 20;

/** True when one of the table's first rows holds a number or a date in the column. */
const holdsData = (table: CsvTable, column: number): boolean =>
  table.rows.slice(0, DATA_SAMPLE).some((r) => isDataCell(r[column] ?? ''));

/** Splits a file's records into tables (see the file comment). */
export function splitTables(records: Iterable<CsvRecord>, delimiter: string): TablesOfFile {
  const out: TablesOfFile = { tables: [], comments: [], titles: [], reportStart: null };
  let open: CsvTable | null = null;
  let afterBreak = true;
  let afterComment = false;
  let title: CsvRecord | null = null;
  const addRow = (into: CsvTable, { cells, line }: CsvRecord): void => {
    const values = filled(cells);
    if (TOTAL_WORDS.has(nameKey(values[0] ?? '').replace(/:$/, ''))) {
      into.totals.push(line);
      return;
    }
    into.rows.push(cells);
    into.lines.push(line);
  };
  for (const record of records) {
    const { cells, line } = record;
    const first = (cells[0] ?? '').trim();
    if (first.startsWith('#')) {
      out.comments.push(line);
      out.reportStart ??= startDateOf(cells.join(delimiter).trim());
      afterBreak = afterComment = true;
      continue;
    }
    // The parser gives no cells for a blank record (cells of only white space are data).
    if (cells.length === 0) {
      afterBreak = true;
      continue;
    }
    const values = filled(cells);
    const oneText = values.length === 1 && first !== '' && !isDataCell(first);
    if (afterBreak && oneText && title === null) {
      title = record;
      continue;
    }
    // A header after a comment, or one whose words sit where the table holds numbers or dates.
    const starts =
      open === null ||
      (afterBreak &&
        looksLikeHeader(cells) &&
        (afterComment || cells.some((c, i) => c.trim() !== '' && !!open && holdsData(open, i))));
    if (starts) {
      if (title) out.titles.push(title.line);
      const header = cells.map((c) => c.trim());
      const table: CsvTable = {
        title: title ? (title.cells[0] ?? '').trim() : null,
        header,
        line,
        rows: [],
        lines: [],
        totals: [],
      };
      out.tables.push(table);
      open = table;
    } else if (open) {
      // A line of one word that no header follows is a row of the table after all.
      if (title) addRow(open, title);
      addRow(open, record);
    }
    title = null;
    afterBreak = afterComment = false;
  }
  // A line of one word at the end is a row of the table (or, with none, a title left out).
  if (title && open) addRow(open, title);
  else if (title) out.titles.push(title.line);
  return out;
}

/** "line 4", "lines 1–7", "lines 2, 5 and 9": consecutive lines as ranges. */
export function linesText(lines: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === (lines[j] ?? 0) + 1) j++;
    ranges.push(j === i ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  const word = lines.length === 1 ? 'line' : 'lines';
  const last = ranges.pop() ?? '';
  return ranges.length === 0 ? `${word} ${last}` : `${word} ${ranges.join(', ')} and ${last}`;
}
