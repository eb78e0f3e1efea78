/**
 * Browser benchmark of tracking at scale (part of `npm run bench`; alone: `tsx
 * tests/bench/browser.ts`). Seeds a workspace of 200 metrics and 100,000 entries (seed.ts) into
 * the built app in headless Chromium, then times: a cold open to an interactive dashboard against
 * the floor (y-indexeddb alone), saving one entry, drawing a five-year daily chart and importing
 * a 100,000-row CSV. Writes bench-results/tracking.json and prints a summary. Goals are reported
 * as pass/miss; only a failure to measure makes the process exit non-zero.
 *
 * Files: seed.ts (workload), pages.ts (driving pages), measure.ts (the measurements),
 * page-probes.ts (in-page timing, injected as an init script), floor-entry.ts (the floor),
 * profile.ts (CPU profiles), app-build.ts (vite build when stale, esbuild bundles), harness.ts
 * (the run, Chromium, the results file).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleBench, bundleFloor } from './app-build';
import {
  appContext,
  buildApp,
  inServedBrowser,
  resultFooter,
  resultHeader,
  startRun,
  toolVersions,
} from './harness';
import {
  measureChartCold,
  measureChartWarm,
  measureCheckin,
  measureColdOpen,
  measureHeap,
  measureImport,
  measureProfile,
  measureQuickLog,
} from './measure';
import {
  coldOpen,
  floorOnce,
  newPage,
  notMeasured,
  ROOT,
  seedWorkspace,
  WORKSPACE,
  type Ctx,
  type Section,
} from './pages';
import { generateSeed } from './seed';
import { goal, num, resultGoalLines, round1, runIfMain, section, type Goal } from './stats';

const OUT = join(ROOT, 'bench-results', 'tracking.json');
const BUDGET_MS = 5 * 60_000;

/** The whole browser benchmark; resolves true when every measurement could be taken. */
export async function runBrowserBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  const { failures, errors, left } = run;
  console.error('bench: browser benchmark (tracking at scale)…');
  const build = await buildApp();
  const [floor, probes] = await Promise.all([
    bundleFloor(ROOT),
    bundleBench(ROOT, 'page-probes.ts'),
  ]);
  const seed = generateSeed(WORKSPACE);
  console.error(
    `bench: seeded ${seed.entries} entries, ${seed.metrics.length} metrics, ${seed.update.byteLength} bytes`,
  );
  return inServedBrowser(run, OUT, printSummary, async (browser, url) => {
    const context = await appContext(browser, url, [probes.code]);
    const id = await seedWorkspace({ context, errors, seed });
    const ctx: Ctx = { context, url, id, db: `lodestar-ws-${id}`, seed, errors, left };

    let dashboard: Page | null = null;
    const cold = await section('bench', 'cold open + floor', failures, async () => {
      const r = await measureColdOpen(ctx, floor.code);
      dashboard = r.page;
      return r.result;
    });
    const open = dashboard as Page | null;
    const heap = open ? await section('bench', 'heap', failures, () => measureHeap(ctx, open)) : {};
    const quickLog = open
      ? await section('bench', 'quick-log save', failures, () => measureQuickLog(ctx, open))
      : notMeasured('no dashboard');
    const chartWarm = open
      ? await section('bench', 'chart (in app)', failures, () => measureChartWarm(ctx, open))
      : notMeasured('no dashboard');
    await open?.close();
    const chartCold = await section('bench', 'chart (new page)', failures, () =>
      measureChartCold(ctx),
    );
    const profile =
      left() > 150_000
        ? await section('bench', 'profile', failures, () => measureProfile(ctx))
        : notMeasured('time budget');
    const checkin = await section('bench', 'check-in save', failures, () => measureCheckin(ctx));
    const storagePage = await newPage(ctx);
    await storagePage.goto(`${url}#/`);
    const rowsAfterOpens = await storagePage.evaluate((db) => window.__bench.rows(db), ctx.db);
    const csvImport =
      left() > 60_000
        ? await section('bench', 'CSV import', failures, () => measureImport(ctx))
        : notMeasured('time budget of the browser benchmark used up');
    const rowsAfterImport = await storagePage.evaluate((db) => window.__bench.rows(db), ctx.db);
    await storagePage.close();
    const afterImport =
      'rounds' in csvImport && left() > 20_000
        ? await section('bench', 'cold open after import', failures, async () => {
            const opened = await coldOpen(ctx, `#/w/${id}`, 'interactive');
            const floorMs = await floorOnce(ctx, floor.code);
            const stateBytes = await floorOnce(ctx, floor.code, true);
            return {
              what: 'one cold open and one floor after the CSV imports (stored rows grew, see storage); stateBytes: the loaded document encoded afresh, i.e. what compacting the stored rows would leave',
              interactiveMs: round1(opened.marks['interactiveFrame'] ?? Number.NaN),
              floorMs: round1(floorMs),
              stateBytes,
            };
          })
        : notMeasured('no CSV import was measured');
    await context.close();

    const quickFrame = num(quickLog, 'frameMs', 'medianMs');
    const goals: Goal[] = [
      goal('cold open / floor', num(cold, 'ratio'), 1.5, '×'),
      goal('quick-log save until shown (next frame)', quickFrame, 16, ' ms', true),
      goal(
        'CSV import of 100,000 rows (preview + import)',
        num(csvImport, 'totalMs', 'medianMs'),
        5000,
        ' ms',
        true,
      ),
    ];
    return {
      ...resultHeader(run, browser.version(), toolVersions()),
      build,
      workload: {
        metrics: seed.metrics.length,
        entries: seed.entries,
        byCadence: seed.byCadence,
        range: `${seed.since} … ${seed.today} (today's period of each cadence left empty, so it is due)`,
        northStar: `${seed.nsm.name} (weekly, ${seed.nsm.periods.length} values)`,
        encodedUpdateBytes: seed.update.byteLength,
        generateMs: round1(seed.generateMs),
        encodeMs: round1(seed.encodeMs),
        storedEntryShape: '[value, note, by (person id), at (ms)] per metric and period',
      },
      goals,
      coldOpen: cold,
      coldOpenAfterImport: afterImport,
      quickLog,
      checkinSave: checkin,
      chart: { inApp: chartWarm, newPage: chartCold },
      csvImport,
      storage: {
        what: 'rows of the workspace IndexedDB store `updates` and their total bytes',
        afterOpens: rowsAfterOpens,
        afterImport: rowsAfterImport,
      },
      heap,
      profile,
      ...resultFooter(run),
    };
  });
}

function printSummary(r: Record<string, unknown>): void {
  const cold = (r['coldOpen'] as Section | undefined) ?? {};
  const line = (label: string, v: number | null, unit = ' ms'): string =>
    `  ${label.padEnd(46)} ${v === null ? 'not measured' : `${v}${unit}`}`;
  const chart = (r['chart'] as Record<string, Section> | undefined) ?? {};
  console.log(
    [
      `Browser benchmark → ${OUT}`,
      line('cold open → interactive dashboard (median)', num(cold, 'interactive', 'medianMs')),
      line('floor: y-indexeddb load alone (median)', num(cold, 'floor', 'medianMs')),
      line('ratio cold open / floor', num(cold, 'ratio'), '×'),
      line(
        'quick-log save → next frame (median)',
        num(r['quickLog'] as Section, 'frameMs', 'medianMs'),
      ),
      line(
        'check-in save → next frame (median)',
        num(r['checkinSave'] as Section, 'frameMs', 'medianMs'),
      ),
      line(
        'five-year daily chart, in app (median)',
        num(chart['inApp'] ?? {}, 'frameMs', 'medianMs'),
      ),
      line(
        'five-year daily chart, new page (median)',
        num(chart['newPage'] ?? {}, 'frameMs', 'medianMs'),
      ),
      line(
        'CSV import 100,000 rows (median total)',
        num(r['csvImport'] as Section, 'totalMs', 'medianMs'),
      ),
      ...resultGoalLines(r),
    ].join('\n'),
  );
}

runIfMain(import.meta.url, runBrowserBench);
