/** CSV writing for spreadsheets (Excel, Google Sheets, Numbers), and the guard the import undoes. */

/**
 * A text the export guards: any number of apostrophes, then a character that makes a spreadsheet
 * read the cell as a formula (= + - @) or hides where it starts (tab, CR, LF). LF is in the set
 * because the import reads a CR as LF (parseCsv normalises line ends), so a guarded "\r…" must
 * still be recognised as guarded when it comes back as "\n…".
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r\n]/;
/** A cell the export guarded: at least one apostrophe, then the same characters. */
const GUARDED = /^''*[=+\-@\t\r\n]/;

/**
 * Formula-injection guard of one text cell: a leading apostrophe when the text, after any
 * apostrophes of its own, starts with = + - @ or a tab/CR/LF. So "=1+1" → "'=1+1", and "'=x"
 * (a text that itself starts with an apostrophe) → "''=x", which keeps the two apart.
 *
 * guardCell and unguardCell are inverse bijections between all strings and the strings that do
 * not start with a trigger: a guarded text always matches GUARDED and loses exactly the one
 * apostrophe added; a text left alone does not match NEEDS_GUARD, hence not GUARDED (which asks
 * for more), so unguardCell leaves it alone too. Thus unguardCell(guardCell(s)) === s for every
 * s, and guardCell(s) never starts with a trigger (such an s matches NEEDS_GUARD).
 */
export function guardCell(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The text a guarded cell was written for (see guardCell): one leading apostrophe dropped. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/**
 * One CSV cell, safe for spreadsheets: strings are guarded against formula injection
 * (guardCell), then RFC 4180 quoting when needed (delimiter, quote, CR/LF). Numbers are written
 * plainly (negative numbers are NOT prefixed); NaN and ±Infinity are written empty, like null.
 */
export function csvCell(value: string | number | null, delimiter = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = guardCell(value);
  const needsQuotes =
    text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text with CRLF line ends (one after every row) and a leading BOM for Excel. */
export function toCsv(
  rows: readonly (readonly (string | number | null)[])[],
  delimiter = ',',
): string {
  const body = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return '\ufeff' + body.map((line) => line + '\r\n').join('');
}
