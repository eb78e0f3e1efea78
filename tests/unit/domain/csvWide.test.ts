import { describe, expect, it } from 'vitest';
import type { ImportMetric } from '../../../src/domain/csvImport';
import {
  guessWideColumns,
  headerMetrics,
  planWideImport,
  type WideColumnMap,
} from '../../../src/domain/csvWideImport';
import { guessDecimalMark, parseCsv } from '../../../src/domain/csvParse';

const METRICS: ImportMetric[] = [
  { id: 'm-signups', name: 'Signups', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-act', name: 'Activation rate', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-mrr', name: 'MRR', cadence: 'monthly', formula: null, planMetric: null },
  { id: 'm-arpu', name: 'ARPU', cadence: 'monthly', formula: 'mrr / users', planMetric: null },
  { id: 'm-draft', name: 'Draft idea', cadence: null, formula: null, planMetric: null },
];
const YMD = { dateOrder: 'ymd', decimal: '.' } as const;

/** What Google Sheets writes for File → Download → CSV: commas, no BOM, ISO dates. */
const SHEETS =
  'Week,Signups,Activation rate,MRR,Notes\r\n' +
  '2026-01-05,120,0.41,9800,Launch week\r\n' +
  '2026-01-12,135,,,\r\n' + // empty cells are not values
  '2026-01-19,,,,\r\n' + // a line with no value at all
  '2026-01-26,141,0.44,10200,"=HYPERLINK(""x"")"\r\n' +
  "2026-02-02,150,n/a,,'=1+1\r\n";

function wideMap(text: string): { csv: ReturnType<typeof parseCsv>; map: WideColumnMap } {
  const csv = parseCsv(text);
  const guess = guessWideColumns(csv.header, METRICS);
  if (!guess || guess.period === null) throw new Error('not wide');
  return { csv, map: { period: guess.period, note: guess.note, values: guess.values } };
}

describe('guessWideColumns', () => {
  it('offers the wide shape when header cells name metrics and none is a metric column', () => {
    expect(
      guessWideColumns(['Week', ' signups ', 'ACTIVATION  RATE', 'Other', 'Notes'], METRICS),
    ).toEqual({
      period: 0,
      note: 4,
      values: [
        { column: 1, metricId: 'm-signups' },
        { column: 2, metricId: 'm-act' },
      ],
    });
    // By id too.
    expect(headerMetrics(['date', 'm-mrr', 'Signups'], METRICS)).toEqual([
      { column: 1, metricId: 'm-mrr' },
      { column: 2, metricId: 'm-signups' },
    ]);
  });

  it('does not offer it for the one-row-per-value shape or a single matching header', () => {
    expect(guessWideColumns(['Metric', 'Date', 'Signups', 'MRR'], METRICS)).toBeNull();
    expect(guessWideColumns(['Date', 'Signups', 'Other'], METRICS)).toBeNull();
    expect(guessWideColumns(['Date', 'Value', 'Note'], METRICS)).toBeNull();
  });
});

describe('planWideImport', () => {
  it('imports a Google Sheets export: one entry per cell that is not empty', () => {
    const { csv, map } = wideMap(SHEETS);
    expect(map).toEqual({
      period: 0,
      note: 4,
      values: [
        { column: 1, metricId: 'm-signups' },
        { column: 2, metricId: 'm-act' },
        { column: 3, metricId: 'm-mrr' },
      ],
    });
    const plan = planWideImport(csv, map, YMD, METRICS);
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-signups', period: '2026-W02', value: 120, note: 'Launch week' },
      { line: 2, metricId: 'm-act', period: '2026-W02', value: 0.41, note: 'Launch week' },
      { line: 3, metricId: 'm-signups', period: '2026-W03', value: 135, note: '' },
      // A note that looks like a formula is text, as in the other shape; our guard is undone.
      { line: 5, metricId: 'm-signups', period: '2026-W05', value: 141, note: '=HYPERLINK("x")' },
      { line: 5, metricId: 'm-act', period: '2026-W05', value: 0.44, note: '=HYPERLINK("x")' },
      { line: 5, metricId: 'm-mrr', period: '2026-01', value: 10200, note: '=HYPERLINK("x")' },
      { line: 6, metricId: 'm-signups', period: '2026-W06', value: 150, note: '=1+1' },
    ]);
    expect(plan.rejected).toEqual([
      {
        line: 6,
        cells: ['2026-02-02', '150', 'n/a', '', '=1+1'],
        message: 'Column “Activation rate”: “n/a” is not a number',
      },
    ]);
    // MRR is monthly: line 2 and line 5 fall in January, the later wins.
    expect(plan.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'Same metric and period as line 5; the later line wins'],
      [4, 'No values; the line is skipped'],
    ]);
  });

  it('imports an Excel export: BOM, semicolons, decimal commas, day-first dates', () => {
    const text =
      '\ufeffDatum;Signups;Activation rate;Kommentar\r\n' +
      '05.01.2026;1.234;41,5;\r\n' +
      '12.01.2026;1.300;"42,25";gut\r\n' +
      '19.01.2026;;;\r\n';
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(';');
    const guess = guessWideColumns(csv.header, METRICS);
    expect(guess?.values).toEqual([
      { column: 1, metricId: 'm-signups' },
      { column: 2, metricId: 'm-act' },
    ]);
    const samples = csv.rows.flatMap((r) => [r[1] ?? '', r[2] ?? '']).filter(Boolean);
    expect(guessDecimalMark(samples, csv.delimiter)).toBe(',');
    // The German “Datum” and “Kommentar” are the date and note columns.
    expect(guess).toMatchObject({ period: 0, note: 3 });
    const map: WideColumnMap = { period: 0, note: 3, values: guess?.values ?? [] };
    const plan = planWideImport(csv, map, { dateOrder: 'dmy', decimal: ',' }, METRICS);
    expect(plan.rejected).toEqual([]);
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-signups', period: '2026-W02', value: 1234, note: '' },
      { line: 2, metricId: 'm-act', period: '2026-W02', value: 41.5, note: '' },
      { line: 3, metricId: 'm-signups', period: '2026-W03', value: 1300, note: 'gut' },
      { line: 3, metricId: 'm-act', period: '2026-W03', value: 42.25, note: 'gut' },
    ]);
    expect(plan.warnings.map((w) => w.line)).toEqual([4]);
  });

  it('rejects lines and cells with their reasons', () => {
    const text =
      'Date,Signups,ARPU,Draft idea,MRR\n' +
      '2026-01-05,1,2,3,4\n' +
      'someday,1,,,\n' +
      ',5,,,\n' +
      '2026-W03,7,,,2026\n' +
      '2026-01-19,Gr\ufffd,,,\n';
    const csv = parseCsv(text);
    const map: WideColumnMap = {
      period: 0,
      note: null,
      values: headerMetrics(csv.header, METRICS),
    };
    const plan = planWideImport(csv, map, YMD, METRICS);
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-signups', period: '2026-W02', value: 1, note: '' },
      { line: 2, metricId: 'm-mrr', period: '2026-01', value: 4, note: '' },
      { line: 5, metricId: 'm-signups', period: '2026-W03', value: 7, note: '' },
    ]);
    expect(plan.rejected.map((r) => [r.line, r.message])).toEqual([
      [2, 'Column “ARPU”: “ARPU” is computed from a formula; it cannot be imported'],
      [2, 'Column “Draft idea”: No cadence set for “Draft idea”'],
      [3, '“someday” is not a date (year-month-day)'],
      [4, 'No date or period on this line'],
      [5, 'Column “MRR”: Period “2026-W03” is a week but “MRR” is tracked monthly'],
      [
        6,
        'Some characters on this line could not be read (shown as �); choose how the file is read (“Read as”) or save it as “CSV UTF-8”',
      ],
    ]);
  });

  it('skips the columns left out of the map, and importing the same plan twice is the same rows', () => {
    const { csv, map } = wideMap(SHEETS);
    const onlySignups = { ...map, values: map.values.filter((v) => v.metricId === 'm-signups') };
    const plan = planWideImport(csv, onlySignups, YMD, METRICS);
    expect(plan.rows.map((r) => r.value)).toEqual([120, 135, 141, 150]);
    expect(plan.rejected).toEqual([]);
    expect(planWideImport(csv, onlySignups, YMD, METRICS)).toEqual(plan);
  });
});
