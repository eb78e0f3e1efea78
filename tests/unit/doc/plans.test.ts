import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPlan,
  addPlanNote,
  addPlans,
  deletePlan,
  movePlanToStep,
  readPlans,
  restorePlan,
  setPlanStatus,
  setStepSince,
  updatePlan,
} from '../../../src/doc/plans';
import {
  addMilestone,
  removeMilestone,
  restoreMilestone,
  setMilestoneDone,
  setMilestoneDoneAt,
  updateMilestone,
} from '../../../src/doc/planMilestones';
import { addStep, readJourney } from '../../../src/doc/journey';
import { createUndoManager } from '../../../src/doc/undo';
import { viewPlans } from '../../../src/domain/planViews';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncAll } from './replicas';

const read = (ws: WorkspaceDoc, id: string) => readPlans(ws).plans.find((p) => p.id === id);

describe('plans in the document', () => {
  it('creates a plan with its step, history and parts, and reads it back', () => {
    const ws = replica(1);
    const step = addStep(ws, { name: 'Signed' });
    const id = addPlan(
      ws,
      {
        customer: '  Acme ',
        segment: ' SMB ',
        ownerId: 'ann',
        startDate: '2025-03-01',
        stepId: step,
      },
      '2025-03-02',
      1000,
    );
    expect(read(ws, id)).toEqual({
      id,
      customer: 'Acme',
      segment: 'SMB',
      ownerId: 'ann',
      startDate: '2025-03-01',
      goalDate: null,
      stepId: step,
      // Typed on 2 March, started 1 March: it entered its step on its start date.
      stepSince: '2025-03-01',
      goals: '',
      statusOverride: null,
      milestones: [],
      notes: [],
      stepHistory: [{ stepId: step, at: '2025-03-01' }],
      createdAt: 1000,
      deletedAt: null,
    });
    expect(readPlans(ws).warnings).toEqual([]);
  });

  it('dates the first step by the given date, else the start date, else today', () => {
    const ws = replica(1);
    const s1 = addStep(ws, { name: 'Signed' });
    const s2 = addStep(ws, { name: 'Onboarded' });
    const [given, started, none, noStep] = addPlans(
      ws,
      [
        { customer: 'Given', startDate: '2025-02-01', stepId: s2, stepSince: '2025-02-20' },
        // On a later step with a past start: entered it on the start, not on the day typed.
        { customer: 'Started', startDate: '2025-02-01', stepId: s2 },
        { customer: 'None', stepId: s1 },
        { customer: 'No step', startDate: '2025-02-01' },
      ],
      '2025-03-02',
    );
    expect(read(ws, given!)?.stepHistory).toEqual([{ stepId: s2, at: '2025-02-20' }]);
    expect(read(ws, started!)?.stepSince).toBe('2025-02-01');
    expect(read(ws, started!)?.stepHistory).toEqual([{ stepId: s2, at: '2025-02-01' }]);
    expect(read(ws, none!)?.stepSince).toBe('2025-03-02');
    expect(read(ws, noStep!)?.stepSince).toBeNull();
    expect(read(ws, noStep!)?.stepHistory).toEqual([]);
    expect(() => addPlan(ws, { customer: 'Bad', stepId: s1, stepSince: '2025-02-30' })).toThrow();
  });

  it('corrects the date of the current step in stepSince and its latest visit only', () => {
    const ws = replica(1);
    const s1 = addStep(ws, { name: 'Signed' });
    const s2 = addStep(ws, { name: 'Onboarded' });
    const id = addPlan(ws, { customer: 'Acme', stepId: s1 }, '2025-03-01');
    movePlanToStep(ws, id, s2, '2025-03-10');
    movePlanToStep(ws, id, s1, '2025-03-12');
    movePlanToStep(ws, id, s2, '2025-03-20');
    setStepSince(ws, id, '2025-03-15');
    const plan = read(ws, id);
    expect(plan?.stepSince).toBe('2025-03-15');
    expect(plan?.stepHistory).toEqual([
      { stepId: s1, at: '2025-03-01' },
      { stepId: s2, at: '2025-03-10' },
      { stepId: s1, at: '2025-03-12' },
      { stepId: s2, at: '2025-03-15' },
    ]);
    expect(() => setStepSince(ws, id, 'soon')).toThrow();
  });

  it('keeps the typed date of moves in an older copy (no date was chosen then)', () => {
    // An older copy dated a new plan's step by the day it was typed (5 Nov), whatever its
    // start (1 Oct): the same values, written by hand, read as that day.
    const ws = replica(1);
    const s1 = addStep(ws, { name: 'Signed' });
    const id = addPlan(ws, { customer: 'Old', startDate: '2024-10-01', stepId: s1 }, '2024-11-05');
    const record = ws.plans.get(id) as Y.Map<unknown>;
    ws.doc.transact(() => {
      record.set('stepSince', '2024-11-05');
      const history = record.get('stepHistory') as Y.Array<unknown>;
      history.delete(0, 1);
      history.push([{ stepId: s1, at: '2024-11-05' }]);
    });
    expect(read(ws, id)).toMatchObject({
      startDate: '2024-10-01',
      stepSince: '2024-11-05',
      stepHistory: [{ stepId: s1, at: '2024-11-05' }],
    });
    expect(readPlans(ws).warnings).toEqual([]);
  });

  it('corrects the date a done milestone was done, and not of an open one', () => {
    const ws = replica(1);
    const id = addPlan(ws, { customer: 'Acme' });
    const a = addMilestone(ws, id, { title: 'Kick-off' })!;
    const b = addMilestone(ws, id, { title: 'Training' })!;
    setMilestoneDone(ws, id, a, true, '2025-03-06');
    setMilestoneDoneAt(ws, id, a, '2025-03-04');
    setMilestoneDoneAt(ws, id, b, '2025-03-04');
    const ms = read(ws, id)?.milestones ?? [];
    expect(ms.find((m) => m.id === a)?.doneAt).toBe('2025-03-04');
    expect(ms.find((m) => m.id === b)).toMatchObject({ done: false, doneAt: null });
    expect(() => setMilestoneDoneAt(ws, id, a, '2025-13-01')).toThrow();
  });

  it('refuses invalid drafts before writing anything', () => {
    const ws = replica(1);
    expect(() => addPlans(ws, [{ customer: 'Fine' }, { customer: ' ' }])).toThrow();
    expect(() => addPlan(ws, { customer: 'A', goalDate: '2025-02-30' })).toThrow();
    expect(ws.plans.size).toBe(0);
    const ids = addPlans(ws, [{ customer: 'A' }, { customer: 'B' }]);
    expect(
      readPlans(ws)
        .plans.map((p) => p.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('moves a plan: step, date and history in one transaction', () => {
    const ws = replica(1);
    const [s1, s2] = [addStep(ws, { name: 'Signed' }), addStep(ws, { name: 'Onboarded' })];
    const id = addPlan(ws, { customer: 'Acme', stepId: s1 }, '2025-03-01');
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    movePlanToStep(ws, id, s2, '2025-03-10');
    movePlanToStep(ws, id, s2, '2025-03-11'); // already there: nothing happens
    expect(transactions).toBe(1);
    expect(read(ws, id)).toMatchObject({
      stepId: s2,
      stepSince: '2025-03-10',
      stepHistory: [
        { stepId: s1, at: '2025-03-01' },
        { stepId: s2, at: '2025-03-10' },
      ],
    });
  });

  it('edits fields, status and milestones', () => {
    const ws = replica(1);
    const id = addPlan(ws, { customer: 'Acme', startDate: '2025-03-01' });
    updatePlan(ws, id, { goals: 'Live by June', goalDate: '2025-06-30', segment: ' Ent ' });
    setPlanStatus(ws, id, 'at-risk');
    const later = addMilestone(ws, id, { title: 'Training', due: '2025-04-01' }, 2)!;
    const first = addMilestone(
      ws,
      id,
      { title: ' Kick-off ', due: '2025-03-05', ownerId: 'ann' },
      1,
    )!;
    const none = addMilestone(ws, id, { title: 'Someday' }, 0)!;
    updateMilestone(ws, id, later, { title: 'Admin training' });
    setMilestoneDone(ws, id, first, true, '2025-03-06');
    const plan = read(ws, id)!;
    expect(plan).toMatchObject({ goals: 'Live by June', goalDate: '2025-06-30', segment: 'Ent' });
    expect(plan.statusOverride).toBe('at-risk');
    expect(plan.milestones).toEqual([
      {
        id: first,
        title: 'Kick-off',
        due: '2025-03-05',
        ownerId: 'ann',
        done: true,
        doneAt: '2025-03-06',
        createdAt: 1,
      },
      {
        id: later,
        title: 'Admin training',
        due: '2025-04-01',
        ownerId: null,
        done: false,
        doneAt: null,
        createdAt: 2,
      },
      {
        id: none,
        title: 'Someday',
        due: null,
        ownerId: null,
        done: false,
        doneAt: null,
        createdAt: 0,
      },
    ]);
    setMilestoneDone(ws, id, first, false);
    removeMilestone(ws, id, none);
    setPlanStatus(ws, id, null);
    const after = read(ws, id)!;
    expect(after.milestones.map((m) => [m.title, m.done, m.doneAt])).toEqual([
      ['Kick-off', false, null],
      ['Admin training', false, null],
    ]);
    expect(after.statusOverride).toBeNull();
    restoreMilestone(ws, id, none);
    expect(read(ws, id)!.milestones).toHaveLength(3);
    expect(addMilestone(ws, 'nope', { title: 'x' })).toBeNull();
  });

  it('keeps both edits when one person moves a plan while another ticks a milestone', () => {
    const a = replica(1);
    const b = replica(2);
    const [s1, s2] = [addStep(a, { name: 'Signed' }), addStep(a, { name: 'Onboarded' })];
    const id = addPlan(a, { customer: 'Acme', stepId: s1 }, '2025-03-01');
    const kickOff = addMilestone(a, id, { title: 'Kick-off' })!;
    syncAll([a, b]);

    movePlanToStep(a, id, s2, '2025-03-10');
    addPlanNote(a, id, 'Moved after the call', 'ann', 100);
    setMilestoneDone(b, id, kickOff, true, '2025-03-09');
    addMilestone(b, id, { title: 'Training' });
    addPlanNote(b, id, 'Kick-off went well', 'bob', 100);
    updatePlan(b, id, { goals: 'Go live' });
    syncAll([a, b]);

    for (const ws of [a, b]) {
      const plan = read(ws, id)!;
      expect(plan).toMatchObject({ stepId: s2, stepSince: '2025-03-10', goals: 'Go live' });
      expect(plan.milestones.map((m) => [m.title, m.done])).toEqual([
        ['Kick-off', true],
        ['Training', false],
      ]);
      expect(plan.notes.map((n) => n.text).sort()).toEqual([
        'Kick-off went well',
        'Moved after the call',
      ]);
    }
    expect(read(a, id)).toEqual(read(b, id));
  });

  it('settles two concurrent moves of one plan on the same step and date everywhere', () => {
    const a = replica(1);
    const b = replica(2);
    const steps = ['Signed', 'Onboarded', 'Live'].map((name) => addStep(a, { name }));
    const id = addPlan(a, { customer: 'Acme', stepId: steps[0]! }, '2025-03-01');
    syncAll([a, b]);
    movePlanToStep(a, id, steps[1]!, '2025-03-10');
    movePlanToStep(b, id, steps[2]!, '2025-03-12');
    syncAll([a, b]);
    const plan = read(a, id)!;
    expect(read(b, id)).toEqual(plan);
    const winner = plan.stepHistory.find((v) => v.stepId === plan.stepId);
    expect(plan.stepSince).toBe(winner?.at);
    expect(plan.stepHistory).toHaveLength(3);
    // Both replicas show the same status on the same step.
    const { journey } = readJourney(b);
    expect(viewPlans(readPlans(b).plans, journey, '2025-04-01')[0]?.step?.id).toBe(plan.stepId);
  });

  it('soft-deletes and restores, and undo brings a deleted plan back', () => {
    const ws = replica(1);
    const id = addPlan(ws, { customer: 'Acme' });
    deletePlan(ws, id, 5);
    expect(readPlans(ws).plans).toEqual([]);
    expect(readPlans(ws, true).plans[0]?.deletedAt).toBe(5);
    restorePlan(ws, id);
    expect(readPlans(ws).plans).toHaveLength(1);

    const undo = createUndoManager(ws);
    deletePlan(ws, id);
    undo.stopCapturing();
    undo.undo();
    expect(read(ws, id)?.customer).toBe('Acme');
  });

  it('undoes only local edits, never a teammate’s note', () => {
    const a = replica(1);
    const b = replica(2);
    const id = addPlan(a, { customer: 'Acme' });
    syncAll([a, b]);
    const undo = createUndoManager(a);
    updatePlan(a, id, { goals: 'Mine' });
    undo.stopCapturing();
    addPlanNote(b, id, 'Theirs', 'bob');
    syncAll([a, b]);
    undo.undo();
    expect(read(a, id)).toMatchObject({ goals: '', notes: [{ text: 'Theirs', by: 'bob' }] });
  });

  it('ignores junk written by a peer, with warnings', () => {
    const ws = replica(1);
    addPlan(ws, { customer: 'Good' });
    ws.plans.set('junk', 'not a plan' as unknown as Y.Map<unknown>);
    const bad = new Y.Map<unknown>();
    ws.plans.set('bad', bad);
    bad.set('customer', 7);
    bad.set('status', 'on-fire');
    bad.set('startDate', '2025-13-01');
    const notes = new Y.Array<unknown>();
    bad.set('notes', notes);
    notes.push([{ at: 1, text: 'fine' }, 'junk', { text: 5 }]);
    const history = new Y.Array<unknown>();
    bad.set('stepHistory', history);
    history.push([{ stepId: 's', at: 'soon' }]);
    const { plans, warnings } = readPlans(ws);
    expect(plans.map((p) => p.customer).sort()).toEqual(['(unnamed customer)', 'Good']);
    const fixed = plans.find((p) => p.id === 'bad')!;
    expect(fixed).toMatchObject({ statusOverride: null, startDate: null, stepHistory: [] });
    expect(fixed.notes).toEqual([{ at: 1, by: null, text: 'fine' }]);
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        '1 unreadable success plan was ignored (written by another copy)',
        'status is not known; the suggested status is used',
        'notes: 2 could not be read and were ignored',
        'step history visits: 1 could not be read and was ignored',
      ]),
    );
    // Writing to a plan that lacks its parts creates them.
    const milestone = addMilestone(ws, 'bad', { title: 'Kick-off' });
    expect(read(ws, 'bad')?.milestones.map((m) => m.id)).toEqual([milestone]);
  });
});
