import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  NSM_MOMENT_KEY,
  addStep,
  moveStep,
  readJourney,
  removeStep,
  restoreStep,
  setNsmMoment,
  updateStep,
} from '../../../src/doc/journey';
import { addPlan, movePlanToStep, readPlans } from '../../../src/doc/plans';
import { createUndoManager } from '../../../src/doc/undo';
import { planBoard, viewPlans } from '../../../src/domain/planViews';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncAll } from './replicas';

const TODAY = '2025-03-20';
const stepNames = (ws: WorkspaceDoc) => readJourney(ws).journey.steps.map((s) => s.name);
/** The board as [step, customers] pairs. */
function board(ws: WorkspaceDoc): [string, string[]][] {
  const { journey } = readJourney(ws);
  const views = viewPlans(readPlans(ws).plans, journey, TODAY);
  return planBoard(views, journey).columns.map((c) => [
    c.step.name,
    c.plans.map((v) => v.plan.customer).sort(),
  ]);
}

function fourSteps(ws: WorkspaceDoc): string[] {
  return ['Signed', 'Onboarded', 'First request', 'Fulfilled'].map((name) => addStep(ws, { name }));
}

describe('journey in the document', () => {
  it('adds, renames, reorders and reads steps back validated', () => {
    const ws = replica(1);
    const [signed, onboarded, , fulfilled] = fourSteps(ws);
    updateStep(ws, onboarded!, { name: ' Live ', stuckAfterDays: 14, description: 'Set up' });
    moveStep(ws, fulfilled!, signed!);
    addStep(ws, { name: 'Trial' }, signed!);
    expect(stepNames(ws)).toEqual(['Fulfilled', 'Trial', 'Signed', 'Live', 'First request']);
    const live = readJourney(ws).journey.steps.find((s) => s.id === onboarded);
    expect(live).toMatchObject({ stuckAfterDays: 14, description: 'Set up' });
    updateStep(ws, onboarded!, { stuckAfterDays: null });
    expect(readJourney(ws).journey.steps[3]?.stuckAfterDays).toBeNull();
    expect(() => addStep(ws, { name: ' ' })).toThrow();
  });

  it('keeps exactly one NSM moment: the last step until one is chosen', () => {
    const ws = replica(1);
    const [, , first, fulfilled] = fourSteps(ws);
    expect(readJourney(ws).journey.nsmStepId).toBe(fulfilled);
    setNsmMoment(ws, first!);
    const { journey, warnings } = readJourney(ws);
    expect(journey.steps.filter((s) => s.nsmMoment).map((s) => s.id)).toEqual([first]);
    expect(warnings).toEqual([]);
  });

  it('lets one of two concurrent NSM choices win on both replicas', () => {
    const a = replica(1);
    const b = replica(2);
    const [, onboarded, first] = fourSteps(a);
    syncAll([a, b]);
    setNsmMoment(a, onboarded!);
    setNsmMoment(b, first!);
    syncAll([a, b]);
    const chosen = readJourney(a).journey.nsmStepId;
    expect([onboarded, first]).toContain(chosen);
    expect(readJourney(b).journey.nsmStepId).toBe(chosen);
    expect(readJourney(a).journey.steps.filter((s) => s.nsmMoment)).toHaveLength(1);
  });

  it('puts plans of a removed step on the step before it, and back on restore', () => {
    const ws = replica(1);
    const [signed, onboarded] = fourSteps(ws);
    addPlan(ws, { customer: 'Acme', stepId: onboarded! }, '2025-03-01');
    addPlan(ws, { customer: 'Bolt', stepId: signed! }, '2025-03-01');
    removeStep(ws, onboarded!);
    expect(board(ws)).toEqual([
      ['Signed', ['Acme', 'Bolt']],
      ['First request', []],
      ['Fulfilled', []],
    ]);
    restoreStep(ws, onboarded!);
    expect(board(ws)[1]).toEqual(['Onboarded', ['Acme']]);
  });

  it('places plans the same way on two replicas after concurrent removals and moves', () => {
    const a = replica(1);
    const b = replica(2);
    const [signed, onboarded, first] = fourSteps(a);
    const acme = addPlan(a, { customer: 'Acme', stepId: onboarded! }, '2025-03-01');
    const bolt = addPlan(a, { customer: 'Bolt', stepId: signed! }, '2025-03-01');
    addPlan(a, { customer: 'Cora', stepId: first! }, '2025-03-01');
    syncAll([a, b]);
    // A removes Onboarded while B moves Bolt onto it and removes First request.
    removeStep(a, onboarded!);
    movePlanToStep(b, bolt, onboarded!, '2025-03-05');
    removeStep(b, first!);
    syncAll([a, b]);
    expect(board(a)).toEqual([
      ['Signed', ['Acme', 'Bolt', 'Cora']],
      ['Fulfilled', []],
    ]);
    expect(board(b)).toEqual(board(a));
    // With nothing live before them, plans sit on the first live step.
    removeStep(b, signed!);
    syncAll([a, b]);
    expect(board(a)).toEqual([['Fulfilled', ['Acme', 'Bolt', 'Cora']]]);
    expect(board(b)).toEqual(board(a));
    // The plans themselves still point where they were put.
    expect(readPlans(a).plans.find((p) => p.id === acme)?.stepId).toBe(onboarded);
    expect(readJourney(b).journey.nsmStepId).toBe(readJourney(a).journey.nsmStepId);
  });

  it('undoes a removal, and reports junk a peer wrote', () => {
    const ws = replica(1);
    const [, onboarded] = fourSteps(ws);
    const undo = createUndoManager(ws);
    removeStep(ws, onboarded!);
    undo.stopCapturing();
    expect(stepNames(ws)).not.toContain('Onboarded');
    undo.undo();
    expect(stepNames(ws)).toContain('Onboarded');

    ws.journey.set('junk', 'not a step');
    ws.journey.set(NSM_MOMENT_KEY, 'missing-step');
    const bad = new Y.Map<unknown>();
    ws.journey.set('bad', bad);
    bad.set('name', 5);
    bad.set('stuckAfterDays', -3);
    const { journey, warnings } = readJourney(ws);
    expect(journey.steps.map((s) => s.name)).toContain('(unnamed step)');
    expect(journey.nsmStepId).toBe(journey.steps.at(-1)?.id);
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'an entry (junk) is not a step and was ignored',
        'the NSM moment step is missing; the last step stands in',
        'stuck after is not a whole number of days',
      ]),
    );
  });
});
