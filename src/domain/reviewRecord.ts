/**
 * A quarterly review as stored: its status, the figures frozen when it was closed (plain values:
 * Yjs keeps no past states, so the snapshot is data), next quarter's targets as drafted, the
 * signatures of metric owners and a log of closes and reopenings; and the review's lines (SWOT,
 * wins and misses, decisions), each a record of its own so two people adding at once both keep
 * theirs. Open decisions carry into later quarters until done.
 */
import type { ReviewRow, ReviewStatus } from './review';
import { BRIEF_KINDS, type BriefKind } from './briefs';
import { DIRECTIONS, METRIC_KINDS, UNITS } from './types';
import {
  MAX_NAME,
  MAX_TEXT,
  Problems,
  dateOrNull,
  finiteOrNull,
  idOrNull,
  oneOf,
  text,
} from './validate';
import { grainOf } from './periods';

export const REVIEW_ITEM_KINDS = [
  'win',
  'miss',
  'strength',
  'weakness',
  'opportunity',
  'threat',
  'decision',
] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

export const REVIEW_ITEM_LABELS: Record<ReviewItemKind, string> = {
  win: 'Wins',
  miss: 'Misses',
  strength: 'Strengths',
  weakness: 'Weaknesses',
  opportunity: 'Opportunities',
  threat: 'Threats',
  decision: 'Decisions',
};

export interface ReviewItem {
  id: string;
  quarter: string;
  kind: ReviewItemKind;
  text: string;
  ownerId: string | null;
  metricId: string | null;
  experimentId: string | null;
  /** Decisions: done (with its date) or still open. */
  done: boolean;
  doneAt: string | null;
  createdAt: number;
}

export interface ClosedReview {
  /** When it was closed, ms since the epoch. */
  at: number;
  by: string | null;
  rows: ReviewRow[];
  /** The targets written into the metrics for the next quarter. */
  nextTargets: Record<string, number>;
  /** Each owner's briefs as they read at close. */
  briefs: FrozenBrief[];
}

export interface FrozenBrief {
  personId: string;
  kind: BriefKind;
  text: string;
  updatedAt: string | null;
}

export interface ReviewLogLine {
  at: number;
  by: string | null;
  action: 'closed' | 'reopened';
}

export interface Signature {
  personId: string;
  name: string;
  at: number;
}

export interface Review {
  quarter: string;
  status: 'draft' | 'closed';
  /** The last close's frozen figures; kept when reopened, replaced by the next close. */
  closed: ClosedReview | null;
  /** Next quarter's targets as edited in the draft, by metric id. */
  nextTargets: Record<string, number>;
  signatures: Signature[];
  log: ReviewLogLine[];
}

export const isQuarter = (q: string): boolean => grainOf(q) === 'quarter';

const isObject = (raw: unknown): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw);

const STATUSES: readonly ReviewStatus[] = [
  'met',
  'missed',
  'held',
  'breached',
  'no-target',
  'no-data',
];

/** Most rows a frozen snapshot keeps (the tree has at most a few hundred metrics). */
const MAX_ROWS = 2000;

/** A frozen row as stored by a peer: every field checked, a bad one makes the row unreadable. */
function readRow(raw: unknown, problems: Problems): ReviewRow | null {
  if (!isObject(raw)) return null;
  const p = new Problems();
  const metricId = idOrNull(raw.metricId, 'metric', p);
  if (metricId === null) return null;
  const num = (v: unknown, f: string) => finiteOrNull(v, f, p);
  const row: ReviewRow = {
    metricId,
    name: text(raw.name, 'name', p, MAX_NAME),
    kind: oneOf(raw.kind, METRIC_KINDS, 'input', 'kind', p),
    unit: oneOf(raw.unit, UNITS, 'count', 'unit', p),
    direction: oneOf(raw.direction, DIRECTIONS, 'up', 'direction', p),
    ownerId: idOrNull(raw.ownerId, 'owner', p),
    parentId: idOrNull(raw.parentId, 'parent', p),
    depth: typeof raw.depth === 'number' && Number.isInteger(raw.depth) ? raw.depth : 0,
    start: num(raw.start, 'start'),
    target: num(raw.target, 'target'),
    actual: num(raw.actual, 'actual'),
    attainment: num(raw.attainment, 'attainment'),
    status: oneOf(raw.status, STATUSES, 'no-data', 'status', p),
    points: Array.isArray(raw.points)
      ? raw.points
          .filter(
            (x): x is { period: string; value: number } =>
              isObject(x) &&
              typeof x.period === 'string' &&
              typeof x.value === 'number' &&
              Number.isFinite(x.value),
          )
          .slice(0, 400)
          .map((x) => ({ period: x.period.slice(0, 10), value: x.value }))
      : [],
    notes: Array.isArray(raw.notes)
      ? raw.notes
          .filter((n): n is string => typeof n === 'string')
          .slice(0, 10)
          .map((n) => n.slice(0, MAX_NAME))
      : [],
  };
  if (p.list.length > 0) problems.add(`a frozen figure of “${row.name.slice(0, 40)}” is damaged`);
  return row;
}

function readTargets(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isObject(raw)) return out;
  for (const [k, v] of Object.entries(raw)) {
    if (k.length <= 100 && typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

function readFrozenBriefs(raw: unknown): FrozenBrief[] {
  if (!Array.isArray(raw)) return [];
  const out: FrozenBrief[] = [];
  for (const b of raw.slice(0, MAX_ROWS)) {
    if (!isObject(b) || typeof b.personId !== 'string' || typeof b.text !== 'string') continue;
    if (!(BRIEF_KINDS as readonly string[]).includes(b.kind as string)) continue;
    out.push({
      personId: b.personId.slice(0, 100),
      kind: b.kind as BriefKind,
      text: b.text.slice(0, MAX_TEXT * 4),
      updatedAt: typeof b.updatedAt === 'string' ? b.updatedAt.slice(0, 10) : null,
    });
  }
  return out;
}

export function readClosed(raw: unknown, problems: Problems): ClosedReview | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw) || !Array.isArray(raw.rows)) {
    problems.add('the frozen figures are unreadable');
    return null;
  }
  const rows: ReviewRow[] = [];
  for (const r of raw.rows.slice(0, MAX_ROWS)) {
    const row = readRow(r, problems);
    if (row) rows.push(row);
  }
  return {
    at: finiteOrNull(raw.at, 'closed at', problems) ?? 0,
    by: idOrNull(raw.by, 'closed by', problems),
    rows,
    nextTargets: readTargets(raw.nextTargets),
    briefs: readFrozenBriefs(raw.briefs),
  };
}

/**
 * Reads one quarter's review from its flat fields (`status`, `closed/<closeId>`,
 * `target/<metricId>`, `signature/<personId>`, `log/<id>`), as the document stores them under
 * `<quarter>|`. Of several closes (two devices closed offline) the latest counts; `closed`
 * without an id is how earlier versions stored the one close.
 */
export function readReview(
  quarter: string,
  fields: ReadonlyMap<string, unknown>,
  problems: Problems,
): Review {
  const nextTargets: Record<string, number> = {};
  const signatures: Signature[] = [];
  const log: ReviewLogLine[] = [];
  let closed: ClosedReview | null = null;
  for (const [key, value] of fields) {
    if (key === 'closed' || key.startsWith('closed/')) {
      const candidate = readClosed(value, problems);
      if (candidate && (closed === null || candidate.at > closed.at)) closed = candidate;
    } else if (key.startsWith('target/')) {
      if (typeof value === 'number' && Number.isFinite(value)) nextTargets[key.slice(7)] = value;
      else problems.add('a next target is not a number');
    } else if (key.startsWith('signature/')) {
      if (isObject(value) && typeof value.at === 'number') {
        signatures.push({
          personId: key.slice(10),
          name: text(value.name, 'signer', problems, MAX_NAME),
          at: value.at,
        });
      }
    } else if (key.startsWith('log/')) {
      if (
        isObject(value) &&
        typeof value.at === 'number' &&
        (value.action === 'closed' || value.action === 'reopened')
      ) {
        log.push({
          at: value.at,
          by: typeof value.by === 'string' ? value.by.slice(0, 100) : null,
          action: value.action,
        });
      }
    }
  }
  signatures.sort((a, b) => a.at - b.at || (a.personId < b.personId ? -1 : 1));
  log.sort((a, b) => a.at - b.at);
  return {
    quarter,
    status: fields.get('status') === 'closed' ? 'closed' : 'draft',
    closed,
    nextTargets,
    signatures,
    log,
  };
}

/** Reads a review line; null when it names no quarter. */
export function readReviewItem(
  id: string,
  raw: Record<string, unknown>,
  problems: Problems,
): (ReviewItem & { deletedAt: number | null }) | null {
  const quarter = typeof raw.quarter === 'string' && isQuarter(raw.quarter) ? raw.quarter : null;
  if (quarter === null) {
    problems.add('a review line names no quarter and was ignored');
    return null;
  }
  const done = raw.done === true;
  return {
    id,
    quarter,
    kind: oneOf(raw.kind, REVIEW_ITEM_KINDS, 'strength', 'review line kind', problems),
    text: text(raw.text, 'review line', problems, MAX_TEXT),
    ownerId: idOrNull(raw.ownerId, 'owner', problems),
    metricId: idOrNull(raw.metricId, 'metric', problems),
    experimentId: idOrNull(raw.experimentId, 'experiment', problems),
    done,
    doneAt: done ? dateOrNull(raw.doneAt, 'done date', problems) : null,
    createdAt: finiteOrNull(raw.createdAt, 'created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}

/** Decisions of earlier quarters still open: they carry into this quarter's review. */
export function carriedDecisions(items: readonly ReviewItem[], quarter: string): ReviewItem[] {
  return items.filter((i) => i.kind === 'decision' && !i.done && i.quarter < quarter);
}
