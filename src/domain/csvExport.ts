/** CSV writing for spreadsheets (Excel, Google Sheets, Numbers). */

/** Characters that make a spreadsheet read a cell as a formula (or hide where it starts). */
const DANGEROUS_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, safe for spreadsheets: strings starting with = + - @ or a tab/CR get a leading
 * apostrophe (formula injection), then RFC 4180 quoting when needed (delimiter, quote, CR/LF).
 * Numbers are written plainly (negative numbers are NOT prefixed); NaN and ±Infinity are
 * written empty, like null.
 */
export function csvCell(value: string | number | null, delimiter = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = DANGEROUS_START.test(value) ? `'${value}` : value;
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
