import { describe, expect, it } from 'vitest';
import { EXPERIMENT_COLUMNS, experimentRows } from '../../../src/domain/experimentExport';
import { DEFAULT_SCORING, scoreOf } from '../../../src/domain/experimentScore';
import {
  readExperiments,
  addExperiment,
  addExperimentMilestone,
  editScope,
  setExperimentStatus,
  setScores,
  setMilestoneDone,
  updateExperimentMilestone,
} from '../../../src/doc/experiments';
import { toCsv } from '../../../src/domain/csvExport';
import { replica } from '../doc/replicas';

describe('experiments as CSV', () => {
  it('writes one row per experiment with its score, hours and frozen date, formula-safe', () => {
    const ws = replica(1);
    const id = addExperiment(
      ws,
      {
        title: '=HYPERLINK("x")',
        ownerId: 'ann',
        change: 'shorter signup',
        hypothesisMetricId: 'm1',
        metricIds: ['m1', 'm2'],
        guardrailIds: ['g1'],
        tags: ['onboarding'],
        amount: 5,
      },
      'ann',
      '2027-01-01',
    );
    setScores(ws, id, { reach: 500, impact: 2, confidence: 80, effort: 4 });
    const m = addExperimentMilestone(ws, id, { title: 'Design', estimateHours: 6 }) as string;
    updateExperimentMilestone(ws, id, m, { actualHours: 9 });
    setMilestoneDone(ws, id, m, true, '2027-01-03');
    addExperimentMilestone(ws, id, { title: 'Build', estimateHours: 10 });
    editScope(ws, id, 'decisionRule', 'ship if +5');
    setExperimentStatus(ws, id, 'running', 'ann', '2027-01-04');
    const experiments = readExperiments(ws).experiments;
    const scored = experiments.map((experiment) => ({
      experiment,
      score: scoreOf(experiment.scores, DEFAULT_SCORING),
    }));
    const rows = experimentRows(scored, {
      person: (p) => (p === 'ann' ? 'Ann' : ''),
      metric: (mid) => ({ m1: 'Activation', m2: 'Retention', g1: 'Churn' })[mid] ?? mid,
    });
    expect(rows[0]).toEqual([...EXPERIMENT_COLUMNS]);
    const row = Object.fromEntries(EXPERIMENT_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(row).toMatchObject({
      Title: '=HYPERLINK("x")',
      Owner: 'Ann',
      Status: 'Running',
      'Status since': '2027-01-04',
      Metric: 'Activation',
      'Other metrics': 'Retention',
      Guardrails: 'Churn',
      Score: 200,
      'Milestones done': 1,
      Milestones: 2,
      'Estimated hours': 16,
      'Actual hours': 9,
      'Decision rule': 'ship if +5',
      'Frozen on': '2027-01-04',
      Outcome: '',
    });
    // The formula-looking title is written as text.
    expect(toCsv(rows).split('\r\n')[1]).toMatch(/^"?'=HYPERLINK/);
  });
});
