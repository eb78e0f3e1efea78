/** Exports with furniture: comment lines, titles, several tables, totals, weeks counted from a start. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportMetric } from '../../../src/domain/csvImport';
import { planWideImport } from '../../../src/domain/csvWideImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { relativeUnitOf } from '../../../src/domain/csvRelative';

const METRICS: ImportMetric[] = [
  { id: 'm-active', name: 'Active users', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-new', name: 'New users', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-sessions', name: 'Sessions', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-signups', name: 'Signups', cadence: 'monthly', formula: null, planMetric: null },
];

/**
 * A GA4 exploration downloaded as CSV (written by hand the way GA4 writes it): a `#` block with
 * the report's name, account and dates, then a table per tab, each behind its own `#` block;
 * a "Grand total" row under the header; weeks as "Nth week" 0000, 0001, … from the start date.
 */
const GA4 = readFileSync(new URL('./fixtures/ga4-free-form.csv', import.meta.url), 'utf8');

describe('exports with furniture', () => {
  it('reads a GA4 export: comment lines skipped, its tables found, the totals row left out', () => {
    const csv = parseCsv(GA4);
    expect(csv.problems).toEqual([]); // not "only one column was found"
    expect(csv.delimiter).toBe(',');
    expect(csv.reportStart).toBe('2026-10-05');
    expect(csv.tables).toEqual([
      { title: null, header: ['Nth week', 'Active users', 'New users'], line: 10, rows: 4 },
      { title: null, header: ['Nth week', 'Sessions'], line: 21, rows: 2 },
    ]);
    expect(csv.table).toBe(0);
    expect(csv.header).toEqual(['Nth week', 'Active users', 'New users']);
    expect(csv.lines).toEqual([12, 13, 14, 15]);
    expect(csv.skipped).toEqual([
      'Lines 1–9 and 17–20: comment lines (starting with #)',
      'Line 11: totals, not values of a period',
      'Lines 21–23: another table (“Nth week, Sessions”, 2 rows); choose it under “Table”',
    ]);
    const second = parseCsv(GA4, 1);
    expect(second.header).toEqual(['Nth week', 'Sessions']);
    expect(second.rows).toEqual([
      ['0000', '3000'],
      ['0001', '3100'],
    ]);
    expect(second.skipped.at(-1)).toBe(
      'Lines 10–15: another table (“Nth week, Active users, New users”, 4 rows); choose it under “Table”',
    );
  });

  it('places "Nth week" from the report start, and says why without it', () => {
    const csv = parseCsv(GA4);
    expect(relativeUnitOf(csv.header[0] ?? '')).toBe('week');
    expect(relativeUnitOf('Week')).toBeNull();
    const map = {
      period: 0,
      note: null,
      values: [
        { column: 1, metricId: 'm-active' },
        { column: 2, metricId: 'm-new' },
      ],
    };
    const options = { dateOrder: 'ymd', decimal: '.' } as const;
    // 2026-10-05 is a Monday, ISO week 41: week 0 → 2026-W41, week 3 → 2026-W44.
    const placed = planWideImport(
      csv,
      map,
      { ...options, relative: { unit: 'week', start: '2026-10-05' } },
      METRICS,
    );
    expect(placed.rejected).toEqual([]);
    expect(
      placed.rows.filter((r) => r.metricId === 'm-active').map((r) => [r.period, r.value]),
    ).toEqual([
      ['2026-W41', 1200],
      ['2026-W42', 1300],
      ['2026-W43', 1350],
      ['2026-W44', 1450],
    ]);
    const unplaced = planWideImport(
      csv,
      map,
      { ...options, relative: { unit: 'week', start: null } },
      METRICS,
    );
    expect(unplaced.rows).toEqual([]);
    expect(unplaced.rejected[3]?.message).toBe(
      '“0003” is week 3 counted from the report’s start (0 = the first week), not a date or an ISO week: give the report’s start date to place it',
    );
  });

  it('a title row, a stray blank line and a totals row in an Excel sheet (semicolons)', () => {
    // Excel on Windows, German locale, "CSV (Trennzeichen-getrennt)": a title in A1, an empty
    // row of delimiters, the table, a blank row inside it, a "Summe" row at the end.
    const text =
      'Monatsbericht Anmeldungen;;\r\n' +
      ';;\r\n' +
      'Kennzahl;Monat;Wert\r\n' +
      'Signups;2026-01;120\r\n' +
      ';;\r\n' +
      'Signups;2026-02;130\r\n' +
      'Summe;;250\r\n';
    const csv = parseCsv(text);
    expect(csv.problems).toEqual([]);
    expect(csv.delimiter).toBe(';');
    expect(csv.tables).toEqual([
      {
        title: 'Monatsbericht Anmeldungen',
        header: ['Kennzahl', 'Monat', 'Wert'],
        line: 3,
        rows: 2,
      },
    ]);
    expect(csv.skipped).toEqual(['Line 1: a title', 'Line 7: totals, not values of a period']);
    const plan = planImport(
      csv,
      { metric: 0, period: 1, value: 2, note: null },
      { dateOrder: 'dmy', decimal: ',' },
      METRICS,
    );
    expect(plan.rows.map((r) => [r.line, r.period, r.value])).toEqual([
      [4, '2026-01', 120],
      [6, '2026-02', 130],
    ]);
  });

  it('a second table after a blank line and a title (a Looker Studio style download)', () => {
    const text =
      'Week,Signups\n2026-01-05,10\n2026-01-12,12\n\nSessions by week\nWeek,Sessions\n2026-01-05,300\n';
    const csv = parseCsv(text);
    expect(csv.tables.map((t) => [t.title, t.header.join('|'), t.line, t.rows])).toEqual([
      [null, 'Week|Signups', 1, 2],
      ['Sessions by week', 'Week|Sessions', 6, 1],
    ]);
    expect(parseCsv(text, 1).rows).toEqual([['2026-01-05', '300']]);
    expect(parseCsv(text, 1).skipped).toEqual([
      'Line 5: a title',
      'Lines 1–3: another table (“Week, Signups”, 2 rows); choose it under “Table”',
    ]);
  });

  it('a file of one column is still refused for that reason, and a one-word line is a row', () => {
    expect(parseCsv('Value\n1\n2\n').problems).toEqual([
      'Only one column was found; the values should be separated by commas, semicolons or tabs.',
    ]);
    // After a blank line, "Signups" alone and no header under it: a (short) row of the table.
    const csv = parseCsv('Metric,Date,Value\nSignups,2026-01,1\n\nSignups\nSignups,2026-02,2\n');
    expect(csv.rows).toEqual([
      ['Signups', '2026-01', '1'],
      ['Signups'],
      ['Signups', '2026-02', '2'],
    ]);
    expect(csv.skipped).toEqual([]);
  });
});
