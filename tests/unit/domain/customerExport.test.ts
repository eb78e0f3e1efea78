import { describe, expect, it } from 'vitest';
import { insightRows, planRows, PLAN_COLUMNS } from '../../../src/domain/customerExport';
import { toCsv } from '../../../src/domain/csvExport';
import { parseCsv } from '../../../src/domain/csvParse';
import { guessPlanColumns, planCustomerImport } from '../../../src/domain/planImport';
import { viewPlans } from '../../../src/domain/planViews';
import type { Insight } from '../../../src/domain/insights';
import { milestone, plan, sampleJourney } from '../planFactories';

const journey = sampleJourney({ s2: { stuckAfterDays: 14 } });
const TODAY = '2026-03-31';
const names: Record<string, string> = { ann: 'Ann Lee' };
const nameOf = (id: string | null): string => (id === null ? '' : (names[id] ?? ''));

const plans = [
  plan('p1', {
    customer: '=HYPERLINK("evil")',
    segment: 'SMB',
    ownerId: 'ann',
    startDate: '2026-03-01',
    goalDate: '2026-06-30',
    stepId: 's2',
    stepSince: '2026-03-01',
    goals: 'Go live, then grow',
    milestones: [
      milestone('m1', { title: 'Kick-off', due: '2026-03-02', done: true, doneAt: '2026-03-02' }),
      milestone('m2', { title: 'Training', due: '2026-04-15' }),
      milestone('m3', { title: 'Review' }),
    ],
  }),
  plan('p2', { customer: 'Bolt', statusOverride: 'at-risk' }),
];

describe('planRows', () => {
  it('writes the facts, the status, its suggestion and the next milestone', () => {
    const rows = planRows(viewPlans(plans, journey, TODAY), nameOf);
    expect(rows[0]).toEqual([...PLAN_COLUMNS]);
    expect(rows[1]).toEqual([
      '=HYPERLINK("evil")',
      'SMB',
      'Ann Lee',
      '2026-03-01',
      '2026-06-30',
      'Onboarded',
      'Go live, then grow',
      'Stuck',
      'Stuck',
      'no',
      30,
      1,
      3,
      'Training',
      '2026-04-15',
    ]);
    expect(rows[2]?.slice(7, 10)).toEqual(['At risk', 'On track', 'yes']);
  });

  it('makes a file that is safe to open and that the customer import reads back', () => {
    const csv = toCsv(planRows(viewPlans(plans, journey, TODAY), nameOf));
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    const parsed = parseCsv(csv.replace(/^\ufeff/, ''));
    const guess = guessPlanColumns(parsed.header);
    expect(guess).toMatchObject({
      customer: 0,
      segment: 1,
      owner: 2,
      startDate: 3,
      goalDate: 4,
      step: 5,
      goals: 6,
    });
    const back = planCustomerImport(
      parsed,
      {
        customer: 0,
        segment: 1,
        owner: 2,
        startDate: 3,
        goalDate: 4,
        step: 5,
        stepSince: null,
        goals: 6,
      },
      { dateOrder: 'ymd' },
      {
        people: [{ id: 'ann', name: 'Ann Lee' }],
        steps: journey.steps.map((s) => ({ id: s.id, name: s.name })),
        customers: [],
      },
    );
    expect(back.rejected).toEqual([]);
    expect(back.rows.map((r) => [r.customer, r.ownerId, r.stepId, r.goals])).toEqual([
      ['=HYPERLINK("evil")', 'ann', 's2', 'Go live, then grow'],
      ['Bolt', null, 's1', ''],
    ]);
  });
});

describe('insightRows', () => {
  const insight = (id: string, patch: Partial<Insight>): Insight => ({
    id,
    text: id,
    customer: '',
    planId: null,
    source: '',
    date: '2026-03-01',
    tags: [],
    metricId: null,
    stepId: null,
    createdAt: 0,
    deletedAt: null,
    ...patch,
  });

  it('names the plan, metric and step, joins tags and leaves deleted insights out', () => {
    const rows = insightRows(
      [
        insight('Too slow', {
          customer: 'Acme',
          planId: 'p1',
          source: 'call',
          tags: ['speed', 'onboarding'],
          metricId: 'm1',
          stepId: 's2',
        }),
        insight('gone', { deletedAt: 5 }),
        insight('Orphan', { planId: 'nope', metricId: 'nope', stepId: 'nope' }),
      ],
      journey,
      {
        plan: (id) => (id === 'p1' ? 'Acme Corp' : undefined),
        metric: (id) => (id === 'm1' ? 'Activation' : undefined),
      },
    );
    expect(rows.slice(1)).toEqual([
      [
        '2026-03-01',
        'Too slow',
        'Acme',
        'Acme Corp',
        'call',
        'speed, onboarding',
        'Activation',
        'Onboarded',
      ],
      ['2026-03-01', 'Orphan', '', '', '', '', '', ''],
    ]);
  });
});
