import { describe, expect, it } from 'vitest';
import type { ImportMetric } from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { guessImport } from '../../../src/ui/data/importGuess';

const METRICS: ImportMetric[] = [
  { id: 'm-users', name: 'Weekly users', cadence: 'weekly', formula: null, planMetric: null },
  { id: 'm-signups', name: 'Signups', cadence: 'daily', formula: null, planMetric: null },
];
const NONE = { metric: -1, period: -1, value: -1, note: -1, target: -1, baseline: -1 };

describe('guessImport', () => {
  it('reads one value per row: metric, date, value columns; US dates month first', () => {
    const csv = parseCsv('metric,date,value\nSignups,03/04/2026,12\nSignups,03/05/2026,14\n');
    const g = guessImport(csv, 'values.csv', METRICS, NONE, 'en-US');
    expect(g.shape).toBe('long');
    expect(g.columns).toMatchObject({ metric: 0, period: 1, value: 2 });
    expect(g.wideOffered).toBe(false);
    expect(g.decimal).toBe('.');
    expect(g.dateOrder).toBe('mdy');
  });

  it('offers the wide shape when the header names metrics, and reads commas as decimals', () => {
    const csv = parseCsv(
      'date;Weekly users;Signups\n2026-03-02;"1,5";"2,5"\n2026-03-09;"3,5";"4,5"\n',
    );
    const g = guessImport(csv, 'export.csv', METRICS, NONE, 'de-DE');
    expect(g.shape).toBe('wide');
    expect(g.wideOffered).toBe(true);
    expect(g.wideMetrics).toEqual(['', 'm-users', 'm-signups']);
    expect(g.columns.period).toBe(0);
    expect(g.decimal).toBe(',');
  });
});
