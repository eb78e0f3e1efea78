/**
 * A workspace's settings for experiments: the scoring method and scales, the sprint rhythm
 * (a start date and a length in days) and each person's hours per sprint. Stored flat in one
 * map (`method`, `scale:<name>`, `sprintStart`, `sprintLength`, `capacity:<personId>`,
 * `defaultCapacity`) so concurrent edits of different settings both stay.
 */
import {
  DEFAULT_SCORING,
  SCALE_NAMES,
  SCORING_METHODS,
  readScale,
  type Scales,
  type ScoringSettings,
} from './experimentScore';
import { Problems, dateOrNull, finiteOrNull, oneOf } from './validate';

export const DEFAULT_SPRINT_LENGTH = 14;
/** Sprints start here until a team picks its own start (a Monday, the same on every device). */
export const DEFAULT_SPRINT_START = '2024-01-01';
/** Hours a person gives a sprint unless set (two weeks of half-time experiment work). */
export const DEFAULT_CAPACITY = 40;
/** Most hours a person's capacity per sprint may be. */
export const MAX_CAPACITY = 500;

export interface ExperimentSettings {
  scoring: ScoringSettings;
  /** The first sprint's start (DEFAULT_SPRINT_START until chosen). */
  sprintStart: string;
  sprintLength: number;
  capacity: Record<string, number>;
  defaultCapacity: number;
}

const wholeIn = (n: number | null, min: number, max: number): n is number =>
  n !== null && Number.isInteger(n) && n >= min && n <= max;

/** Reads the settings from the plain values of their map, falling back per setting. */
export function readExperimentSettings(
  raw: ReadonlyMap<string, unknown>,
  problems: Problems,
): ExperimentSettings {
  const scales = {} as Scales;
  for (const name of SCALE_NAMES)
    scales[name] = readScale(raw.get(`scale:${name}`), name, problems);
  const length = finiteOrNull(raw.get('sprintLength'), 'sprint length', problems);
  if (length !== null && !wholeIn(length, 1, 91))
    problems.add('the sprint length is not 1–91 days');
  const capacity: Record<string, number> = {};
  for (const [key, value] of raw) {
    if (!key.startsWith('capacity:')) continue;
    if (typeof value === 'number' && value >= 0 && value <= MAX_CAPACITY) {
      capacity[key.slice('capacity:'.length)] = value;
    } else problems.add('a capacity is not a number of hours');
  }
  const fallbackCapacity = finiteOrNull(raw.get('defaultCapacity'), 'default capacity', problems);
  return {
    scoring: {
      method: oneOf(
        raw.get('method'),
        SCORING_METHODS,
        DEFAULT_SCORING.method,
        'scoring method',
        problems,
      ),
      scales,
    },
    sprintStart:
      dateOrNull(raw.get('sprintStart'), 'sprint start', problems) ?? DEFAULT_SPRINT_START,
    sprintLength: wholeIn(length, 1, 91) ? length : DEFAULT_SPRINT_LENGTH,
    capacity,
    defaultCapacity:
      fallbackCapacity !== null && fallbackCapacity >= 0 && fallbackCapacity <= MAX_CAPACITY
        ? fallbackCapacity
        : DEFAULT_CAPACITY,
  };
}
