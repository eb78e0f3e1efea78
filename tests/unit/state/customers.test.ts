import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { readPlans } from '../../../src/doc/plans';
import { shortDay } from '../../../src/domain/dayWords';
import { openAreas } from './areaHarness';

/** The customer-success area (and the others) over a fresh document, today 2026-03-10. */
function setup(options: { readOnly?: boolean } = {}) {
  const { ws, areas, setToday } = openAreas(options);
  return { ws, cs: areas.customers, insights: areas.insights, setToday };
}

/** Applies `edit` to a second replica of `ws` and sends the change back, as a teammate would. */
function fromTeammate(ws: WorkspaceDoc, edit: (other: WorkspaceDoc) => void): void {
  const other = workspaceDoc(new Y.Doc());
  Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(ws.doc));
  const before = Y.encodeStateVector(other.doc);
  edit(other);
  Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(other.doc, before), 'peer');
}

describe('CustomerSuccess', () => {
  it('follows its own actions: steps, plans, moves, milestones, notes', () => {
    const { ws, cs } = setup();
    const signed = cs.addStep({ name: 'Signed', stuckAfterDays: 7 }) ?? '';
    const live = cs.addStep({ name: 'Live' }) ?? '';
    cs.setNsmMoment(live);
    const [a, b] =
      cs.addPlans([
        { customer: 'Acme', stepId: signed, startDate: '2026-03-01' },
        { customer: 'Bolt', stepId: signed },
      ]) ?? [];
    expect(cs.plans.map((p) => p.customer).sort()).toEqual(['Acme', 'Bolt']);
    cs.movePlan(a ?? '', live);
    const m = cs.addMilestone(a ?? '', { title: 'Kick-off', due: '2026-03-05', ownerId: null });
    cs.addNote(b ?? '', 'Called them');
    expect(cs.plansById.get(a ?? '')?.stepId).toBe(live);
    expect(cs.plansById.get(b ?? '')?.notes.map((n) => [n.text, n.by])).toEqual([
      ['Called them', 'me'],
    ]);
    // An open milestone due before today: at risk, though on the NSM-moment step.
    expect(cs.views.find((v) => v.plan.id === a)?.status).toBe('at-risk');
    cs.setMilestoneDone(a ?? '', m ?? '', true);
    expect(cs.plansById.get(a ?? '')?.milestones[0]?.doneAt).toBe('2026-03-10');
    expect(cs.views.find((v) => v.plan.id === a)?.status).toBe('done');
    expect(cs.nearNsm.map((n) => n.view.plan.customer)).toEqual(['Bolt']);
    // What it holds is what a full read of the document gives.
    expect(cs.plans).toEqual(
      readPlans(ws).plans.sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)),
    );
  });

  it('dates moves and ticks as given, and refuses dates that would make durations negative', () => {
    const { ws, cs } = setup(); // today 2026-03-10
    const signed = cs.addStep({ name: 'Signed' }) ?? '';
    const live = cs.addStep({ name: 'Live' }) ?? '';
    cs.setNsmMoment(live);
    const [a] = cs.addPlans([{ customer: 'Acme', stepId: signed, startDate: '2026-02-01' }]) ?? [];
    const id = a ?? '';
    expect(cs.plansById.get(id)?.stepSince).toBe('2026-02-01');
    // The area passes no locale: its messages name days in the runtime's (the browser's), as
    // screens do; the domain's tests pin en-GB, en-US and de-DE.
    const day = (d: string): string => shortDay(d, '2026-03-10');
    expect(() => cs.movePlan(id, live, '2026-01-31')).toThrow(
      `A move on ${day('2026-01-31')} is before the plan starts (${day('2026-02-01')}).`,
    );
    expect(() => cs.movePlan(id, live, '2026-03-11')).toThrow(
      `A move on ${day('2026-03-11')} is after today.`,
    );
    cs.movePlan(id, live, '2026-02-20');
    expect(cs.plansById.get(id)?.stepHistory.map((v) => v.at)).toEqual([
      '2026-02-01',
      '2026-02-20',
    ]);
    expect(cs.views.find((v) => v.plan.id === id)?.daysOnStep).toBe(18); // 8 + 10 days
    // The start cannot move past the NSM moment (20 Feb); before it, it can.
    expect(() => cs.updatePlan(id, { startDate: '2026-02-25' })).toThrow(
      `The plan reached the NSM moment “Live” on ${day('2026-02-20')}, before this start date.`,
    );
    expect(() => cs.setStepSince(id, '2026-01-15')).toThrow(/before the plan starts/);
    cs.setStepSince(id, '2026-02-22');
    expect(cs.plansById.get(id)?.stepSince).toBe('2026-02-22');
    const m = cs.addMilestone(id, { title: 'Kick-off', due: null, ownerId: null }) ?? '';
    expect(() => cs.setMilestoneDone(id, m, true, '2026-01-01')).toThrow(/before the plan starts/);
    cs.setMilestoneDone(id, m, true, '2026-02-03');
    cs.setMilestoneDoneAt(id, m, '2026-02-04');
    expect(cs.plansById.get(id)?.milestones[0]?.doneAt).toBe('2026-02-04');
    expect(readPlans(ws).warnings).toEqual([]);
  });

  it('follows a teammate: new, edited and deleted plans, a removed step, insights', () => {
    const { ws, cs, insights } = setup();
    const signed = cs.addStep({ name: 'Signed', stuckAfterDays: 7 }) ?? '';
    const onboarded = cs.addStep({ name: 'Onboarded' }) ?? '';
    const [a] = cs.addPlans([{ customer: 'Acme', stepId: onboarded }]) ?? [];
    fromTeammate(ws, (other) => {
      other.plans.get(a ?? '')?.set('segment', 'SMB');
    });
    expect(cs.plansById.get(a ?? '')?.segment).toBe('SMB');

    // A removed step: its plans sit on the step before, and come back with it.
    cs.removeStep(onboarded);
    expect(cs.journey.steps.map((s) => s.name)).toEqual(['Signed']);
    expect(cs.views[0]?.step?.id).toBe(signed);
    cs.restoreStep(onboarded);
    expect(cs.views[0]?.step?.id).toBe(onboarded);

    cs.deletePlan(a ?? '');
    expect(cs.plans).toEqual([]);
    cs.restorePlan(a ?? '');
    expect(cs.plans.map((p) => p.customer)).toEqual(['Acme']);

    const id = insights.add({ text: 'Too slow', tags: 'speed, Onboarding', stepId: signed });
    expect(insights.list.map((i) => [i.text, i.tags, i.date])).toEqual([
      ['Too slow', ['speed', 'onboarding'], '2026-03-10'],
    ]);
    fromTeammate(ws, (other) => other.insights.get(id ?? '')?.set('deletedAt', 1));
    expect(insights.list).toEqual([]);
  });

  it('reports what a peer wrote that is not a plan or insight, and drops it when it is gone', () => {
    const { ws, cs, insights } = setup();
    fromTeammate(ws, (other) => {
      other.plans.set('junk', 42 as never);
      other.insights.set('junk', 'not an insight' as never);
    });
    expect(cs.warnings.map((w) => w.where)).toEqual(['plans']);
    expect(insights.warnings.map((w) => w.where)).toEqual(['insights']);
    fromTeammate(ws, (other) => {
      other.plans.delete('junk');
      other.insights.delete('junk');
    });
    expect(cs.warnings).toEqual([]);
    expect(insights.warnings).toEqual([]);
  });

  it('days and statuses follow the clock’s today', () => {
    const { cs, setToday } = setup();
    const step = cs.addStep({ name: 'Signed', stuckAfterDays: 7 }) ?? '';
    cs.addStep({ name: 'Live' });
    cs.addPlans([{ customer: 'Acme', stepId: step }]);
    expect(cs.attention).toEqual([]);
    setToday('2026-03-30');
    expect(cs.views.find((v) => v.plan.customer === 'Acme')?.status).toBe('stuck');
  });

  it('adds a starter journey as one step of undo, its last step the NSM moment', () => {
    const { ws, areas, undo } = openAreas();
    const cs = areas.customers;
    cs.addStep({ name: 'Before' });
    expect(ws.journey.size).toBe(1);
    cs.addJourney([{ name: 'Signed' }, { name: 'Onboarded' }, { name: 'Live' }]);
    expect(cs.journey.steps.map((s) => [s.name, s.nsmMoment])).toEqual([
      ['Before', false],
      ['Signed', false],
      ['Onboarded', false],
      ['Live', true],
    ]);
    undo.undo();
    expect(cs.journey.steps.map((s) => s.name)).toEqual(['Before']);
  });

  it('a read-only copy writes nothing, and every action says so by returning null', () => {
    const { ws, cs, insights } = setup({ readOnly: true });
    expect(cs.addPlans([{ customer: 'Acme' }])).toBeNull();
    expect(insights.add({ text: 'x' })).toBeNull();
    expect(cs.addStep({ name: 'Signed' })).toBeNull();
    expect(cs.addJourney([{ name: 'Signed' }])).toBeNull();
    expect(Y.encodeStateVector(ws.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('invalid input throws with a message and writes nothing', () => {
    const { ws, cs } = setup();
    expect(() => cs.addPlans([{ customer: 'Acme' }, { customer: '' }])).toThrow();
    expect(ws.plans.size).toBe(0);
  });
});
