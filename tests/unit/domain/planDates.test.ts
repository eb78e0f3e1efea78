import { describe, expect, it } from 'vitest';
import {
  defaultStepSince,
  doneDateProblem,
  moveDateProblem,
  startDateProblem,
  stepSinceProblem,
} from '../../../src/domain/planDates';
import { viewPlans } from '../../../src/domain/planViews';
import { plan, sampleJourney } from '../planFactories';

const journey = sampleJourney(); // s1 Signed, s2 Onboarded, s3 First request (NSM), s4 Fulfilled
const today = '2026-12-03';
/** Messages name days in a fixed locale here; the default is the runtime's. */
const GB = 'en-GB';

describe('defaultStepSince', () => {
  it('is the start date when there is one, else today', () => {
    expect(defaultStepSince('2026-10-15', today)).toBe('2026-10-15');
    expect(defaultStepSince(null, today)).toBe(today);
  });

  it('gives a plan created on a later step with a past start its days on the step', () => {
    // Started 15 Oct, created on Onboarded on 3 Dec: 16 (to 31 Oct) + 30 + 3 = 49 days, not 0.
    const p = plan('p', {
      startDate: '2026-10-15',
      stepId: 's2',
      stepSince: defaultStepSince('2026-10-15', today),
    });
    expect(viewPlans([p], journey, today)[0]?.daysOnStep).toBe(49);
    // A start next month: not on the step yet, so no days (not −29).
    const later = plan('q', { startDate: '2027-01-01', stepId: 's1', stepSince: '2027-01-01' });
    expect(viewPlans([later], journey, today)[0]?.daysOnStep).toBeNull();
  });
});

describe('moveDateProblem', () => {
  const p = { startDate: '2026-10-15', stepSince: '2026-11-02' };

  it('takes a day from the step it leaves to today', () => {
    expect(moveDateProblem('2026-11-02', p, today)).toBeNull();
    expect(moveDateProblem('2026-11-30', p, today)).toBeNull();
    expect(moveDateProblem(today, p, today)).toBeNull();
  });

  it('refuses a day after today, before the start or before the current step', () => {
    expect(moveDateProblem('2026-12-04', p, today, GB)).toBe('A move on 4 Dec is after today.');
    expect(moveDateProblem('2026-10-14', { ...p, stepSince: null }, today, GB)).toBe(
      'A move on 14 Oct is before the plan starts (15 Oct).',
    );
    expect(moveDateProblem('2026-11-01', p, today, GB)).toBe(
      'A move on 1 Nov is before the plan entered its current step (2 Nov).',
    );
    expect(moveDateProblem('2026-02-30', p, today)).toBe('Use a date like 2025-03-31.');
  });
});

describe('stepSinceProblem', () => {
  const p = {
    startDate: '2026-10-15',
    stepId: 's2',
    stepHistory: [
      { stepId: 's1', at: '2026-10-15' },
      { stepId: 's2', at: '2026-11-02' },
    ],
  };

  it('allows the day of the previous move up to today', () => {
    expect(stepSinceProblem('2026-10-15', p, today)).toBeNull();
    expect(stepSinceProblem('2026-11-20', p, today)).toBeNull();
  });

  it('refuses no date, a later day, a day before the start or the previous move', () => {
    expect(stepSinceProblem(null, p, today)).toMatch(/give the date/);
    expect(stepSinceProblem('2026-12-31', p, today, GB)).toBe(
      'Entering it on 31 Dec is after today.',
    );
    const noHistory = { ...p, stepHistory: [] };
    expect(stepSinceProblem('2026-10-01', noHistory, today, GB)).toBe(
      'Entering it on 1 Oct is before the plan starts (15 Oct).',
    );
    const moved = { ...p, startDate: null, stepHistory: [...p.stepHistory] };
    moved.stepHistory[0] = { stepId: 's1', at: '2026-10-20' };
    expect(stepSinceProblem('2026-10-19', moved, today, GB)).toBe(
      "Entering it on 19 Oct is before the plan's previous move (20 Oct).",
    );
  });
});

describe('doneDateProblem', () => {
  it('takes a day from the start to today', () => {
    expect(doneDateProblem('2026-10-15', '2026-10-15', today)).toBeNull();
    expect(doneDateProblem('2026-10-14', '2026-10-15', today, GB)).toBe(
      'Done on 14 Oct is before the plan starts (15 Oct).',
    );
    expect(doneDateProblem('2027-01-02', null, today, GB)).toBe(
      'Done on 2 Jan 2027 is after today.',
    );
    expect(doneDateProblem(null, null, today)).toMatch(/give the date/);
  });
});

describe('days in the locale', () => {
  it('names days as en-US and de-DE write them, with the year only outside today’s', () => {
    const p = { startDate: '2026-10-15', stepSince: null };
    expect(moveDateProblem('2026-12-04', p, today, 'en-US')).toBe(
      'A move on Dec 4 is after today.',
    );
    expect(moveDateProblem('2026-10-14', p, today, 'en-US')).toBe(
      'A move on Oct 14 is before the plan starts (Oct 15).',
    );
    expect(doneDateProblem('2027-01-02', null, today, 'en-US')).toBe(
      'Done on Jan 2, 2027 is after today.',
    );
    expect(doneDateProblem('2027-01-02', null, today, 'de-DE')).toBe(
      'Done on 02.01.2027 is after today.',
    );
    const may = '2026-05-09';
    expect(doneDateProblem('2026-05-08', may, today, 'de-DE')).toBe(
      'Done on 8. Mai is before the plan starts (9. Mai).',
    );
    const history = { stepId: 's2', stepHistory: [{ stepId: 's1', at: '2026-03-07' }] };
    expect(stepSinceProblem('2026-03-06', { ...history, startDate: null }, today, 'de-DE')).toBe(
      "Entering it on 6. März is before the plan's previous move (7. März).",
    );
    const entered = { stepId: 's1', stepSince: '2026-03-07', stepHistory: history.stepHistory };
    expect(startDateProblem('2026-03-08', entered, journey, today, 'en-US')).toBe(
      'The plan entered “Signed” on Mar 7, before this start date.',
    );
  });
});

describe('startDateProblem', () => {
  const p = {
    stepId: 's4',
    stepSince: '2026-11-20',
    stepHistory: [
      { stepId: 's1', at: '2026-10-15' },
      { stepId: 's3', at: '2026-11-02' }, // the NSM moment, First request
      { stepId: 's4', at: '2026-11-20' },
    ],
  };

  it('allows a start on or before the first step', () => {
    expect(startDateProblem('2026-10-15', p, journey, today)).toBeNull();
    expect(startDateProblem('2026-09-01', p, journey, today)).toBeNull();
    expect(startDateProblem(null, p, journey, today)).toBeNull();
  });

  it('refuses a start after the NSM moment, naming it and its day', () => {
    expect(startDateProblem('2026-11-03', p, journey, today, GB)).toBe(
      'The plan reached the NSM moment “First request” on 2 Nov, before this start date.',
    );
  });

  it('refuses a start after the first step entered', () => {
    expect(startDateProblem('2026-10-16', p, journey, today, GB)).toBe(
      'The plan entered “Signed” on 15 Oct, before this start date.',
    );
  });
});
