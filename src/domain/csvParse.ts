/** CSV reading for the import: the file, then its cells (numbers, dates and periods). */
import Papa from 'papaparse';
import { unguardCell } from './csvExport';
import { linesText, splitTables, type CsvRecord, type CsvTable } from './csvTables';

export { guessDecimalMark, parseNumber, type DecimalMark } from './csvNumber';
export { parseDateCell, type DateCell, type DateOrder } from './csvDate';

/** A table of the file, for choosing it. */
export interface TableSummary {
  title: string | null;
  header: string[];
  /** Line of its header. */
  line: number;
  rows: number;
}

export interface ParsedCsv {
  /** The chosen table's header, cells unguarded (see `rows`), then trimmed. */
  header: string[];
  /**
   * The records below the header, cells as written (not trimmed) except that the formula guard
   * of our CSV export is undone (unguardCell: "'=1+1" → "=1+1", "''=x" → "'=x"), so every import
   * reads the text that was exported; empty records left out.
   */
  rows: string[][];
  /** 1-based line in the file where each of `rows` starts (parallel to `rows`). */
  lines: number[];
  delimiter: string;
  /** Why the file cannot be read (fully); empty when all is well. */
  problems: string[];
  /** The tables of the file (csvTables.ts: comment lines, titles, tables one after another). */
  tables: TableSummary[];
  /** Which of `tables` header, rows and lines are from. */
  table: number;
  /** What was left out, in words ("Lines 1–9: comment lines (starting with #)"). */
  skipped: string[];
  /** The report's start date as the file's comment lines give it (YYYY-MM-DD), or null. */
  reportStart: string | null;
}

const DELIMITERS = [',', ';', '\t'] as const;
/** A first line longer than this, with few delimiters, is not a CSV header (JSON, a log). */
const MAX_FIRST_LINE = 20_000;
/** How many records the delimiter guess looks at. */
const SAMPLE_RECORDS = 200;

const isEmptyRecord = (cells: readonly string[]): boolean => cells.join('').trim() === '';

/**
 * True when a long line is split into cells often (a delimiter at least every 100 characters)
 * and does not open a JSON value: the header of a sheet with thousands of columns, not a
 * minified JSON or a log line.
 */
function manyCells(line: string): boolean {
  if (/^\s*[[{]/.test(line)) return false; // JSON
  let delimiters = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 44 || c === 59 || c === 9) delimiters++;
  }
  return delimiters * 100 >= line.length;
}

/**
 * True when the text holds NULs or many control characters (a decoded binary). Replacement
 * characters do not count: they are bytes of another encoding (the import names the lines).
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && (c < 9 || c > 13)) odd++;
  }
  return odd > 8 && odd > sample.length / 100;
}

/** The most common number of cells among records. */
function commonWidth(records: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let width = 0;
  let most = 0;
  for (const [w, n] of counts) if (n > most || (n === most && w > width)) [width, most] = [w, n];
  return width;
}

/**
 * Picks the delimiter under which the records agree best: for each candidate, the share of
 * sample records (comment lines left out) with the most common number of cells (at least 2)
 * wins, then the wider records, then the order ',' ';' tab. Parsing with each candidate keeps
 * quoted fields intact, so a decimal comma inside a semicolon file does not fool it.
 */
function detectDelimiter(text: string): string {
  let best: { delimiter: string; share: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, {
      delimiter,
      newline: '\n',
      preview: SAMPLE_RECORDS,
    });
    const records = data.filter((r) => !isEmptyRecord(r) && !(r[0] ?? '').trim().startsWith('#'));
    const width = commonWidth(records);
    if (width < 2) continue;
    const share = records.filter((r) => r.length === width).length / records.length;
    if (!best || share > best.share || (share === best.share && width > best.width)) {
      best = { delimiter, share, width };
    }
  }
  return best?.delimiter ?? ',';
}

function quoteProblem(error: Papa.ParseError, line: number): string {
  return error.code === 'MissingQuotes'
    ? `Line ${line}: a quoted cell is never closed (a " is missing), so the rest of the file is read as one cell.`
    : `Line ${line}: a quote inside a quoted cell is not doubled ("").`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** What the table split left out of the chosen table, in words. */
function skippedText(
  split: ReturnType<typeof splitTables>,
  chosen: number,
  lastLine: (t: CsvTable) => number,
): string[] {
  const out: string[] = [];
  const { comments, titles, tables } = split;
  if (comments.length > 0) {
    out.push(`${capital(linesText(comments))}: comment lines (starting with #)`);
  }
  if (titles.length > 0) {
    out.push(`${capital(linesText(titles))}: ${titles.length === 1 ? 'a title' : 'titles'}`);
  }
  const table = tables[chosen];
  if (table && table.totals.length > 0) {
    out.push(`${capital(linesText(table.totals))}: totals, not values of a period`);
  }
  tables.forEach((t, i) => {
    if (i === chosen) return;
    const name = t.title ?? t.header.filter(Boolean).join(', ');
    out.push(
      `Lines ${t.line}–${lastLine(t)}: another table (“${name.slice(0, 80)}”, ` +
        `${t.rows.length.toLocaleString('en')} rows); choose it under “Table”`,
    );
  });
  return out;
}

/** The table to read by default: the first with two columns and a row, else with two columns. */
function defaultTable(tables: readonly CsvTable[]): number {
  const full = tables.findIndex((t) => t.header.length >= 2 && t.rows.length > 0);
  if (full >= 0) return full;
  return Math.max(
    0,
    tables.findIndex((t) => t.header.length >= 2),
  );
}

/**
 * Parses CSV text as exported by Excel, Google Sheets or Numbers: BOM, CRLF/LF/CR (also mixed),
 * comma, semicolon or tab (auto-detected, or given by an Excel "sep=;" first line), quoted
 * fields with embedded delimiters, quotes and newlines. Line ends are normalised to LF first,
 * also inside quoted cells. Empty lines (and lines of only delimiters) are skipped. First row =
 * header. A file that is not CSV (binary, one giant line, empty) → problems, not an exception.
 * Comment lines, titles, totals rows and further tables are left out and said (csvTables.ts);
 * `table` picks another of the file's tables (default: the first with two columns and a row).
 * Each row keeps the line where its record starts, for messages. Every cell is unguarded
 * (unguardCell), so parseCsv(toCsv(rows)) gives back the texts of `rows` (with CR read as LF).
 */
export function parseCsv(text: string, table?: number): ParsedCsv {
  const result: ParsedCsv = {
    header: [],
    rows: [],
    lines: [],
    delimiter: ',',
    problems: [],
    tables: [],
    table: 0,
    skipped: [],
    reportStart: null,
  };
  if (looksBinary(text)) {
    result.problems.push(
      'This does not look like a CSV file (it contains binary data). Save the sheet as “CSV UTF-8” and try again.',
    );
    return result;
  }
  let body = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let firstLine = 1;
  const sep = /^sep=(.)\n/i.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    firstLine = 2;
  }
  const firstLength = body.indexOf('\n') < 0 ? body.length : body.indexOf('\n');
  if (firstLength > MAX_FIRST_LINE && !manyCells(body.slice(0, firstLength))) {
    result.problems.push(
      `The first line is ${firstLength.toLocaleString('en')} characters long; this does not look like a CSV file.`,
    );
    return result;
  }
  const delimiter = sep?.[1] ?? detectDelimiter(body);
  result.delimiter = delimiter;

  let line = firstLine;
  let counted = 0; // offset up to which newlines have been counted into `line`
  let start = 0; // offset where the current record starts
  const records: CsvRecord[] = [];
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    step: ({ data, errors, meta }) => {
      for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
      counted = start;
      start = meta.cursor;
      for (const error of errors) result.problems.push(quoteProblem(error, line));
      records.push({ cells: isEmptyRecord(data) ? [] : data.map(unguardCell), line });
    },
  });

  const split = splitTables(records, delimiter);
  records.length = 0;
  const chosen = table !== undefined && split.tables[table] ? table : defaultTable(split.tables);
  const picked = split.tables[chosen];
  const lastLine = (t: CsvTable): number =>
    Math.max(t.line, t.lines[t.lines.length - 1] ?? 0, t.totals[t.totals.length - 1] ?? 0);
  result.tables = split.tables.map((t) => ({
    title: t.title,
    header: t.header,
    line: t.line,
    rows: t.rows.length,
  }));
  result.table = chosen;
  result.reportStart = split.reportStart;
  result.skipped = skippedText(split, chosen, lastLine);
  if (picked) {
    result.header = picked.header;
    result.rows = picked.rows;
    result.lines = picked.lines;
  }

  if (!picked) result.problems.push('The file is empty.');
  else if (result.header.length < 2) {
    result.problems.push(
      'Only one column was found; the values should be separated by commas, semicolons or tabs.',
    );
  } else if (result.rows.length === 0)
    result.problems.push('The file has no rows below the header.');
  return result;
}
