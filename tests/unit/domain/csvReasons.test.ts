/** Wrong reasons fixed: wide files, impossible weeks and quarters, absurd dates, UTF-16 without BOM. */
import { describe, expect, it } from 'vitest';
import { planImport, type ImportMetric } from '../../../src/domain/csvImport';
import { planWideImport } from '../../../src/domain/csvWideImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { decodeCsvBytes } from '../../../src/domain/csvDecode';
import { entryPeriodProblem } from '../../../src/domain/entryPeriods';

const METRICS: ImportMetric[] = [
  { id: 'm-w', name: 'Weekly users', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-q', name: 'NPS', cadence: 'quarterly', formula: null, planMetric: null },
  { id: 'm-d', name: 'Signups', cadence: 'daily', formula: null, planMetric: null },
];
const MAP = { metric: 0, period: 1, value: 2, note: null };
const OPTIONS = { dateOrder: 'ymd', decimal: '.', today: '2026-12-03' } as const;
const reasons = (text: string): string[] =>
  planImport(parseCsv(text), MAP, OPTIONS, METRICS).rejected.map((r) => r.message);

describe('the reasons a row or file is refused', () => {
  it('a 10,000-column sheet is read, not called "not a CSV"', () => {
    // "Date,c1,…,c9999": 10,000 cells, a first line of about 68,000 characters.
    const header = ['Date', ...Array.from({ length: 9999 }, (_, i) => `c${i + 1}`)];
    const row = ['2026-01-05', ...Array.from({ length: 9999 }, (_, i) => String(i))];
    const csv = parseCsv(`${header.join(',')}\n${row.join(',')}\n`);
    expect(csv.problems).toEqual([]);
    expect(csv.header.length).toBe(10_000);
    const plan = planWideImport(
      csv,
      { period: 0, note: null, values: [{ column: 9999, metricId: 'm-w' }] },
      OPTIONS,
      METRICS,
    );
    expect(plan.rows).toEqual([
      { line: 2, metricId: 'm-w', period: '2026-W02', value: 9998, note: '' },
    ]);
    // A minified JSON of the same length still is not a CSV.
    expect(parseCsv('{"a":1,'.repeat(5000)).problems[0]).toMatch(/35,000 characters/);
  });

  it('2025-W53 and Q5 2025 say there is no such week or quarter', () => {
    // 2026 starts on a Thursday, so it has a week 53 (28 Dec 2026 – 3 Jan 2027): not started yet.
    expect(
      reasons('metric,period,value\nWeekly users,2025-W53,1\nWeekly users,2026-W53,1\n'),
    ).toEqual([
      '“2025-W53”: there is no week 53 in 2025 (its ISO weeks run 1–52)',
      '2026-W53 has not started yet (today is 2026-12-03)',
    ]);
    expect(reasons('metric,period,value\nNPS,Q5 2025,1\nNPS,2025-Q0,1\n')).toEqual([
      '“Q5 2025”: there is no quarter 5 (quarters are Q1–Q4)',
      '“2025-Q0”: there is no quarter 0 (quarters are Q1–Q4)',
    ]);
  });

  it('9999-12-31 and 0001-01-01 are refused as Add entry refuses them', () => {
    expect(entryPeriodProblem('9999-12-31', '2026-12-03')).toBe('not-started');
    expect(entryPeriodProblem('0001-01-01', '2026-12-03')).toBe('too-old');
    expect(entryPeriodProblem('2026-W49', '2026-12-03')).toBeNull(); // started on Monday 30 Nov
    expect(entryPeriodProblem('2026-W50', '2026-12-03')).toBe('not-started');
    expect(
      reasons(
        'metric,date,value\nSignups,9999-12-31,1\nSignups,0001-01-01,1\nSignups,2026-12-03,1\n',
      ),
    ).toEqual([
      '9999-12-31 has not started yet (today is 2026-12-03)',
      '0001-01-01 is before 1900; check the year',
    ]);
  });

  it('UTF-16 without a byte order mark is read by its NUL pattern', () => {
    const text = 'Metric,Date,Value\r\nGrößer,2026-01-05,1\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
    expect(decodeCsvBytes(le)).toMatchObject({ detected: 'utf-16le', text, unreadable: 0 });
    expect(decodeCsvBytes(be)).toMatchObject({ detected: 'utf-16be', text, unreadable: 0 });
    // A binary with NULs everywhere is not UTF-16.
    expect(decodeCsvBytes(new Uint8Array(64)).detected).toBe('utf-8');
  });
});
