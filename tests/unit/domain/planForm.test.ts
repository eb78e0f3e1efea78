import { describe, expect, it } from 'vitest';
import {
  checkPlanForm,
  plansForCustomer,
  customerProblem,
  dateProblem,
  goalDateProblem,
  goalDateWarning,
  milestoneDueProblem,
} from '../../../src/domain/planForm';

const TODAY = '2025-03-20';
/** Messages name days in a fixed locale here; the default is the runtime's. */
const GB = 'en-GB';

describe('plan form messages', () => {
  it('requires a customer name', () => {
    expect(customerProblem('   ')).toBe('A customer name is required.');
    expect(customerProblem('x'.repeat(301))).toBe('Keep the customer name under 300 characters.');
    expect(customerProblem(' Acme ')).toBeNull();
  });

  it('refuses a goal date before the start date, allows the same day', () => {
    expect(goalDateProblem('2025-03-10', '2025-03-09')).toBe(
      'The goal date is before the start date.',
    );
    expect(goalDateProblem('2025-03-10', '2025-03-10')).toBeNull();
    expect(goalDateProblem(null, '2025-03-09')).toBeNull();
    expect(goalDateProblem('', '2025-03-09')).toBeNull();
  });

  it('warns (only) about a goal date in the past', () => {
    expect(goalDateWarning('2025-03-19', TODAY, GB)).toBe('The goal date (19 Mar) is in the past.');
    expect(goalDateWarning(TODAY, TODAY)).toBeNull();
    expect(goalDateWarning(null, TODAY)).toBeNull();
  });

  it('refuses a milestone due before the plan starts', () => {
    expect(milestoneDueProblem('2025-02-28', '2025-03-01', TODAY, GB)).toBe(
      'Due 28 Feb, before the plan starts (1 Mar).',
    );
    expect(milestoneDueProblem('2025-03-01', '2025-03-01', TODAY)).toBeNull();
    expect(milestoneDueProblem('2025-02-28', null, TODAY)).toBeNull();
  });

  it('names days in the locale given, with the year only outside today’s', () => {
    expect(goalDateWarning('2025-03-19', TODAY, 'en-US')).toBe(
      'The goal date (Mar 19) is in the past.',
    );
    expect(goalDateWarning('2024-12-30', TODAY, 'en-US')).toBe(
      'The goal date (Dec 30, 2024) is in the past.',
    );
    expect(goalDateWarning('2024-12-30', TODAY, 'de-DE')).toBe(
      'The goal date (30.12.2024) is in the past.',
    );
    expect(milestoneDueProblem('2025-03-06', '2025-03-07', TODAY, 'de-DE')).toBe(
      'Due 6. März, before the plan starts (7. März).',
    );
    const check = checkPlanForm(
      {
        customer: 'Acme',
        startDate: '2025-03-07',
        goalDate: '2025-03-19',
        milestones: [{ id: 'a', title: 'Kick-off', due: '2025-03-06' }],
      },
      TODAY,
      'en-US',
    );
    expect(check.warnings.goalDate).toBe('The goal date (Mar 19) is in the past.');
    expect(check.milestones.a).toBe('Due Mar 6, before the plan starts (Mar 7).');
  });

  it('explains a date that is not one', () => {
    expect(dateProblem('2025-02-30')).toBe('Use a date like 2025-03-31.');
    expect(dateProblem('')).toBeNull();
  });
});

describe('checkPlanForm', () => {
  it('gathers errors by field and milestone, and warnings apart', () => {
    const check = checkPlanForm(
      {
        customer: '',
        startDate: '2025-03-01',
        goalDate: '2025-03-10',
        milestones: [
          { id: 'a', title: 'Kick-off', due: '2025-02-20' },
          { id: 'b', title: ' ', due: null },
          { id: 'c', title: 'Training', due: '2025-03-05' },
        ],
      },
      TODAY,
      GB,
    );
    expect(check).toEqual({
      errors: { customer: 'A customer name is required.' },
      warnings: { goalDate: 'The goal date (10 Mar) is in the past.' },
      milestones: {
        a: 'Due 20 Feb, before the plan starts (1 Mar).',
        b: 'A milestone needs a title.',
      },
      ok: false,
    });
  });

  it('reports a goal before the start as the error, not also the past-date warning', () => {
    const check = checkPlanForm(
      { customer: 'Acme', startDate: '2025-03-01', goalDate: '2025-02-01', milestones: [] },
      TODAY,
    );
    expect(check.errors).toEqual({ goalDate: 'The goal date is before the start date.' });
    expect(check.warnings).toEqual({});
    expect(check.ok).toBe(false);
  });

  it('is ok with a past goal date (a warning does not block saving)', () => {
    const check = checkPlanForm(
      { customer: 'Acme', startDate: '2025-01-01', goalDate: '2025-02-01', milestones: [] },
      TODAY,
      GB,
    );
    expect(check.ok).toBe(true);
    expect(check.warnings.goalDate).toBe('The goal date (1 Feb) is in the past.');
  });
});

describe('plans a customer already has', () => {
  const p = (customer: string, deletedAt: number | null = null) => ({ customer, deletedAt });
  it('matches the same customer written differently, not deleted plans or other customers', () => {
    const plans = [p('Acme GmbH'), p('Globex'), p('Acme GmbH', 5), p('Zoë Ltd')];
    expect(plansForCustomer(plans, '  acme   gmbh ')).toEqual([p('Acme GmbH')]);
    expect(plansForCustomer(plans, 'ZOE LTD')).toEqual([p('Zoë Ltd')]);
    expect(plansForCustomer(plans, 'Initech')).toEqual([]);
    expect(plansForCustomer(plans, '   ')).toEqual([]);
  });
});
