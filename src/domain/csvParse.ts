/** CSV reading for the import: the file, then its cells (numbers, dates and periods). */
import Papa from 'papaparse';
import { unguardCell } from './csvExport';

export { guessDecimalMark, parseNumber, type DecimalMark } from './csvNumber';
export { parseDateCell, type DateCell, type DateOrder } from './csvDate';

export interface ParsedCsv {
  /** The first non-empty record, cells unguarded (see `rows`), then trimmed. */
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
}

const DELIMITERS = [',', ';', '\t'] as const;
/** A first line longer than this is not a CSV header (a minified JSON, a log, a binary). */
const MAX_FIRST_LINE = 20_000;
/** How many records the delimiter guess looks at. */
const SAMPLE_RECORDS = 50;

const isEmptyRecord = (cells: readonly string[]): boolean => cells.join('').trim() === '';

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

/**
 * Picks the delimiter under which the records agree best with the header: for each candidate,
 * the share of sample records with as many cells as the header (at least 2) wins, then the
 * wider header, then the order ',' ';' tab. Parsing with each candidate keeps quoted fields
 * intact, so a decimal comma inside a semicolon file does not fool it.
 */
function detectDelimiter(text: string): string {
  let best: { delimiter: string; share: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, {
      delimiter,
      newline: '\n',
      preview: SAMPLE_RECORDS,
    });
    const records = data.filter((r) => !isEmptyRecord(r));
    const width = records[0]?.length ?? 0;
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

/**
 * Parses CSV text as exported by Excel, Google Sheets or Numbers: BOM, CRLF/LF/CR (also mixed),
 * comma, semicolon or tab (auto-detected, or given by an Excel "sep=;" first line), quoted
 * fields with embedded delimiters, quotes and newlines. Line ends are normalised to LF first,
 * also inside quoted cells. Empty lines (and lines of only delimiters) are skipped. First row =
 * header. A file that is not CSV (binary, one giant line, empty) → problems, not an exception.
 * Each row keeps the line where its record starts, for messages. Every cell is unguarded
 * (unguardCell), so parseCsv(toCsv(rows)) gives back the texts of `rows` (with CR read as LF).
 */
export function parseCsv(text: string): ParsedCsv {
  const result: ParsedCsv = { header: [], rows: [], lines: [], delimiter: ',', problems: [] };
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
  if (firstLength > MAX_FIRST_LINE) {
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
  let headerSeen = false;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    step: ({ data, errors, meta }) => {
      for (let i = counted; i < start; i++) if (body.charCodeAt(i) === 10) line++;
      counted = start;
      start = meta.cursor;
      for (const error of errors) result.problems.push(quoteProblem(error, line));
      if (isEmptyRecord(data)) return;
      if (!headerSeen) {
        headerSeen = true;
        result.header = data.map((cell) => unguardCell(cell).trim());
      } else {
        result.rows.push(data.map(unguardCell));
        result.lines.push(line);
      }
    },
  });

  if (!headerSeen) result.problems.push('The file is empty.');
  else if (result.rows.length === 0) result.problems.push('The file has no rows below the header.');
  if (headerSeen && result.header.length < 2) {
    result.problems.push(
      'Only one column was found; the values should be separated by commas, semicolons or tabs.',
    );
  }
  return result;
}
