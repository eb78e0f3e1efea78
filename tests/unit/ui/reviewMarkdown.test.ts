import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/csvParse';
import { toCsv } from '../../../src/domain/csvExport';
import type { ReviewItem } from '../../../src/domain/reviewRecord';
import {
  mdText,
  reviewCsvRows,
  reviewMarkdown,
  type ReviewMarkdownInput,
} from '../../../src/ui/review/reviewMarkdown';
import { reviewRow } from '../reviewFactories';

const row = reviewRow;

function line(
  id: string,
  kind: ReviewItem['kind'],
  text: string,
  patch: Partial<ReviewItem> = {},
): ReviewItem {
  return {
    id,
    quarter: '2026-Q4',
    kind,
    text,
    ownerId: null,
    metricId: null,
    experimentId: null,
    done: false,
    doneAt: null,
    createdAt: 0,
    ...patch,
  };
}

const names: Record<string, string> = { ann: 'Ann Lee' };
const ownerName = (id: string | null): string => (id === null ? 'No owner' : (names[id] ?? '?'));

function input(patch: Partial<ReviewMarkdownInput> = {}): ReviewMarkdownInput {
  return {
    workspaceName: 'Acme',
    quarter: '2026-Q4',
    status: 'closed',
    closedLine: 'Closed 3 Jan 2027 by Ann Lee',
    rows: [
      row('WAU', {
        name: 'Weekly active users',
        kind: 'north-star',
        ownerId: 'ann',
        start: 1000,
        target: 1500,
        actual: 1600,
        attainment: 120,
        status: 'met',
      }),
      row('act', {
        name: 'Activated | 7 days',
        unit: 'percent',
        depth: 1,
        start: 20,
        target: 30,
        actual: 25,
        attainment: 50,
        status: 'missed',
      }),
    ],
    ownerName,
    moved: ['a late entry changed the actual of Weekly active users from 1,600 to 1,650'],
    facts: [{ kind: 'win', text: 'Weekly active users met its target: 1,600 against 1,500' }],
    lines: [
      line('1', 'strength', 'Fast *shipping*'),
      line('2', 'decision', 'Hire a designer', { ownerId: 'ann' }),
      line('3', 'miss', 'Onboarding\nslipped'),
    ],
    carried: [line('4', 'decision', 'Fix billing', { quarter: '2026-Q3' })],
    experiments: [{ title: 'Digest', outcome: 'Won', learning: 'People read email' }],
    reachedNsm: ['Globex'],
    stuck: [],
    tags: [{ tag: 'pricing', count: 3, quote: null }],
    blockers: [{ step: 'Onboarded', count: 2, quote: null }],
    nextTargets: [{ name: 'Weekly active users', value: '2,200' }],
    signatures: [{ name: 'Ann Lee', at: '4 Jan 2027, 09:00' }],
    ...patch,
  };
}

describe('the review as Markdown', () => {
  it('has a title, the numbers as a table, and every section', () => {
    const md = reviewMarkdown(input());
    expect(
      md.startsWith('# Review of Q4 2026\n\nAcme · Closed · Closed 3 Jan 2027 by Ann Lee\n'),
    ).toBe(true);
    expect(md).toContain('| Metric | Owner | Start | Target | Actual | Attainment | Status |');
    expect(md).toContain('| Weekly active users | Ann Lee | 1,000 | 1,500 | 1,600 | 120 % | Met |');
    // A pipe in a name cannot break the table; children are indented.
    expect(md).toContain(
      '| \u00a0\u00a0Activated \\| 7 days | No owner | 20 % | 30 % | 25 % | 50 % | Missed |',
    );
    expect(md).toContain('**Moved since it closed:**');
    expect(md).toContain('- Weekly active users met its target: 1,600 against 1,500');
    expect(md).toContain('### Misses\n\n- Onboarding slipped');
    expect(md).toContain('### Strengths\n\n- Fast \\*shipping\\*');
    expect(md).toContain('### Threats\n\n_None._');
    expect(md).toContain('- [ ] Hire a designer (Ann Lee)');
    expect(md).toContain('- [ ] Fix billing, from Q3 2026');
    expect(md).toContain('- **Digest**: Won. People read email');
    expect(md).toContain('Reached the NSM moment:\n\n- Globex');
    expect(md).toContain('- **pricing** (3)');
    expect(md).toContain('Where customers got stuck:\n\n- **Onboarded** (2)');
    expect(md).toContain('## Targets for Q1 2027\n\n- Weekly active users: 2,200');
    expect(md.endsWith('## Signed\n\n- Ann Lee, 4 Jan 2027, 09:00\n')).toBe(true);
  });

  it('says what is empty in a draft', () => {
    const md = reviewMarkdown(
      input({
        status: 'draft',
        closedLine: null,
        rows: [],
        moved: [],
        facts: [],
        lines: [],
        carried: [],
        experiments: [],
        reachedNsm: [],
        tags: [],
        nextTargets: [],
        signatures: [],
      }),
    );
    expect(md).toContain('Acme · Draft\n');
    expect(md).toContain('_No metrics in the tree._');
    expect(md).toContain('_No experiment ran in this quarter._');
    expect(md).not.toContain('Moved since');
    expect(md).not.toContain('## Signed');
  });

  it('escapes Markdown in text', () => {
    expect(mdText('a [link](x) <b> #1 `c`')).toBe('a \\[link\\](x) \\<b\\> \\#1 \\`c\\`');
  });
});

describe('the numbers as CSV', () => {
  it('one row per metric after the header, guarded against formulas', () => {
    const rows = reviewCsvRows(
      [
        row('m', {
          name: '=SUM(A1)',
          ownerId: 'ann',
          start: 1,
          target: 2,
          actual: 1.5,
          attainment: 50,
          status: 'missed',
        }),
      ],
      ownerName,
    );
    expect(rows[0]).toEqual([
      'Metric',
      'Depth',
      'Kind',
      'Owner',
      'Unit',
      'Start',
      'Target',
      'Actual',
      'Attainment %',
      'Status',
    ]);
    const csv = toCsv(rows);
    expect(csv).toContain("'=SUM(A1),0,input,Ann Lee,count,1,2,1.5,50,Missed\r\n");
    expect(parseCsv(csv).rows).toHaveLength(1);
  });
});
