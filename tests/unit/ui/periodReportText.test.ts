import { describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../../src/domain/periodReport';
import { okrMarkdown, keyResultSentence } from '../../../src/ui/review/okrText';
import {
  dueValueSentence,
  movedSentence,
  reportText,
} from '../../../src/ui/review/periodReportText';
import { metric } from '../factories';

const m = metric('m', { name: 'Sign-ups' });
const report: PeriodReport = {
  period: '2026-W49',
  grain: 'week',
  start: '2026-11-30',
  end: '2026-12-06',
  moved: [
    { metric: m, period: '2026-W49', value: 60, previous: 10, change: 50, better: true },
    {
      metric: metric('r', { name: 'Revenue *total*', cadence: 'monthly' }),
      period: '2026-11',
      value: 900,
      previous: 1000,
      change: -100,
      better: false,
    },
  ],
  offTrack: [],
  dueValues: [{ metric: m, periods: ['2026-W47', '2026-W48', '2026-W49'], running: true }],
  dueMilestones: [],
  insights: [],
  started: [],
  ended: [],
};

describe('the report in words', () => {
  it('says a change with its sign, the value before and whether it went the right way', () => {
    expect(movedSentence(report.moved[0]!, '2026-W49')).toBe('Sign-ups: 60, +50 from 10 (better)');
    // A coarser metric names its own period.
    expect(movedSentence(report.moved[1]!, '2026-W49')).toBe(
      'Revenue *total* (Nov 2026): 900, −100 from 1,000 (worse)',
    );
  });

  it('separates late values from the one still open', () => {
    expect(dueValueSentence(report.dueValues[0]!)).toBe(
      'Sign-ups: no value for Week 47, 2026, Week 48, 2026; Week 49, 2026 not logged yet',
    );
  });

  it('as Markdown: headings, bullets, markup escaped, empty sections said', () => {
    const md = reportText(report, 'Acme', 'markdown');
    expect(md.split('\n').slice(0, 5)).toEqual([
      '# Weekly report, Week 49, 2026 (Nov 30 – Dec 6): Acme',
      '',
      '## What moved',
      '- Sign-ups: 60, +50 from 10 (better)',
      '- Revenue \\*total\\* (Nov 2026): 900, −100 from 1,000 (worse)',
    ]);
    expect(md).toContain('## Off track\n_Nothing._');
  });

  it('as plain text: no markup', () => {
    const text = reportText(report, 'Acme', 'plain');
    expect(text).toContain('WHAT MOVED\n- Sign-ups: 60');
    expect(text).toContain('\n- Revenue *total* (Nov 2026): 900');
    expect(text).toContain('OFF TRACK\nNothing.');
    expect(text).not.toMatch(/^#/m);
  });
});

describe('OKRs in words', () => {
  const kr = {
    metricId: 'm',
    name: 'Churn',
    unit: 'percent' as const,
    direction: 'down' as const,
    ownerId: null,
    from: 4,
    to: 3,
    guardrail: false,
  };
  it('a key result from where it ended to its target; a guardrail to keep', () => {
    expect(keyResultSentence(kr)).toBe('Churn from 4 % to 3 %');
    expect(keyResultSentence({ ...kr, from: null })).toBe('Churn to 3 %');
    expect(keyResultSentence({ ...kr, guardrail: true, to: 4 })).toBe('Keep Churn at or below 4 %');
  });
  it('as Markdown: numbered objectives and key results, other owners named', () => {
    const md = okrMarkdown(
      'Acme',
      '2027-Q1',
      [
        {
          metricId: 'o',
          title: 'Reduce Churn',
          ownerId: 'a',
          northStar: false,
          keyResults: [kr, { ...kr, metricId: 'x', name: 'Refunds', ownerId: 'b' }],
        },
        { metricId: 'p', title: 'Grow Use', ownerId: null, northStar: false, keyResults: [] },
      ],
      (id) => (id === 'a' ? 'Ann' : id === 'b' ? 'Bo' : 'No owner'),
    );
    expect(md).toBe(
      [
        '# OKRs for Q1 2027: Acme',
        '',
        '## O1. Reduce Churn',
        '',
        'Owner: Ann',
        '',
        '1. Churn from 4 % to 3 %',
        '2. Refunds from 4 % to 3 % (Bo)',
        '',
        '## O2. Grow Use',
        '',
        'Owner: No owner',
        '',
        '_No key result yet: no target is set._',
        '',
      ].join('\n'),
    );
  });
});
