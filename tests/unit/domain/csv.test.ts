import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/csvParse';

describe('parseCsv', () => {
  it('reads an Excel semicolon export with BOM, CRLF and decimal commas', () => {
    const text =
      '\ufeffMetric;Period;Value;Note\r\n' +
      'Weekly users;2025-W07;1.234,5;\r\n' +
      'Weekly users;2025-W08;1.300,25;after launch\r\n';
    const parsed = parseCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['Metric', 'Period', 'Value', 'Note']);
    expect(parsed.rows).toEqual([
      ['Weekly users', '2025-W07', '1.234,5', ''],
      ['Weekly users', '2025-W08', '1.300,25', 'after launch'],
    ]);
    expect(parsed.lines).toEqual([2, 3]);
  });

  it('is not fooled by a comma in the header of a semicolon file', () => {
    const parsed = parseCsv(
      'Metric;Period;Value (USD, k)\nRevenue;2025-03;12,5\nRevenue;2025-04;13\n',
    );
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]).toEqual(['Revenue', '2025-03', '12,5']);
  });

  it('reads a Google Sheets comma export with quoted commas, quotes and newlines', () => {
    const text =
      'Metric,Date,Value,Note\r\n' +
      '"Users, weekly",2025-03-07,"1,234","He said ""hi"""\r\n' +
      'Users,2025-03-14,12,"first line\r\nsecond line"\r\n' +
      'Users,2025-03-21,13,plain\r\n';
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows).toEqual([
      ['Users, weekly', '2025-03-07', '1,234', 'He said "hi"'],
      ['Users', '2025-03-14', '12', 'first line\nsecond line'],
      ['Users', '2025-03-21', '13', 'plain'],
    ]);
    // The multi-line record starts on line 3 and ends on line 4; the next one is on line 5.
    expect(parsed.lines).toEqual([2, 3, 5]);
  });

  it('reads tab-separated text (pasted or exported as TSV)', () => {
    const parsed = parseCsv('Metric\tPeriod\tValue\nNPS\t2025-Q1\t41\n');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows).toEqual([['NPS', '2025-Q1', '41']]);
  });

  it('handles mixed line endings, blank lines and trailing empty lines', () => {
    const text = 'a,b,c\r\n1,2,3\n\n4,5,6\r7,8,9\r\n\r\n,,\r\n\n\n';
    const parsed = parseCsv(text);
    expect(parsed.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
    expect(parsed.lines).toEqual([2, 4, 5]);
    expect(parsed.problems).toEqual([]);
  });

  it('counts lines from a header below blank lines and after multi-line cells', () => {
    const text = '\n\nm,p,v,n\n"x",2025-01,1,"a\n\nb"\n\n"y",2025-02,2,c\n';
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(['m', 'p', 'v', 'n']);
    expect(parsed.lines).toEqual([4, 8]);
  });

  it('keeps short rows as they are (the import rejects them)', () => {
    const parsed = parseCsv('m,p,v\nA,2025-01,1\nB,2025-02\nC,2025-03,3\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows[1]).toEqual(['B', '2025-02']);
    expect(parsed.lines[1]).toBe(3);
  });

  it('honours an Excel "sep=" first line', () => {
    const parsed = parseCsv('sep=;\r\nm;p;v\r\nA;2025-01;1,5\r\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['m', 'p', 'v']);
    expect(parsed.lines).toEqual([3]);
  });

  it('trims header cells but keeps data cells as written', () => {
    const parsed = parseCsv(' Metric , Period ,Value\n Users , 2025-01 , 3 \n');
    expect(parsed.header).toEqual(['Metric', 'Period', 'Value']);
    expect(parsed.rows[0]).toEqual([' Users ', ' 2025-01 ', ' 3 ']);
  });

  it('reports files that are not CSV instead of throwing', () => {
    expect(parseCsv('').problems).toEqual(['The file is empty.']);
    expect(parseCsv('\n\r\n  \n').problems).toEqual(['The file is empty.']);
    const binary = parseCsv('PK\u0003\u0004\u0000\u0000\u0008\u0000binary');
    expect(binary.problems[0]).toMatch(/binary data/);
    expect(binary.rows).toEqual([]);
    const giant = parseCsv('{"a":1,'.repeat(5000));
    expect(giant.problems[0]).toMatch(/first line is 35,000 characters long/);
    expect(parseCsv('just one column\nvalue\n').problems).toEqual([
      'Only one column was found; the values should be separated by commas, semicolons or tabs.',
    ]);
    expect(parseCsv('m,p,v\r\n').problems).toEqual(['The file has no rows below the header.']);
  });

  it('reports an unclosed quote with its line', () => {
    const parsed = parseCsv('m,p,v\nA,2025-01,1\nB,2025-02,"3\nC,2025-03,4\n');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/^Line 3: a quoted cell is never closed/);
  });
});
