/** One metric per file (`date,value`, `date,actual,target,baseline`) and target/baseline columns. */
import { describe, expect, it } from 'vitest';
import {
  guessColumns,
  planImport,
  planSeriesImport,
  type ImportMetric,
  type SeriesColumnMap,
} from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { guessSeriesMetric } from '../../../src/domain/csvSeries';
import { targetChanges } from '../../../src/domain/csvTargets';

const METRICS: ImportMetric[] = [
  { id: 'm-signups', name: 'Signups', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-nps', name: 'NPS', cadence: 'quarterly', formula: null, planMetric: null },
  { id: 'm-mrr', name: 'MRR', cadence: 'monthly', formula: null, planMetric: null },
  { id: 'm-arpu', name: 'ARPU', cadence: 'monthly', formula: 'mrr / users', planMetric: null },
];
const YMD = { dateOrder: 'ymd', decimal: '.' } as const;

/** The series columns as guessed from the header (no metric column). */
function seriesMap(header: readonly string[]): SeriesColumnMap {
  const g = guessColumns(header);
  expect(g.metric).toBeUndefined();
  return {
    period: g.period ?? -1,
    value: g.value ?? null,
    note: g.note ?? null,
    target: g.target ?? null,
    baseline: g.baseline ?? null,
  };
}

/** Google Sheets, File → Download → CSV: commas, CRLF, no BOM, ISO dates. */
const SHEETS_SERIES =
  'Date,Actual,Target,Baseline\r\n' +
  '2026-01-05,120,150,100\r\n' + // Monday → 2026-W02, January's benchmark 150
  '2026-01-12,130,150,100\r\n' + // the same benchmark again: one target
  '2026-01-19,,160,100\r\n' + // no value yet, a new benchmark for January: the later wins
  '2026-02-02,140,170,100\r\n'; // 2026-W06, whose Thursday (5 Feb) is in February

describe('series files', () => {
  it('guesses the columns of date,actual,target,baseline', () => {
    expect(seriesMap(parseCsv(SHEETS_SERIES).header)).toEqual({
      period: 0,
      value: 1,
      note: null,
      target: 2,
      baseline: 3,
    });
  });

  it('imports a Google Sheets series into the metric picked, with its targets and baseline', () => {
    const csv = parseCsv(SHEETS_SERIES);
    const plan = planSeriesImport(csv, seriesMap(csv.header), 'm-signups', YMD, METRICS);
    expect(plan.rejected).toEqual([]);
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-signups', period: '2026-W02', value: 120, note: '' },
      { line: 3, metricId: 'm-signups', period: '2026-W03', value: 130, note: '' },
      { line: 5, metricId: 'm-signups', period: '2026-W06', value: 140, note: '' },
    ]);
    expect(plan.targets).toEqual([
      { line: 4, metricId: 'm-signups', period: '2026-01', value: 160 },
      { line: 5, metricId: 'm-signups', period: '2026-02', value: 170 },
    ]);
    // One baseline: the earliest row's, dated with its date; the same value later is no conflict.
    expect(plan.baselines).toEqual([
      { line: 2, metricId: 'm-signups', date: '2026-01-05', value: 100 },
    ]);
    expect(plan.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'Another target for 2026-01 on line 4; the later line wins'],
    ]);
  });

  it('a quarterly metric gets quarter targets; different baselines name the lines ignored', () => {
    // LibreOffice Calc, Save As → Text CSV: every text cell quoted, LF, UTF-8 without BOM.
    const text =
      '"Quarter","Value","Target","Baseline"\n' +
      '"2026-Q2",41,50,30\n' +
      '"Q1 2026",38,45,28\n' + // earlier: its baseline is the one kept
      '"2026-Q3",,55,31\n';
    const csv = parseCsv(text);
    const plan = planSeriesImport(csv, seriesMap(csv.header), 'm-nps', YMD, METRICS);
    expect(plan.rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-Q2', 41],
      ['2026-Q1', 38],
    ]);
    expect(plan.targets.map((t) => [t.period, t.value])).toEqual([
      ['2026-Q2', 50],
      ['2026-Q1', 45],
      ['2026-Q3', 55],
    ]);
    expect(plan.baselines).toEqual([{ line: 3, metricId: 'm-nps', date: '2026-01-01', value: 28 }]);
    expect(plan.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        2,
        'A metric keeps one baseline: line 3 (the earliest, 28 on 2026-01-01) is used; lines 2, 4 hold another and are ignored',
      ],
    ]);
  });

  it('date,value from Numbers (day first) and Excel for Mac (CR line ends, BOM)', () => {
    // Numbers, Export To → CSV: UTF-8, LF, dates as the sheet shows them.
    const numbers = 'Date,Value\n05/01/2026,1.5\n12/01/2026,2\n';
    const map = seriesMap(['Date', 'Value']);
    const a = planSeriesImport(
      parseCsv(numbers),
      map,
      'm-signups',
      { ...YMD, dateOrder: 'dmy' },
      METRICS,
    );
    expect(a.rows.map((r) => [r.period, r.value])).toEqual([
      ['2026-W02', 1.5],
      ['2026-W03', 2],
    ]);
    expect(a.targets).toEqual([]);
    // Excel for Mac, "CSV UTF-8": BOM, semicolons in a German locale, decimal commas, CR only.
    const mac = '\ufeffDatum;Wert\r2026-01-05;1,5\r2026-01-12;2\r';
    const csv = parseCsv(mac);
    const b = planSeriesImport(
      csv,
      seriesMap(csv.header),
      'm-signups',
      { dateOrder: 'dmy', decimal: ',' },
      METRICS,
    );
    expect(b.rows.map((r) => [r.line, r.period, r.value])).toEqual([
      [2, '2026-W02', 1.5],
      [3, '2026-W03', 2],
    ]);
  });

  it('refuses a metric computed by a formula, and a target that is not a number', () => {
    const csv = parseCsv('Date,Value,Target\n2026-01-05,1,x\n');
    const map = seriesMap(csv.header);
    expect(planSeriesImport(csv, map, 'm-arpu', YMD, METRICS).rejected[0]?.message).toBe(
      '“ARPU” is computed from a formula; it cannot be imported',
    );
    const plan = planSeriesImport(csv, map, 'm-signups', YMD, METRICS);
    expect(plan.rejected.map((r) => r.message)).toEqual(['Target “x” is not a number']);
    expect(plan.rows).toEqual([]); // all or nothing per line: the value is not kept either
  });

  it('guesses the metric from a header naming it, or from the file name', () => {
    expect(guessSeriesMetric(['Week', 'Signups'], 'export.csv', METRICS)).toEqual({
      metricId: 'm-signups',
      valueColumn: 1,
    });
    expect(guessSeriesMetric(['date', 'value'], 'mrr (2).csv', METRICS)).toEqual({
      metricId: 'm-mrr',
      valueColumn: null,
    });
    expect(guessSeriesMetric(['date', 'value'], 'data.csv', METRICS)).toBeNull();
  });
});

describe('target and baseline columns in a long file', () => {
  it('sets benchmarks per metric, and says what would change against what is stored', () => {
    // Excel on Windows, "CSV (comma delimited)" in an English locale: CRLF, m/d/y dates.
    const text =
      'Metric,Date,Value,Target\r\n' +
      'Signups,1/5/2026,120,150\r\n' +
      'MRR,1/31/2026,9800,10000\r\n' +
      'MRR,2/28/2026,9900,10500\r\n';
    const csv = parseCsv(text);
    const g = guessColumns(csv.header);
    expect(g).toEqual({ metric: 0, period: 1, value: 2, target: 3 });
    const plan = planImport(
      csv,
      { metric: 0, period: 1, value: 2, note: null, target: 3 },
      { dateOrder: 'mdy', decimal: '.' },
      METRICS,
    );
    expect(plan.targets).toEqual([
      { line: 2, metricId: 'm-signups', period: '2026-01', value: 150 },
      { line: 3, metricId: 'm-mrr', period: '2026-01', value: 10000 },
      { line: 4, metricId: 'm-mrr', period: '2026-02', value: 10500 },
    ]);
    const stored = new Map([
      ['m-mrr', { targets: { quarterly: {}, monthly: { '2026-01': 10000, '2026-02': 10000 } } }],
    ]);
    // Signups Jan: new; MRR Jan: as stored; MRR Feb: 10,000 → 10,500.
    expect(targetChanges(plan, (id) => stored.get(id))).toEqual({
      targets: [
        { metricId: 'm-signups', period: '2026-01', from: null, to: 150 },
        { metricId: 'm-mrr', period: '2026-02', from: 10000, to: 10500 },
      ],
      unchangedTargets: 1,
      baselines: [],
      unchangedBaselines: 0,
    });
  });

  it('a baseline already stored is unchanged; another value or date is a change', () => {
    const plan = {
      targets: [],
      baselines: [{ line: 2, metricId: 'm-signups', date: '2026-01-05', value: 100 }],
    };
    const same = { baselineValue: 100, baselineDate: '2026-01-05' };
    expect(targetChanges(plan, () => same)).toMatchObject({ baselines: [], unchangedBaselines: 1 });
    const other = { baselineValue: 100, baselineDate: '2025-12-29' };
    expect(targetChanges(plan, () => other).baselines).toEqual([
      {
        metricId: 'm-signups',
        from: { value: 100, date: '2025-12-29' },
        to: { value: 100, date: '2026-01-05' },
      },
    ]);
  });
});
