import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/domain/csvExport';
import { guessColumns, planImport, type ColumnMap } from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { buildTree } from '../../../src/domain/tree';
import type { Entry, Person } from '../../../src/domain/types';
import {
  ENTRY_COLUMNS,
  TREE_COLUMNS,
  entryCount,
  entryRows,
  treeRows,
} from '../../../src/ui/data/exportRows';
import { metric } from '../factories';
import { sampleJourney } from '../planFactories';

const journey = sampleJourney();

const people = new Map<string, Person>([
  ['ann', { id: 'ann', name: 'Ann Lee', team: 'Growth', color: '#112233' }],
  ['bob', { id: 'bob', name: '@bob', team: '=Ops', color: '#445566' }],
]);

/**
 * nsm ─┬─ b (order a1)
 *      └─ a (order a2) ── a1
 * plus `gone` (deleted), `lost` (its parent was deleted: climbs to nsm) and `orphan` (its
 * parent never existed: top level, after nsm).
 */
const metrics = [
  metric('a1', { name: 'Activation', parentId: 'a', order: 'a0', ownerId: null }),
  metric('a', { name: 'Adoption', parentId: 'nsm', order: 'a2', ownerId: 'bob' }),
  metric('b', {
    name: '=HYPERLINK("http://evil")',
    parentId: 'nsm',
    order: 'a1',
    cadence: null,
    formula: 'Adoption * 2',
  }),
  metric('nsm', {
    kind: 'north-star',
    name: 'Weekly active teams',
    order: 'a0',
    ownerId: 'ann',
    definition: 'Teams with 3+ active users in a week',
    unit: 'count',
    baselineValue: 120,
    baselineDate: '2025-01-06',
    planMetric: { kind: 'reached-step', stepId: 's2' },
  }),
  metric('gone', { name: 'Gone', parentId: 'nsm', order: 'a3', deletedAt: 5 }),
  metric('lost', { name: 'Lost', parentId: 'gone', order: 'a4' }),
  metric('orphan', { name: 'Orphan', parentId: 'nowhere', order: 'b0', ownerId: 'nobody' }),
];
const tree = buildTree(metrics);

const AT = Date.UTC(2025, 0, 13, 9, 30, 0); // 2025-01-13T09:30:00.000Z

const entry = (metricId: string, period: string, value: number, patch: Partial<Entry> = {}) => ({
  metricId,
  period,
  value,
  note: '',
  by: null,
  at: AT,
  ...patch,
});

const entries = new Map<string, Entry[]>([
  ['a1', [entry('a1', '2025-W02', 7, { by: 'bob', note: '-5 since last week' })]],
  [
    'nsm',
    [
      entry('nsm', '2025-W01', 1234.5, { by: 'ann', note: '+launch' }),
      entry('nsm', '2025-W02', -3, { by: 'nobody', at: 0, note: '\tindented' }),
    ],
  ],
  ['b', [entry('b', '2025-W02', 2, { note: '@mention =1+1' })]],
  ['gone', [entry('gone', '2025-W02', 99)]],
  ['lost', [entry('lost', 'not-a-period', 4)]],
  ['unknown', [entry('unknown', '2025-W02', 5)]],
]);

describe('entryRows', () => {
  it('writes a header, then every entry of a live metric, metrics in outline order', () => {
    const rows = entryRows(tree, entries, people);
    expect(rows[0]).toEqual([...ENTRY_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        'Weekly active teams',
        '2025-W01',
        '2024-12-30',
        1234.5,
        '+launch',
        'Ann Lee',
        '2025-01-13T09:30:00.000Z',
      ],
      ['Weekly active teams', '2025-W02', '2025-01-06', -3, '\tindented', '', ''],
      [
        '=HYPERLINK("http://evil")',
        '2025-W02',
        '2025-01-06',
        2,
        '@mention =1+1',
        '',
        '2025-01-13T09:30:00.000Z',
      ],
      [
        'Activation',
        '2025-W02',
        '2025-01-06',
        7,
        '-5 since last week',
        '@bob',
        '2025-01-13T09:30:00.000Z',
      ],
      ['Lost', 'not-a-period', '', 4, '', '', '2025-01-13T09:30:00.000Z'],
    ]);
  });

  it('leaves out entries of deleted metrics and of metrics that do not exist', () => {
    const names = entryRows(tree, entries, people)
      .slice(1)
      .map((r) => r[0]);
    expect(names).not.toContain('Gone');
    expect(names).toHaveLength(5);
  });

  it('is only the header when there are no entries', () => {
    expect(entryRows(tree, new Map(), people)).toEqual([[...ENTRY_COLUMNS]]);
  });

  it('writes the start date of a period of every grain', () => {
    const e = new Map<string, Entry[]>([
      [
        'a1',
        [
          entry('a1', '2025-02-28', 1),
          entry('a1', '2025-W09', 2),
          entry('a1', '2025-03', 3),
          entry('a1', '2025-Q2', 4),
        ],
      ],
    ]);
    expect(
      entryRows(tree, e, people)
        .slice(1)
        .map((r) => [r[1], r[2]]),
    ).toEqual([
      ['2025-02-28', '2025-02-28'],
      ['2025-W09', '2025-02-24'],
      ['2025-03', '2025-03-01'],
      ['2025-Q2', '2025-04-01'],
    ]);
  });
});

describe('entryCount', () => {
  it('counts the entries of live metrics only', () => {
    expect(entryCount(tree, entries)).toBe(5);
    expect(entryCount(tree, new Map())).toBe(0);
  });
});

describe('treeRows', () => {
  const rows = treeRows(tree, people, journey);

  it('writes a header, then one row per live metric in outline order', () => {
    expect(rows[0]).toEqual([...TREE_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'Weekly active teams',
      '=HYPERLINK("http://evil")',
      'Adoption',
      'Activation',
      'Lost',
      'Orphan',
    ]);
  });

  it('writes every column of a metric, with the plan metric in plain English', () => {
    expect(rows[1]).toEqual([
      'Weekly active teams',
      'north-star',
      '',
      'Ann Lee',
      'Growth',
      'Teams with 3+ active users in a week',
      'count',
      'up',
      'weekly',
      'sum',
      '',
      'crawl',
      'active',
      120,
      '2025-01-06',
      '',
      'Customers reaching “Onboarded”',
    ]);
    expect(rows[1]).toHaveLength(TREE_COLUMNS.length);
  });

  it('names the parent as the repaired tree places it, and empties what is not set', () => {
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Activation')?.slice(2, 5)).toEqual(['Adoption', '', '']);
    expect(byName.get('Adoption')?.slice(2, 5)).toEqual(['Weekly active teams', '@bob', '=Ops']);
    // Its parent was deleted: it climbs to the deleted parent's live parent.
    expect(byName.get('Lost')?.[2]).toBe('Weekly active teams');
    // Its parent never existed (and its owner is unknown): top level, no owner.
    expect(byName.get('Orphan')?.slice(2, 5)).toEqual(['', '', '']);
    const b = byName.get('=HYPERLINK("http://evil")');
    expect(b?.[8]).toBe(''); // no cadence
    expect(b?.[13]).toBeNull(); // no baseline value: an empty cell, not 0
    expect(b?.[14]).toBe('');
    expect(b?.[15]).toBe('Adoption * 2');
    expect(b?.[16]).toBe('');
  });
});

describe('the CSV written from the rows', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('guards every text cell that a spreadsheet would run as a formula', () => {
    const csv = toCsv(entryRows(tree, entries, people));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(",'+launch,");
    expect(csv).toContain(",'-5 since last week,'@bob,");
    expect(csv).toContain(",'@mention =1+1,");
    expect(csv).toContain(",'\tindented,");
    const treeCsv = toCsv(treeRows(tree, people, journey));
    expect(treeCsv).toContain(",'@bob,'=Ops,");
    // No line of either file has a cell that starts with a trigger character.
    for (const line of (csv + treeCsv).replace(/^\ufeff/, '').split('\r\n')) {
      for (const cell of line.split(',')) {
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t]/);
      }
    }
  });

  it('writes numbers plainly, a negative number unguarded, a missing value empty', () => {
    const csv = toCsv(entryRows(tree, entries, people));
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(ENTRY_COLUMNS.join(','));
    expect(lines[1]).toBe(
      "Weekly active teams,2025-W01,2024-12-30,1234.5,'+launch,Ann Lee,2025-01-13T09:30:00.000Z",
    );
    expect(lines[2]).toBe("Weekly active teams,2025-W02,2025-01-06,-3,'\tindented,,");
    expect(csv.endsWith('\r\n')).toBe(true);
    const treeLines = toCsv(treeRows(tree, people, journey)).split('\r\n');
    // The metric with no baseline: two empty cells (value, date) before its formula.
    expect(treeLines[2]).toContain(',,,Adoption * 2,');
  });

  it('is the same in any time zone: times are UTC, dates are calendar dates', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    const east = toCsv(entryRows(tree, entries, people));
    const eastDay = new Date(AT).getDate();
    process.env.TZ = 'Pacific/Pago_Pago'; // UTC−11
    const west = toCsv(entryRows(tree, entries, people));
    const westDay = new Date(AT).getDate();
    expect([eastDay, westDay]).toEqual([13, 12]); // the zone switch took effect
    expect(east).toBe(west);
    expect(east).toContain('2025-01-13T09:30:00.000Z');
    expect(east).toContain(',2024-12-30,');
  });

  it('is read back by the entries import: names, periods, values and notes as they were', () => {
    const rows = entryRows(tree, entries, people);
    const parsed = parseCsv(toCsv(rows).replace(/^\ufeff/, ''));
    // The parser undoes the guard: every text cell comes back exactly as it was exported.
    expect(parsed.header).toEqual([...ENTRY_COLUMNS]);
    expect(parsed.rows).toEqual(
      rows.slice(1).map((r) => r.map((c) => (c === null ? '' : String(c)))),
    );

    const guess = guessColumns(parsed.header);
    expect(guess).toEqual({ metric: 0, period: 1, value: 3, note: 4 });
    // The import's own rules (no computed metrics, a cadence needed) are not under test here:
    // every live metric is offered as a plain weekly one.
    const targets = metrics
      .filter((m) => m.deletedAt === null)
      .map((m) => ({
        id: m.id,
        name: m.name,
        cadence: 'weekly' as const,
        formula: null,
        planMetric: null,
      }));
    const plan = planImport(
      parsed,
      guess as ColumnMap,
      { dateOrder: 'ymd', decimal: '.' },
      targets,
    );
    expect(plan.rows.map((r) => [r.metricId, r.period, r.value, r.note])).toEqual([
      ['nsm', '2025-W01', 1234.5, '+launch'],
      ['nsm', '2025-W02', -3, 'indented'], // the import trims notes
      ['b', '2025-W02', 2, '@mention =1+1'],
      ['a1', '2025-W02', 7, '-5 since last week'],
    ]);
    // The entry with an unreadable period is the only row the import turns away.
    expect(plan.rejected.map((r) => r.cells[0])).toEqual(['Lost']);
  });
});
