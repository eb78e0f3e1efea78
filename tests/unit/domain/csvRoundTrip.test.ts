/**
 * Our CSV exports, read back by our CSV imports, give the original texts and numbers: the
 * formula guard the export adds ("=1+1" → "'=1+1") is undone on import.
 */
import { describe, expect, it } from 'vitest';
import { guessColumns, planImport, type ColumnMap } from '../../../src/domain/csvImport';
import { csvCell, guardCell, toCsv, unguardCell } from '../../../src/domain/csvExport';
import {
  guessDecimalMark,
  parseCsv,
  parseDateCell,
  parseNumber,
} from '../../../src/domain/csvParse';
import { insightRows, planRows } from '../../../src/domain/customerExport';
import type { Insight } from '../../../src/domain/insights';
import { guessPlanColumns, planCustomerImport } from '../../../src/domain/planImport';
import { viewPlans } from '../../../src/domain/planViews';
import { buildTree } from '../../../src/domain/tree';
import type { Entry, Person } from '../../../src/domain/types';
import { entryRows, treeRows } from '../../../src/ui/data/exportRows';
import { columnSamples, guessDateOrder } from '../../../src/ui/data/importHelpers';
import { metric } from '../factories';
import { plan, sampleJourney } from '../planFactories';

/** Texts a spreadsheet could mistake for formulas, texts that look guarded, and CSV specials. */
const TRICKY = [
  '=1+1',
  '-Cust2',
  '+x',
  '@sum',
  "'=already",
  "''=twice",
  "'-5",
  "'plain",
  "'",
  "''",
  'plain',
  '-5',
  '=HYPERLINK("evil")',
  'say "hi", then go',
  'two\nlines, "quoted"',
  '=a;b\tc',
  'a-b',
];

const DELIMITERS = [',', ';', '\t'] as const;

type Cell = string | number | null;
/** What the parse layer should give back for exported rows: numbers as written, null as ''. */
const asTexts = (rows: readonly (readonly Cell[])[]): string[][] =>
  rows.map((row) =>
    row.map((c) =>
      c === null ? '' : typeof c === 'number' ? String(c) : c.replace(/\r\n?/g, '\n'),
    ),
  );

describe('guardCell / unguardCell', () => {
  it('guard a text that starts with a trigger, after any apostrophes of its own', () => {
    expect(guardCell('=1+1')).toBe("'=1+1");
    expect(guardCell('-Cust2')).toBe("'-Cust2");
    expect(guardCell("'=already")).toBe("''=already");
    expect(guardCell("''@x")).toBe("'''@x");
    expect(guardCell('\nx')).toBe("'\nx");
    expect(guardCell("'plain")).toBe("'plain");
    expect(guardCell("'")).toBe("'");
    expect(guardCell('plain')).toBe('plain');
    expect(guardCell('')).toBe('');
  });

  it('unguard only a cell the export could have guarded', () => {
    expect(unguardCell("'=1+1")).toBe('=1+1');
    expect(unguardCell("''=already")).toBe("'=already");
    expect(unguardCell("'-5")).toBe('-5');
    expect(unguardCell("'plain")).toBe("'plain");
    expect(unguardCell("'")).toBe("'");
    expect(unguardCell('=1+1')).toBe('=1+1');
    expect(unguardCell('-5')).toBe('-5');
    expect(unguardCell(" '=x")).toBe(" '=x");
  });

  it('leave numbers unguarded: negative numbers are written plainly', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25, ';')).toBe('-0.25');
    expect(csvCell(-1e21)).toBe('-1e+21');
    expect(parseNumber(unguardCell(csvCell(-5)), '.')).toBe(-5);
    // A guarded negative number (a text column holding "-5") reads as -5 once unguarded.
    expect(parseNumber(unguardCell(csvCell('-5')), '.')).toBe(-5);
    expect(parseDateCell(unguardCell(csvCell('2025-03-07')), 'ymd')).toEqual({
      date: '2025-03-07',
    });
  });
});

describe('entries export → entry import', () => {
  const people = new Map<string, Person>([
    ['p1', { id: 'p1', name: '@Ann', team: '=Team', color: '#123456' }],
  ]);
  const names = ['=Revenue', '-Churn', "'=Quoted", 'Plain, "metric"'];
  const metrics = names.map((name, i) => metric(`m${i}`, { name, order: `a${i}` }));
  const tree = buildTree(metrics);
  const values = [-5, -0.25, -1234.5, 0, 42, 1e-7, -1e21];
  const entries = new Map<string, Entry[]>(
    metrics.map((m, mi) => [
      m.id,
      TRICKY.map((note, i) => ({
        metricId: m.id,
        period: `2025-W${String(i + 1).padStart(2, '0')}`,
        value: values[(i + mi) % values.length] ?? 0,
        note,
        by: 'p1',
        at: Date.UTC(2025, 0, 1 + i),
      })),
    ]),
  );
  const importMetrics = metrics.map((m) => ({
    id: m.id,
    name: m.name,
    cadence: m.cadence,
    formula: m.formula,
    planMetric: m.planMetric,
  }));

  for (const delimiter of DELIMITERS) {
    it(`gives back every note, value and metric (delimiter ${JSON.stringify(delimiter)})`, () => {
      const rows = entryRows(tree, entries, people);
      const parsed = parseCsv(toCsv(rows, delimiter));
      expect(parsed.problems).toEqual([]);
      expect(parsed.delimiter).toBe(delimiter);
      expect([parsed.header, ...parsed.rows]).toEqual(asTexts(rows));

      // As the import screen does it: guessed columns, decimal mark and date order.
      const guess = guessColumns(parsed.header);
      expect(guess).toEqual({ metric: 0, period: 1, value: 3, note: 4 });
      const map = guess as ColumnMap;
      const decimal = guessDecimalMark(columnSamples(parsed, map.value), parsed.delimiter);
      const dateOrder = guessDateOrder(columnSamples(parsed, map.period), false);
      const plan = planImport(parsed, map, { decimal, dateOrder }, importMetrics);
      expect(plan.rejected).toEqual([]);
      expect(plan.warnings).toEqual([]);
      const want = [...entries.values()]
        .flat()
        .map((e) => ({ metricId: e.metricId, period: e.period, value: e.value, note: e.note }));
      expect(
        plan.rows.map((r) => ({
          metricId: r.metricId,
          period: r.period,
          value: r.value,
          note: r.note,
        })),
      ).toEqual(want);
    });
  }
});

describe('tree and insight exports → parse layer', () => {
  const journey = sampleJourney({ s2: { name: '-Onboarded' } });

  it('gives back every cell of the metric tree', () => {
    const tree = buildTree([
      metric('root', { name: '=North', definition: "'=defined", kind: 'north-star' }),
      metric('kid', {
        name: '+Kid',
        parentId: 'root',
        definition: 'two\nlines, "quoted"',
        collection: '@sheet',
        baselineValue: -12.5,
        baselineDate: '2025-01-06',
        formula: '=root*2',
      }),
    ]);
    const people = new Map<string, Person>([
      ['p1', { id: 'p1', name: '-Pat', team: "'plain", color: '#000000' }],
    ]);
    const rows = treeRows(tree, people, journey);
    for (const delimiter of DELIMITERS) {
      const parsed = parseCsv(toCsv(rows, delimiter));
      expect(parsed.problems).toEqual([]);
      expect([parsed.header, ...parsed.rows]).toEqual(asTexts(rows));
    }
  });

  it('gives back every cell of the insights', () => {
    const insights: Insight[] = TRICKY.map((text, i) => ({
      id: `i${i}`,
      text,
      customer: TRICKY[(i + 1) % TRICKY.length] ?? '',
      planId: null,
      source: '-call',
      date: '2026-03-01',
      tags: ['=tag', "'t"],
      metricId: null,
      stepId: 's2',
      createdAt: 0,
      deletedAt: null,
    }));
    const rows = insightRows(insights, journey, { plan: () => undefined, metric: () => undefined });
    for (const delimiter of DELIMITERS) {
      const parsed = parseCsv(toCsv(rows, delimiter));
      expect(parsed.problems).toEqual([]);
      expect([parsed.header, ...parsed.rows]).toEqual(asTexts(rows));
    }
  });
});

describe('customers export → customer import', () => {
  const journey = sampleJourney({ s2: { name: '-Onboarded' }, s3: { name: "'=Step" } });
  const customers = TRICKY.filter((s) => !s.includes('\n') && !s.includes('\t'));
  const plans = customers.map((customer, i) =>
    plan(`p${i}`, {
      customer,
      segment: TRICKY[(i + 3) % TRICKY.length] ?? '',
      ownerId: i % 2 === 0 ? 'ann' : null,
      startDate: '2026-03-01',
      goalDate: i % 3 === 0 ? '2026-06-30' : null,
      stepId: i % 2 === 0 ? 's2' : 's3',
      stepSince: '2026-03-01',
      goals: TRICKY[(i + 5) % TRICKY.length] ?? '',
    }),
  );
  const nameOf = (id: string | null): string => (id === 'ann' ? '=Ann' : '');

  for (const delimiter of DELIMITERS) {
    it(`gives back every customer, segment, owner, step and goal (delimiter ${JSON.stringify(delimiter)})`, () => {
      const rows = planRows(viewPlans(plans, journey, '2026-03-31'), nameOf);
      const parsed = parseCsv(toCsv(rows, delimiter));
      expect(parsed.problems).toEqual([]);
      expect([parsed.header, ...parsed.rows]).toEqual(asTexts(rows));
      const map = { segment: null, owner: null, startDate: null, goalDate: null, step: null };
      const guess = { ...map, goals: null, stepSince: null, ...guessPlanColumns(parsed.header) };
      expect(guess).toEqual({
        customer: 0,
        segment: 1,
        owner: 2,
        startDate: 3,
        goalDate: 4,
        step: 5,
        goals: 6,
        stepSince: null,
      });
      const back = planCustomerImport(
        parsed,
        { ...guess, customer: 0, stepSince: guess.stepSince ?? null },
        { dateOrder: guessDateOrder(columnSamples(parsed, 3), false) },
        {
          people: [{ id: 'ann', name: '=Ann' }],
          steps: journey.steps.map((s) => ({ id: s.id, name: s.name })),
          customers: [],
        },
      );
      expect(back.rejected).toEqual([]);
      expect(
        back.rows.map((r) => ({
          customer: r.customer,
          segment: r.segment,
          ownerId: r.ownerId,
          startDate: r.startDate,
          goalDate: r.goalDate,
          stepId: r.stepId,
          goals: r.goals,
        })),
      ).toEqual(
        plans.map((p) => ({
          customer: p.customer,
          segment: p.segment,
          ownerId: p.ownerId,
          startDate: p.startDate,
          goalDate: p.goalDate,
          stepId: p.stepId,
          goals: p.goals,
        })),
      );
    });
  }
});
