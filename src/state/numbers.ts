// Straight from the number reader, not csvParse: that one brings the CSV parser (papaparse).
import { parseNumber } from '../domain/csvNumber';

/** The decimal mark of the user's locale, to read typed numbers the way they write them. */
export function localeDecimalMark(): '.' | ',' {
  const part = new Intl.NumberFormat().formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * A number as the user typed it: read with their locale's decimal mark first, then with the
 * other one, so "12,5" works on an English keyboard and "12.5" on a German one.
 */
export function parseTypedNumber(text: string): number | null {
  const mark = localeDecimalMark();
  return parseNumber(text, mark) ?? parseNumber(text, mark === '.' ? ',' : '.');
}
