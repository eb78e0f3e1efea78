/**
 * Prioritising experiments: RICE (reach × impact × confidence ÷ effort) or ICE (impact ×
 * confidence × ease), on scales a workspace may relabel and re-level. A score is derived from
 * an experiment's inputs every time, never stored; an input that cannot give a score says why
 * at its field (an effort of zero gives no score, never Infinity). Calibration looks back at the
 * team's finished bets: how often each confidence level actually won.
 */
import type { Experiment, ScoreField, ScoreInputs } from './experiments';
import { MAX_NAME, Problems, text } from './validate';

export const SCORING_METHODS = ['rice', 'ice'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export interface ScaleLevel {
  value: number;
  label: string;
  /** One line on when to pick this level. */
  rubric: string;
}

export const SCALE_NAMES = [
  'riceImpact',
  'riceConfidence',
  'iceImpact',
  'iceConfidence',
  'iceEase',
] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export type Scales = Record<ScaleName, ScaleLevel[]>;

export const SCALE_TITLES: Record<ScaleName, string> = {
  riceImpact: 'RICE impact',
  riceConfidence: 'RICE confidence (%)',
  iceImpact: 'ICE impact',
  iceConfidence: 'ICE confidence',
  iceEase: 'ICE ease',
};

const ten = (what: string): ScaleLevel[] =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((value) => ({
    value,
    label: value <= 3 ? 'Low' : value <= 7 ? 'Medium' : 'High',
    rubric:
      value <= 3
        ? `Little ${what}`
        : value <= 7
          ? `Some ${what}, not sure how much`
          : `Clearly a lot of ${what}`,
  }));

/** The usual scales: Intercom's RICE levels, and 1–10 for ICE. */
export const DEFAULT_SCALES: Scales = {
  riceImpact: [
    { value: 0.25, label: 'Minimal', rubric: 'Barely noticeable for those reached' },
    { value: 0.5, label: 'Low', rubric: 'Noticeable for some of those reached' },
    { value: 1, label: 'Medium', rubric: 'A clear change for most of those reached' },
    { value: 2, label: 'High', rubric: 'A big change in how they use the product' },
    { value: 3, label: 'Massive', rubric: 'Changes whether they stay or go' },
  ],
  riceConfidence: [
    { value: 50, label: 'Low', rubric: 'A hunch; little or no data' },
    { value: 80, label: 'Medium', rubric: 'Some data or customer evidence for reach and impact' },
    { value: 100, label: 'High', rubric: 'Data backs reach, impact and effort' },
  ],
  iceImpact: ten('impact on the metric'),
  iceConfidence: ten('evidence it will work'),
  iceEase: ten('ease to build and run'),
};

export interface ScoringSettings {
  method: ScoringMethod;
  scales: Scales;
}

export const DEFAULT_SCORING: ScoringSettings = { method: 'rice', scales: DEFAULT_SCALES };

/** Most levels one scale keeps. */
export const MAX_LEVELS = 12;

/**
 * Reads one scale as stored (a peer's or an older version's): levels with finite values,
 * unique, in increasing order. A scale that cannot be read falls back to the default.
 */
export function readScale(raw: unknown, name: ScaleName, problems: Problems): ScaleLevel[] {
  if (raw === undefined) return DEFAULT_SCALES[name];
  const fallback = (why: string): ScaleLevel[] => {
    problems.add(`the ${SCALE_TITLES[name]} scale ${why}; the usual one is used`);
    return DEFAULT_SCALES[name];
  };
  if (!Array.isArray(raw)) return fallback('is not a list');
  const levels: ScaleLevel[] = [];
  for (const item of raw.slice(0, MAX_LEVELS)) {
    if (typeof item !== 'object' || item === null) return fallback('holds something unreadable');
    const r = item as Record<string, unknown>;
    if (typeof r.value !== 'number' || !Number.isFinite(r.value) || r.value < 0) {
      return fallback('holds a level that is not a number of zero or more');
    }
    levels.push({
      value: r.value,
      label: text(r.label, 'scale label', problems, MAX_NAME),
      rubric: text(r.rubric, 'scale rubric', problems, MAX_NAME),
    });
  }
  const problem = scaleProblem(levels);
  return problem === null ? levels : fallback(problem.toLowerCase());
}

/** Why a scale cannot be used, for the settings form; null when it can. */
export function scaleProblem(levels: readonly ScaleLevel[]): string | null {
  if (levels.length < 2) return 'Needs at least two levels';
  if (levels.length > MAX_LEVELS) return `Has more than ${MAX_LEVELS} levels`;
  for (let i = 1; i < levels.length; i++) {
    const a = levels[i - 1] as ScaleLevel;
    const b = levels[i] as ScaleLevel;
    if (!(b.value > a.value)) return 'Levels must go up, each once';
  }
  return null;
}

/** The label of a value on a scale ("80 % · Medium"), or null when it is not a level. */
export function levelOf(levels: readonly ScaleLevel[], value: number | null): ScaleLevel | null {
  if (value === null) return null;
  return levels.find((l) => l.value === value) ?? null;
}

/** The fields a method scores with, in the order a form shows them. */
export const METHOD_FIELDS: Record<ScoringMethod, readonly ScoreField[]> = {
  rice: ['reach', 'impact', 'confidence', 'effort'],
  ice: ['impact', 'confidence', 'ease'],
};

/** The scale a field picks from under a method (reach and effort are free numbers). */
export function scaleFor(method: ScoringMethod, field: ScoreField): ScaleName | null {
  if (method === 'rice') {
    return field === 'impact' ? 'riceImpact' : field === 'confidence' ? 'riceConfidence' : null;
  }
  if (field === 'impact') return 'iceImpact';
  if (field === 'confidence') return 'iceConfidence';
  return field === 'ease' ? 'iceEase' : null;
}

export interface Score {
  /** Null when an input is missing or unusable; `problems` says which and why. */
  value: number | null;
  problems: Partial<Record<ScoreField, string>>;
}

/** Largest reach a score accepts (people or accounts per quarter). */
export const MAX_REACH = 1e9;
/** Largest effort a score accepts, in person-weeks. */
export const MAX_EFFORT = 10_000;

/** Derives the score under the workspace's method and scales, with a reason per bad field. */
export function scoreOf(inputs: ScoreInputs, settings: ScoringSettings): Score {
  const problems: Partial<Record<ScoreField, string>> = {};
  const { method, scales } = settings;
  for (const field of METHOD_FIELDS[method]) {
    const v = inputs[field];
    const scale = scaleFor(method, field);
    if (v === null) {
      problems[field] =
        field === 'effort' ? 'No score until the effort is given (person-weeks)' : 'Not given yet';
    } else if (scale !== null) {
      if (levelOf(scales[scale], v) === null) {
        const values = scales[scale].map((l) => l.value).join(', ');
        problems[field] = `${v} is not on the scale (${values})`;
      }
    } else if (field === 'reach' && (v < 0 || v > MAX_REACH)) {
      problems[field] = v < 0 ? 'Reach cannot be negative' : 'Reach is implausibly large';
    } else if (field === 'effort' && !(v > 0)) {
      problems[field] = 'Effort must be more than 0 person-weeks to give a score';
    } else if (field === 'effort' && v > MAX_EFFORT) {
      problems[field] = `Effort is more than ${MAX_EFFORT} person-weeks`;
    }
  }
  if (Object.keys(problems).length > 0) return { value: null, problems };
  const n = (f: ScoreField): number => inputs[f] as number;
  const value =
    method === 'rice'
      ? (n('reach') * n('impact') * (n('confidence') / 100)) / n('effort')
      : n('impact') * n('confidence') * n('ease');
  return { value: Number.isFinite(value) ? value : null, problems };
}

/** Scored experiments first, highest score first; unscored after, by title then id. */
export function compareByScore(
  a: { score: number | null; title: string; id: string },
  b: { score: number | null; title: string; id: string },
): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface CalibrationRow {
  level: ScaleLevel;
  /** Finished bets scored at this confidence with a recorded outcome. */
  decided: number;
  won: number;
}

/**
 * How the team's past confidence turned out: for each level of the method's confidence scale,
 * how many finished bets scored there won ("of your bets scored 80 %, 3 of 7 won"). Only bets
 * with an outcome count; `except` leaves out the one being scored.
 */
export function calibration(
  experiments: readonly Experiment[],
  settings: ScoringSettings,
  except: string | null = null,
): CalibrationRow[] {
  const scale = settings.scales[settings.method === 'rice' ? 'riceConfidence' : 'iceConfidence'];
  return scale.map((level) => {
    let decided = 0;
    let won = 0;
    for (const e of experiments) {
      if (e.id === except || e.deletedAt !== null || e.result.outcome === null) continue;
      if (e.scores.confidence !== level.value) continue;
      decided++;
      if (e.result.outcome === 'won') won++;
    }
    return { level, decided, won };
  });
}
