import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/domain/csvExport';
import { parseCsv } from '../../../src/domain/csvParse';

describe('csvCell', () => {
  it('defuses formula injection on strings only', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell('a-b')).toBe('a-b');
  });

  it('quotes per RFC 4180 when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a BOM and CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 1],
        [null, 'b'],
      ]),
    ).toBe('\ufeffa,1\r\n,b\r\n');
    expect(toCsv([['a', 1.5]], ';')).toBe('\ufeffa;1.5\r\n');
  });

  it('round-trips tricky strings through parseCsv, guard undone', () => {
    const tricky = ['=SUM(A1)', '+1', '-2', '@x', '"quoted"', 'multi\nline', ';semi', 'a,b', 'ok'];
    for (const delimiter of [',', ';', '\t']) {
      const header = ['metric', 'period', 'value', 'note'];
      const rows = tricky.map((s, i) => [s, '2025-W07', i - 3, s]);
      const parsed = parseCsv(toCsv([header, ...rows], delimiter));
      expect(parsed.problems).toEqual([]);
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.header).toEqual(header);
      // The export's formula guard is undone on import: the texts come back as they were.
      expect(parsed.rows.map((r) => r[0])).toEqual(tricky);
      expect(parsed.rows.map((r) => r[3])).toEqual(tricky);
      expect(parsed.rows.map((r) => r[2])).toEqual(tricky.map((_, i) => String(i - 3)));
      // 'multi\nline' is written twice in its record, so that record spans lines 7–9.
      expect(parsed.lines).toEqual([2, 3, 4, 5, 6, 7, 10, 11, 12]);
    }
  });
});
