import { describe, expect, it } from 'vitest';
import {
  buildJourney,
  nsmPosition,
  placeStep,
  readStep,
  stepNameProblem,
  stepPosition,
  stuckAfterProblem,
} from '../../../src/domain/journey';
import { Problems } from '../../../src/domain/validate';
import { sampleJourney, step } from '../planFactories';

const ids = (j: ReturnType<typeof buildJourney>) => j.steps.map((s) => s.id);

describe('buildJourney', () => {
  it('orders steps by order key, then id, and flags exactly one NSM moment', () => {
    const j = buildJourney([step('c', 'a2'), step('b', 'a0'), step('a', 'a0')], 'b');
    expect(ids(j)).toEqual(['a', 'b', 'c']);
    expect(j.steps.filter((s) => s.nsmMoment).map((s) => s.id)).toEqual(['b']);
    expect(nsmPosition(j)).toBe(1);
  });

  it('uses the last live step as the NSM moment when none (or an unknown one) is chosen', () => {
    const records = [step('a', 'a0'), step('b', 'a1'), step('c', 'a2', { deletedAt: 5 })];
    expect(buildJourney(records, null).nsmStepId).toBe('b');
    expect(buildJourney(records, 'nope').nsmStepId).toBe('b');
    expect(buildJourney([], null).nsmStepId).toBeNull();
  });

  it('moves a removed NSM moment to the live step before it', () => {
    const j = sampleJourney({ s3: { deletedAt: 1 } });
    expect(j.nsmStepId).toBe('s2');
    expect(j.all.find((s) => s.id === 's3')?.nsmMoment).toBe(false);
  });
});

describe('placeStep', () => {
  it('places a deleted step on the nearest earlier live step', () => {
    const j = sampleJourney({ s2: { deletedAt: 1 }, s3: { deletedAt: 1 } });
    expect(placeStep(j, 's3')?.id).toBe('s1');
    expect(placeStep(j, 's2')?.id).toBe('s1');
    expect(placeStep(j, 's4')?.id).toBe('s4');
    expect(stepPosition(j, 's3')).toBe(0);
    expect(stepPosition(j, 's4')).toBe(1);
  });

  it('places on the first step when nothing earlier is live, or no step is set', () => {
    const j = sampleJourney({ s1: { deletedAt: 1 } });
    expect(placeStep(j, 's1')?.id).toBe('s2');
    expect(placeStep(j, null)?.id).toBe('s2');
    expect(placeStep(j, 'unknown')?.id).toBe('s2');
    expect(placeStep(buildJourney([], null), 's1')).toBeNull();
    expect(stepPosition(buildJourney([], null), 's1')).toBe(-1);
  });
});

describe('readStep and form messages', () => {
  it('repairs what a peer wrote wrong', () => {
    const problems = new Problems();
    const s = readStep('x', { name: '  ', stuckAfterDays: 2.5, order: 7 }, problems);
    expect(s).toMatchObject({ name: '(unnamed step)', stuckAfterDays: null, order: 'a0' });
    expect(problems.list).toEqual(['name is empty', 'stuck after is not a whole number of days']);
  });

  it('explains bad names and stuck-after days', () => {
    expect(stepNameProblem(' ')).toBe('A step needs a name.');
    expect(stepNameProblem('Onboarded')).toBeNull();
    expect(stuckAfterProblem(null)).toBeNull();
    expect(stuckAfterProblem(14)).toBeNull();
    expect(stuckAfterProblem(-1)).toMatch(/whole number of days/);
    expect(stuckAfterProblem(1.5)).toMatch(/whole number of days/);
  });
});
