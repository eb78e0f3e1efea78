/**
 * Browser benchmark of the quarterly review at scale (part of `npm run bench` unless
 * BENCH_BROWSER=0; alone: `npx tsx tests/bench/review-browser.ts`). Seeds the workspace of
 * review.ts `buildReviewWorkspace` (200 metrics, 100,000 entries, 500 experiments, 1,000 plans,
 * 5,000 insights, briefs, review lines, four closed quarters) into the built app in headless
 * Chromium as the other browser benchmarks do (pages.ts `seedWorkspace`: one stored IndexedDB
 * row), then times, for the quarter under review (the last one that ended):
 *
 * - cold open: new page → `#/w/<id>/review/<quarter>` until the review's title and its 200
 *   rows of numbers are in the DOM and that frame rendered, from navigation start;
 * - in the app: from the list of quarters (`#/w/<id>/review`), setting the hash to the
 *   quarter until its 200 rows are rendered (the draft from the open app's cached points);
 * - closing: the click on "Close the review" in the confirm dialog until the "Closed" badge is
 *   rendered (closeReview, the state's refresh, the page re-rendered with frozen figures); each
 *   sample after a reopen (also timed: "Reopen the review" until the "Draft" badge).
 *
 * In-page timing comes from a small init script of this file (a MutationObserver and an
 * animation frame, as the other probes do): from the event reaching the page (a capture
 * listener) or from navigation start, until a task queued after the animation frame that showed
 * the result. The app is built into its own folder (`$LODESTAR_DIST`, else a folder in the OS
 * temp dir), so dist/ is left alone. Writes bench-results/review-browser.json and prints a
 * summary; goals: cold open ≤ 1.5 s (as the other screens), in-app open < 300 ms (the draft
 * goal, rendering included), close < 1 s.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { serveDist } from '../e2e/support/server';
import { bundleBench, ensureBuilt } from './app-build';
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
import { buildReviewWorkspace } from './review';
import { goal, nearestRank, num, resultGoalLines, round1, runIfMain, section } from './stats';
import type { Goal } from './stats';

const OUT = join(ROOT, 'bench-results', 'review-browser.json');
const BUDGET_MS = 10 * 60_000;
const DIST = resolve(
  ROOT,
  process.env['LODESTAR_DIST'] ?? join(tmpdir(), 'lodestar-review-bench-dist'),
);
/** Measured cold opens, after one warm-up open. */
const COLD = 5;
/** Measured samples per interaction. */
const REPS = 8;

interface Measured {
  domMs: number;
  frameMs: number;
  paintedMs: number;
}

interface ReviewProbe {
  marks: Record<string, number>;
  /** Starts the clock at the next click reaching the page; `result` waits for `cond`. */
  armClick(cond: string): void;
  /** Starts the clock now, sets the hash; `result` waits for `cond`. */
  go(hash: string, cond: string): void;
  result(): Promise<Measured>;
  state(): Record<string, unknown>;
}

declare global {
  interface Window {
    __review: ReviewProbe;
  }
}

/**
 * The in-page probe, as plain script text (an init script runs before the app). Conditions:
 * `rows` (the review's title and at least ROWS rows of numbers), `closed` / `draft` (the badge),
 * `list` (the list of quarters, no review open).
 */
const probe = (rows: number): string => `(() => {
  const ROWS = ${rows};
  const marks = {};
  const q = (s) => document.querySelectorAll(s);
  const conds = {
    rows: () => document.getElementById('review-title') !== null &&
      q('article.review tr[data-metric]').length >= ROWS,
    closed: () => q('article.review .badge.closed').length > 0,
    draft: () => q('article.review .badge.draft').length > 0,
    list: () => q('article.review').length === 0 && q('.review-screen').length > 0,
  };
  let waiting = null;
  const after = (fn) => requestAnimationFrame(() => {
    const frame = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn(frame, performance.now());
    ch.port2.postMessage(0);
  });
  const check = () => {
    if (waiting === null || waiting.t0 === null || waiting.dom !== null) return;
    if (!conds[waiting.cond]()) return;
    const w = waiting;
    w.dom = performance.now();
    after((frame, painted) => {
      w.done({ domMs: w.dom - w.t0, frameMs: frame - w.t0, paintedMs: painted - w.t0 });
    });
  };
  const wait = (cond, t0) => {
    let done;
    const promise = new Promise((r) => (done = r));
    waiting = { cond, t0, dom: null, done, promise };
    queueMicrotask(check);
    return waiting;
  };
  // The cold open: from navigation start until the review's rows have been rendered.
  let cold = wait('rows', 0);
  cold.promise.then((m) => {
    marks.rowsDom = m.domMs;
    marks.rowsFrame = m.frameMs;
    marks.rowsPainted = m.paintedMs;
  });
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  window.addEventListener('click', () => {
    if (waiting !== null && waiting.t0 === null) { waiting.t0 = performance.now(); check(); }
  }, true);
  window.__review = {
    marks,
    armClick: (cond) => { wait(cond, null); },
    go: (hash, cond) => { wait(cond, performance.now()); location.hash = hash; },
    result: () => waiting.promise,
    state: () => ({
      hash: location.hash,
      rows: q('article.review tr[data-metric]').length,
      title: document.getElementById('review-title')?.textContent ?? null,
      badge: q('article.review .badge')[0]?.textContent?.trim() ?? null,
      main: document.querySelector('main')?.textContent?.replace(/\\s+/g, ' ').slice(0, 300),
    }),
  };
})();`;

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

function interaction(what: string, samples: readonly Measured[], extra: Section = {}): Section {
  return {
    what,
    ...dist(samples.map((s) => s.paintedMs)),
    breakdown: {
      domMs: brief(samples.map((s) => s.domMs)),
      frameMs: brief(samples.map((s) => s.frameMs)),
    },
    ...extra,
  };
}

interface Ctx {
  context: BrowserContext;
  url: string;
  errors: string[];
}

const state = (page: Page) => page.evaluate(() => window.__review.state());

/** A new page at `hash` until the review's rows are rendered; marks from navigation start. */
async function openCold(ctx: Ctx, hash: string, keep: boolean) {
  const page = await newPage(ctx);
  const w0 = performance.now();
  await page.goto(`${ctx.url}${hash}`, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.__review?.marks['rowsPainted'] !== undefined, null, {
      timeout: 60_000,
      polling: 50,
    });
  } catch (error) {
    const s = await state(page).catch(() => null);
    await page.close();
    throw new Error(`${String(error)}; page state: ${JSON.stringify(s)}`);
  }
  const wallMs = performance.now() - w0;
  const marks = await page.evaluate(() => window.__review.marks);
  if (!keep) await page.close();
  return { page, marks, wallMs };
}

async function clickTimed(page: Page, cond: string, click: () => Promise<void>) {
  await page.evaluate((c) => window.__review.armClick(c), cond);
  await click();
  return page.evaluate(() => window.__review.result());
}

/** One more sample under the CPU profiler: where the main thread's time goes. */
async function profiled(ctx: Ctx, page: Page, act: () => Promise<Measured>): Promise<Section> {
  const cdp = await ctx.context.newCDPSession(page);
  await startProfile(cdp);
  const result = await act();
  const profile = await stopProfile(cdp, DIST, 12);
  await cdp.detach();
  return {
    what: 'one extra sample under the CPU profiler (slower than unprofiled); self time by original function and file via the source maps',
    paintedMs: round1(result.paintedMs),
    ...profile,
  };
}

async function goTimed(page: Page, hash: string, cond: string) {
  await page.evaluate(([h, c]) => window.__review.go(h, c), [hash, cond] as const);
  return page.evaluate(() => window.__review.result());
}

export async function runReviewBrowserBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  const { failures, errors } = run;
  console.error('bench: browser benchmark (the quarterly review at scale)…');
  const build = await ensureBuilt(ROOT, DIST);
  console.error(
    `bench: build into ${DIST}: ${build.reason}${build.rebuilt ? ` (${build.ms} ms)` : ''}`,
  );
  const pageProbes = await bundleBench(ROOT, 'page-probes.ts');
  const w = buildReviewWorkspace();
  const update = Y.encodeStateAsUpdate(w.ws.doc);
  const rows = 200;
  console.error(
    `bench: built the review workspace (${update.byteLength} bytes) in ${w.buildMs} ms`,
  );

  const server = await serveDist(ROOT, DIST);
  const browser = await launchChromium();
  let results: Record<string, unknown>;
  try {
    const context = await appContext(browser, server.url, [pageProbes.code, probe(rows)]);
    const id = await seedWorkspace({ context, errors, seed: { update } });
    const base = `#/w/${encodeURIComponent(id)}/review`;
    const hash = `${base}/${w.quarter}`;
    const ctx: Ctx = { context, url: server.url, errors };

    const holder: { page: Page | null } = { page: null };
    const cold = await section('bench', 'review: cold open', failures, async () => {
      const warm = await openCold(ctx, hash, false);
      const opens: Awaited<ReturnType<typeof openCold>>[] = [];
      for (let i = 0; i < COLD; i++) opens.push(await openCold(ctx, hash, i === COLD - 1));
      const last = opens.at(-1) as (typeof opens)[number];
      holder.page = last.page;
      const at = (k: string): number[] => opens.map((o) => o.marks[k] ?? Number.NaN);
      return {
        what: `new page → #/w/<id>/review/${w.quarter}; from navigation start until the title and the ${rows} rows of numbers are in the DOM and a task after that animation frame ran (the workspace loaded from IndexedDB, every area read, the draft derived, the page rendered)`,
        ...dist(at('rowsPainted')),
        breakdown: { domMs: brief(at('rowsDom')), frameMs: brief(at('rowsFrame')) },
        driverWallMs: brief(opens.map((o) => o.wallMs)),
        warmUpOpenMs: round1(warm.marks['rowsPainted'] ?? Number.NaN),
        shown: await state(last.page),
      };
    });
    const p = holder.page as Page | null;
    let inApp: Section = notMeasured('no review page');
    let close: Section = notMeasured('no review page');
    if (p) {
      inApp = await section('bench', 'review: open from the list', failures, async () => {
        const samples: Measured[] = [];
        for (let i = 0; i < REPS; i++) {
          await goTimed(p, base, 'list');
          samples.push(await goTimed(p, hash, 'rows'));
        }
        await goTimed(p, base, 'list');
        const profile = await profiled(ctx, p, () => goTimed(p, hash, 'rows'));
        return interaction(
          `in the open app, on the list of quarters: location.hash = the review of ${w.quarter} until its ${rows} rows are rendered (the draft from the cached points, every section rendered)`,
          samples,
          { profile },
        );
      });
      close = await section('bench', 'review: close and reopen', failures, async () => {
        const closes: Measured[] = [];
        const reopens: Measured[] = [];
        const closeButton = p.getByRole('button', { name: /^Close the review of / });
        const confirm = p.getByRole('dialog').getByRole('button', {
          name: 'Close the review',
          exact: true,
        });
        const reopen = p.getByRole('button', { name: 'Reopen the review' });
        const closeOnce = async (): Promise<Measured> => {
          await closeButton.click();
          await confirm.waitFor();
          return clickTimed(p, 'closed', () => confirm.click());
        };
        const settled = async (): Promise<void> => {
          await p.waitForTimeout(100);
          await p.getByText('Saved on this device').waitFor();
        };
        for (let i = 0; i < REPS; i++) {
          closes.push(await closeOnce());
          await settled();
          reopens.push(await clickTimed(p, 'draft', () => reopen.click()));
          await settled();
        }
        return interaction(
          `the review of ${w.quarter} open as a draft: click "Close the review" in the confirm dialog until the "Closed" badge is rendered (closeReview writes ${rows} frozen rows, the briefs and the next quarter's targets in one transaction; the areas refresh; the page re-renders with the frozen figures); after the first run the targets written are the same, so setTarget writes nothing new`,
          closes,
          {
            reopen: interaction('click "Reopen the review" until the "Draft" badge', reopens),
            profile: await profiled(ctx, p, closeOnce),
          },
        );
      });
      await p.close();
    }
    await context.close();

    const med = (s: unknown, ...path: string[]): number | null => num(s, ...path, 'medianMs');
    const goals: Goal[] = [
      goal('review: cold open until the 200 rows are shown', med(cold), 1500, ' ms'),
      goal('review: open from the list (draft + render)', med(inApp), 300, ' ms', true),
      goal('review: close until the Closed badge', med(close), 1000, ' ms', true),
    ];
    results = {
      ...resultHeader(run, browser.version(), { ...toolVersions(), svelte: pkgVersion('svelte') }),
      build: {
        ...build,
        dist: DIST,
        note: 'built from the working tree (src/ as it stood when the benchmark ran)',
      },
      method: {
        samples: `cold opens: ${COLD} after one warm-up open; interactions: ${REPS} each`,
        figures:
          'medianMs / p95Ms (nearest rank) of paintedMs: from navigation start (cold) or from the click reaching the page (capture listener) or the hash being set, until a task queued from the animation frame after the DOM showed the result. breakdown: domMs (MutationObserver saw it), frameMs (rAF)',
        viewport: '1280×800, headless Chromium, 1 page open at a time',
      },
      workload: {
        today: w.today,
        quarter: w.quarter,
        metrics: 200,
        entries: w.seed.entries,
        experiments: 500,
        plans: 1000,
        insights: 5000,
        briefs: w.briefs,
        reviewLines: w.lines,
        encodedUpdateBytes: update.byteLength,
        seeded:
          'one Yjs update (V1) appended as one row to the workspace IndexedDB store, as the tracking benchmark seeds its workspace',
      },
      goals,
      coldOpen: cold,
      openFromList: inApp,
      close,
      ...resultFooter(run),
    };
  } finally {
    await browser.close();
    await server.close();
  }
  return finishRun(run, OUT, results, printSummary);
}

function printSummary(r: Record<string, unknown>): void {
  const line = (label: string, s: unknown): string => {
    const median = num(s, 'medianMs');
    return `  ${label.padEnd(44)} ${median === null ? 'not measured' : `${median} ms (p95 ${num(s, 'p95Ms')} ms)`}`;
  };
  const close = r['close'] as Record<string, unknown> | undefined;
  console.log(
    [
      `Review browser benchmark (200 metrics, 100,000 entries, 1,000 plans, 5,000 insights) → ${OUT}`,
      line('cold open: the review of a quarter', r['coldOpen']),
      line('open from the list of quarters', r['openFromList']),
      line('close (confirm) until Closed', close),
      line('reopen until Draft', close?.['reopen']),
      ...resultGoalLines(r),
    ].join('\n'),
  );
}

runIfMain(import.meta.url, runReviewBrowserBench);
