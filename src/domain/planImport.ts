/**
 * From parsed CSV rows to success plans: column guessing and the import of customers.
 *
 * Accepted shape: one row per customer; a Customer column, and optionally Segment, Owner (a
 * person's name), Start date, Goal date, Step (a journey step's name), Goals, and "Step
 * entered on" (the day the customer entered that step; also "On step since", "Step date",
 * "Stage date"…). Without a step date a plan enters its step on its start date, else today.
 * One step date per row: the step history of an imported plan is that one visit.
 */
import type { RowProblem } from './csvImport';
import { parseDateCell, type DateOrder, type ParsedCsv } from './csvParse';
import type { PlanDraft } from './plans';
import { MAX_NAME, MAX_TEXT } from './validate';
import { guessColumnsBy, nameKey } from './csvColumns';

/** Column indices; null = not in the file. */
export interface PlanColumnMap {
  customer: number;
  segment: number | null;
  owner: number | null;
  startDate: number | null;
  goalDate: number | null;
  step: number | null;
  /** The day the customer entered its step. */
  stepSince: number | null;
  goals: number | null;
}

const SYNONYMS: Record<keyof PlanColumnMap, readonly string[]> = {
  customer: ['customer', 'customer name', 'client', 'account', 'company', 'organisation', 'name'],
  segment: ['segment', 'tier', 'customer segment', 'type'],
  owner: ['owner', 'csm', 'account owner', 'success manager', 'customer success manager'],
  startDate: ['start date', 'start', 'started', 'kick off', 'kickoff', 'start of plan'],
  goalDate: ['goal date', 'goal', 'target date', 'due date', 'deadline', 'due'],
  step: ['step', 'journey step', 'stage', 'phase'],
  stepSince: [
    ...['step entered on', 'step entered', 'entered step', 'entered step on', 'step since'],
    ...['on step since', 'step date', 'stage date', 'stage since', 'entered stage', 'entered on'],
  ],
  goals: ['goals', 'customer goals', 'success goals', 'objectives', 'outcomes', 'success criteria'],
};

/** Exact synonyms first, then headers holding one as whole words; the leftmost column wins. */
export function guessPlanColumns(header: readonly string[]): Partial<PlanColumnMap> {
  return guessColumnsBy(header, SYNONYMS);
}

export interface PlanImportRow extends PlanDraft {
  /** 1-based line in the file where the row starts. */
  line: number;
}

export interface PlanImportResult {
  rows: PlanImportRow[];
  /** Rows that cannot be imported; the caller imports nothing while there are any. */
  rejected: RowProblem[];
}

export interface Named {
  id: string;
  name: string;
}

/** Names (trimmed, spaces collapsed, any case) → id; null marks a name used twice. */
function index(list: readonly Named[]): Map<string, string | null> {
  const byName = new Map<string, string | null>();
  for (const { id, name } of list) {
    const key = nameKey(name);
    byName.set(key, byName.has(key) ? null : id);
  }
  return byName;
}

type Lookup = { id: string | null } | { problem: string };

function lookUp(cell: string, byName: Map<string, string | null>, what: string): Lookup {
  if (cell === '') return { id: null };
  const id = byName.get(nameKey(cell));
  if (id === undefined) return { problem: `No ${what} is named “${cell}”` };
  if (id === null) return { problem: `More than one ${what} is named “${cell}”` };
  return { id };
}

function dateCell(
  cell: string,
  what: string,
  order: DateOrder,
): { date: string | null } | { problem: string } {
  if (cell === '') return { date: null };
  const parsed = parseDateCell(cell, order);
  if (parsed === null) return { problem: `The ${what} “${cell}” is not a date` };
  if (!('date' in parsed)) return { problem: `The ${what} “${cell}” is a period, not a day` };
  return { date: parsed.date };
}

/**
 * Maps rows to plans. Customer is required (≤ 300 characters), and one plan per customer: a
 * customer already in the workspace, or earlier in the file, is a problem. Owner is matched by
 * person name and step by step name (trimmed, any case); an empty owner stays unset and an
 * empty step is the journey's first (`context.steps` in journey order); with no journey at
 * all a line naming a step is refused with the reason (the step would be lost). The step date
 * is neither before the start nor after `today`. Dates are read as parseDateCell reads them,
 * in the given order. Each rejected row gets the first
 * thing wrong with it and its line. Pure: the caller imports all rows or none.
 */
export function planCustomerImport(
  parsed: ParsedCsv,
  map: PlanColumnMap,
  options: { dateOrder: DateOrder },
  context: { people: readonly Named[]; steps: readonly Named[]; customers: readonly string[] },
  today?: string,
): PlanImportResult {
  const people = index(context.people);
  const steps = index(context.steps);
  const existing = new Set(context.customers.map(nameKey));
  const seen = new Map<string, number>();
  const rows: PlanImportRow[] = [];
  const rejected: RowProblem[] = [];
  const cols = [
    map.customer,
    map.segment,
    map.owner,
    map.startDate,
    map.goalDate,
    map.step,
    map.stepSince,
  ];
  const needed = Math.max(...cols.map((c) => c ?? -1)) + 1;

  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2;
    const cell = (c: number | null): string => (c === null ? '' : (cells[c] ?? '').trim());
    const reject = (message: string) => rejected.push({ line, cells, message });
    if (cells.length < needed) {
      return reject(`Only ${cells.length} cells on this line; expected ${needed}`);
    }
    const customer = cell(map.customer).replace(/\s+/g, ' ');
    if (customer === '') return reject('No customer on this line');
    if (customer.length > MAX_NAME)
      return reject(`The customer name is over ${MAX_NAME} characters`);
    const key = nameKey(customer);
    if (existing.has(key)) return reject(`“${customer}” already has a plan`);
    const earlier = seen.get(key);
    if (earlier !== undefined) return reject(`“${customer}” is also on line ${earlier}`);
    seen.set(key, line);
    const owner = lookUp(cell(map.owner), people, 'person');
    if ('problem' in owner) return reject(owner.problem);
    const start = dateCell(cell(map.startDate), 'start date', options.dateOrder);
    if ('problem' in start) return reject(start.problem);
    const goal = dateCell(cell(map.goalDate), 'goal date', options.dateOrder);
    if ('problem' in goal) return reject(goal.problem);
    if (start.date !== null && goal.date !== null && goal.date < start.date) {
      return reject('The goal date is before the start date');
    }
    if (context.steps.length === 0 && cell(map.step) !== '') {
      return reject(
        `There is no customer journey yet to place “${cell(map.step)}” on: map the journey first, or import without the Step column`,
      );
    }
    const step = lookUp(cell(map.step), steps, 'journey step');
    if ('problem' in step) return reject(step.problem);
    const stepId = step.id ?? context.steps[0]?.id ?? null;
    const since = dateCell(cell(map.stepSince), 'step date', options.dateOrder);
    if ('problem' in since) return reject(since.problem);
    if (since.date !== null && start.date !== null && since.date < start.date) {
      return reject('The step date is before the start date');
    }
    if (since.date !== null && today !== undefined && since.date > today) {
      return reject(`The step date ${since.date} is after today`);
    }
    rows.push({
      line,
      customer,
      segment: cell(map.segment).slice(0, MAX_NAME),
      ownerId: owner.id,
      startDate: start.date,
      goalDate: goal.date,
      stepId,
      ...(stepId !== null && since.date !== null ? { stepSince: since.date } : {}),
      goals: cell(map.goals).slice(0, MAX_TEXT),
    });
  });
  return { rows, rejected };
}
