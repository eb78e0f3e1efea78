import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/domain/csvDecode';
import { parseCsv } from '../../../src/domain/csvParse';
import { guessColumns, planImport, type ImportMetric } from '../../../src/domain/csvImport';

/** ASCII text as bytes (the test files are written byte by byte). */
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const METRICS: ImportMetric[] = [
  { id: 'm-churn', name: 'Kündigungsquote', cadence: 'weekly', formula: null, planMetric: null },
];

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and leaves the BOM out', () => {
    // "Größe,€\n" in UTF-8 after EF BB BF.
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...ascii('Gr'),
      0xc3,
      0xb6,
      0xc3,
      0x9f,
      ...ascii('e,'),
      0xe2,
      0x82,
      0xac,
      0x0a,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({
      text: 'Größe,€\n',
      encoding: 'utf-8',
      detected: 'utf-8',
      unreadable: 0,
    });
  });

  it('reads UTF-8 without a BOM as UTF-8', () => {
    const bytes = new Uint8Array([...ascii('K'), 0xc3, 0xbc, ...ascii('r,1\n')]);
    expect(decodeCsvBytes(bytes)).toMatchObject({ text: 'Kür,1\n', detected: 'utf-8' });
  });

  it('reads a Windows-1252 file (Excel on Windows) as Windows-1252, € included', () => {
    // Metric;Date;Value;Note / Kündigungsquote;2026-W02;1,5;Größer é 5 €
    const bytes = new Uint8Array([
      ...ascii('Metric;Date;Value;Note\r\nK'),
      0xfc, // ü
      ...ascii('ndigungsquote;2026-W02;1,5;Gr'),
      0xf6, // ö
      0xdf, // ß
      ...ascii('er '),
      0xe9, // é
      ...ascii(' 5 '),
      0x80, // €
      ...ascii('\r\n'),
    ]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.detected).toBe('windows-1252');
    expect(decoded.unreadable).toBe(0);
    expect(decoded.text).toBe(
      'Metric;Date;Value;Note\r\nKündigungsquote;2026-W02;1,5;Größer é 5 €\r\n',
    );
    const csv = parseCsv(decoded.text);
    const map = guessColumns(csv.header);
    const plan = planImport(
      csv,
      { metric: 0, period: 1, value: 2, note: 3, ...map },
      { dateOrder: 'ymd', decimal: ',' },
      METRICS,
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-churn', period: '2026-W02', value: 1.5, note: 'Größer é 5 €' },
    ]);
  });

  it('reads Latin-1 when asked (0x80 is a control character there, not €)', () => {
    const bytes = new Uint8Array([0xfc, 0x80, 0xdf]);
    expect(decodeCsvBytes(bytes, 'latin-1')).toMatchObject({
      text: 'ü\u0080ß',
      encoding: 'latin-1',
      detected: 'windows-1252',
    });
    expect(decodeCsvBytes(bytes, 'windows-1252').text).toBe('ü€ß');
  });

  it('reads UTF-16 LE with a BOM, as Excel saves “Unicode text” (tabs, CRLF)', () => {
    const text = 'Metric\tDate\tValue\r\nKündigungsquote\t2026-W02\t3\r\n';
    const units = [...text].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const decoded = decodeCsvBytes(bytes);
    expect(decoded).toEqual({ text, encoding: 'utf-16le', detected: 'utf-16le', unreadable: 0 });
    const csv = parseCsv(decoded.text);
    expect(csv.delimiter).toBe('\t');
    expect(csv.rows).toEqual([['Kündigungsquote', '2026-W02', '3']]);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const bytes = new Uint8Array([0xfe, 0xff, 0x00, 0x61, 0x00, 0xfc]);
    expect(decodeCsvBytes(bytes)).toMatchObject({ text: 'aü', detected: 'utf-16be' });
  });

  it('counts bytes that UTF-8 cannot read, and the import refuses those rows', () => {
    // Invalid UTF-8 (a Windows-1252 ü), read as UTF-8 because the user chose so.
    const bytes = new Uint8Array([
      ...ascii('Metric,Date,Value,Note\nK'),
      0xfc,
      ...ascii('ndigungsquote,2026-W02,3,\nK'),
      0xc3,
      0xbc, // ü in UTF-8
      ...ascii('ndigungsquote,2026-W03,4,Gr'),
      0xc0, // a lead byte with no continuation
      ...ascii('er\n'),
    ]);
    expect(decodeCsvBytes(bytes).detected).toBe('windows-1252');
    const decoded = decodeCsvBytes(bytes, 'utf-8');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.unreadable).toBe(2);
    const plan = planImport(
      parseCsv(decoded.text),
      { metric: 0, period: 1, value: 2, note: 3 },
      { dateOrder: 'ymd', decimal: '.' },
      METRICS,
    );
    expect(plan.rows).toEqual([]);
    expect(plan.rejected.map((r) => r.line)).toEqual([2, 3]);
    for (const r of plan.rejected) expect(r.message).toMatch(/could not be read \(shown as �\)/);
  });

  it('refuses replacement characters that a UTF-8 file already holds', () => {
    const decoded = decodeCsvBytes(new TextEncoder().encode('a,b\nx,Gr\ufffd\ufffder\n'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', unreadable: 2 });
  });
});
