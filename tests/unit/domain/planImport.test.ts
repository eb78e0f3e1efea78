import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/csvParse';
import {
  guessPlanColumns,
  planCustomerImport,
  type PlanColumnMap,
} from '../../../src/domain/planImport';

const CONTEXT = {
  people: [
    { id: 'ann', name: 'Ann Lee' },
    { id: 'bob1', name: 'Bob' },
    { id: 'bob2', name: 'bob' },
  ],
  steps: [
    { id: 's1', name: 'Signed' },
    { id: 's2', name: 'Onboarded' },
  ],
  customers: ['Existing Co'],
};
const MAP: PlanColumnMap = {
  customer: 0,
  segment: 1,
  owner: 2,
  startDate: 3,
  goalDate: 4,
  step: 5,
  stepSince: null,
  goals: null,
};
const HEADER = 'Customer,Segment,Owner,Start date,Goal date,Step\n';
const DMY = { dateOrder: 'dmy' } as const;
const run = (body: string) => planCustomerImport(parseCsv(HEADER + body), MAP, DMY, CONTEXT);

describe('guessPlanColumns', () => {
  it('finds the usual header names', () => {
    expect(guessPlanColumns(HEADER.trim().split(','))).toEqual({
      ...MAP,
      goals: undefined,
      stepSince: undefined,
    });
    expect(guessPlanColumns(['Account', 'CSM', 'Kick-off', 'Deadline', 'Stage', 'Tier'])).toEqual({
      customer: 0,
      owner: 1,
      startDate: 2,
      goalDate: 3,
      step: 4,
      segment: 5,
    });
  });
});

describe('goals', () => {
  it('are guessed from their usual names, not mistaken for the goal date', () => {
    expect(guessPlanColumns(['Goal date', 'Client', 'Objectives'])).toEqual({
      goalDate: 0,
      customer: 1,
      goals: 2,
    });
    expect(guessPlanColumns(['Goals', 'Customer'])).toEqual({ goals: 0, customer: 1 });
  });

  it('are read from their column, trimmed', () => {
    const csv = parseCsv('Customer,Goals\nAcme, Ship the pilot \nBolt,\n');
    const map = { ...MAP, segment: null, owner: null, startDate: null, goalDate: null, step: null };
    const result = planCustomerImport(csv, { ...map, goals: 1 }, { dateOrder: 'dmy' }, CONTEXT);
    expect(result.rows.map((r) => [r.customer, r.goals])).toEqual([
      ['Acme', 'Ship the pilot'],
      ['Bolt', ''],
    ]);
  });
});

describe('step dates', () => {
  const header = 'Customer,Start date,Step,Step entered on\n';
  const map: PlanColumnMap = {
    ...MAP,
    segment: null,
    owner: null,
    goalDate: null,
    startDate: 1,
    step: 2,
    stepSince: 3,
  };
  const today = '2026-12-03';
  const runDated = (body: string) =>
    planCustomerImport(parseCsv(header + body), map, DMY, CONTEXT, today);

  it('are guessed from their usual names, beside the step', () => {
    expect(guessPlanColumns(header.trim().split(','))).toEqual({
      customer: 0,
      startDate: 1,
      step: 2,
      stepSince: 3,
    });
    expect(guessPlanColumns(['Client', 'Stage', 'Stage date'])).toEqual({
      customer: 0,
      step: 1,
      stepSince: 2,
    });
  });

  it('date the step; without one the plan enters it on its start (left to the writer)', () => {
    const result = runDated(
      ['Acme,01/10/2026,Onboarded,15/11/2026', 'Bolt,05/10/2026,Onboarded,', 'Cole,,,'].join('\n'),
    );
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((r) => [r.customer, r.stepId, r.stepSince])).toEqual([
      ['Acme', 's2', '2026-11-15'],
      ['Bolt', 's2', undefined],
      ['Cole', 's1', undefined],
    ]);
  });

  it('refuse a step date before the start, after today, or not a date', () => {
    const result = runDated(
      [
        'Acme,01/10/2026,Onboarded,30/09/2026', // 2: before the start
        'Bolt,01/10/2026,Onboarded,04/12/2026', // 3: tomorrow
        'Cole,01/10/2026,Onboarded,soon', // 4
      ].join('\n'),
    );
    expect(result.rejected.map((r) => [r.line, r.message])).toEqual([
      [2, 'The step date is before the start date'],
      [3, 'The step date 2026-12-04 is after today'],
      [4, 'The step date “soon” is not a date'],
    ]);
  });

  it('say why a step cannot be placed when there is no journey yet', () => {
    const result = planCustomerImport(
      parseCsv(header + 'Acme,01/10/2026,Onboarded,15/11/2026\nBolt,01/10/2026,,\n'),
      map,
      DMY,
      { ...CONTEXT, steps: [] },
      today,
    );
    expect(result.rejected.map((r) => [r.line, r.message])).toEqual([
      [
        2,
        'There is no customer journey yet to place “Onboarded” on: map the journey first, or import without the Step column',
      ],
    ]);
    // A line without a step is fine, and has no step (nor a step date).
    expect(result.rows.map((r) => [r.customer, r.stepId, r.stepSince])).toEqual([
      ['Bolt', null, undefined],
    ]);
  });
});

describe('planCustomerImport', () => {
  it('maps good rows: owner and step by name, dates in the given order', () => {
    const result = run(
      ' Acme  Corp ,SMB, ann lee ,01/03/2025,30/06/2025,onboarded\n' + 'Bolt,,,,,\n',
    );
    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        customer: 'Acme Corp',
        segment: 'SMB',
        ownerId: 'ann',
        startDate: '2025-03-01',
        goalDate: '2025-06-30',
        stepId: 's2',
        goals: '',
      },
      {
        line: 3,
        customer: 'Bolt',
        segment: '',
        ownerId: null,
        startDate: null,
        goalDate: null,
        // No step given: a customer starts on the journey's first step.
        stepId: 's1',
        goals: '',
      },
    ]);
    const noJourney = planCustomerImport(parseCsv(HEADER + 'Bolt,,,,,\n'), MAP, DMY, {
      ...CONTEXT,
      steps: [],
    });
    expect(noJourney.rows[0]?.stepId).toBeNull();
  });

  it('rejects bad rows with their line and the first thing wrong', () => {
    const result = run(
      [
        'Good,SMB,Ann Lee,01/03/2025,,Signed', // 2: fine
        ',SMB,Ann Lee,,,', // 3
        'Zed,,Nobody,,,', // 4
        'Yak,,Bob,,,', // 5
        'Xeno,,,31/02/2025,,', // 6
        'Wolf,,,03/2025,,', // 7
        'Vole,,,10/03/2025,09/03/2025,', // 8
        'Urchin,,,,,Churned', // 9
        'good,,,,,', // 10: same customer as line 2
        'existing co,,,,,', // 11
        '"Multi', // 12
        'line",,,,,', // (the record that starts on 12)
        'Tiny,SMB', // 14
      ].join('\n') + '\n',
    );
    expect(result.rows.map((r) => [r.line, r.customer])).toEqual([
      [2, 'Good'],
      [12, 'Multi line'],
    ]);
    expect(result.rejected.map((r) => [r.line, r.message])).toEqual([
      [3, 'No customer on this line'],
      [4, 'No person is named “Nobody”'],
      [5, 'More than one person is named “Bob”'],
      [6, 'The start date “31/02/2025” is not a date'],
      [7, 'The start date “03/2025” is a period, not a day'],
      [8, 'The goal date is before the start date'],
      [9, 'No journey step is named “Churned”'],
      [10, '“good” is also on line 2'],
      [11, '“existing co” already has a plan'],
      [14, 'Only 2 cells on this line; expected 6'],
    ]);
    expect(result.rejected[0]?.cells).toEqual(['', 'SMB', 'Ann Lee', '', '', '']);
  });
});
