import { describe, expect, it } from 'vitest';
import {
  closestToNsm,
  filterPlans,
  needsAttention,
  planBoard,
  planSegments,
  sortPlans,
  viewPlans,
} from '../../../src/domain/planViews';
import { buildJourney } from '../../../src/domain/journey';
import { milestone, plan, sampleJourney } from '../planFactories';

const TODAY = '2025-03-20';
const open = (id: string, due: string | null = null) => milestone(id, { due });
const done = (id: string) => milestone(id, { done: true, doneAt: '2025-03-01' });

const plans = [
  // On Onboarded (stuck after 14) since 1 March: 19 days, stuck.
  plan('acme', {
    customer: 'Acme',
    segment: 'SMB',
    ownerId: 'ann',
    stepId: 's2',
    stepSince: '2025-03-01',
    goalDate: '2025-04-30',
  }),
  // A milestone due yesterday: at risk.
  plan('bolt', {
    customer: 'Bolt',
    segment: 'smb',
    ownerId: 'bob',
    stepId: 's1',
    stepSince: '2025-03-18',
    milestones: [open('m', '2025-03-19')],
    goalDate: '2025-04-15',
  }),
  // On the NSM moment with an open milestone: 0 steps to go.
  plan('cora', {
    customer: 'Cora',
    segment: 'Enterprise',
    ownerId: 'ann',
    stepId: 's3',
    stepSince: '2025-03-10',
    milestones: [open('m'), done('n')],
  }),
  // On the NSM moment, all done: done.
  plan('dune', {
    customer: 'Dune',
    segment: 'Enterprise',
    stepId: 's3',
    stepSince: '2025-03-10',
    milestones: [done('m')],
  }),
  // Its step was removed in the journey below: it sits on the step before.
  plan('echo', {
    customer: 'echo',
    ownerId: 'bob',
    stepId: 'sx',
    stepSince: '2025-03-15',
    goalDate: '2025-04-01',
  }),
  // Overridden by hand.
  plan('fern', {
    customer: 'Fern',
    stepId: 's1',
    stepSince: '2025-03-19',
    statusOverride: 'at-risk',
  }),
  plan('gone', { customer: 'Gone', stepId: 's1', deletedAt: 5 }),
];
const base = sampleJourney();
const journey = buildJourney(
  [...base.all, { ...base.all[1]!, id: 'sx', name: 'Trial', order: 'a1V', deletedAt: 9 }],
  's3',
);
/** Reasons name days in en-GB here (the default is the runtime's locale). */
const views = viewPlans(plans, journey, TODAY, 'en-GB');
const names = (list: readonly { plan: { customer: string } }[]) => list.map((v) => v.plan.customer);

describe('viewPlans', () => {
  it('leaves deleted plans out and places plans on removed steps', () => {
    expect(names(views)).toEqual(['Acme', 'Bolt', 'Cora', 'Dune', 'echo', 'Fern']);
    const echo = views.find((v) => v.plan.id === 'echo')!;
    expect(echo.step?.id).toBe('s2');
    expect(echo.daysOnStep).toBe(5);
    expect(views.map((v) => v.status)).toEqual([
      'stuck',
      'at-risk',
      'on-track',
      'done',
      'on-track',
      'at-risk',
    ]);
  });
});

describe('filterPlans', () => {
  it('filters by owner, segment (any case), status and placed step', () => {
    expect(names(filterPlans(views, { ownerId: 'ann' }))).toEqual(['Acme', 'Cora']);
    expect(names(filterPlans(views, { ownerId: null }))).toEqual(['Dune', 'Fern']);
    expect(names(filterPlans(views, { segment: ' SMB ' }))).toEqual(['Acme', 'Bolt']);
    expect(names(filterPlans(views, { status: 'at-risk' }))).toEqual(['Bolt', 'Fern']);
    expect(names(filterPlans(views, { stepId: 's2', ownerId: 'bob' }))).toEqual(['echo']);
  });
});

describe('sortPlans', () => {
  it('sorts by customer, goal date, days on step and status, ties by customer', () => {
    expect(names(sortPlans(views, 'customer', 'desc'))).toEqual([
      'Fern',
      'echo',
      'Dune',
      'Cora',
      'Bolt',
      'Acme',
    ]);
    expect(names(sortPlans(views, 'goal-date'))).toEqual([
      'echo',
      'Bolt',
      'Acme',
      'Cora',
      'Dune',
      'Fern',
    ]);
    expect(names(sortPlans(views, 'goal-date', 'desc')).slice(0, 3)).toEqual([
      'Acme',
      'Bolt',
      'echo',
    ]);
    expect(names(sortPlans(views, 'days-on-step', 'desc'))).toEqual([
      'Acme', // 19
      'Cora', // 10
      'Dune', // 10
      'echo', // 5
      'Bolt', // 2
      'Fern', // 1
    ]);
    expect(names(sortPlans(views, 'status'))).toEqual([
      'Acme',
      'Bolt',
      'Fern',
      'Cora',
      'echo',
      'Dune',
    ]);
  });
});

describe('planBoard', () => {
  it('has a column per live step in order, plans in the order given', () => {
    const board = planBoard(views, journey);
    expect(board.columns.map((c) => [c.step.name, names(c.plans)])).toEqual([
      ['Signed', ['Bolt', 'Fern']],
      ['Onboarded', ['Acme', 'echo']],
      ['First request', ['Cora', 'Dune']],
      ['Fulfilled', []],
    ]);
    expect(board.unplaced).toEqual([]);
    const empty = buildJourney([], null);
    expect(planBoard(viewPlans(plans, empty, TODAY), empty).unplaced).toHaveLength(6);
  });
});

describe('closestToNsm', () => {
  it('orders plans not done by steps to go, open milestones, goal date', () => {
    const near = closestToNsm(views, journey);
    expect(near.map((n) => [n.view.plan.customer, n.stepsToGo])).toEqual([
      ['Cora', 0],
      ['echo', 1], // no open milestones, goal 1 April
      ['Acme', 1], // goal 30 April
      ['Fern', 2], // no open milestones
      ['Bolt', 2],
    ]);
  });
});

describe('needsAttention', () => {
  it('lists stuck then at-risk plans with reasons, saying when set by hand', () => {
    expect(needsAttention(views).map((a) => [a.view.plan.customer, a.reasons])).toEqual([
      ['Acme', ['On “Onboarded” for 19 days (stuck after 14)']],
      ['Bolt', ['Milestone “m” was due 19 Mar']],
      ['Fern', ['Set to “At risk” by hand']],
    ]);
  });

  it('names the days of its reasons in the locale the views were made in', () => {
    const bolt = (locale: string) =>
      needsAttention(viewPlans(plans, journey, TODAY, locale)).find(
        (a) => a.view.plan.customer === 'Bolt',
      )?.reasons;
    expect(bolt('en-US')).toEqual(['Milestone “m” was due Mar 19']);
    expect(bolt('de-DE')).toEqual(['Milestone “m” was due 19. März']);
  });
});

describe('planSegments', () => {
  it('lists distinct segments of live plans', () => {
    expect(planSegments(plans)).toEqual(['Enterprise', 'SMB']);
  });
});

describe('scale', () => {
  it('views, sorts and groups 1,000 plans quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      plan(`p${i}`, {
        customer: `Customer ${i}`,
        stepId: `s${(i % 4) + 1}`,
        stepSince: '2025-03-01',
        goalDate: `2025-0${(i % 9) + 1}-15`,
        milestones: [open(`m${i}`, '2025-03-10'), done(`n${i}`)],
      }),
    );
    const v = viewPlans(many, journey, TODAY);
    sortPlans(v, 'customer');
    planBoard(v, journey);
    closestToNsm(v, journey);
    needsAttention(v);
    expect(v).toHaveLength(1000);
  });
});
