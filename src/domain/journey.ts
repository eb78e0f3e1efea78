/**
 * The customer journey: the ordered steps a customer takes to reach the NSM moment. Steps are
 * soft-deleted, and whatever points at a deleted step (a plan, an insight, a step history
 * visit) is placed on read, the same way on every replica: on the nearest earlier live step in
 * order, else on the first live step. Restoring the step puts everything back.
 */
import { MAX_NAME, Problems, finiteOrNull, text } from './validate';

/** A step as stored (what the document holds for it, validated). */
export interface StepRecord {
  id: string;
  name: string;
  description: string;
  /** A plan staying on this step longer than this many days is stuck; null = never. */
  stuckAfterDays: number | null;
  /** Fractional order key (see domain/order). */
  order: string;
  createdAt: number;
  /** Soft delete: when it was removed. */
  deletedAt: number | null;
}

export interface JourneyStep extends StepRecord {
  /** Whether this is the NSM moment; exactly one live step is, when there are any. */
  nsmMoment: boolean;
}

export interface Journey {
  /** Live steps, in order. */
  steps: JourneyStep[];
  /** Every step, deleted ones included, in order. */
  all: JourneyStep[];
  /** The live step that is the NSM moment; null only when there are no live steps. */
  nsmStepId: string | null;
  /** Position of each live step in `steps`. */
  indexOf: ReadonlyMap<string, number>;
  /** For every known step id (live or deleted), the live step it sits on. */
  placement: ReadonlyMap<string, string>;
}

/** Longest number of days a step may set before it counts as stuck (about 27 years). */
export const MAX_STUCK_DAYS = 9999;

/** Orders steps: order key, then id, so every replica sorts ties the same way. */
export function compareSteps(a: StepRecord, b: StepRecord): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whole days ≥ 0 up to MAX_STUCK_DAYS, or null. */
export function isStuckDays(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_STUCK_DAYS
  );
}

/** Reads a step from the plain values stored in the document, repairing what is invalid. */
export function readStep(id: string, raw: Record<string, unknown>, problems: Problems): StepRecord {
  const name = text(raw.name, 'name', problems, MAX_NAME).trim();
  if (name === '') problems.add('name is empty');
  let stuck = finiteOrNull(raw.stuckAfterDays, 'stuck after', problems);
  if (stuck !== null && !isStuckDays(stuck)) {
    problems.add('stuck after is not a whole number of days');
    stuck = null;
  }
  const created = finiteOrNull(raw.createdAt, 'created at', problems);
  return {
    id,
    name: name === '' ? '(unnamed step)' : name,
    description: text(raw.description, 'description', problems),
    stuckAfterDays: stuck,
    order: typeof raw.order === 'string' && raw.order.length <= 200 ? raw.order : 'a0',
    createdAt: created ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}

/**
 * Orders the steps and places deleted ones. The NSM moment is the chosen step when it is live;
 * when it was deleted, the step it is placed on; when none was chosen (or the id is unknown),
 * the last live step.
 */
export function buildJourney(records: readonly StepRecord[], chosenNsm: string | null): Journey {
  const sorted = [...records].sort(compareSteps);
  const liveIds = sorted.filter((s) => s.deletedAt === null).map((s) => s.id);
  const first = liveIds[0] ?? null;
  const placement = new Map<string, string>();
  let previousLive: string | null = null;
  for (const s of sorted) {
    if (s.deletedAt === null) previousLive = s.id;
    const placed = previousLive ?? first;
    if (placed !== null) placement.set(s.id, placed);
  }
  const nsmStepId =
    (chosenNsm === null ? undefined : placement.get(chosenNsm)) ?? liveIds.at(-1) ?? null;
  const all = sorted.map((s): JourneyStep => ({ ...s, nsmMoment: s.id === nsmStepId }));
  const steps = all.filter((s) => s.deletedAt === null);
  return {
    steps,
    all,
    nsmStepId,
    indexOf: new Map(steps.map((s, i) => [s.id, i])),
    placement,
  };
}

/**
 * The live step something pointing at `stepId` sits on: the step itself when live, the nearest
 * earlier live step when it was deleted, else the first step (also for no step or an unknown
 * id). Null only when the journey has no live steps.
 */
export function placeStep(journey: Journey, stepId: string | null): JourneyStep | null {
  const placed = stepId === null ? undefined : journey.placement.get(stepId);
  const index = placed === undefined ? 0 : (journey.indexOf.get(placed) ?? 0);
  return journey.steps[index] ?? null;
}

/** Position of the placed step among the live steps; -1 when the journey has none. */
export function stepPosition(journey: Journey, stepId: string | null): number {
  const step = placeStep(journey, stepId);
  return step === null ? -1 : (journey.indexOf.get(step.id) ?? -1);
}

/** Position of the NSM moment among the live steps; -1 when the journey has none. */
export function nsmPosition(journey: Journey): number {
  return journey.nsmStepId === null ? -1 : (journey.indexOf.get(journey.nsmStepId) ?? -1);
}

/** A step name as typed in a form: the message to show, or null when fine. */
export function stepNameProblem(name: string): string | null {
  if (name.trim() === '') return 'A step needs a name.';
  if (name.trim().length > MAX_NAME) return `Keep the name under ${MAX_NAME} characters.`;
  return null;
}

/** "Stuck after" as typed in a form (null = never stuck). */
export function stuckAfterProblem(days: number | null): string | null {
  if (days === null || isStuckDays(days)) return null;
  return `Use a whole number of days from 0 to ${MAX_STUCK_DAYS}.`;
}
