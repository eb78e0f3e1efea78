/**
 * The impact-versus-effort matrix as plain data: scored experiments sorted into four quadrants
 * by thresholds that are stated on screen. Impact is the impact level (RICE or ICE); effort is
 * RICE's person-weeks, or under ICE the ease level read the other way (easy = low effort).
 * High impact: at or above the middle level of the impact scale. Low effort: RICE effort at or
 * below the median of the placed experiments; ICE ease at or above the middle of the ease scale.
 */
import type { Experiment, ScoreField } from '../../domain/experiments';
import type { ScaleLevel, Score, ScoringSettings } from '../../domain/experimentScore';

export const QUADRANTS = ['quickWins', 'bigBets', 'fillIns', 'moneyPits'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_TITLES: Record<Quadrant, string> = {
  quickWins: 'Quick wins',
  bigBets: 'Big bets',
  fillIns: 'Fill-ins',
  moneyPits: 'Money pits',
};

export const QUADRANT_HINTS: Record<Quadrant, string> = {
  quickWins: 'High impact, low effort: do these first',
  bigBets: 'High impact, high effort: plan them with care',
  fillIns: 'Low impact, low effort: when there is slack',
  moneyPits: 'Low impact, high effort: question or drop them',
};

const FIELD_LABELS: Record<ScoreField, string> = {
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  effort: 'Effort',
  ease: 'Ease',
};

export interface Placed {
  experiment: Experiment;
  score: number;
  impact: number;
  /** RICE: person-weeks; ICE: the ease level. */
  effort: number;
}

export interface Unplaced {
  experiment: Experiment;
  /** Why it has no place yet, field by field ("Effort: not given yet"). */
  reasons: string[];
}

export interface Thresholds {
  /** Impact at or above this is high. */
  impact: number;
  /** RICE: effort at or below this (person-weeks) is low; ICE: ease at or above it is low effort. */
  effort: number;
  /** RICE: the threshold is the median of this many placed experiments' effort. */
  medianOf: number;
}

export interface Matrix {
  quadrants: Record<Quadrant, Placed[]>;
  unplaced: Unplaced[];
  /** Null when nothing is placed (no median to take). */
  thresholds: Thresholds | null;
}

/** The level at the middle of a scale (the upper middle when it has an even number of levels). */
export function middleLevel(levels: readonly ScaleLevel[]): number {
  const sorted = [...levels].sort((a, b) => a.value - b.value);
  return sorted[Math.floor(sorted.length / 2)]?.value ?? 0;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Sorts scored experiments (highest score first, as given) into the matrix. */
export function matrixOf(
  rows: readonly { experiment: Experiment; score: Score }[],
  settings: ScoringSettings,
): Matrix {
  const { method, scales } = settings;
  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  for (const { experiment, score } of rows) {
    const s = experiment.scores;
    const effort = method === 'rice' ? s.effort : s.ease;
    if (score.value === null || s.impact === null || effort === null) {
      const reasons = Object.entries(score.problems).map(
        ([field, why]) => `${FIELD_LABELS[field as ScoreField]}: ${why}`,
      );
      unplaced.push({ experiment, reasons: reasons.length > 0 ? reasons : ['No score yet'] });
      continue;
    }
    placed.push({ experiment, score: score.value, impact: s.impact, effort });
  }
  const quadrants: Record<Quadrant, Placed[]> = {
    quickWins: [],
    bigBets: [],
    fillIns: [],
    moneyPits: [],
  };
  const impact = middleLevel(scales[method === 'rice' ? 'riceImpact' : 'iceImpact']);
  const effort =
    method === 'rice' ? median(placed.map((p) => p.effort)) : middleLevel(scales.iceEase);
  if (effort === null) return { quadrants, unplaced, thresholds: null };
  for (const p of placed) {
    const high = p.impact >= impact;
    const low = method === 'rice' ? p.effort <= effort : p.effort >= effort;
    const q: Quadrant = high ? (low ? 'quickWins' : 'bigBets') : low ? 'fillIns' : 'moneyPits';
    quadrants[q].push(p);
  }
  return { quadrants, unplaced, thresholds: { impact, effort, medianOf: placed.length } };
}
