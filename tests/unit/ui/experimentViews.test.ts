import { describe, expect, it } from 'vitest';
import { readExperiment, type Experiment } from '../../../src/domain/experiments';
import { DEFAULT_SCORING, scoreOf } from '../../../src/domain/experimentScore';
import { Problems } from '../../../src/domain/validate';
import { matrixOf, median, middleLevel } from '../../../src/ui/experiments/matrix';
import {
  learningsOf,
  matchesLearning,
  outcomeLabel,
  type LearningFilters,
} from '../../../src/ui/experiments/learnings';

function exp(
  id: string,
  fields: Record<string, unknown>,
  history: [string, string][] = [],
): Experiment {
  return readExperiment(
    id,
    { title: id, createdAt: 1, ...fields },
    {
      milestones: [],
      statusHistory: history.map(([status, at]) => ({ status, at, by: null })),
      scope: {},
    },
    new Problems(),
  );
}

const rice = (id: string, impact: number, effort: number): Experiment =>
  exp(id, { reach: 100, impact, confidence: 80, effort });

describe('the impact × effort matrix', () => {
  it('middle level and median', () => {
    expect(middleLevel(DEFAULT_SCORING.scales.riceImpact)).toBe(1);
    expect(middleLevel(DEFAULT_SCORING.scales.iceImpact)).toBe(6);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('RICE: high impact at or above the middle level, low effort at or below the median', () => {
    const rows = [
      rice('quick', 2, 1),
      rice('big', 3, 8),
      rice('fill', 0.5, 2),
      rice('pit', 0.25, 5),
    ].map((experiment) => ({ experiment, score: scoreOf(experiment.scores, DEFAULT_SCORING) }));
    const m = matrixOf(rows, DEFAULT_SCORING);
    // Efforts 1, 8, 2, 5: the median is 3.5.
    expect(m.thresholds).toEqual({ impact: 1, effort: 3.5, medianOf: 4 });
    expect(m.quadrants.quickWins.map((p) => p.experiment.id)).toEqual(['quick']);
    expect(m.quadrants.bigBets.map((p) => p.experiment.id)).toEqual(['big']);
    expect(m.quadrants.fillIns.map((p) => p.experiment.id)).toEqual(['fill']);
    expect(m.quadrants.moneyPits.map((p) => p.experiment.id)).toEqual(['pit']);
  });

  it('ICE: ease at or above the middle of its scale is low effort', () => {
    const ice = { ...DEFAULT_SCORING, method: 'ice' as const };
    const a = exp('a', { impact: 6, confidence: 5, ease: 6 });
    const b = exp('b', { impact: 5, confidence: 5, ease: 5 });
    const m = matrixOf(
      [a, b].map((experiment) => ({ experiment, score: scoreOf(experiment.scores, ice) })),
      ice,
    );
    expect(m.quadrants.quickWins.map((p) => p.experiment.id)).toEqual(['a']);
    expect(m.quadrants.moneyPits.map((p) => p.experiment.id)).toEqual(['b']);
  });

  it('an experiment without a score is not placed, with the reason per field', () => {
    const e = exp('zero', { reach: 100, impact: 2, confidence: 80, effort: 0 });
    const m = matrixOf(
      [{ experiment: e, score: scoreOf(e.scores, DEFAULT_SCORING) }],
      DEFAULT_SCORING,
    );
    expect(m.thresholds).toBeNull();
    expect(m.unplaced).toEqual([
      {
        experiment: e,
        reasons: ['Effort: Effort must be more than 0 person-weeks to give a score'],
      },
    ]);
  });
});

describe('the learnings log', () => {
  const won = exp(
    'won',
    { outcome: 'won', learning: 'Checklists help', tags: ['activation'], metricIds: ['m1'] },
    [
      ['running', '2025-01-01'],
      ['done', '2025-02-01'],
    ],
  );
  const lost = exp('lost', { outcome: 'lost', lossCause: 'execution', decision: 'Try again' }, [
    ['running', '2025-01-01'],
    ['done', '2025-03-01'],
  ]);
  const open = exp('open', {}, [['running', '2025-01-01']]);

  it('keeps decided experiments only, newest decided first', () => {
    expect(learningsOf([won, open, lost]).map((e) => e.id)).toEqual(['lost', 'won']);
    expect(outcomeLabel(lost)).toBe('Lost (execution)');
  });

  it('filters by words, metric, tag and outcome', () => {
    const f = (patch: Partial<LearningFilters>): LearningFilters => ({
      text: '',
      metricId: '',
      tag: '',
      outcome: '',
      ...patch,
    });
    const name = (id: string): string => (id === 'm1' ? 'Activation rate' : id);
    expect(matchesLearning(won, f({ text: 'CHECKLISTS activation' }), name)).toBe(true);
    expect(matchesLearning(won, f({ text: 'rate' }), name)).toBe(true);
    expect(matchesLearning(won, f({ text: 'checklists missing' }), name)).toBe(false);
    expect(matchesLearning(won, f({ metricId: 'm2' }), name)).toBe(false);
    expect(matchesLearning(won, f({ tag: 'activation' }), name)).toBe(true);
    expect(matchesLearning(lost, f({ outcome: 'lost' }), name)).toBe(true);
    expect(matchesLearning(lost, f({ outcome: 'lost-idea' }), name)).toBe(false);
    expect(matchesLearning(lost, f({ outcome: 'lost-execution' }), name)).toBe(true);
  });
});
