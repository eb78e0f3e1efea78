/**
 * Insights in the document: one Y.Map per insight in `insights`. Tags are one plain list per
 * insight (normalised on write), so the last edit of an insight's tags wins as a whole.
 */
import * as Y from 'yjs';
import {
  compareInsights,
  normaliseTags,
  readInsight,
  type Insight,
  type InsightFields,
} from '../domain/insights';
import { isDate, todayLocal } from '../domain/periods';
import { MAX_NAME, MAX_TEXT, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { compareById, local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';
import { isNonEmptyText, isTime, junkWarnings, marks, slotOf, type Marks } from './junk';

const isDateText = (v: unknown): boolean => typeof v === 'string' && isDate(v);

/**
 * What marks an insight record as written by the app (doc/junk.ts): its text, date, tags and
 * creation time.
 */
export const INSIGHT_MARKS: Marks = marks({
  text: isNonEmptyText,
  date: isDateText,
  tags: Array.isArray,
  createdAt: isTime,
});

/**
 * Live insights, newest first (deleted ones too with `includeDeleted`), validated; junk
 * (doc/junk.ts) is counted in one warning.
 */
export function readInsights(
  ws: WorkspaceDoc,
  includeDeleted = false,
): { insights: Insight[]; warnings: DocWarning[] } {
  const insights: Insight[] = [];
  const warnings: DocWarning[] = [];
  let junk = 0;
  ws.insights.forEach((_, id) => {
    const read = readInsightById(ws, id);
    warnings.push(...read.warnings);
    if (read.junk) junk++;
    if (read.insight && (read.insight.deletedAt === null || includeDeleted)) {
      insights.push(read.insight);
    }
  });
  insights.sort(compareInsights);
  warnings.push(...insightsJunkWarnings(junk));
  return { insights, warnings };
}

/** The one warning for this many junk keys in `insights`. */
export const insightsJunkWarnings = (count: number): DocWarning[] =>
  junkWarnings('insights', count, insightsArea.roots.insights);

/**
 * Reads one insight, deleted or not (null when the id holds no insight), for refreshing only
 * the insights a change touched. A deleted insight's problems are not reported; junk is only
 * flagged (its map's reader sums it up).
 */
export function readInsightById(
  ws: WorkspaceDoc,
  id: string,
): { insight: Insight | null; warnings: DocWarning[]; junk: boolean } {
  const record = ws.insights.get(id);
  if (record === undefined) return { insight: null, warnings: [], junk: false };
  const slot = slotOf(record, INSIGHT_MARKS);
  if (slot !== 'record') return { insight: null, warnings: [], junk: slot === 'junk' };
  const problems = new Problems();
  const insight = readInsight(id, plainFields(record), problems);
  const where = `insight “${insight.text.slice(0, 40)}”`;
  const warnings =
    insight.deletedAt === null ? problems.list.map((message) => ({ where, message })) : [];
  return { insight, warnings, junk: false };
}

/** What a quick capture gives: the text, the rest optional (date defaults to today). */
export type InsightInput = Partial<Omit<InsightFields, 'tags'>> & {
  text: string;
  /** A list, or tags as typed ("onboarding, pricing"). */
  tags?: string | readonly string[];
};

/** Plain values to store for the given fields (tags normalised, text trimmed); throws if invalid. */
function values(fields: Partial<InsightInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields.text !== undefined) {
    const t = fields.text.trim();
    if (t === '') throw new Error('An insight needs its text');
    out.text = t.slice(0, MAX_TEXT);
  }
  if (fields.date !== undefined && !isDate(fields.date)) {
    throw new Error(`“${fields.date.slice(0, 20)}” is not a date`);
  }
  for (const key of ['customer', 'source'] as const) {
    const v = fields[key];
    if (v !== undefined) out[key] = v.trim().slice(0, MAX_NAME);
  }
  for (const key of ['planId', 'metricId', 'stepId', 'date'] as const) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  if (fields.tags !== undefined) out.tags = normaliseTags(fields.tags);
  return out;
}

/** Captures an insight; returns its id. */
export function addInsight(
  ws: WorkspaceDoc,
  fields: InsightInput,
  today = todayLocal(),
  now = Date.now(),
): string {
  const stored = { tags: [], ...values({ ...fields, date: fields.date ?? today }) };
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    for (const [key, value] of Object.entries(stored)) if (value !== null) r.set(key, value);
    r.set('createdAt', now);
    ws.insights.set(id, r);
  });
  return id;
}

/** Changes fields of an insight (null clears a link); unchanged fields are not written. */
export function updateInsight(ws: WorkspaceDoc, id: string, patch: Partial<InsightInput>): void {
  const r = ws.insights.get(id);
  if (!(r instanceof Y.Map)) return;
  const stored = values(patch);
  local(ws, () => {
    for (const [key, value] of Object.entries(stored)) {
      const current = r.get(key);
      const same =
        Array.isArray(value) &&
        Array.isArray(current) &&
        value.length === current.length &&
        value.every((v, i) => v === current[i]);
      if (!same) setField(r, key, value);
    }
  });
}

/** Soft delete (undoable). */
export function deleteInsight(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = ws.insights.get(id);
  if (r instanceof Y.Map) local(ws, () => r.set('deletedAt', now));
}

export function restoreInsight(ws: WorkspaceDoc, id: string): void {
  const r = ws.insights.get(id);
  if (r instanceof Y.Map && r.has('deletedAt')) local(ws, () => r.delete('deletedAt'));
}

/** Customer insights: one record each (deleted ones kept, marked). */
export const insightsArea: DocArea<{ insights: Y.Map<RecordMap> }> = {
  name: 'insights',
  roots: {
    insights: {
      counting: 'key',
      one: 'insight',
      many: 'insights',
      trash: true,
      marks: INSIGHT_MARKS,
    },
  },
  read: (ws) => {
    const { insights, warnings } = readInsights(ws, true);
    return { value: insights.sort(compareById), warnings };
  },
};
