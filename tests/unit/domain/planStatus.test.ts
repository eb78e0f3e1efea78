import { describe, expect, it } from 'vitest';
import { planStatus, suggestStatus } from '../../../src/domain/planStatus';
import { placeStep } from '../../../src/domain/journey';
import { milestone, plan, sampleJourney } from '../planFactories';

const journey = sampleJourney();
const onboarded = placeStep(journey, 's2');
const nsm = placeStep(journey, 's3');
/** Reasons that name a day are read in a fixed locale; the default is the runtime's. */
const GB = 'en-GB';

describe('suggestStatus', () => {
  it('is stuck only after more than the step’s days (the threshold day itself is fine)', () => {
    const p = plan('p', { stepId: 's2', stepSince: '2025-03-01' });
    // 1 → 15 March is 14 days: exactly the limit.
    expect(suggestStatus(p, [], onboarded, '2025-03-15')).toEqual({
      status: 'on-track',
      reasons: [],
    });
    expect(suggestStatus(p, [], onboarded, '2025-03-16')).toEqual({
      status: 'stuck',
      reasons: ['On “Onboarded” for 15 days (stuck after 14)'],
    });
  });

  it('counts days across month ends and leap days', () => {
    // 20 Feb → 13 Mar 2025: 8 days to the end of February (28 days), then 13.
    const p = plan('p', { stepId: 's2', stepSince: '2025-02-20' });
    expect(suggestStatus(p, [], onboarded, '2025-03-13').reasons).toEqual([
      'On “Onboarded” for 21 days (stuck after 14)',
    ]);
    // 2024 is a leap year: 20 Feb → 6 Mar is 9 + 6 = 15 days.
    const leap = plan('p', { stepId: 's2', stepSince: '2024-02-20' });
    expect(suggestStatus(leap, [], onboarded, '2024-03-06').status).toBe('stuck');
    expect(suggestStatus(leap, [], onboarded, '2024-03-05').status).toBe('on-track');
  });

  it('never calls a step without a limit stuck', () => {
    const p = plan('p', { stepId: 's1', stepSince: '2020-01-01' });
    expect(suggestStatus(p, [], placeStep(journey, 's1'), '2025-01-01').status).toBe('on-track');
  });

  it('is at risk when an open milestone is past due or the goal date has passed', () => {
    const p = plan('p', { goalDate: '2025-06-30' });
    const kickOff = milestone('m', { title: 'Kick-off', due: '2025-03-03' });
    expect(suggestStatus(p, [kickOff], onboarded, '2025-03-03').status).toBe('on-track');
    expect(suggestStatus(p, [kickOff], onboarded, '2025-03-04', GB)).toEqual({
      status: 'at-risk',
      reasons: ['Milestone “Kick-off” was due 3 Mar'],
    });
    const ticked = { ...kickOff, done: true, doneAt: '2025-03-05' };
    expect(suggestStatus(p, [ticked], onboarded, '2025-03-04').status).toBe('on-track');
    expect(suggestStatus(p, [], onboarded, '2025-07-01', GB)).toEqual({
      status: 'at-risk',
      reasons: ['The goal date was 30 Jun'],
    });
  });

  it('names the year of a date in another year', () => {
    const m = milestone('m', { title: 'Training', due: '2024-12-30' });
    expect(suggestStatus(plan('p'), [m], null, '2025-01-02', GB).reasons).toEqual([
      'Milestone “Training” was due 30 Dec 2024',
    ]);
  });

  it('names days in the locale given: en-US and de-DE', () => {
    const p = plan('p', { goalDate: '2025-06-30' });
    const kickOff = milestone('m', { title: 'Kick-off', due: '2025-03-03' });
    const old = milestone('o', { title: 'Training', due: '2024-12-30' });
    expect(suggestStatus(p, [kickOff, old], null, '2025-07-01', 'en-US').reasons).toEqual([
      'Milestone “Kick-off” was due Mar 3',
      'Milestone “Training” was due Dec 30, 2024',
      'The goal date was Jun 30',
    ]);
    expect(suggestStatus(p, [kickOff, old], null, '2025-07-01', 'de-DE').reasons).toEqual([
      'Milestone “Kick-off” was due 3. März',
      'Milestone “Training” was due 30.12.2024',
      'The goal date was 30. Juni',
    ]);
    // planStatus passes its locale on.
    expect(
      planStatus({ ...p, milestones: [], statusOverride: null }, null, '2025-07-01', 'de-DE'),
    ).toMatchObject({ suggestion: { reasons: ['The goal date was 30. Juni'] } });
  });

  it('lists the at-risk reasons of a stuck plan too', () => {
    const p = plan('p', { stepSince: '2025-03-01', goalDate: '2025-03-10' });
    const m = milestone('m', { title: 'Kick-off', due: '2025-03-03' });
    expect(suggestStatus(p, [m], onboarded, '2025-03-31', GB)).toEqual({
      status: 'stuck',
      reasons: [
        'On “Onboarded” for 30 days (stuck after 14)',
        'Milestone “Kick-off” was due 3 Mar',
        'The goal date was 10 Mar',
      ],
    });
  });

  it('is done on the NSM-moment step with every milestone done, whatever else', () => {
    const p = plan('p', { stepSince: '2020-01-01', goalDate: '2020-02-01' });
    const done = milestone('m', { done: true, doneAt: '2020-01-05', due: '2020-01-04' });
    expect(suggestStatus(p, [done], nsm, '2025-01-01')).toEqual({
      status: 'done',
      reasons: ['Reached the NSM moment “First request” with every milestone done'],
    });
    expect(suggestStatus(p, [], nsm, '2025-01-01').status).toBe('done');
    const open = milestone('n', { due: '2024-12-01' });
    expect(suggestStatus(p, [done, open], nsm, '2025-01-01').status).toBe('at-risk');
  });
});

describe('planStatus', () => {
  it('shows the override, and the suggestion beside it', () => {
    const p = plan('p', { stepSince: '2025-01-01', statusOverride: 'on-track' });
    const info = planStatus(p, onboarded, '2025-03-01');
    expect(info.status).toBe('on-track');
    expect(info.overridden).toBe(true);
    expect(info.suggestion.status).toBe('stuck');
    expect(planStatus({ ...p, statusOverride: null }, onboarded, '2025-03-01').status).toBe(
      'stuck',
    );
  });
});
