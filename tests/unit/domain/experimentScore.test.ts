import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALES,
  DEFAULT_SCORING,
  calibration,
  compareByScore,
  readScale,
  scoreOf,
  type ScoringSettings,
} from '../../../src/domain/experimentScore';
import type { Experiment, ScoreInputs } from '../../../src/domain/experiments';
import { Problems } from '../../../src/domain/validate';

const inputs = (s: Partial<ScoreInputs>): ScoreInputs => ({
  reach: null,
  impact: null,
  confidence: null,
  effort: null,
  ease: null,
  ...s,
});

describe('RICE and ICE scores', () => {
  it('RICE = reach × impact × confidence ÷ effort', () => {
    // 500 × 2 × 0.8 ÷ 4 = 200
    expect(
      scoreOf(inputs({ reach: 500, impact: 2, confidence: 80, effort: 4 }), DEFAULT_SCORING),
    ).toEqual({ value: 200, problems: {} });
    // 1200 × 0.25 × 0.5 ÷ 0.5 = 300
    expect(
      scoreOf(inputs({ reach: 1200, impact: 0.25, confidence: 50, effort: 0.5 }), DEFAULT_SCORING)
        .value,
    ).toBe(300);
  });

  it('an effort of zero or empty gives no score and says why at the field', () => {
    for (const effort of [0, null, -2]) {
      const s = scoreOf(inputs({ reach: 5, impact: 1, confidence: 100, effort }), DEFAULT_SCORING);
      expect(s.value).toBeNull();
      expect(s.problems.effort).toMatch(/effort/i);
    }
  });

  it('negative reach and a confidence off the scale are named', () => {
    const s = scoreOf(inputs({ reach: -3, impact: 1, confidence: 70, effort: 1 }), DEFAULT_SCORING);
    expect(s.value).toBeNull();
    expect(s.problems.reach).toBe('Reach cannot be negative');
    expect(s.problems.confidence).toBe('70 is not on the scale (50, 80, 100)');
  });

  it('ICE = impact × confidence × ease; custom scales change what is allowed', () => {
    const ice: ScoringSettings = { method: 'ice', scales: DEFAULT_SCALES };
    // 7 × 5 × 8 = 280
    expect(scoreOf(inputs({ impact: 7, confidence: 5, ease: 8 }), ice).value).toBe(280);
    const custom: ScoringSettings = {
      method: 'ice',
      scales: {
        ...DEFAULT_SCALES,
        iceEase: [
          { value: 1, label: 'Hard', rubric: '' },
          { value: 2, label: 'Easy', rubric: '' },
        ],
      },
    };
    expect(scoreOf(inputs({ impact: 7, confidence: 5, ease: 8 }), custom).problems.ease).toBe(
      '8 is not on the scale (1, 2)',
    );
    // 7 × 5 × 2 = 70
    expect(scoreOf(inputs({ impact: 7, confidence: 5, ease: 2 }), custom).value).toBe(70);
  });

  it('a stored scale that is not usable falls back to the usual one with a warning', () => {
    const p = new Problems();
    expect(readScale([{ value: 3 }, { value: 1 }], 'riceImpact', p)).toBe(
      DEFAULT_SCALES.riceImpact,
    );
    expect(p.list[0]).toMatch(/levels must go up/);
    const ok = new Problems();
    expect(
      readScale(
        [
          { value: 1, label: 'S' },
          { value: 5, label: 'L' },
        ],
        'iceEase',
        ok,
      ).map((l) => l.label),
    ).toEqual(['S', 'L']);
    expect(ok.list).toEqual([]);
  });

  it('the backlog order: highest score first, unscored last by title', () => {
    const rows = [
      { id: 'a', title: 'Zed', score: null },
      { id: 'b', title: 'Low', score: 10 },
      { id: 'c', title: 'High', score: 300 },
      { id: 'd', title: 'Alpha', score: null },
    ];
    expect([...rows].sort(compareByScore).map((r) => r.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('calibration from the team’s own history', () => {
  const bet = (id: string, confidence: number | null, outcome: Experiment['result']['outcome']) =>
    ({
      id,
      deletedAt: null,
      scores: inputs({ confidence }),
      result: { outcome, lossCause: null, learning: '', decision: '' },
    }) as Experiment;

  it('counts, per confidence level, the decided bets and how many won', () => {
    const history = [
      bet('1', 80, 'won'),
      bet('2', 80, 'lost'),
      bet('3', 80, 'won'),
      bet('4', 80, 'inconclusive'),
      bet('5', 80, null), // not decided yet: not counted
      bet('6', 50, 'lost'),
      bet('7', 100, 'won'),
      bet('8', 70, 'won'), // off the scale: in no row
    ];
    const rows = calibration(history, DEFAULT_SCORING);
    expect(rows.map((r) => [r.level.value, r.won, r.decided])).toEqual([
      [50, 0, 1],
      [80, 2, 4],
      [100, 1, 1],
    ]);
    // Leaving out the bet being scored.
    expect(calibration(history, DEFAULT_SCORING, '1')[1]).toMatchObject({ won: 1, decided: 3 });
  });
});
