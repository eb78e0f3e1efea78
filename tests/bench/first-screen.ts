/**
 * First-screen bytes per screen (part of `npm run bench`; alone: `npx tsx
 * tests/bench/first-screen.ts`): the JavaScript the built app fetches before a screen is usable,
 * gzip-compressed (level 9, as a server would send it), in headless Chromium.
 *
 * - Start screen: a fresh page at #/ until the frame that shows its create form and its list
 *   (or the list's empty text).
 * - Dashboard: the browser benchmark's workspace (seed.ts: 200 metrics, 100,000 entries), a
 *   new page at #/w/<id> until the frame in which the North Star card shows its value and its
 *   input is enabled (page-probes.ts).
 *
 * For each: the scripts whose fetch started before that frame (names as built, raw and gzip
 * bytes), and those started after it until the network was idle (loaded when idle, not on the
 * way to the first screen). Goals: start ≤ 60 KB, dashboard ≤ 120 KB (1 KB = 1,000 bytes). Writes
 * bench-results/first-screen.json and prints a summary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { bundleBench } from './app-build';
import {
  appContext,
  buildApp,
  inServedBrowser,
  resultFooter,
  resultHeader,
  startRun,
  toolVersions,
} from './harness';
import { coldOpen, DIST, newPage, ROOT, seedWorkspace, WORKSPACE, type Ctx } from './pages';
import { generateSeed } from './seed';
import { goal, resultGoalLines, runIfMain, type Goal } from './stats';

const OUT = join(ROOT, 'bench-results', 'first-screen.json');
const BUDGET_MS = 3 * 60_000;

interface Scripts {
  files: { name: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript files the page started fetching before `before` (ms since navigation start)
 * or, with `from`, at or after `from`, in order, with their sizes in DIST. The service worker's
 * own files are left out.
 */
async function scriptsFetched(
  page: Page,
  range: { before?: number; from?: number },
): Promise<Scripts> {
  const paths = await page.evaluate(
    ({ before, from }) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => (before === undefined || r.startTime < before) && r.startTime >= (from ?? 0))
        .map((r) => new URL(r.name).pathname)
        .filter((p) => p.endsWith('.js')),
    range,
  );
  const files = [...new Set(paths)]
    .filter((p) => !p.endsWith('/sw.js') && !p.includes('workbox-'))
    .map((p) => {
      const content = readFileSync(join(DIST, p));
      return {
        name: p.slice(1),
        bytes: content.byteLength,
        gzipBytes: gzipSync(content, { level: 9 }).byteLength,
      };
    });
  const sum = (k: 'bytes' | 'gzipBytes'): number => files.reduce((n, f) => n + f[k], 0);
  return { files, bytes: sum('bytes'), gzipBytes: sum('gzipBytes') };
}

/**
 * What the page started fetching before the frame that showed the screen usable (the probes'
 * `<mark>Frame`), and after it until the network was idle.
 */
async function firstAndLater(
  page: Page,
  mark: string,
): Promise<{ first: Scripts; later: Scripts; readyMs: number }> {
  const readyMs = await page.evaluate(async (name) => {
    await window.__bench.waitFor(name);
    return window.__bench.marks[`${name}Frame`] ?? Number.NaN;
  }, mark);
  await page.waitForLoadState('networkidle');
  return {
    first: await scriptsFetched(page, { before: readyMs }),
    later: await scriptsFetched(page, { from: readyMs }),
    readyMs: Math.round(readyMs),
  };
}

export async function runFirstScreenBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  console.error('bench: first-screen bytes…');
  const build = await buildApp();
  const probes = await bundleBench(ROOT, 'page-probes.ts');
  const seed = generateSeed(WORKSPACE);
  return inServedBrowser(run, OUT, printSummary, async (browser, url) => {
    // Start screen: a fresh context, nothing cached, no service worker yet.
    const fresh = await appContext(browser, url, [probes.code]);
    const startPage = await newPage({ context: fresh, errors: run.errors });
    await startPage.goto(`${url}#/`);
    const start = await firstAndLater(startPage, 'start');
    await fresh.close();

    const context = await appContext(browser, url, [probes.code]);
    const id = await seedWorkspace({ context, errors: run.errors, seed });
    const ctx: Ctx = {
      context,
      url,
      id,
      db: `lodestar-ws-${id}`,
      seed,
      errors: run.errors,
      left: run.left,
    };
    const opened = await coldOpen(ctx, `#/w/${id}`, 'interactive', true);
    const dashboard = await firstAndLater(opened.page, 'interactive');
    await opened.page.close();
    await context.close();

    const kb = (s: Scripts): number => Math.round(s.gzipBytes / 100) / 10;
    const goals: Goal[] = [
      goal('start screen JS (gzip)', kb(start.first), 60, ' KB'),
      goal('dashboard first screen JS (gzip)', kb(dashboard.first), 120, ' KB'),
    ];
    return {
      ...resultHeader(run, browser.version(), toolVersions()),
      build,
      what: 'JavaScript fetched by the page until the screen is usable (first) and after it until the network is idle (later); gzip level 9 of the built files; 1 KB = 1,000 bytes',
      goals,
      startScreen: start,
      dashboard,
      ...resultFooter(run),
    };
  });
}

function printSummary(r: Record<string, unknown>): void {
  const line = (label: string, s: { first: Scripts; later: Scripts } | undefined): string =>
    s
      ? `  ${label.padEnd(12)} first ${(s.first.gzipBytes / 1000).toFixed(1)} KB gzip in ${s.first.files.length} files (${s.first.files.map((f) => f.name.replace(/^assets\//, '')).join(' ')}); later ${(s.later.gzipBytes / 1000).toFixed(1)} KB`
      : `  ${label}: not measured`;
  console.log(
    [
      `First-screen bytes → ${OUT}`,
      line('start', r['startScreen'] as { first: Scripts; later: Scripts } | undefined),
      line('dashboard', r['dashboard'] as { first: Scripts; later: Scripts } | undefined),
      ...resultGoalLines(r),
    ].join('\n'),
  );
}

runIfMain(import.meta.url, runFirstScreenBench);
