/** The formula guard of the CSV export and its undoing on import are inverses, for any text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCell, toCsv, unguardCell } from '../../../src/domain/csvExport';
import { parseCsv } from '../../../src/domain/csvParse';

/** A character a spreadsheet reads as the start of a formula, or that hides where a cell starts. */
const TRIGGER_START = /^[=+\-@\t\r\n]/;

/** Mostly apostrophes, triggers and CSV specials, so that the interesting prefixes come up. */
const tricky = fc.string({
  unit: fc.constantFrom(
    "'",
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    '"',
    ',',
    ';',
    ' ',
    'a',
    '5',
    'é',
  ),
  maxLength: 12,
});
/** Any text: tricky ones and arbitrary Unicode. */
const anyText = fc.oneof(tricky, fc.string({ unit: 'binary' }), fc.string());

describe('guardCell / unguardCell', () => {
  it('unguardCell(guardCell(s)) === s', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(unguardCell(guardCell(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('guardCell(s) never starts with a trigger', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(TRIGGER_START.test(guardCell(s))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('every cell that does not start with a trigger is the guard of exactly its unguard', () => {
    fc.assert(
      fc.property(
        anyText.filter((c) => !TRIGGER_START.test(c)),
        (c) => {
          expect(guardCell(unguardCell(c))).toBe(c);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parseCsv(toCsv(rows)) gives back the texts (CR read as LF)', () => {
    const row = fc.tuple(tricky, tricky);
    fc.assert(
      fc.property(
        // No row of only white space: a blank record is where one table ends (csvTables.ts), and
        // no export of ours writes one.
        fc.array(
          row.filter((r) => r.map(guardCell).join('').trim() !== ''),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(',', ';', '\t'),
        (rows, delimiter) => {
          const header = ['a', 'b'];
          const parsed = parseCsv(toCsv([header, ...rows], delimiter));
          expect(parsed.header).toEqual(header);
          expect(parsed.rows).toEqual(rows.map((r) => r.map((s) => s.replace(/\r\n?/g, '\n'))));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
