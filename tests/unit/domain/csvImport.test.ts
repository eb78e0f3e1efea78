import { describe, expect, it } from 'vitest';
import {
  guessColumns,
  planImport,
  type ColumnMap,
  type ImportMetric,
} from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';

const METRICS: ImportMetric[] = [
  { id: 'm-users', name: 'Weekly users', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-rev', name: 'Revenue', cadence: 'monthly', formula: 'price * orders', planMetric: null },
  { id: 'm-signups', name: 'Signups', cadence: 'daily', formula: null, planMetric: null },
  { id: 'm-nps', name: 'NPS', cadence: 'quarterly', formula: null, planMetric: null },
  {
    id: 'm-mau',
    name: 'Monthly  Active   Users',
    cadence: 'monthly',
    formula: null,
    planMetric: null,
  },
  { id: 'm-draft', name: 'Draft idea', cadence: null, formula: null, planMetric: null },
  {
    id: 'm-won',
    name: 'Customers won',
    cadence: 'monthly',
    formula: null,
    planMetric: { kind: 'reached-step', stepId: 'nsm' },
  },
];
const MAP: ColumnMap = { metric: 0, period: 1, value: 2, note: 3 };
const DMY = { dateOrder: 'dmy', decimal: '.' } as const;

function plan(text: string, options: Parameters<typeof planImport>[2] = DMY) {
  return planImport(parseCsv(text), MAP, options, METRICS);
}

describe('guessColumns', () => {
  it('finds the usual header names', () => {
    expect(guessColumns(['Metric', 'Period', 'Value', 'Note'])).toEqual(MAP);
    expect(guessColumns(['Date', 'KPI', 'Amount', 'Comment'])).toEqual({
      period: 0,
      metric: 1,
      value: 2,
      note: 3,
    });
    expect(guessColumns(['name', 'week', 'count'])).toEqual({ metric: 0, period: 1, value: 2 });
    expect(guessColumns(['Metric name', 'Week starting', 'Value (USD)', 'Notes'])).toEqual(MAP);
  });
  it('prefers exact names and never uses a column twice', () => {
    expect(guessColumns(['Metric value', 'Metric', 'Month'])).toEqual({
      metric: 1,
      period: 2,
      value: 0,
    });
    expect(guessColumns(['Owner', 'Colour'])).toEqual({});
  });
});

describe('guessColumns in other languages', () => {
  it('finds German, French, Spanish, Portuguese and Dutch headers', () => {
    expect(guessColumns(['Kennzahl', 'Datum', 'Wert', 'Notiz'])).toEqual(MAP);
    expect(guessColumns(['Metrik', 'Datum', 'Wert (EUR)', 'Kommentar'])).toEqual(MAP);
    expect(guessColumns(['Métrique', 'Date', 'Valeur', 'Note'])).toEqual(MAP);
    expect(guessColumns(['Indicateur', 'Semaine', 'Valeur', 'Commentaire'])).toEqual(MAP);
    expect(guessColumns(['Métrica', 'Fecha', 'Valor', 'Nota'])).toEqual(MAP);
    expect(guessColumns(['metrica', 'fecha', 'valor', 'notas'])).toEqual(MAP); // no accents
    expect(guessColumns(['Métrica', 'Data', 'Valor', 'Nota'])).toEqual(MAP);
    expect(guessColumns(['Metriek', 'Datum', 'Waarde', 'Notitie'])).toEqual(MAP);
    expect(guessColumns(['Datum', 'Kengetal', 'Waarde', 'Opmerking'])).toEqual({
      period: 0,
      metric: 1,
      value: 2,
      note: 3,
    });
  });

  it('imports a German Excel file mapped by the guess', () => {
    const text = '\ufeffKennzahl;Datum;Wert;Notiz\r\nWeekly users;07.03.2025;1.234,5;Größer\r\n';
    const csv = parseCsv(text);
    const map = guessColumns(csv.header);
    expect(map).toEqual(MAP);
    expect(planImport(csv, MAP, { dateOrder: 'dmy', decimal: ',' }, METRICS).rows).toEqual([
      { line: 2, metricId: 'm-users', period: '2025-W10', value: 1234.5, note: 'Größer' },
    ]);
  });
});

describe('planImport', () => {
  it('imports an Excel semicolon export with decimal commas', () => {
    const text =
      '\ufeffMetric;Period;Value;Note\r\nWeekly users;2025-W07;1.234,5;\r\nweekly  USERS ;2025-W08;(2,5);dip\r\n';
    const result = plan(text, { dateOrder: 'dmy', decimal: ',' });
    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, metricId: 'm-users', period: '2025-W07', value: 1234.5, note: '' },
      { line: 3, metricId: 'm-users', period: '2025-W08', value: -2.5, note: 'dip' },
    ]);
  });

  it("turns dates into the period of the metric's cadence", () => {
    const text =
      'metric,date,value\n' +
      'Weekly users,07/03/2025,10\n' + // Friday 7 March 2025 → ISO week 10
      'Signups,07/03/2025,3\n' +
      'Monthly Active Users,2025-03-07 00:00:00,99\n' +
      'NPS,31/03/2025,41\n' +
      'm-nps,Q2 2025,44\n'; // by id, and a quarter written the human way
    const result = plan(text);
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((r) => [r.metricId, r.period, r.value])).toEqual([
      ['m-users', '2025-W10', 10],
      ['m-signups', '2025-03-07', 3],
      ['m-mau', '2025-03', 99],
      ['m-nps', '2025-Q1', 41],
      ['m-nps', '2025-Q2', 44],
    ]);
  });

  it('reads 03/04/2025 per the chosen date order', () => {
    const text = 'metric,date,value\nSignups,03/04/2025,1\n';
    expect(plan(text, { dateOrder: 'dmy', decimal: '.' }).rows[0]?.period).toBe('2025-04-03');
    expect(plan(text, { dateOrder: 'mdy', decimal: '.' }).rows[0]?.period).toBe('2025-03-04');
  });

  it('rejects rows with plain-English reasons and correct line numbers', () => {
    const text =
      'metric,period,value,note\n' + // 1
      'Foo,2025-W07,1\n' + // 2
      'Signups,31/02/2025,1\n' + // 3
      'Signups,07/03/2025,12abc\n' + // 4
      'Revenue,2025-03,100\n' + // 5
      'Weekly users,2025-03,5\n' + // 6
      'Draft idea,2025-03,5\n' + // 7
      'Signups,"07/03/2025"\n' + // 8
      'NPS,2025-W07,40\n' + // 9
      ',2025-W07,40\n' + // 10
      'Weekly users,,40\n' + // 11
      'Customers won,2025-03,4\n'; // 12
    const { rows, rejected } = plan(text);
    expect(rows).toEqual([]);
    expect(rejected.map((p) => [p.line, p.message])).toEqual([
      [2, 'Unknown metric “Foo”'],
      [3, '“31/02/2025” is not a date (day/month/year)'],
      [4, '“12abc” is not a number'],
      [5, '“Revenue” is computed from a formula; it cannot be imported'],
      [6, 'Period “2025-03” is a month but “Weekly users” is tracked weekly'],
      [7, 'No cadence set for “Draft idea”'],
      [8, 'Only 2 cells on this line; expected at least 3'],
      [9, 'Period “2025-W07” is a week but “NPS” is tracked quarterly'],
      [10, 'No metric on this line'],
      [11, 'No date or period on this line'],
      [12, '“Customers won” is computed from the success plans; it cannot be imported'],
    ]);
    expect(rejected[6]?.cells).toEqual(['Signups', '07/03/2025']);
  });

  it('uses the record start line when quoted cells span lines', () => {
    const text =
      'metric,period,value,note\r\n' +
      'Signups,07/03/2025,1,"line one\r\nline two\r\nline three"\r\n' + // lines 2–4
      'Signups,08/03/2025,oops,x\r\n' + // line 5
      '\r\n' +
      'Signups,09/03/2025,3,"a ""quoted"", note"\r\n'; // line 7
    const { rows, rejected } = plan(text);
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(rows[0]?.note).toBe('line one\nline two\nline three');
    expect(rows[1]?.note).toBe('a "quoted", note');
    expect(rejected.map((p) => p.line)).toEqual([5]);
  });

  it('lets the later duplicate win and warns about the earlier one', () => {
    const text =
      'metric,period,value\n' +
      'Weekly users,2025-W07,1\n' + // 2
      'Signups,07/03/2025,5\n' + // 3
      'Weekly users,14/02/2025,2\n' + // 4: a date in week 7
      'weekly users,2025-W07,3\n'; // 5
    const { rows, warnings, rejected } = plan(text);
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.line, r.value])).toEqual([
      [3, 5],
      [5, 3],
    ]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'Same metric and period as line 4; the later line wins'],
      [4, 'Same metric and period as line 5; the later line wins'],
    ]);
    expect(warnings[0]?.cells).toEqual(['Weekly users', '2025-W07', '1']);
  });

  it('skips rows without a value with a warning', () => {
    const { rows, warnings } = plan(
      'metric,period,value\nSignups,07/03/2025,\nSignups,08/03/2025,2\n',
    );
    expect(rows).toHaveLength(1);
    expect(warnings).toEqual([
      { line: 2, cells: ['Signups', '07/03/2025', ''], message: 'No value; the line is skipped' },
    ]);
  });

  it('rejects a name shared by two metrics', () => {
    const metrics = [...METRICS, { id: 'x', name: 'signups', cadence: 'daily', formula: null }];
    const parsed = parseCsv('metric,period,value\nSignups,07/03/2025,1\n');
    const { rejected } = planImport(parsed, MAP, DMY, metrics as ImportMetric[]);
    expect(rejected[0]?.message).toBe(
      'More than one metric is named “Signups”; use the metric’s id',
    );
  });

  it('honours a column map in another order and without notes', () => {
    const parsed = parseCsv('Value,Comment,Date,KPI\n"1,5",hi,2025-03-07,Signups\n');
    const map = { ...guessColumns(parsed.header), note: null } as ColumnMap;
    const { rows } = planImport(parsed, map, { dateOrder: 'ymd', decimal: ',' }, METRICS);
    expect(rows).toEqual([
      { line: 2, metricId: 'm-signups', period: '2025-03-07', value: 1.5, note: '' },
    ]);
  });
});
