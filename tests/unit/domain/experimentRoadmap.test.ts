import { describe, expect, it } from 'vitest';
import { byMetric, byQuarter, roadmap } from '../../../src/domain/experimentRoadmap';
import { readExperiment, type Experiment } from '../../../src/domain/experiments';
import { Problems } from '../../../src/domain/validate';

function bet(id: string, raw: Record<string, unknown>, history: unknown[] = []): Experiment {
  return readExperiment(
    id,
    { title: id, ...raw },
    { milestones: [], statusHistory: history, scope: {} },
    new Problems(),
  );
}

describe('the experiments roadmap', () => {
  const ran = bet('ran', { hypothesisMetricId: 'm1' }, [
    { status: 'idea', at: '2026-11-01' },
    { status: 'running', at: '2026-12-20' },
    { status: 'done', at: '2027-01-10' },
  ]);
  const planned = bet('planned', {
    startDate: '2027-02-01',
    endDate: '2027-07-15',
    metricIds: ['m2'],
  });
  const byDate = bet('byDate', {
    startDate: '2027-03-01',
    byDate: '2027-03-31',
    metricIds: ['m1'],
  });
  const none = bet('none', {});
  const dropped = bet('dropped', { startDate: '2027-01-01' }, [
    { status: 'dropped', at: '2027-01-02' },
  ]);

  it('places a run experiment by its window and a planned one by its dates, across a year end', () => {
    const map = roadmap([planned, ran, byDate, none, dropped], '2027-01-20');
    expect(map.items.map((i) => [i.experiment.id, i.start, i.end, i.quarters, i.ran])).toEqual([
      ['ran', '2026-12-20', '2027-01-10', ['2026-Q4', '2027-Q1'], true],
      ['planned', '2027-02-01', '2027-07-15', ['2027-Q1', '2027-Q2', '2027-Q3'], false],
      ['byDate', '2027-03-01', '2027-03-31', ['2027-Q1'], false],
    ]);
    expect(map.undated.map((e) => e.id)).toEqual(['none']);
    expect(map.quarters).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
  });

  it('groups by quarter (an experiment under every quarter it covers) and by target metric', () => {
    const map = roadmap([planned, ran, byDate], '2027-01-20');
    expect(byQuarter(map).map((g) => [g.quarter, g.items.map((i) => i.experiment.id)])).toEqual([
      ['2026-Q4', ['ran']],
      ['2027-Q1', ['ran', 'planned', 'byDate']],
      ['2027-Q2', ['planned']],
      ['2027-Q3', ['planned']],
    ]);
    expect(byMetric(map).map((g) => [g.metricId, g.items.map((i) => i.experiment.id)])).toEqual([
      ['m1', ['ran', 'byDate']],
      ['m2', ['planned']],
    ]);
  });

  it('a running experiment runs to today; a far-off typo does not draw hundreds of quarters', () => {
    const running = bet('running', {}, [{ status: 'running', at: '2027-01-05' }]);
    const typo = bet('typo', { startDate: '2027-01-01', endDate: '2207-01-01' });
    const map = roadmap([running, typo], '2027-04-02');
    expect(map.items.find((i) => i.experiment.id === 'running')?.end).toBe('2027-04-02');
    expect(map.items.find((i) => i.experiment.id === 'typo')?.quarters).toHaveLength(16);
  });
});
