/**
 * Next quarter's targets as OKRs, the way many teams tie the tree into their objectives: the
 * North Star is the first objective and each of its direct inputs is another; the key results of
 * an objective are the targets of its metric and of every metric below it (in tree order), each
 * "from" the reviewed quarter's actual "to" the target. A counter-metric below an objective
 * becomes a guardrail key result: keep it no worse than it ended the quarter. Metrics without a
 * target are left out of the key results; an objective left with none says so.
 */
import type { ReviewRow } from './review';
import type { Direction, Unit } from './types';

export interface KeyResult {
  metricId: string;
  name: string;
  unit: Unit;
  direction: Direction;
  ownerId: string | null;
  /** Where it ended the reviewed quarter (its actual), if known. */
  from: number | null;
  /** The target for the next quarter; for a guardrail, the value not to fall behind. */
  to: number;
  guardrail: boolean;
}

export interface Objective {
  metricId: string;
  /** "Grow Weekly active teams", "Reduce Time to first value". */
  title: string;
  ownerId: string | null;
  northStar: boolean;
  keyResults: KeyResult[];
}

/** The objective's wording from the metric's direction. */
export function objectiveTitle(name: string, direction: Direction): string {
  return `${direction === 'up' ? 'Grow' : 'Reduce'} ${name}`;
}

function keyResult(row: ReviewRow, targets: Readonly<Record<string, number>>): KeyResult | null {
  const base = {
    metricId: row.metricId,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    ownerId: row.ownerId,
    from: row.actual,
  };
  if (row.kind === 'counter') {
    return row.actual === null ? null : { ...base, to: row.actual, guardrail: true };
  }
  const to = targets[row.metricId];
  return to === undefined ? null : { ...base, to, guardrail: false };
}

/**
 * The OKRs of the quarter after the reviewed one. `rows` are the reviewed quarter's rows in tree
 * order (depth 0 first); `targets` are next quarter's targets by metric id.
 */
export function okrsOf(
  rows: readonly ReviewRow[],
  targets: Readonly<Record<string, number>>,
): Objective[] {
  const objectives: Objective[] = [];
  /** The objective each metric's key result belongs to (a metric's own, else its parent's). */
  const objectiveOf = new Map<string, Objective>();
  for (const row of rows) {
    const parent = row.parentId === null ? undefined : objectiveOf.get(row.parentId);
    let objective = parent;
    if (objective === undefined || row.depth === 0 || (row.depth === 1 && row.kind !== 'counter')) {
      objective = {
        metricId: row.metricId,
        title: objectiveTitle(row.name, row.direction),
        ownerId: row.ownerId,
        northStar: row.kind === 'north-star',
        keyResults: [],
      };
      objectives.push(objective);
    }
    objectiveOf.set(row.metricId, objective);
    const kr = keyResult(row, targets);
    if (kr) objective.keyResults.push(kr);
  }
  return objectives;
}

/** The objectives as rows for a CSV file (header first); values unformatted. */
export function okrCsvRows(
  objectives: readonly Objective[],
  ownerName: (personId: string | null) => string,
): (string | number | null)[][] {
  const out: (string | number | null)[][] = [
    ['Objective', 'Key result', 'Kind', 'Owner', 'From', 'Target', 'Unit'],
  ];
  for (const o of objectives) {
    if (o.keyResults.length === 0) {
      out.push([o.title, '', '', ownerName(o.ownerId), null, null, '']);
    }
    for (const kr of o.keyResults) {
      out.push([
        o.title,
        kr.name,
        kr.guardrail ? 'guardrail' : 'target',
        ownerName(kr.ownerId),
        kr.from,
        kr.to,
        kr.unit,
      ]);
    }
  }
  return out;
}
