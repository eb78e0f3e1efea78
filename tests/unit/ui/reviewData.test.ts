import { describe, expect, it } from 'vitest';
import { readExperiment, type Experiment } from '../../../src/domain/experiments';
import type { Insight } from '../../../src/domain/insights';
import { Problems } from '../../../src/domain/validate';
import {
  attempt,
  experimentsInQuarter,
  listQuarters,
  movedSentence,
  nextTargetValue,
  plansReachedNsm,
  quarterTopTags,
  reviewFacts,
  targetsToWrite,
} from '../../../src/ui/review/reviewData';
import { plan, sampleJourney } from '../planFactories';
import { reviewRow } from '../reviewFactories';

function exp(
  id: string,
  fields: Record<string, unknown>,
  history: [string, string][] = [],
): Experiment {
  return readExperiment(
    id,
    { title: id, createdAt: 1, ...fields },
    {
      milestones: [],
      statusHistory: history.map(([status, at]) => ({ status, at, by: null })),
      scope: {},
    },
    new Problems(),
  );
}

const row = reviewRow;

const insight = (id: string, date: string, tags: string[], text = id): Insight => ({
  id,
  text,
  customer: '',
  planId: null,
  source: '',
  date,
  tags,
  metricId: null,
  stepId: null,
  createdAt: 0,
  deletedAt: null,
});

describe('the quarters the list offers', () => {
  it('this quarter and the three before, plus stored ones, newest first and once each', () => {
    expect(listQuarters('2026-Q1', ['2025-Q4', '2024-Q2', '2026-Q2'])).toEqual([
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2024-Q2',
    ]);
  });
});

describe('experiments of a quarter', () => {
  it('keeps those whose window overlaps the quarter, earliest first', () => {
    const list = [
      exp('late', { status: 'done' }, [
        ['running', '2026-09-20'],
        ['done', '2026-10-05'],
      ]),
      exp('before', { status: 'done' }, [
        ['running', '2026-07-01'],
        ['done', '2026-09-01'],
      ]),
      exp('running', {}, [['running', '2026-11-01']]),
      exp('idea', {}),
      exp('typed', { startDate: '2026-12-30', endDate: '2027-01-10' }, [['done', '2027-01-12']]),
    ];
    const ids = experimentsInQuarter(list, '2026-Q4', '2026-11-20').map((x) => x.experiment.id);
    expect(ids).toEqual(['late', 'running', 'typed']);
    const running = experimentsInQuarter(list, '2026-Q4', '2026-11-20')[1];
    expect(running?.window).toEqual({ start: '2026-11-01', end: '2026-11-20' });
  });
});

describe('plans that reached the NSM moment in a quarter', () => {
  const journey = sampleJourney(); // s3 is the NSM moment
  it('counts the first visit to the NSM step or later, inside the quarter only', () => {
    const plans = [
      plan('in', {
        stepHistory: [
          { stepId: 's2', at: '2026-09-01' },
          { stepId: 's3', at: '2026-10-12' },
        ],
      }),
      plan('skipped', { stepHistory: [{ stepId: 's4', at: '2026-11-02' }] }),
      plan('earlier', {
        stepHistory: [
          { stepId: 's3', at: '2026-08-01' },
          { stepId: 's4', at: '2026-10-02' },
        ],
      }),
      plan('not yet', { stepHistory: [{ stepId: 's2', at: '2026-10-02' }] }),
      plan('gone', { deletedAt: 5, stepHistory: [{ stepId: 's3', at: '2026-10-02' }] }),
    ];
    expect(plansReachedNsm(plans, journey, '2026-Q4')).toEqual([
      { plan: plans[0], at: '2026-10-12' },
      { plan: plans[1], at: '2026-11-02' },
    ]);
  });
});

describe('facts for wins and misses', () => {
  it('met and missed targets, breached counters, won experiments, customers at the NSM moment', () => {
    const facts = reviewFacts(
      [
        row('Orders', { status: 'met', actual: 1200, target: 1000 }),
        row('Churn', { status: 'missed', actual: 5, target: 3, unit: 'percent' }),
        row('Opt-outs', { kind: 'counter', status: 'breached', start: 1, actual: 4 }),
        row('Quiet', { status: 'no-target', actual: 3 }),
      ],
      [exp('Digest', { outcome: 'won' }, [['done', '2026-10-01']])],
      [{ plan: plan('Acme'), at: '2026-10-01' }],
    );
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['win', 'Orders met its target: 1,200 against 1,000'],
      ['miss', 'Churn missed its target: 5 % against 3 %'],
      ['miss', 'Opt-outs (a counter-metric) got worse: 1 → 4'],
      ['win', 'Experiment “Digest” won'],
      ['win', '1 customer reached the NSM moment: Acme'],
    ]);
  });
});

describe('top insight tags of a quarter', () => {
  it('counts tags of insights dated in the quarter and quotes the latest', () => {
    const list = [
      insight('a', '2026-10-02', ['pricing'], 'too dear'),
      insight('b', '2026-11-02', ['pricing', 'setup'], 'still too dear'),
      insight('c', '2026-09-30', ['setup']),
    ];
    const top = quarterTopTags(list, '2026-Q4', sampleJourney());
    expect(top.total).toBe(2);
    expect(top.tags.map((t) => [t.tag, t.count, t.quote?.text])).toEqual([
      ['pricing', 2, 'still too dear'],
      ['setup', 1, 'still too dear'],
    ]);
  });

  it('names the steps customers got stuck on in the quarter, with the latest quote', () => {
    const on = (i: Insight, stepId: string): Insight => ({ ...i, stepId });
    const list = [
      on(insight('a', '2026-10-02', [], 'cannot invite'), 's2'),
      on(insight('b', '2026-11-20', [], 'still cannot invite'), 's2'),
      on(insight('c', '2026-11-01', [], 'no data yet'), 's3'),
      on(insight('d', '2026-09-01', [], 'last quarter'), 's3'),
    ];
    const top = quarterTopTags(list, '2026-Q4', sampleJourney());
    expect(top.blockers.map((b) => [b.step, b.count, b.quote?.text])).toEqual([
      ['Onboarded', 2, 'still cannot invite'],
      ['First request', 1, 'no data yet'],
    ]);
  });
});

describe('next quarter targets', () => {
  const rows = [
    row('up', { start: 100, actual: 120 }),
    row('drafted', { start: 10, actual: 12 }),
    row('none'),
    row('counter', { kind: 'counter', start: 1, actual: 1 }),
  ];
  it('shows the drafted value, else the suggestion', () => {
    expect(nextTargetValue(rows[0]!, {})).toBe(140);
    expect(nextTargetValue(rows[1]!, { drafted: 20 })).toBe(20);
    expect(nextTargetValue(rows[2]!, {})).toBeNull();
  });
  it('writes every scored metric with a value, never counters', () => {
    expect(targetsToWrite(rows, { drafted: 20, counter: 5 })).toEqual({ up: 140, drafted: 20 });
  });
});

describe('sentences and errors', () => {
  it('says what moved in words', () => {
    expect(
      movedSentence(
        { metricId: 'o', name: 'Orders', field: 'actual', was: 100, now: 105 },
        'count',
      ),
    ).toBe('a late entry changed the actual of Orders from 100 to 105');
    expect(
      movedSentence({ metricId: 'o', name: 'Churn', field: 'start', was: null, now: 4 }, 'percent'),
    ).toBe('a late entry changed the start of Churn from nothing to 4 %');
  });
  it('attempt gives the message of a thrown Error, or null', () => {
    expect(attempt(() => 1)).toBeNull();
    expect(
      attempt(() => {
        throw new Error('Write the line first');
      }),
    ).toBe('Write the line first');
  });
});
