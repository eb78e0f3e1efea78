import { buildJourney, type Journey, type StepRecord } from '../../src/domain/journey';
import type { Milestone, Plan } from '../../src/domain/plans';

/** A step record with sensible defaults, for tests. */
export function step(id: string, order: string, patch: Partial<StepRecord> = {}): StepRecord {
  return {
    id,
    name: id,
    description: '',
    stuckAfterDays: null,
    order,
    createdAt: 0,
    deletedAt: null,
    ...patch,
  };
}

/** A plan with sensible defaults, for tests. */
export function plan(id: string, patch: Partial<Plan> = {}): Plan {
  return {
    id,
    customer: id,
    segment: '',
    ownerId: null,
    startDate: null,
    goalDate: null,
    stepId: null,
    stepSince: null,
    goals: '',
    statusOverride: null,
    milestones: [],
    notes: [],
    stepHistory: [],
    createdAt: 0,
    deletedAt: null,
    ...patch,
  };
}

export function milestone(id: string, patch: Partial<Milestone> = {}): Milestone {
  return {
    id,
    title: id,
    due: null,
    ownerId: null,
    done: false,
    doneAt: null,
    createdAt: 0,
    ...patch,
  };
}

/**
 * Signed → Onboarded (stuck after 14) → First request (the NSM moment) → Fulfilled, with
 * ids s1–s4.
 */
export function sampleJourney(patch: Record<string, Partial<StepRecord>> = {}): Journey {
  return buildJourney(
    [
      step('s1', 'a0', { name: 'Signed', ...patch.s1 }),
      step('s2', 'a1', { name: 'Onboarded', stuckAfterDays: 14, ...patch.s2 }),
      step('s3', 'a2', { name: 'First request', ...patch.s3 }),
      step('s4', 'a3', { name: 'Fulfilled', ...patch.s4 }),
    ],
    's3',
  );
}
