/**
 * Success plans and insights at scale: builds, with the doc-layer code the app uses, a workspace
 * holding a 6-step journey, 10 people (the plan owners), 1,000 plans (3–5 milestones, notes and
 * a step history each) and 5,000 insights, then times opening it and the plan and insight
 * screens' computations. Writes bench-results/plans.json and returns the same object. The data
 * come from a seeded generator and a fixed `today`, so every run measures the same workspace
 * (only ids differ). The builder, `buildPlansWorkspace`, also seeds the browser benchmark of
 * the plan screens (plans-browser.ts), there with the real today; so do the facts about it
 * (`builtCounts`, `statusCounts`, `stepCounts`). Its vocabulary is plans-words.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { addInsight, readInsights } from '../../src/doc/insights';
import { addStep, readJourney, setNsmMoment } from '../../src/doc/journey';
import { addPerson } from '../../src/doc/people';
import { PERSON_COLORS } from '../../src/domain/personColors';
import { addMilestone, setMilestoneDone } from '../../src/doc/planMilestones';
import {
  addPlanNote,
  addPlans,
  movePlanToStep,
  readPlanById,
  readPlans,
} from '../../src/doc/plans';
import { workspaceDoc, type WorkspaceDoc } from '../../src/doc/schema';
import { synthesizeInsights } from '../../src/domain/insights';
import { planMetricSeries } from '../../src/domain/planMetrics';
import type { PlanDraft } from '../../src/domain/plans';
import {
  closestToNsm,
  filterPlans,
  needsAttention,
  planBoard,
  sortPlans,
  viewPlans,
  type BoardColumn,
  type PlanView,
} from '../../src/domain/planViews';
import { addDays } from '../../src/domain/periods';
import {
  MILESTONES,
  NAME_FIRST,
  NAME_LAST,
  NOTES,
  OWNER_NAMES,
  QUOTES,
  SEGMENTS,
  SOURCES,
  STEPS,
  TAGS,
} from './plans-words';
import { RecordCache } from '../../src/state/recordCache';
import { mulberry32 } from './seed';
import { time } from './timing';

export const PLANS = 1000;
export const INSIGHTS = 5000;
const BATCH = 100;
/** The Node benchmark's fixed today. */
export const TODAY = '2026-11-15';
/** The seed of the generator (mulberry32), so every run builds the same workspace. */
const SEED = 0x10de57a4;

/** The NSM moment: "First value delivered". */
const NSM_STEP = 4;

/** Milliseconds for a calendar date (mid-morning UTC), for createdAt / note times. */
const msOf = (date: string, minutes = 0): number =>
  Date.parse(`${date}T09:00:00Z`) + minutes * 60e3;

export interface BuiltPlans {
  ws: WorkspaceDoc;
  /** The today the plans were dated against (step dates, milestone ticks, insight dates). */
  today: string;
  stepIds: string[];
  /** Person ids of OWNER_NAMES, in that order. */
  ownerIds: string[];
  planIds: string[];
  /** Milestone ids per plan, in the order of planIds. */
  milestoneIds: string[][];
  milestones: number;
  milestonesDone: number;
  notes: number;
  stepMoves: number;
}

/**
 * Builds the workspace in a new Y.Doc with the app's doc layer. `today` (YYYY-MM-DD) anchors
 * every date: the same seed gives the same plans, steps and statuses relative to it. No
 * workspace meta (name, schema version) is set: the caller's workspace has its own.
 */
export function buildPlansWorkspace(today = TODAY): BuiltPlans {
  const rand = mulberry32(SEED);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const ws = workspaceDoc(new Y.Doc());
  const yearAgo = msOf(addDays(today, -400));
  const owners = OWNER_NAMES.map((name, i) =>
    addPerson(ws, {
      name,
      team: `CS team ${(i % 3) + 1}`,
      color: PERSON_COLORS[i % PERSON_COLORS.length] as string,
    }),
  );

  // The journey: 6 steps, stuck after 7, 14, 21… days; the NSM moment is the 5th.
  const stepIds = STEPS.map((name, i) =>
    addStep(
      ws,
      { name, description: `Step ${i + 1} of the customer journey`, stuckAfterDays: 7 * (i + 1) },
      null,
      yearAgo + i,
    ),
  );
  setNsmMoment(ws, stepIds[NSM_STEP] as string);

  // Customer names: every first × last pair once, in a shuffled order.
  const order = Array.from({ length: PLANS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  // Where each plan is: its current step (weighted), the days since it entered it (about a
  // quarter longer than the step's "stuck after"), and before that a visit to every earlier
  // step lasting 40–120% of its limit, or with some stalls 1–6 times it. The start date is
  // the first visit, at most a year ago; the step history is 1–6 visits long.
  const trips = order.map((): string[] => {
    const weights = [0.12, 0.16, 0.18, 0.18, 0.16, 0.2];
    let target = 0;
    for (let r = rand(); target < weights.length - 1; target++) {
      r -= weights[target] as number;
      if (r < 0) break;
    }
    const limit = (s: number): number => 7 * (s + 1);
    let date = addDays(today, -int(0, Math.round(limit(target) * 1.35)));
    const dates = [date];
    for (let s = target - 1; s >= 0; s--) {
      const stay =
        rand() < 0.3
          ? int(limit(s), 6 * limit(s))
          : int(Math.ceil(0.4 * limit(s)), Math.round(1.2 * limit(s)));
      const earlier = addDays(date, -stay);
      date = earlier < addDays(today, -365) ? date : earlier;
      dates.unshift(date);
    }
    return dates;
  });
  const drafts = order.map((n, p): Partial<PlanDraft> & { customer: string } => {
    const startDate = trips[p]?.[0] ?? today;
    return {
      customer: `${NAME_FIRST[n % NAME_FIRST.length]} ${NAME_LAST[Math.floor(n / NAME_FIRST.length) % NAME_LAST.length]}`,
      segment: pick(SEGMENTS),
      ownerId: rand() < 0.05 ? null : pick(owners),
      startDate,
      goalDate: addDays(startDate, int(60, 180)),
      goals: 'Every team tracks its weekly numbers in the workspace; first value within 60 days.',
    };
  });
  const planIds: string[] = [];
  for (let i = 0; i < drafts.length; i += BATCH) {
    const batch = drafts.slice(i, i + BATCH);
    planIds.push(...addPlans(ws, batch, today, msOf(batch[0]?.startDate ?? today)));
  }

  let stepMoves = 0;
  let milestones = 0;
  let milestonesDone = 0;
  let notes = 0;
  const milestoneIds: string[][] = [];
  planIds.forEach((id, p) => {
    const start = drafts[p]?.startDate ?? today;
    (trips[p] ?? []).forEach((date, step) => {
      movePlanToStep(ws, id, stepIds[step] as string, date);
      stepMoves++;
    });

    const ids: string[] = [];
    const count = int(3, 5);
    let due = start;
    for (let m = 0; m < count; m++) {
      due = addDays(due, int(7, 30));
      const milestoneId = addMilestone(
        ws,
        id,
        { title: pick(MILESTONES), due, ownerId: pick(owners) },
        msOf(start, m),
      );
      if (milestoneId === null) throw new Error('plan missing');
      ids.push(milestoneId);
      milestones++;
      // Due in the past: mostly ticked, around the due date (never after today).
      if (due <= today && rand() < 0.85) {
        const doneAt = addDays(due, int(-5, 10));
        setMilestoneDone(ws, id, milestoneId, true, doneAt > today ? today : doneAt);
        milestonesDone++;
      }
    }
    milestoneIds.push(ids);

    const noteCount = int(1, 3);
    for (let n = 0; n < noteCount; n++) {
      addPlanNote(ws, id, pick(NOTES), pick(owners), msOf(start, 60 * 24 * (n + 1)));
      notes++;
    }
  });

  for (let i = 0; i < INSIGHTS; i++) {
    const date = addDays(today, -int(0, 365));
    const p = rand() < 0.6 ? int(0, PLANS - 1) : -1;
    const tagCount = int(1, 3);
    const tags = Array.from({ length: tagCount }, () => pick(TAGS));
    addInsight(
      ws,
      {
        text: pick(QUOTES),
        customer: p >= 0 ? (drafts[p]?.customer ?? '') : '',
        planId: p >= 0 ? (planIds[p] ?? null) : null,
        source: pick(SOURCES),
        date,
        tags,
        stepId: rand() < 0.35 ? pick(stepIds) : null,
      },
      today,
      msOf(date, i % 600),
    );
  }

  return {
    ws,
    today,
    stepIds,
    ownerIds: owners,
    planIds,
    milestoneIds,
    milestones,
    milestonesDone,
    notes,
    stepMoves,
  };
}

/** What the builder made, for the results (plans.json, plans-browser.json). */
export const builtCounts = (built: BuiltPlans, plans: number, insights: number) => ({
  plans,
  milestones: built.milestones,
  milestonesDone: built.milestonesDone,
  notes: built.notes,
  stepMoves: built.stepMoves,
  insights,
});

/** How many plans have each status. */
export function statusCounts(views: readonly PlanView[]): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const v of views) statuses[v.status] = (statuses[v.status] ?? 0) + 1;
  return statuses;
}

/** How many plans each board column (journey step) holds. */
export const stepCounts = (board: { columns: readonly BoardColumn[] }): Record<string, number> =>
  Object.fromEntries(board.columns.map((c) => [c.step.name, c.plans.length]));

export function runPlansBench(): Record<string, unknown> {
  const t0 = performance.now();
  const built = buildPlansWorkspace();
  const buildMs = Math.round(performance.now() - t0);
  const { ws } = built;

  const { plans, warnings: planWarnings } = readPlans(ws);
  const { insights, warnings: insightWarnings } = readInsights(ws);
  const { journey } = readJourney(ws);
  const views = viewPlans(plans, journey, TODAY);
  const byCustomer = sortPlans(views, 'customer');

  const readPlansT = time(50, () => readPlans(ws));
  const readInsightsT = time(30, () => readInsights(ws));
  const readJourneyT = time(500, () => readJourney(ws));
  const viewsT = time(100, () => viewPlans(plans, journey, TODAY));
  const filterOwner = time(500, () =>
    filterPlans(views, { ownerId: built.ownerIds[2] ?? null, status: 'at-risk' }),
  );
  const filterSegment = time(500, () => filterPlans(views, { segment: 'mid-market' }));
  const sortT = time(100, () => {
    sortPlans(views, 'customer');
    sortPlans(views, 'status');
    sortPlans(views, 'days-on-step', 'desc');
  });
  const boardT = time(100, () => planBoard(sortPlans(views, 'customer'), journey));
  const nsmT = time(200, () => closestToNsm(views, journey));
  const attentionT = time(200, () => needsAttention(views));
  const quarter = { from: addDays(TODAY, -91), to: TODAY };
  const synthQuarter = time(100, () => synthesizeInsights(insights, quarter, journey));
  const synthAll = time(50, () => synthesizeInsights(insights, { from: null, to: null }, journey));
  const specs: Parameters<typeof planMetricSeries>[0][] = [
    { kind: 'reached-step', stepId: 'nsm' },
    { kind: 'completed-within', days: 30 },
    { kind: 'median-days-to-nsm' },
  ];
  const metricsT = time(100, () => {
    for (const spec of specs) planMetricSeries(spec, plans, journey, 'month');
  });

  // One edit (tick or untick a milestone of a plan), then what the plan screens recompute.
  let edit = 0;
  const fullRefresh = time(50, () => {
    const p = edit % built.planIds.length;
    const planId = built.planIds[p] as string;
    const milestoneId = built.milestoneIds[p]?.[0] as string;
    setMilestoneDone(ws, planId, milestoneId, edit % 2 === 0, TODAY);
    edit++;
    const v = viewPlans(readPlans(ws).plans, journey, TODAY);
    planBoard(sortPlans(v, 'customer'), journey);
    needsAttention(v);
  });

  // The same edit as the app refreshes it: only the edited plan is read again (state/recordCache).
  const cache = new RecordCache((id) => {
    const { plan, warnings } = readPlanById(ws, id);
    return { value: plan, warnings };
  });
  cache.update(built.planIds);
  const appRefresh = time(50, () => {
    const p = edit % built.planIds.length;
    const planId = built.planIds[p] as string;
    const milestoneId = built.milestoneIds[p]?.[0] as string;
    setMilestoneDone(ws, planId, milestoneId, edit % 2 === 0, TODAY);
    edit++;
    cache.update([planId]);
    const live = cache.live().sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const v = viewPlans(live, journey, TODAY);
    planBoard(sortPlans(v, 'customer'), journey);
    needsAttention(v);
  });

  const encoded = Y.encodeStateAsUpdate(ws.doc);
  const load = time(20, () => Y.applyUpdate(new Y.Doc(), encoded));

  const board = planBoard(byCustomer, journey);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    today: TODAY,
    ...builtCounts(built, plans.length, insights.length),
    journeySteps: journey.steps.length,
    readWarnings: planWarnings.length + insightWarnings.length,
    statuses: statusCounts(views),
    plansPerStep: stepCounts(board),
    needsAttention: needsAttention(views).length,
    closestToNsm: closestToNsm(views, journey).length,
    insightsInQuarter: synthesizeInsights(insights, quarter, journey).total,
    planMetricPoints: specs.map((spec) => planMetricSeries(spec, plans, journey, 'month').length),
    buildWorkspaceMs: buildMs,
    'open: read and validate 1,000 plans from the Y.Doc': readPlansT,
    'open: read 5,000 insights': readInsightsT,
    'open: read the journey': readJourneyT,
    'views of 1,000 plans (placed step, days on step, status)': viewsT,
    'filter the list (owner + status)': filterOwner,
    'filter by segment': filterSegment,
    'sort the list by customer / status / days on step': sortT,
    'regroup into the board (sort + planBoard)': boardT,
    'closest to the NSM moment': nsmT,
    'needs attention': attentionT,
    'synthesize 5,000 insights over a quarter': synthQuarter,
    'synthesize 5,000 insights over all time': synthAll,
    'plan metrics: reached NSM / completed within 30 days / median days to NSM, monthly': metricsT,
    'full refresh after one plan edit (read plans + views + board + attention)': fullRefresh,
    'refresh after one plan edit as the app does it (re-read that plan + views + board + attention)':
      appRefresh,
    'load the encoded document into a new Y.Doc': load,
    encodedBytes: encoded.byteLength,
  };

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/plans.json', JSON.stringify(results, null, 2) + '\n');
  return results;
}
