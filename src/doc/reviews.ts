/**
 * Quarterly reviews in the document. `reviews` holds flat keys `<quarter>|<field>` with plain
 * values (no nested shared types, so two devices opening the same quarter at once never race
 * to create a record): `status`, `closed/<closeId>` (the frozen figures, one key per close),
 * `target/<id>` (next quarter's drafted targets), `signature/<personId>` and `log/<id>`. A
 * review closed on two devices while offline is one closed review once they sync: each close
 * kept its own key, and the read takes the one closed last (by its time, not by which device
 * Yjs happens to favour for one shared key); both keep their lines. A close removes the earlier
 * closes it sees, so they do not pile up. Lines (SWOT, wins, misses, decisions) are records of
 * their own in `reviewItems`.
 */
import * as Y from 'yjs';
import type { ReviewRow } from '../domain/review';
import {
  isQuarter,
  readReview,
  readReviewItem,
  type FrozenBrief,
  type Review,
  type ReviewItem,
  type ReviewItemKind,
} from '../domain/reviewRecord';
import { nextPeriod, todayLocal } from '../domain/periods';
import { MAX_TEXT, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { setTarget } from './metrics';
import { compareById, local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';

const key = (quarter: string, field: string): string => `${quarter}|${field}`;

function checkQuarter(quarter: string): void {
  if (!isQuarter(quarter)) throw new Error(`“${quarter.slice(0, 20)}” is not a quarter`);
}

/** Every quarter that has a stored review, each read, newest first. */
export function readReviews(ws: WorkspaceDoc): { reviews: Review[]; warnings: DocWarning[] } {
  const byQuarter = new Map<string, Map<string, unknown>>();
  let junk = 0;
  ws.reviews.forEach((value, k) => {
    const bar = k.indexOf('|');
    const quarter = bar > 0 ? k.slice(0, bar) : '';
    if (!isQuarter(quarter)) {
      junk++;
      return;
    }
    const fields = byQuarter.get(quarter) ?? new Map<string, unknown>();
    fields.set(k.slice(bar + 1), value);
    byQuarter.set(quarter, fields);
  });
  const warnings: DocWarning[] = [];
  if (junk > 0)
    warnings.push({ where: 'reviews', message: `${junk} unreadable value(s) were ignored` });
  const reviews: Review[] = [];
  for (const [quarter, fields] of byQuarter) {
    const problems = new Problems();
    reviews.push(readReview(quarter, fields, problems));
    for (const message of problems.list) warnings.push({ where: `review of ${quarter}`, message });
  }
  reviews.sort((a, b) => (a.quarter < b.quarter ? 1 : -1));
  return { reviews, warnings };
}

export function readReviewItems(
  ws: WorkspaceDoc,
  includeDeleted = false,
): { items: ReviewItem[]; warnings: DocWarning[] } {
  const items: ReviewItem[] = [];
  const problems = new Problems();
  ws.reviewItems.forEach((r, id) => {
    if (!(r instanceof Y.Map)) {
      problems.add(`an entry (${id.slice(0, 20)}) is not a review line and was ignored`);
      return;
    }
    const item = readReviewItem(id, plainFields(r), problems);
    if (item === null) return;
    const { deletedAt, ...rest } = item;
    if (deletedAt === null || includeDeleted) items.push(rest);
  });
  items.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return { items, warnings: problems.list.map((message) => ({ where: 'reviews', message })) };
}

/** Sets (or with null, clears) next quarter's target for a metric in a draft review. */
export function setNextTarget(
  ws: WorkspaceDoc,
  quarter: string,
  metricId: string,
  value: number | null,
): void {
  checkQuarter(quarter);
  if (value !== null && !Number.isFinite(value)) throw new Error('A target must be a number');
  if (ws.reviews.get(key(quarter, 'status')) === 'closed') {
    throw new Error('The review is closed: reopen it to change next quarter’s targets');
  }
  local(ws, () =>
    setField(ws.reviews, key(quarter, `target/${metricId}`), value === null ? undefined : value),
  );
}

/**
 * Closes a review: its figures (and the owners' briefs as they read) are frozen as plain
 * values, next quarter's targets are written
 * into the metrics, and the close is logged, in one transaction (one undo step). Throws when
 * it is already closed.
 */
export function closeReview(
  ws: WorkspaceDoc,
  quarter: string,
  rows: readonly ReviewRow[],
  nextTargets: Readonly<Record<string, number>>,
  by: string | null,
  now = Date.now(),
  briefs: readonly FrozenBrief[] = [],
): void {
  checkQuarter(quarter);
  if (ws.reviews.get(key(quarter, 'status')) === 'closed') {
    throw new Error('This review is already closed');
  }
  const next = nextPeriod(quarter);
  const live = new Set(rows.map((r) => r.metricId));
  const earlier = [...ws.reviews.keys()].filter(
    (k) => k === key(quarter, 'closed') || k.startsWith(key(quarter, 'closed/')),
  );
  local(ws, () => {
    for (const k of earlier) ws.reviews.delete(k);
    ws.reviews.set(key(quarter, `closed/${newId()}`), {
      at: now,
      by,
      // A plain copy: later edits to the rows' source never reach the snapshot. A point keeps
      // only its period and value (what readRow reads back), even when the caller's points are
      // whole entries (metric, note, author, time).
      rows: JSON.parse(
        JSON.stringify(
          rows.map((r) => ({
            ...r,
            points: r.points.map((p) => ({ period: p.period, value: p.value })),
          })),
        ),
      ) as unknown,
      nextTargets: { ...nextTargets },
      briefs: briefs.map((b) => ({ ...b })),
    });
    ws.reviews.set(key(quarter, 'status'), 'closed');
    ws.reviews.set(key(quarter, `log/${newId()}`), { at: now, by, action: 'closed' });
    for (const [metricId, value] of Object.entries(nextTargets)) {
      if (live.has(metricId)) setTarget(ws, metricId, next, value);
    }
  });
}

/** Reopens a closed review (logged); its last frozen figures stay until the next close. */
export function reopenReview(
  ws: WorkspaceDoc,
  quarter: string,
  by: string | null,
  now = Date.now(),
): void {
  checkQuarter(quarter);
  if (ws.reviews.get(key(quarter, 'status')) !== 'closed') return;
  local(ws, () => {
    ws.reviews.set(key(quarter, 'status'), 'draft');
    ws.reviews.set(key(quarter, `log/${newId()}`), { at: now, by, action: 'reopened' });
  });
}

/** A metric owner signs the closed review from their own device. */
export function signReview(
  ws: WorkspaceDoc,
  quarter: string,
  personId: string,
  name: string,
  now = Date.now(),
): void {
  checkQuarter(quarter);
  if (ws.reviews.get(key(quarter, 'status')) !== 'closed') {
    throw new Error('Only a closed review can be signed');
  }
  local(ws, () =>
    ws.reviews.set(key(quarter, `signature/${personId}`), { at: now, name: name.slice(0, 300) }),
  );
}

export interface ReviewItemDraft {
  kind: ReviewItemKind;
  text: string;
  ownerId?: string | null;
  metricId?: string | null;
  experimentId?: string | null;
}

export function addReviewItem(
  ws: WorkspaceDoc,
  quarter: string,
  draft: ReviewItemDraft,
  now = Date.now(),
): string {
  checkQuarter(quarter);
  const t = draft.text.trim();
  if (t === '') throw new Error('Write the line first');
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    r.set('quarter', quarter);
    r.set('kind', draft.kind);
    r.set('text', t.slice(0, MAX_TEXT));
    for (const k of ['ownerId', 'metricId', 'experimentId'] as const) {
      const v = draft[k];
      if (v) r.set(k, v);
    }
    r.set('createdAt', now);
    ws.reviewItems.set(id, r);
  });
  return id;
}

export interface ReviewItemPatch {
  text?: string;
  ownerId?: string | null;
  metricId?: string | null;
  experimentId?: string | null;
}

export function updateReviewItem(ws: WorkspaceDoc, id: string, patch: ReviewItemPatch): void {
  const r = ws.reviewItems.get(id);
  if (!(r instanceof Y.Map)) return;
  if (patch.text !== undefined && patch.text.trim() === '') throw new Error('A line needs text');
  local(ws, () => {
    if (patch.text !== undefined) setField(r, 'text', patch.text.trim().slice(0, MAX_TEXT));
    if (patch.ownerId !== undefined) setField(r, 'ownerId', patch.ownerId ?? undefined);
    // A line is about one metric or one experiment at most: setting one clears the other.
    if (patch.metricId !== undefined) {
      setField(r, 'metricId', patch.metricId ?? undefined);
      if (patch.metricId !== null) setField(r, 'experimentId', undefined);
    }
    if (patch.experimentId !== undefined) {
      setField(r, 'experimentId', patch.experimentId ?? undefined);
      if (patch.experimentId !== null) setField(r, 'metricId', undefined);
    }
  });
}

export function setDecisionDone(
  ws: WorkspaceDoc,
  id: string,
  done: boolean,
  today = todayLocal(),
): void {
  const r = ws.reviewItems.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => {
    setField(r, 'done', done);
    setField(r, 'doneAt', done ? today : undefined);
  });
}

export function deleteReviewItem(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = ws.reviewItems.get(id);
  if (r instanceof Y.Map) local(ws, () => r.set('deletedAt', now));
}

export function restoreReviewItem(ws: WorkspaceDoc, id: string): void {
  const r = ws.reviewItems.get(id);
  if (r instanceof Y.Map && r.has('deletedAt')) local(ws, () => r.delete('deletedAt'));
}

/** Quarterly reviews and their lines. */
export const reviewsArea: DocArea<{ reviews: Y.Map<unknown>; reviewItems: Y.Map<RecordMap> }> = {
  name: 'reviews',
  roots: {
    reviews: { counting: 'key', one: 'review value', many: 'review values' },
    reviewItems: { counting: 'key', one: 'review line', many: 'review lines', trash: true },
  },
  read: (ws) => {
    const reviews = readReviews(ws);
    const items = readReviewItems(ws, true);
    return {
      value: { reviews: reviews.reviews, items: items.items.sort(compareById) },
      warnings: [...reviews.warnings, ...items.warnings],
    };
  },
};
