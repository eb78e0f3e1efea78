import {
  AGGREGATIONS,
  CADENCES,
  DIRECTIONS,
  MATURITIES,
  METRIC_KINDS,
  METRIC_STATUSES,
  UNITS,
  type Metric,
  type Person,
  type PlanMetricSpec,
  type TargetSet,
} from './types';
import { isDate } from './periods';
import { MAX_NAME } from './names';

// The start screen imports these from names.ts (without this module and periods).
export { MAX_NAME, nameProblem } from './names';

/** Latest time a JavaScript date can hold; later "timestamps" from a peer are junk. */
const MAX_TIME = 8.64e15;

/** A time in ms since the epoch, or the fallback when absent or out of range. */
function timeOr(raw: unknown, fallback: number, field: string, problems: Problems): number {
  const t = finiteOrNull(raw, field, problems);
  if (t === null) return fallback;
  if (t < 0 || t > MAX_TIME) {
    problems.add(`${field} is out of range`);
    return fallback;
  }
  return t;
}

/** Longest text kept from the document; a hostile peer may write megabytes. */
export const MAX_TEXT = 5000;
/** Collects what was wrong with a record read from the document. */
export class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

export function text(raw: unknown, field: string, problems: Problems, max = MAX_TEXT): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'string') {
    problems.add(`${field} is not text`);
    return '';
  }
  // Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) would show a name
  // reversed or hide what follows: they are dropped from what is shown.
  const shown = raw.replace(BIDI_CONTROLS, '');
  if (shown.length > max) {
    problems.add(`${field} is longer than ${max} characters and was cut`);
    return shown.slice(0, max);
  }
  return shown;
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function oneOf<T extends string>(
  raw: unknown,
  allowed: readonly T[],
  fallback: T,
  field: string,
  problems: Problems,
): T {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  problems.add(`${field} “${describe(raw)}” is not known`);
  return fallback;
}

/** A short, safe description of any value (String() throws on some objects). */
function describe(raw: unknown): string {
  if (typeof raw === 'string') return raw.slice(0, 40);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw;
}

export function finiteOrNull(raw: unknown, field: string, problems: Problems): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  problems.add(`${field} is not a number`);
  return null;
}

export function idOrNull(raw: unknown, field: string, problems: Problems): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && raw.length > 0 && raw.length <= 100) return raw;
  problems.add(`${field} is not an id`);
  return null;
}

export function dateOrNull(raw: unknown, field: string, problems: Problems): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' && isDate(raw)) return raw;
  problems.add(`${field} is not a date`);
  return null;
}

/** Reads a metric from the plain values stored in the document, repairing what is invalid. */
export function readMetric(id: string, raw: Record<string, unknown>, problems: Problems): Metric {
  const name = text(raw.name, 'name', problems, MAX_NAME).trim();
  if (name === '') problems.add('name is empty');
  return {
    id,
    kind: oneOf(raw.kind, METRIC_KINDS, 'input', 'kind', problems),
    name: name === '' ? '(unnamed)' : name,
    definition: text(raw.definition, 'definition', problems),
    unit: oneOf(raw.unit, UNITS, 'count', 'unit', problems),
    direction: oneOf(raw.direction, DIRECTIONS, 'up', 'direction', problems),
    cadence:
      raw.cadence === null || raw.cadence === undefined
        ? null
        : oneOf(raw.cadence, CADENCES, 'weekly', 'cadence', problems),
    aggregation: oneOf(raw.aggregation, AGGREGATIONS, 'sum', 'aggregation', problems),
    ownerId: idOrNull(raw.ownerId, 'owner', problems),
    collection: text(raw.collection, 'collection method', problems),
    maturity: oneOf(raw.maturity, MATURITIES, 'crawl', 'maturity', problems),
    status: oneOf(raw.status, METRIC_STATUSES, 'active', 'status', problems),
    baselineValue: finiteOrNull(raw.baselineValue, 'baseline', problems),
    baselineDate: dateOrNull(raw.baselineDate, 'baseline date', problems),
    parentId: idOrNull(raw.parentId, 'parent', problems),
    order: typeof raw.order === 'string' && raw.order.length <= 200 ? raw.order : 'a0',
    prevParentId: idOrNull(raw.prevParentId, 'previous parent', problems),
    movedAt: timeOr(raw.movedAt, 0, 'moved at', problems),
    createdAt: timeOr(raw.createdAt, 0, 'created at', problems),
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
    formula:
      raw.formula === undefined || raw.formula === null
        ? null
        : text(raw.formula, 'formula', problems, 2000),
    planMetric:
      raw.planMetric === undefined || raw.planMetric === null
        ? null
        : readPlanMetricSpec(raw.planMetric, problems),
    tolerance: finiteOrNull(raw.tolerance, 'tolerance', problems),
    mayExceed100: raw.mayExceed100 === true,
    targets: readTargets(raw.targets, problems),
  };
}

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** Reads a stored plan-metric spec (a peer may write anything); null, with a problem, if junk. */
export function readPlanMetricSpec(raw: unknown, problems: Problems): PlanMetricSpec | null {
  if (isObject(raw)) {
    if (raw.kind === 'reached-step' && typeof raw.stepId === 'string' && raw.stepId.length <= 100) {
      return { kind: 'reached-step', stepId: raw.stepId };
    }
    const days = raw.days;
    if (raw.kind === 'completed-within' && Number.isInteger(days) && (days as number) >= 0) {
      return { kind: 'completed-within', days: days as number };
    }
    if (raw.kind === 'median-days-to-nsm') return { kind: 'median-days-to-nsm' };
  }
  problems.add('the plan metric is not readable');
  return null;
}

const QUARTER = /^\d{4}-Q[1-4](?:\+[12])?$/; // "+1", "+2": a shifted fiscal quarter (periods.ts)
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Targets as stored: one map keyed by quarter ("2025-Q1", "2025-Q1+1") or month ("2025-03"). */
export function readTargets(raw: unknown, problems: Problems): TargetSet {
  const quarterly: Record<string, number> = {};
  const monthly: Record<string, number> = {};
  if (raw === undefined || raw === null) return { quarterly, monthly };
  if (typeof raw !== 'object') {
    problems.add('targets are not readable');
    return { quarterly, monthly };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.add(`target for ${key.slice(0, 20)} is not a number`);
    } else if (QUARTER.test(key)) quarterly[key] = value;
    else if (MONTH.test(key)) monthly[key] = value;
    else problems.add(`target period ${key.slice(0, 20)} is not a month or quarter`);
  }
  return { quarterly, monthly };
}

const COLOR = /^#[0-9a-f]{6}$/i;

export function readPerson(id: string, raw: Record<string, unknown>, problems: Problems): Person {
  const name = text(raw.name, 'name', problems, MAX_NAME).trim();
  const color = typeof raw.color === 'string' && COLOR.test(raw.color) ? raw.color : '#6b7280';
  return {
    id,
    name: name === '' ? '(unnamed)' : name,
    team: text(raw.team, 'team', problems, MAX_NAME),
    color,
  };
}
