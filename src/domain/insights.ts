/**
 * Insights: customer quotes and observations captured in one place, tagged, and synthesised
 * into the top challenges (tags by count) and the blockers (insights linked to a journey step).
 */
import { placeStep, type Journey, type JourneyStep } from './journey';
import { MAX_NAME, Problems, dateOrNull, finiteOrNull, idOrNull, text } from './validate';

export interface Insight {
  id: string;
  /** The quote or observation. */
  text: string;
  /** Who said it, when not (only) a plan's customer. */
  customer: string;
  planId: string | null;
  /** Where it came from: a call, a ticket, a survey… */
  source: string;
  /** When it was heard, YYYY-MM-DD. */
  date: string;
  /** Normalised: trimmed, lower-case, distinct, at most MAX_TAGS. */
  tags: string[];
  metricId: string | null;
  /** A journey step it is about: a blocker on the way to the NSM moment. */
  stepId: string | null;
  createdAt: number;
  deletedAt: number | null;
}

export type InsightFields = Omit<Insight, 'id' | 'createdAt' | 'deletedAt'>;

export const MAX_TAGS = 20;
export const MAX_TAG = 50;

/**
 * Tags as typed ("Onboarding, pricing") or as a list: split on commas, trimmed, spaces
 * collapsed, a leading # dropped, lower-case, each cut to MAX_TAG characters, empty and
 * repeated ones left out (first kept), at most MAX_TAGS.
 */
export function normaliseTags(raw: string | readonly unknown[]): string[] {
  const items = typeof raw === 'string' ? raw.split(',') : raw;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const tag = item
      .trim()
      .replace(/^#+/, '')
      .replace(/\s+/g, ' ')
      .toLowerCase()
      .slice(0, MAX_TAG)
      .trim();
    if (tag === '' || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}

/** The calendar date (UTC) of a time, for insights written without a date. */
function dateOfTime(ms: number): string {
  const d = new Date(Math.min(Math.max(ms, 0), 8.64e15));
  return d.toISOString().slice(0, 10);
}

/** Reads an insight from the plain values stored in the document, repairing what is invalid. */
export function readInsight(id: string, raw: Record<string, unknown>, problems: Problems): Insight {
  const body = text(raw.text, 'text', problems).trim();
  if (body === '') problems.add('text is empty');
  const createdAt = finiteOrNull(raw.createdAt, 'created at', problems) ?? 0;
  const date = dateOrNull(raw.date, 'date', problems);
  let tags: string[] = [];
  if (Array.isArray(raw.tags)) {
    tags = normaliseTags(raw.tags.slice(0, 200));
    if (raw.tags.some((t) => typeof t !== 'string')) problems.add('some tags are not text');
  } else if (raw.tags !== undefined && raw.tags !== null) problems.add('tags are not a list');
  return {
    id,
    text: body === '' ? '(empty)' : body,
    customer: text(raw.customer, 'customer', problems, MAX_NAME).trim(),
    planId: idOrNull(raw.planId, 'plan', problems),
    source: text(raw.source, 'source', problems, MAX_NAME).trim(),
    date: date ?? dateOfTime(createdAt),
    tags,
    metricId: idOrNull(raw.metricId, 'metric', problems),
    stepId: idOrNull(raw.stepId, 'journey step', problems),
    createdAt,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}

/** Newest first: date, then time of capture, then id. */
export function compareInsights(a: Insight, b: Insight): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function insightTextProblem(value: string): string | null {
  return value.trim() === '' ? 'Write the quote or what you observed.' : null;
}

export interface TagTally {
  tag: string;
  count: number;
  /** The insights behind the count, in the order given. */
  insights: Insight[];
}

export interface BlockerTally {
  /** The live step (an insight on a removed step counts on the step it is placed on). */
  step: JourneyStep;
  count: number;
  insights: Insight[];
}

export interface InsightSynthesis {
  /** Live insights in the range. */
  total: number;
  /** Most used first, then by name. */
  tags: TagTally[];
  /** Steps with most linked insights first, then by name, then in journey order. */
  blockers: BlockerTally[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Counts tags and blockers over the live insights dated within `range` (inclusive, null = open
 * end), and lists the quotes behind each. One pass over the insights, then a sort of the tallies.
 */
export function synthesizeInsights(
  insights: readonly Insight[],
  range: { from: string | null; to: string | null },
  journey: Journey,
): InsightSynthesis {
  const tags = new Map<string, TagTally>();
  const blockers = new Map<string, BlockerTally>();
  let total = 0;
  for (const insight of insights) {
    if (insight.deletedAt !== null) continue;
    if (range.from !== null && insight.date < range.from) continue;
    if (range.to !== null && insight.date > range.to) continue;
    total++;
    for (const tag of insight.tags) {
      const tally = tags.get(tag);
      if (tally) {
        tally.count++;
        tally.insights.push(insight);
      } else tags.set(tag, { tag, count: 1, insights: [insight] });
    }
    const known = insight.stepId !== null && journey.placement.has(insight.stepId);
    const step = known ? placeStep(journey, insight.stepId) : null;
    if (step) {
      const tally = blockers.get(step.id);
      if (tally) {
        tally.count++;
        tally.insights.push(insight);
      } else blockers.set(step.id, { step, count: 1, insights: [insight] });
    }
  }
  const position = (s: JourneyStep): number => journey.indexOf.get(s.id) ?? 0;
  return {
    total,
    tags: [...tags.values()].sort(
      (a, b) =>
        b.count - a.count ||
        collator.compare(a.tag, b.tag) ||
        (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
    ),
    blockers: [...blockers.values()].sort(
      (a, b) =>
        b.count - a.count ||
        collator.compare(a.step.name, b.step.name) ||
        position(a.step) - position(b.step),
    ),
  };
}
