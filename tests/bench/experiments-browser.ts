/**
 * Browser benchmark of the experiments screens at scale (part of `npm run bench` unless
 * BENCH_BROWSER=0; alone: `npx tsx tests/bench/experiments-browser.ts`). Seeds the workload of
 * experiments-workload.ts (the tracking workspace of 200 metrics and 100,000 entries, plus 500
 * experiments, 2,000 milestones over 50 sprints, 50 windows on one daily metric) into the built
 * app in headless Chromium as the other browser benchmarks do (pages.ts `seedWorkspace`: one
 * stored IndexedDB row), then times, with repetitions:
 *
 * - cold open of the backlog (new page → `#/w/<id>/experiments` until "Backlog (500)" and its
 *   rows are rendered, from navigation start);
 * - filters on the backlog: Status = Running, back to Any status; Owner = a person, back;
 * - backlog → sprints view (a click on "Sprints") until the sprint board is drawn;
 * - switching sprint (← Previous sprint / Next sprint →) until the board shows the other sprint;
 * - the metric page of the daily metric with five years of days and 50 shaded windows: cold
 *   open, and from the open app (a hash change), until the chart has drawn its windows
 *   (MetricChart's `data-windows-drawn`, set after the plugin drew) and that frame rendered;
 * - one edit on an experiment page (its status Idea ↔ Planned, a write, the per-record refresh
 *   and the page re-rendered) until the next rendered frame.
 *
 * Interactions are timed in the page (experiments-probes.ts) from the input event to the task
 * after the frame that shows the result. The app is built into its own folder
 * (`$LODESTAR_DIST`, else a folder in the OS temp dir), so dist/ is left alone. Writes
 * bench-results/experiments-browser.json and prints a summary; goals: each interaction < 50 ms.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveDist } from '../e2e/support/server';
import { bundleBench, ensureBuilt } from './app-build';
import type { Measured, Trigger } from './experiments-probes';
import { buildExperimentsWorkspace, CURRENT_SPRINT, EXPERIMENTS } from './experiments-workload';
import * as Y from 'yjs';
import {
  appContext,
  finishRun,
  launchChromium,
  pkgVersion,
  resultFooter,
  resultHeader,
  startRun,
  toolVersions,
} from './harness';
import { newPage, notMeasured, ROOT, seedWorkspace, type Section } from './pages';
import { startProfile, stopProfile } from './profile';
import { generateSeed } from './seed';
import { goal, nearestRank, num, resultGoalLines, round1, runIfMain, section } from './stats';
import type { Goal } from './stats';

const OUT = join(ROOT, 'bench-results', 'experiments-browser.json');
const BUDGET_MS = 10 * 60_000;
/** The app's folder for this benchmark: never dist/ (others use it). */
const DIST = resolve(
  ROOT,
  process.env['LODESTAR_DIST'] ?? join(tmpdir(), 'lodestar-experiments-bench-dist'),
);
/** Measured cold opens per screen, after one warm-up open. */
const COLD = 5;
/** Measured samples per interaction (each direction). */
const REPS = 10;

type Sample = Measured & { wallMs: number };

interface Ctx {
  context: BrowserContext;
  url: string;
  base: string;
  errors: string[];
}

function dist(values: readonly number[]): Section {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return {
    medianMs: round1(median),
    p95Ms: round1(nearestRank(s, 0.95)),
    minMs: round1(s[0] ?? Number.NaN),
    maxMs: round1(s[n - 1] ?? Number.NaN),
    samplesMs: values.map(round1),
  };
}
const brief = (values: readonly number[]): Section => {
  const d = dist(values);
  return { medianMs: d['medianMs'], p95Ms: d['p95Ms'] };
};

function interaction(what: string, samples: readonly Sample[], extra: Section = {}): Section {
  return {
    what,
    ...dist(samples.map((s) => s.paintedMs)),
    breakdown: {
      domMs: brief(samples.map((s) => s.domMs)),
      taskMs: brief(samples.map((s) => s.taskMs)),
      frameMs: brief(samples.map((s) => s.frameMs)),
    },
    driverWallMs: brief(samples.map((s) => s.wallMs)),
    ...extra,
  };
}

const snapshot = (page: Page) => page.evaluate(() => window.__exp.snapshot());
const waitFor = (page: Page, c: string, arg = ''): Promise<void> =>
  page.evaluate(([n, a]) => window.__exp.waitFor(n, a), [c, arg] as const);

async function timed(
  page: Page,
  trigger: Trigger,
  c: string,
  arg: string,
  action: () => Promise<unknown>,
): Promise<Sample> {
  await page.evaluate(([t, n, a]) => window.__exp.arm(t, n, a), [trigger, c, arg] as const);
  const w0 = performance.now();
  await action();
  const result = await page.evaluate(() => window.__exp.result());
  return { ...result, wallMs: performance.now() - w0 };
}

/** One more sample under the CPU profiler: where the main thread's time goes. */
async function profiled<T>(ctx: Ctx, page: Page, act: () => Promise<T>): Promise<Section> {
  const cdp = await ctx.context.newCDPSession(page);
  await startProfile(cdp);
  const result = await act();
  const profile = await stopProfile(cdp, DIST, 12);
  await cdp.detach();
  const ms = (result as { paintedMs?: number }).paintedMs;
  return {
    what: 'one extra sample under the CPU profiler (slower than unprofiled); self time by original function and file via the source maps',
    ...(typeof ms === 'number' ? { paintedMs: round1(ms) } : {}),
    ...profile,
  };
}

/** A new page at `hash` until the `mark` state has been painted; marks from navigation start. */
async function openCold(ctx: Ctx, hash: string, mark: string, keep: boolean) {
  const page = await newPage(ctx);
  const w0 = performance.now();
  await page.goto(`${ctx.url}${hash}`, { waitUntil: 'commit' });
  try {
    await page.waitForFunction((m) => window.__exp?.marks[`${m}Painted`] !== undefined, mark, {
      timeout: 60_000,
    });
  } catch (error) {
    const state = await page.evaluate(() => window.__exp?.snapshot()).catch(() => null);
    await page.close();
    throw new Error(`${String(error)}; page state: ${JSON.stringify(state)}`);
  }
  const wallMs = performance.now() - w0;
  const marks = await page.evaluate(() => {
    window.__exp.stopMarks();
    return window.__exp.marks;
  });
  if (!keep) await page.close();
  return { page, marks, wallMs };
}

async function coldSeries(ctx: Ctx, what: string, hash: string, mark: string) {
  const warm = await openCold(ctx, hash, mark, false);
  const opens: Awaited<ReturnType<typeof openCold>>[] = [];
  for (let i = 0; i < COLD; i++) opens.push(await openCold(ctx, hash, mark, i === COLD - 1));
  const at = (key: string): number[] => opens.map((o) => o.marks[key] ?? Number.NaN);
  const last = opens.at(-1) as (typeof opens)[number];
  return {
    page: last.page,
    result: {
      what,
      ...dist(at(`${mark}Painted`)),
      breakdown: {
        workspaceOpenedFrameMs: brief(at('openedFrame')),
        domMs: brief(at(`${mark}Dom`)),
        frameMs: brief(at(`${mark}Frame`)),
      },
      driverWallMs: brief(opens.map((o) => o.wallMs)),
      warmUpOpenMs: round1(warm.marks[`${mark}Painted`] ?? Number.NaN),
    } as Section,
  };
}

const SELECT: Trigger = { type: 'input' };
const CLICK: Trigger = { type: 'click' };

/** Backlog filters on page `p` (the backlog open, no filter). */
async function measureFilters(
  ctx: Ctx,
  p: Page,
  ownerId: string,
): Promise<Record<string, Section>> {
  const status = p.locator('#exp-filter-status');
  const owner = p.locator('#exp-filter-owner');
  const all = `Backlog (${EXPERIMENTS})`;
  await waitFor(p, 'backlogIs', all);
  const s = {
    running: [] as Sample[],
    any: [] as Sample[],
    owner: [] as Sample[],
    anyone: [] as Sample[],
  };
  const shown: string[] = [];
  for (let i = 0; i < REPS; i++) {
    s.running.push(await timed(p, SELECT, 'backlogNot', all, () => status.selectOption('running')));
    if (i === 0) shown.push(`Status = Running: ${(await snapshot(p)).backlog}`);
    s.any.push(await timed(p, SELECT, 'backlogIs', all, () => status.selectOption('')));
    s.owner.push(await timed(p, SELECT, 'backlogNot', all, () => owner.selectOption(ownerId)));
    if (i === 0) shown.push(`Owner = one of 8: ${(await snapshot(p)).backlog}`);
    s.anyone.push(await timed(p, SELECT, 'backlogIs', all, () => owner.selectOption('')));
  }
  const profile = await profiled(ctx, p, () =>
    timed(p, SELECT, 'backlogNot', all, () => status.selectOption('running')),
  );
  await timed(p, SELECT, 'backlogIs', all, () => status.selectOption(''));
  return {
    statusRunning: interaction(
      `backlog of ${EXPERIMENTS}, no filter → select Status = Running until the title "Backlog (N)" changes (the list re-filtered and redrawn); from the input event to the rendered frame`,
      s.running,
      { shown, profile },
    ),
    statusAny: interaction(`Status = Running → Any status until "${all}" and its rows show`, s.any),
    ownerOne: interaction('no filter → select Owner = a person until the title changes', s.owner),
    ownerAnyone: interaction(`Owner → Anyone until "${all}" shows`, s.anyone),
  };
}

/** Backlog → sprints view (a click) and back; leaves the page on the sprints view. */
async function measureToSprints(ctx: Ctx, p: Page): Promise<Section> {
  const views = p.getByRole('navigation', { name: 'Experiment views' });
  const to: Sample[] = [];
  const back: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    to.push(
      await timed(p, CLICK, 'sprintsReady', '', () =>
        views.getByRole('link', { name: 'Sprints', exact: true }).click(),
      ),
    );
    back.push(
      await timed(p, CLICK, 'backlogReady', '', () =>
        views.getByRole('link', { name: 'Backlog', exact: true }).click(),
      ),
    );
  }
  const profile = await profiled(ctx, p, () =>
    timed(p, CLICK, 'sprintsReady', '', () =>
      views.getByRole('link', { name: 'Sprints', exact: true }).click(),
    ),
  );
  return interaction(
    'in the app: click "Sprints" on the backlog until the sprint picker and the board (experiments and milestones of the current sprint) are drawn',
    to,
    {
      profile,
      backToBacklog: interaction(
        'click "Backlog" on the sprints view until the backlog rows show',
        back,
      ),
    },
  );
}

/** On the sprints view: ← Previous sprint, Next sprint → (each a sample). */
async function measureSprintSwitch(ctx: Ctx, p: Page): Promise<Section> {
  await waitFor(p, 'sprintsReady');
  const prev = p.getByRole('button', { name: '← Previous sprint' });
  const next = p.getByRole('button', { name: 'Next sprint →' });
  const title = async (): Promise<string> => (await snapshot(p)).sprintTitle;
  const samples: Sample[] = [];
  const boards: string[] = [];
  for (let i = 0; i < REPS; i++) {
    samples.push(await timed(p, CLICK, 'sprintNot', await title(), () => prev.click()));
    if (i === 0) {
      const s = await snapshot(p);
      boards.push(`${s.sprintTitle}: ${s.boardExperiments}; ${s.boardMilestones}`);
    }
    samples.push(await timed(p, CLICK, 'sprintNot', await title(), () => next.click()));
    if (i === 0) {
      const s = await snapshot(p);
      boards.push(`${s.sprintTitle}: ${s.boardExperiments}; ${s.boardMilestones}`);
    }
  }
  const profile = await profiled(ctx, p, async () =>
    timed(p, CLICK, 'sprintNot', await title(), () => prev.click()),
  );
  await timed(p, CLICK, 'sprintNot', await title(), () => next.click());
  return interaction(
    `sprints view on the current sprint (${CURRENT_SPRINT + 1} of 50): click "← Previous sprint", then "Next sprint →" (both directions are samples) until the picker's title and the board's counts show the other sprint (board, capacity, spilled-over and retrospective re-derived)`,
    samples,
    { boards, profile },
  );
}

/** The metric page with 50 windows: cold opens, then from the open app (hash changes). */
async function measureChart(ctx: Ctx, hash: string): Promise<Record<string, Section>> {
  const r = await coldSeries(
    ctx,
    'new page → metric page of the daily metric (1,826 days, 50 experiment windows); from navigation start until the chart has drawn with its windows (data-windows-drawn set after the window plugin drew) and that frame rendered; includes loading the chart.js chunk',
    hash,
    'chartReady',
  );
  const p = r.page;
  const s = await snapshot(p);
  const inApp: Sample[] = [];
  const backlog = `${ctx.base}/experiments`;
  for (let i = 0; i < REPS; i++) {
    await p.evaluate((h) => (location.hash = h), backlog);
    await waitFor(p, 'backlogReady');
    inApp.push(
      await timed(p, { type: 'change' }, 'chartReady', '', () =>
        p.evaluate((h) => window.__exp.go(h), hash),
      ),
    );
  }
  await p.evaluate((h) => (location.hash = h), backlog);
  await waitFor(p, 'backlogReady');
  const profile = await profiled(ctx, p, () =>
    timed(p, { type: 'change' }, 'chartReady', '', () =>
      p.evaluate((h) => window.__exp.go(h), hash),
    ),
  );
  await p.close();
  return {
    coldOpen: { ...r.result, windowsDrawn: s.windowsDrawn, windowsListed: s.windowsListed },
    inApp: interaction(
      'in the open app, from the backlog: location.hash = the metric page until the chart (five years of days, 50 windows) has drawn and that frame rendered; the chart.js chunk is cached after the cold opens',
      inApp,
      { profile },
    ),
  };
}

/** One edit on an experiment page: status Idea → Planned, Planned → Idea (each a sample). */
async function measureEdit(ctx: Ctx, hash: string): Promise<Section> {
  const r = await coldSeries(
    ctx,
    'new page → an experiment page, until its title and status history are rendered',
    hash,
    'experimentReady',
  );
  const p = r.page;
  const history = async (): Promise<string> => (await snapshot(p)).history;
  const settled = async (): Promise<void> => {
    await p.waitForTimeout(100);
    await waitFor(p, 'saved');
  };
  await settled();
  const samples: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    for (const name of ['Planned', 'Idea']) {
      const before = await history();
      samples.push(
        await timed(p, CLICK, 'historyNot', before, () =>
          p.getByRole('radio', { name, exact: true }).check(),
        ),
      );
      await settled();
    }
  }
  const profile = await profiled(ctx, p, async () => {
    const before = await history();
    return timed(p, CLICK, 'historyNot', before, () =>
      p.getByRole('radio', { name: 'Planned', exact: true }).check(),
    );
  });
  await settled();
  const after = await history();
  await p.close();
  return {
    ...interaction(
      'experiment page (an idea): click the status radio "Planned", then "Idea" (both directions are samples) until "Status history (N)" shows the new count: a write to the Y.Doc, the per-record refresh (1 of 500 re-read, the backlog re-sorted and re-scored), the page re-rendered; "Saved on this device" awaited between samples',
      samples,
      { historyAtEnd: after, profile },
    ),
    coldOpen: r.result,
  };
}

export async function runExperimentsBrowserBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  const { failures, errors, left } = run;
  console.error('bench: browser benchmark (experiments at scale)…');
  const build = await ensureBuilt(ROOT, DIST);
  console.error(
    `bench: build into ${DIST}: ${build.reason}${build.rebuilt ? ` (${build.ms} ms)` : ''}`,
  );
  const [pageProbes, expProbes] = await Promise.all([
    bundleBench(ROOT, 'page-probes.ts'),
    bundleBench(ROOT, 'experiments-probes.ts'),
  ]);
  const seed = generateSeed('Lodestar bench');
  const built = buildExperimentsWorkspace(seed);
  const update = Y.encodeStateAsUpdate(built.ws.doc);
  console.error(
    `bench: built ${EXPERIMENTS} experiments on ${seed.entries} entries (${update.byteLength} bytes) in ${Math.round(built.buildMs)} ms`,
  );

  const server = await serveDist(ROOT, DIST);
  const browser = await launchChromium();
  let results: Record<string, unknown>;
  try {
    const context = await appContext(browser, server.url, [pageProbes.code, expProbes.code]);
    const id = await seedWorkspace({ context, errors, seed: { update } });
    const base = `#/w/${encodeURIComponent(id)}`;
    const ctx: Ctx = { context, url: server.url, base, errors };

    const holder: { page: Page | null } = { page: null };
    const backlogCold = await section('bench', 'backlog: cold open', failures, async () => {
      const r = await coldSeries(
        ctx,
        `new page → ${'#/w/<id>/experiments'}; from navigation start until "Backlog (${EXPERIMENTS})" and its rows have been rendered (a task after their animation frame)`,
        `${base}/experiments`,
        'backlogReady',
      );
      holder.page = r.page;
      return { ...r.result, shown: (await snapshot(r.page)).backlog };
    });
    const bp = holder.page as Page | null;
    let filters: Record<string, Section> = {};
    let toSprints: Section = notMeasured('no backlog page');
    let sprintSwitch: Section = notMeasured('no sprints view');
    if (bp) {
      filters = (await section('bench', 'backlog: filters', failures, () =>
        measureFilters(ctx, bp, built.personIds[2] as string),
      )) as Record<string, Section>;
      toSprints = await section('bench', 'backlog → sprints', failures, () =>
        measureToSprints(ctx, bp),
      );
      sprintSwitch = await section('bench', 'sprints: switch sprint', failures, () =>
        measureSprintSwitch(ctx, bp),
      );
      await bp.close();
    }
    const chart =
      left() > 90_000
        ? await section('bench', 'metric chart with 50 windows', failures, () =>
            measureChart(ctx, `${base}/metric/${encodeURIComponent(built.chart.id)}`),
          )
        : notMeasured('time budget');
    const edit =
      left() > 60_000
        ? await section('bench', 'edit on an experiment page', failures, () =>
            measureEdit(ctx, `${base}/experiment/${encodeURIComponent(built.ideaId)}`),
          )
        : notMeasured('time budget');
    await context.close();

    const med = (s: unknown, ...path: string[]): number | null => num(s, ...path, 'medianMs');
    const goals: Goal[] = [
      goal('backlog: cold open (500 experiments) until shown', med(backlogCold), 1500, ' ms'),
      goal('backlog: Status = Running', med(filters['statusRunning']), 50, ' ms', true),
      goal('backlog: Status → Any', med(filters['statusAny']), 50, ' ms', true),
      goal('backlog: Owner = one person', med(filters['ownerOne']), 50, ' ms', true),
      goal('backlog → sprints view (in the app)', med(toSprints), 50, ' ms', true),
      goal('sprints: switch sprint (board regrouped)', med(sprintSwitch), 50, ' ms', true),
      goal(
        'metric chart, 5 years daily + 50 windows: cold open',
        med(chart, 'coldOpen'),
        1500,
        ' ms',
      ),
      goal(
        'metric chart, 5 years daily + 50 windows: in the app',
        med(chart, 'inApp'),
        50,
        ' ms',
        true,
      ),
      goal('experiment page: one edit (status) to the next frame', med(edit), 50, ' ms', true),
    ];
    results = {
      ...resultHeader(run, browser.version(), { ...toolVersions(), svelte: pkgVersion('svelte') }),
      build: { ...build, dist: DIST },
      method: {
        samples: `cold opens: ${COLD} per screen after one warm-up open; interactions: ${REPS} per measure (both directions where there are two)`,
        figures:
          'medianMs / p95Ms (nearest rank) of paintedMs: for cold opens from navigation start, for interactions from the input event reaching the page (capture listener on window: input of a select, click; for the in-app chart a change event dispatched just before location.hash is set) until a task queued from the animation frame after the DOM showed the result (the frame rendered). breakdown: domMs (MutationObserver saw it), taskMs (the event task ended), frameMs (rAF). driverWallMs: Node wall time around the Playwright action and the wait',
        viewport: '1280×800, headless Chromium, 1 page open at a time',
      },
      workload: {
        today: built.today,
        entries: seed.entries,
        metrics: seed.metrics.length,
        experiments: EXPERIMENTS,
        statuses: built.statuses,
        milestones: built.milestones,
        milestonesDone: built.milestonesDone,
        sprints: built.sprintIds.length,
        sprintRhythm: `${built.sprintStart}, 14 days`,
        retroItems: built.retroItems,
        chartMetric: `${built.chart.name} (${built.chart.periods.length} daily values)`,
        windowed: built.windowedIds.length,
        encodedUpdateBytes: update.byteLength,
        seeded:
          'one Yjs update (V1) appended as one row to the workspace IndexedDB store, as the tracking benchmark seeds its workspace',
      },
      goals,
      backlog: { coldOpen: backlogCold, ...filters, toSprints },
      sprints: { switchSprint: sprintSwitch },
      chart,
      edit,
      ...resultFooter(run),
    };
  } finally {
    await browser.close();
    await server.close();
  }
  return finishRun(run, OUT, results, printSummary);
}

function printSummary(r: Record<string, unknown>): void {
  const get = (...path: string[]): unknown =>
    path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r);
  const line = (label: string, s: unknown): string => {
    const median = num(s, 'medianMs');
    return `  ${label.padEnd(52)} ${median === null ? 'not measured' : `${median} ms (p95 ${num(s, 'p95Ms')} ms)`}`;
  };
  console.log(
    [
      `Experiments browser benchmark (500 experiments, 2,000 milestones, 100,000 entries) → ${OUT}`,
      line('cold open: backlog', get('backlog', 'coldOpen')),
      line('backlog: Status = Running', get('backlog', 'statusRunning')),
      line('backlog: Status → Any', get('backlog', 'statusAny')),
      line('backlog: Owner = one person', get('backlog', 'ownerOne')),
      line('backlog: Owner → Anyone', get('backlog', 'ownerAnyone')),
      line('backlog → sprints (in the app)', get('backlog', 'toSprints')),
      line('sprints → backlog (in the app)', get('backlog', 'toSprints', 'backToBacklog')),
      line('sprints: switch sprint', get('sprints', 'switchSprint')),
      line('cold open: metric chart (50 windows)', get('chart', 'coldOpen')),
      line('metric chart (50 windows) from the open app', get('chart', 'inApp')),
      line('cold open: experiment page', get('edit', 'coldOpen')),
      line('experiment page: status edit → next frame', get('edit')),
      ...resultGoalLines(r),
    ].join('\n'),
  );
}

runIfMain(import.meta.url, runExperimentsBrowserBench);
