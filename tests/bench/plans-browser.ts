/**
 * Browser benchmark of customer success at scale (part of `npm run bench`; alone: `tsx
 * tests/bench/plans-browser.ts`). Seeds the workspace of plans.ts (6-step journey, 10 owners,
 * 1,000 success plans with milestones, notes and step history, 5,000 insights; dated against
 * today) into the built app in headless Chromium the way the tracking benchmark seeds its own
 * (pages.ts `seedWorkspace`: one stored IndexedDB row), then times, with repetitions:
 *
 * - cold opens (new page → route, from navigation start): the customers list, the board, the
 *   insights screen and the dashboard's "Customers needing attention";
 * - interactions (the user's input as it reaches the page → the frame that shows the result,
 *   rendered): filter the list by status, by segment, clear; sort by customer; switch to the
 *   board; filter the board by owner; move a plan to the next step with Alt+→ (and back with
 *   Alt+←); the insights period to "All time".
 *
 * Each measure reports median and p95 (nearest rank) of its samples; the driver's wall time
 * (Playwright action + waiting for the result) is reported next to it. Writes
 * bench-results/plans-browser.json and prints a summary. Goals are reported as pass/miss; only a
 * failure to measure makes the process exit non-zero.
 *
 * Files: plans.ts (the workload), plans-measures.ts (the measures and what the screens should
 * show), plans-pages.ts (driving the pages, the figures), plans-probes.ts (in-page timing),
 * harness.ts (the run, Chromium, the results file).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { readInsights } from '../../src/doc/insights';
import { readJourney } from '../../src/doc/journey';
import { readPlans } from '../../src/doc/plans';
import { todayLocal } from '../../src/domain/periods';
import { needsAttention, planBoard, viewPlans } from '../../src/domain/planViews';
import { bundleBench } from './app-build';
import {
  appContext,
  buildApp,
  inServedBrowser,
  pkgVersion,
  resultFooter,
  resultHeader,
  startRun,
  toolVersions,
} from './harness';
import { notMeasured, ROOT, seedWorkspace, type Section } from './pages';
import {
  buildPlansWorkspace,
  builtCounts,
  statusCounts,
  stepCounts,
  type BuiltPlans,
} from './plans';
import {
  expectations,
  listColdOpen,
  measureBoard,
  measureDashboard,
  measureInsights,
  measureListFilters,
  measureListToBoard,
  REPS,
} from './plans-measures';
import { COLD, profiledColdOpen, type PlansCtx } from './plans-pages';
import { goal, num, resultGoalLines, round1, runIfMain, section, type Goal } from './stats';

const OUT = join(ROOT, 'bench-results', 'plans-browser.json');
const BUDGET_MS = 8 * 60_000;

/** The workload's facts, for the results. */
function workload(built: BuiltPlans, update: Uint8Array, buildMs: number, encodeMs: number) {
  const { plans } = readPlans(built.ws);
  const { journey } = readJourney(built.ws);
  const { insights } = readInsights(built.ws);
  const views = viewPlans(plans, journey, built.today);
  return {
    today: built.today,
    ...builtCounts(built, plans.length, insights.length),
    people: built.ownerIds.length,
    journeySteps: journey.steps.length,
    statuses: statusCounts(views),
    plansPerStep: stepCounts(planBoard(views, journey)),
    needsAttention: needsAttention(views).length,
    encodedUpdateBytes: update.byteLength,
    buildMs: round1(buildMs),
    encodeMs: round1(encodeMs),
    seeded:
      'one Yjs update (V1) appended as one row to the workspace IndexedDB store `updates`, as the tracking benchmark seeds its workspace',
  };
}

export async function runPlansBrowserBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  const { failures, errors, left } = run;
  console.error('bench: browser benchmark (customer success at scale)…');
  const build = await buildApp();
  const [pageProbes, plansProbes] = await Promise.all([
    bundleBench(ROOT, 'page-probes.ts'),
    bundleBench(ROOT, 'plans-probes.ts'),
  ]);
  const t0 = performance.now();
  const built = buildPlansWorkspace(todayLocal());
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const update = Y.encodeStateAsUpdate(built.ws.doc);
  const encodeMs = performance.now() - t1;
  const expected = expectations(built);
  const work = workload(built, update, buildMs, encodeMs);
  console.error(
    `bench: built ${work.plans} plans, ${work.insights} insights (${update.byteLength} bytes) in ${Math.round(buildMs)} ms`,
  );
  const checks: { what: string; expected: string; shown: string; ok: boolean }[] = [];
  const check = (what: string, want: string, shown: string, prefix = false): void => {
    checks.push({
      what,
      expected: want,
      shown,
      ok: prefix ? shown.startsWith(want) : shown === want,
    });
  };

  return inServedBrowser(run, OUT, printSummary, async (browser, url) => {
    // page-probes.ts first: seedWorkspace stores the row with it; plans-probes.ts stops its marks.
    const context = await appContext(browser, url, [pageProbes.code, plansProbes.code]);
    const id = await seedWorkspace({ context, errors, seed: { update } });
    const base = `#/w/${encodeURIComponent(id)}`;
    const ctx: PlansCtx = { context, url, id, base, errors, left, expected, check };

    // The list: cold opens, then filters and sorts on the last page opened.
    const listPage: { page: Page | null } = { page: null };
    const listCold = await section('bench', 'list: cold open', failures, async () => {
      const r = await listColdOpen(ctx);
      listPage.page = r.page;
      return r.result;
    });
    const list: Record<string, Section> = {};
    const lp = listPage.page as Page | null;
    if (lp) {
      const sections = await section('bench', 'list: filter and sort', failures, () =>
        measureListFilters(ctx, lp),
      );
      Object.assign(list, sections);
      // The board from the list, in the app (a click on the "Board" view), and back.
      list['switchToBoard'] =
        left() > 60_000
          ? await section('bench', 'list → board', failures, () => measureListToBoard(ctx, lp))
          : notMeasured('time budget');
      await lp.close();
    }
    const listProfile =
      left() > 120_000
        ? await section('bench', 'list: profiled cold open', failures, () =>
            profiledColdOpen(ctx, `${base}/customers`, 'listReady'),
          )
        : notMeasured('time budget');

    // Insights: cold opens, then the period.
    const insights: Record<string, Section> = {};
    if (left() > 90_000)
      await section('bench', 'insights', failures, () => measureInsights(ctx, insights));
    else insights['coldOpen'] = notMeasured('time budget');

    // The dashboard's "Customers needing attention".
    const dashboard =
      left() > 60_000
        ? await section('bench', 'dashboard: cold open', failures, () => measureDashboard(ctx))
        : notMeasured('time budget');

    // The board: cold opens, the owner filter, then moving a plan (last: it writes).
    const board: Record<string, Section> = {};
    if (left() > 90_000)
      await section('bench', 'board', failures, () => measureBoard(ctx, board, built.ownerIds));
    else board['coldOpen'] = notMeasured('time budget');

    await context.close();

    const med = (s: unknown): number | null => num(s, 'medianMs');
    const goals: Goal[] = [
      goal('cold open of the customers list (1,000 plans) until shown', med(listCold), 1500, ' ms'),
      goal('cold open of the board until shown', med(board['coldOpen']), 1500, ' ms'),
      goal(
        'cold open of insights (5,000) until the synthesis shows',
        med(insights['coldOpen']),
        1500,
        ' ms',
      ),
      goal(
        'cold open of the dashboard with customers needing attention',
        med(dashboard),
        1500,
        ' ms',
      ),
      goal('list: filter by status', med(list['filterStatus']), 100, ' ms', true),
      goal('list: filter by segment', med(list['filterSegment']), 100, ' ms', true),
      goal('list: clear filters', med(list['clearFilters']), 100, ' ms', true),
      goal('list: sort by customer', med(list['sortByCustomer']), 100, ' ms', true),
      goal('list → board (in the app)', med(list['switchToBoard']), 100, ' ms', true),
      goal('board: filter by owner', med(board['filterByOwner']), 100, ' ms', true),
      goal('board: move a plan (Alt+→ / Alt+←)', med(board['movePlan']), 100, ' ms', true),
      goal('insights: period → All time', med(insights['periodAllTime']), 100, ' ms', true),
    ];
    return {
      ...resultHeader(run, browser.version(), { ...toolVersions(), svelte: pkgVersion('svelte') }),
      build,
      method: {
        samples: `cold opens: ${COLD} per screen after one warm-up open (service worker installed, caches warm); interactions: ${REPS} per measure`,
        figures:
          'medianMs / p95Ms (nearest rank) of paintedMs: for cold opens from navigation start, for interactions from the input event reaching the page (capture listener on window: input of a select, click, keydown of the arrow key) until a task queued from the animation frame after the DOM showed the result (the frame rendered). breakdown: domMs (MutationObserver saw it), taskMs (the event task ended), frameMs (rAF). driverWallMs: Node wall time around the Playwright action and the wait for the result (adds actionability checks and DevTools round trips)',
        viewport: '1280×800, headless Chromium, 1 page open at a time',
        checks:
          "what the screens showed (counts, first rows, totals) against the same workspace computed in Node with the app's domain code; a mismatch is printed, not a failure",
      },
      workload: work,
      goals,
      checks,
      list: { coldOpen: listCold, ...list, profiledColdOpen: listProfile },
      board,
      insights,
      dashboard: { coldOpen: dashboard },
      ...resultFooter(run),
    };
  });
}

function printSummary(r: Record<string, unknown>): void {
  const get = (...path: string[]): unknown =>
    path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r);
  const line = (label: string, s: unknown): string => {
    const median = num(s, 'medianMs');
    const p95 = num(s, 'p95Ms');
    return `  ${label.padEnd(48)} ${median === null ? 'not measured' : `${median} ms (p95 ${p95} ms)`}`;
  };
  const w = (get('workload') ?? {}) as Record<string, unknown>;
  console.log(
    [
      `Plans browser benchmark (${String(w['plans'])} plans, ${String(w['insights'])} insights) → ${OUT}`,
      line('cold open: customers list', get('list', 'coldOpen')),
      line('cold open: board', get('board', 'coldOpen')),
      line('cold open: insights', get('insights', 'coldOpen')),
      line('cold open: dashboard (customers needing attention)', get('dashboard', 'coldOpen')),
      line('list: Status = Stuck', get('list', 'filterStatus')),
      line('list: Segment (after Stuck)', get('list', 'filterSegment')),
      line('list: Clear filters', get('list', 'clearFilters')),
      line('list: Sort by = Customer', get('list', 'sortByCustomer')),
      line('list: Sort by = Status', get('list', 'sortBackToStatus')),
      line('list → board (in the app)', get('list', 'switchToBoard')),
      line('board → list (in the app)', get('list', 'switchToBoard', 'backToList')),
      line('board: Owner filter', get('board', 'filterByOwner')),
      line('board: Clear filters', get('board', 'filterByOwner', 'clearFilters')),
      line('board: move a plan (Alt+→ / Alt+←)', get('board', 'movePlan')),
      line('insights: Period = All time', get('insights', 'periodAllTime')),
      line('insights: Period = Last 90 days', get('insights', 'periodAllTime', 'backToLast90')),
      ...resultGoalLines(r),
      ...(
        (r['checks'] as
          { what: string; expected: string; shown: string; ok: boolean }[] | undefined) ?? []
      )
        .filter((c) => !c.ok)
        .map((c) => `  CHECK ${c.what}: expected “${c.expected}”, shown “${c.shown}”`),
    ].join('\n'),
  );
}

runIfMain(import.meta.url, runPlansBrowserBench);
