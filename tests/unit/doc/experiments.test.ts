import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addExperiment,
  addExperimentMilestone,
  addRetroItem,
  deleteExperiment,
  editScope,
  readExperiments,
  readRetroItems,
  readSettings,
  restoreExperiment,
  setCapacity,
  setDefaultCapacity,
  deleteRetroItem,
  restoreRetroItem,
  setExperimentStatus,
  setMilestoneDone,
  setRetroActionDone,
  setScale,
  setScores,
  setSprintRhythm,
  updateExperiment,
  updateExperimentMilestone,
} from '../../../src/doc/experiments';
import { createUndoManager } from '../../../src/doc/undo';
import { frozenDifferences } from '../../../src/domain/preregistration';
import { openActions } from '../../../src/domain/retros';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncAll } from './replicas';

const read = (ws: WorkspaceDoc, id: string) =>
  readExperiments(ws).experiments.find((e) => e.id === id);

describe('experiments in the document', () => {
  it('creates an idea dated today with its parts, and reads every field back', () => {
    const ws = replica(1);
    const id = addExperiment(
      ws,
      {
        title: '  Onboarding checklist ',
        ownerId: 'ann',
        change: 'a checklist on first login',
        hypothesisMetricId: 'm1',
        direction: 'up',
        amount: 5,
        byDate: '2027-03-31',
        metricIds: ['m1', 'm2', 'm1'],
        guardrailIds: ['g1'],
        tags: [' Onboarding', 'onboarding', 'Pricing '],
      },
      'ann',
      '2027-01-04',
      1000,
    );
    const e = read(ws, id);
    expect(e).toMatchObject({
      title: 'Onboarding checklist',
      ownerId: 'ann',
      status: 'idea',
      statusHistory: [{ status: 'idea', at: '2027-01-04', by: 'ann' }],
      hypothesis: {
        change: 'a checklist on first login',
        metricId: 'm1',
        direction: 'up',
        amount: 5,
        byDate: '2027-03-31',
      },
      metricIds: ['m1', 'm2'],
      guardrailIds: ['g1'],
      tags: ['onboarding', 'pricing'],
      frozen: null,
      createdAt: 1000,
    });
    expect(e?.scope.decisionRule).toBe('');
  });

  it('refuses a title that is empty, dates that are not dates and an end before the start', () => {
    const ws = replica(1);
    expect(() => addExperiment(ws, { title: '  ' }, null)).toThrow('needs a title');
    expect(() => addExperiment(ws, { title: 'x', startDate: '2027-02-30' }, null)).toThrow(
      'not a date',
    );
    const id = addExperiment(ws, { title: 'x', startDate: '2027-02-10' }, null);
    expect(() => updateExperiment(ws, id, { endDate: '2027-02-01' })).toThrow('before the start');
    expect(read(ws, id)?.endDate).toBeNull();
  });

  it('freezes the promise when it starts running; a later edit shows as a difference', () => {
    const ws = replica(1);
    const id = addExperiment(
      ws,
      { title: 'Bet', change: 'shorter signup', hypothesisMetricId: 'm1', amount: 10 },
      null,
      '2027-01-01',
    );
    editScope(ws, id, 'decisionRule', 'ship if +10, stop if −2');
    setExperimentStatus(ws, id, 'planned', null, '2027-01-02');
    expect(read(ws, id)?.frozen).toBeNull();
    setExperimentStatus(ws, id, 'running', 'bob', '2027-01-05');
    const frozen = read(ws, id)?.frozen;
    expect(frozen).toEqual({
      at: '2027-01-05',
      hypothesis: {
        change: 'shorter signup',
        metricId: 'm1',
        direction: 'up',
        amount: 10,
        byDate: null,
      },
      metricIds: [],
      decisionRule: 'ship if +10, stop if −2',
    });
    const e0 = read(ws, id);
    expect(e0 && frozenDifferences(e0)).toEqual([]);

    updateExperiment(ws, id, { amount: 4 });
    editScope(ws, id, 'decisionRule', 'ship if +4, stop if −2');
    // Back to planned and running again: the first copy stays.
    setExperimentStatus(ws, id, 'planned', null, '2027-01-06');
    setExperimentStatus(ws, id, 'running', null, '2027-01-07');
    const e = read(ws, id);
    expect(e?.frozen?.at).toBe('2027-01-05');
    expect(e && frozenDifferences(e).map((d) => [d.field, d.frozen, d.now])).toEqual([
      ['amount', '10', '4'],
      ['decisionRule', 'ship if +10, stop if −2', 'ship if +4, stop if −2'],
    ]);
    expect(e?.statusHistory.map((c) => c.status)).toEqual([
      'idea',
      'planned',
      'running',
      'planned',
      'running',
    ]);
  });

  it('moving to the status it has writes nothing', () => {
    const ws = replica(1);
    const id = addExperiment(ws, { title: 'Bet' }, null, '2027-01-01');
    const before = Y.encodeStateVector(ws.doc);
    setExperimentStatus(ws, id, 'idea', null, '2027-01-02');
    expect(Y.encodeStateVector(ws.doc)).toEqual(before);
  });

  it('two people typing in one scope text at once both keep their words', () => {
    const a = replica(1);
    const b = replica(2);
    const id = addExperiment(a, { title: 'Bet' }, null);
    editScope(a, id, 'requirements', 'Needs: ');
    syncAll([a, b]);
    editScope(a, id, 'requirements', 'Needs: a login page');
    editScope(b, id, 'requirements', 'Needs: an email. ');
    syncAll([a, b]);
    const text = read(a, id)?.scope.requirements ?? '';
    expect(text).toContain('a login page');
    expect(text).toContain('an email.');
    expect(read(b, id)?.scope.requirements).toBe(text);
  });

  it('one moves it to running while another edits the scope: both win', () => {
    const a = replica(1);
    const b = replica(2);
    const id = addExperiment(a, { title: 'Bet', change: 'x' }, null, '2027-01-01');
    syncAll([a, b]);
    setExperimentStatus(a, id, 'running', null, '2027-01-03');
    editScope(b, id, 'stories', 'As a buyer I want…');
    updateExperiment(b, id, { title: 'Bet, renamed' });
    syncAll([a, b]);
    for (const ws of [a, b]) {
      expect(read(ws, id)).toMatchObject({
        status: 'running',
        title: 'Bet, renamed',
        scope: { stories: 'As a buyer I want…' },
      });
    }
  });

  it('keeps emoji whole when an edit starts inside one', () => {
    const ws = replica(1);
    const id = addExperiment(ws, { title: 'Bet' }, null);
    editScope(ws, id, 'guardrail', 'churn 😀 ok');
    editScope(ws, id, 'guardrail', 'churn 😁 ok');
    expect(read(ws, id)?.scope.guardrail).toBe('churn 😁 ok');
  });

  it('scores are stored as given, cleared with null, and junk is refused', () => {
    const ws = replica(1);
    const id = addExperiment(ws, { title: 'Bet' }, null);
    setScores(ws, id, { reach: 500, impact: 2, confidence: 80, effort: 4 });
    expect(read(ws, id)?.scores).toEqual({
      reach: 500,
      impact: 2,
      confidence: 80,
      effort: 4,
      ease: null,
    });
    setScores(ws, id, { effort: null });
    expect(read(ws, id)?.scores.effort).toBeNull();
    expect(() => setScores(ws, id, { reach: Number.NaN })).toThrow('not a number');
  });

  it('milestones: hours checked, done dated, deleted ones not read', () => {
    const ws = replica(1);
    const id = addExperiment(ws, { title: 'Bet' }, null);
    expect(() => addExperimentMilestone(ws, id, { title: 'Big', estimateHours: 10_000 })).toThrow(
      'between 0 and 1000',
    );
    const m = addExperimentMilestone(ws, id, {
      title: 'Design',
      estimateHours: 8,
      ownerId: 'ann',
      deadline: '2027-01-20',
      sprintId: '2027-01-04',
    });
    expect(m).not.toBeNull();
    setMilestoneDone(ws, id, m as string, true, '2027-01-15');
    updateExperimentMilestone(ws, id, m as string, { actualHours: 11 });
    expect(read(ws, id)?.milestones).toEqual([
      expect.objectContaining({
        title: 'Design',
        estimateHours: 8,
        actualHours: 11,
        done: true,
        doneAt: '2027-01-15',
        sprintId: '2027-01-04',
      }),
    ]);
    expect(addExperimentMilestone(ws, 'nope', { title: 'x' })).toBeNull();
  });

  it('delete and restore; one undo removes one action', () => {
    const ws = replica(1);
    const undo = createUndoManager(ws);
    const id = addExperiment(ws, { title: 'Bet' }, null);
    undo.stopCapturing();
    setExperimentStatus(ws, id, 'running', null);
    undo.stopCapturing();
    undo.undo();
    expect(read(ws, id)?.status).toBe('idea');
    expect(read(ws, id)?.frozen).toBeNull();
    deleteExperiment(ws, id);
    expect(read(ws, id)).toBeUndefined();
    restoreExperiment(ws, id);
    expect(read(ws, id)?.title).toBe('Bet');
  });

  it('retrospective lines: added by sprint, open actions carry forward until done', () => {
    const ws = replica(1);
    addRetroItem(ws, '2027-01-04', 'went-well', 'Shipped the checklist');
    const act = addRetroItem(ws, '2027-01-04', 'action', 'Write the onboarding email', 'ann');
    expect(() => addRetroItem(ws, '2027-01-04', 'did-not', '  ')).toThrow('Write the line');
    const items = readRetroItems(ws).items;
    expect(openActions(items, '2027-01-18').map((i) => i.text)).toEqual([
      'Write the onboarding email',
    ]);
    setRetroActionDone(ws, act, true, '2027-01-20');
    expect(openActions(readRetroItems(ws).items, '2027-01-18')).toEqual([]);
    deleteRetroItem(ws, act);
    expect(readRetroItems(ws).items.map((i) => i.text)).toEqual(['Shipped the checklist']);
    restoreRetroItem(ws, act);
    expect(readRetroItems(ws).items).toHaveLength(2);
  });

  it('settings: sprint rhythm, scales and capacity are checked before writing', () => {
    const ws = replica(1);
    expect(readSettings(ws).settings).toMatchObject({
      sprintStart: '2024-01-01',
      sprintLength: 14,
      scoring: { method: 'rice' },
    });
    expect(() => setSprintRhythm(ws, '2027-01-04', 0)).toThrow('at least 1 whole day');
    setSprintRhythm(ws, '2027-01-04', 7);
    expect(() =>
      setScale(ws, 'riceConfidence', [
        { value: 80, label: 'a', rubric: '' },
        { value: 50, label: 'b', rubric: '' },
      ]),
    ).toThrow('must go up');
    setScale(ws, 'riceConfidence', [
      { value: 30, label: 'Guess', rubric: 'no data' },
      { value: 60, label: 'Some', rubric: 'a little' },
      { value: 90, label: 'Sure', rubric: 'data' },
    ]);
    expect(() => setCapacity(ws, 'ann', -1)).toThrow('between 0 and');
    setCapacity(ws, 'ann', 30);
    expect(() => setDefaultCapacity(ws, 501)).toThrow('between 0 and 500');
    setDefaultCapacity(ws, 24);
    const { settings, warnings } = readSettings(ws);
    expect(warnings).toEqual([]);
    expect(settings.sprintStart).toBe('2027-01-04');
    expect(settings.sprintLength).toBe(7);
    expect(settings.scoring.scales.riceConfidence.map((l) => l.value)).toEqual([30, 60, 90]);
    expect(settings.capacity).toEqual({ ann: 30 });
    expect(settings.defaultCapacity).toBe(24);
  });

  it("a peer's junk is ignored with a warning, and the rest of the experiment is read", () => {
    const ws = replica(1);
    const id = addExperiment(ws, { title: 'Bet' }, null);
    const r = ws.experiments.get(id) as Y.Map<unknown>;
    ws.doc.transact(() => {
      r.set('reach', 'lots');
      r.set('metricIds', 'm1');
      r.set('outcome', 'maybe');
      r.set('frozen', 7);
      (r.get('statusHistory') as Y.Array<unknown>).push([{ status: 'flying', at: 'soon' }]);
      ws.experiments.set('junk', 42 as unknown as Y.Map<unknown>);
      ws.experimentSettings.set('sprintLength', 0);
      ws.experimentSettings.set('scale:riceImpact', [{ value: 'big' }]);
    }, 'remote');
    const { experiments, warnings } = readExperiments(ws);
    expect(experiments.map((e) => e.title)).toEqual(['Bet']);
    expect(experiments[0]).toMatchObject({
      status: 'idea',
      metricIds: [],
      frozen: null,
      result: { outcome: null },
      scores: { reach: null },
    });
    const messages = warnings.map((w) => w.message);
    for (const m of [
      'reach is not a number',
      'metrics is not a list',
      'outcome “maybe” is not known',
      'the frozen copy is not a record',
      '1 status change(s) could not be read',
    ]) {
      expect(messages).toContain(m);
    }
    expect(warnings).toContainEqual({
      where: 'experiments',
      message: '1 unreadable experiment was ignored (written by another copy)',
      count: 1,
    });
    const settings = readSettings(ws);
    expect(settings.settings.sprintLength).toBe(14);
    expect(settings.settings.scoring.scales.riceImpact[0]?.value).toBe(0.25);
    expect(settings.warnings).toHaveLength(2);
  });
});
