/**
 * The scale benchmark: cold opens of workspaces of 10,000, 100,000 and 1,000,000 entries against
 * the storage floor, in one browser, interleaved; writes bench-results/scale.json.
 *
 * For each size (scale-seed.ts) a fresh browser context creates the workspace through the UI and
 * stores the generated rows. Then one warm-up open, and ROUNDS rounds of: the app (a new page at
 * #/w/<id>, ms from navigation start until the animation frame in which the North Star shows its
 * value and its quick log is enabled) and the floor (a new page of the same origin holding only
 * a static document, favicon.svg, with yjs and y-indexeddb loading the same database from an init
 * script: ms from navigation start until whenSynced). The order alternates each round. After the
 * last app open: the JS heap after a garbage collection, and the stored rows.
 *
 * Run alone: `npx tsx tests/bench/scale.ts` (SCALE_SIZES=10000,100000 picks sizes).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { appContext, inServedBrowser, resultHeader, resultFooter, startRun } from './harness';
import { bundleBench, bundleFloor } from './app-build';
import { coldOpen, newPage, ROOT, seedWorkspaceRows, type Ctx, type Section } from './pages';
import { generateScaleSeed, type ScaleSize } from './scale-seed';
import { goal, median, round1, runIfMain, samples, section, resultGoalLines } from './stats';
import type { Seed } from './seed';

const OUT = join(ROOT, 'bench-results', 'scale.json');
const ROUNDS = 8;
const BUDGET_MS = 40 * 60_000;
const ALL: ScaleSize[] = [
  { entries: 10_000, metrics: 200 },
  { entries: 100_000, metrics: 200 },
  { entries: 1_000_000, metrics: 500 },
];

function sizes(): ScaleSize[] {
  const pick = process.env['SCALE_SIZES'];
  if (!pick) return ALL;
  const wanted = new Set(pick.split(',').map(Number));
  return ALL.filter((s) => wanted.has(s.entries));
}

/** The JS heap of a page after a garbage collection, in MB. */
async function heapMB(ctx: Ctx, page: Page): Promise<number> {
  const cdp = await ctx.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round1(usage.usedSize / 1e6);
}

/**
 * One floor sample: a page of its own, from navigation start until y-indexeddb has loaded; with
 * `heap`, also the page's heap then (the loaded document's share of the app's heap).
 */
async function floorFromNavigation(
  ctx: Ctx,
  floorCode: string,
  heap = false,
): Promise<{ ms: number; heapMB?: number }> {
  const page = await newPage(ctx, true);
  await page.addInitScript({
    content: `${floorCode}
if (location.pathname.endsWith('/favicon.svg')) {
  window.__floorMs = window.benchFloor(${JSON.stringify(ctx.db)}, true).then(() => performance.now());
}`,
  });
  await page.goto(`${ctx.url}favicon.svg`);
  const ms = await page.evaluate(
    () => (window as unknown as { __floorMs: Promise<number> }).__floorMs,
  );
  const result = heap ? { ms, heapMB: await heapMB(ctx, page) } : { ms };
  await page.close();
  return result;
}

async function rowsOf(ctx: Ctx): Promise<{ rows: number; bytes: number }> {
  const page = await newPage(ctx);
  await page.goto(`${ctx.url}#/`);
  const r = await page.evaluate((db) => window.__bench.rows(db), ctx.db);
  await page.close();
  return r;
}

async function measureSize(
  browser: Browser,
  url: string,
  size: ScaleSize,
  probes: string,
  floorCode: string,
  errors: string[],
): Promise<Section> {
  const seed = generateScaleSeed(size);
  console.error(
    `bench: scale ${size.entries}: ${seed.rows.length} rows, ${seed.bytes} bytes, generated in ${Math.round(seed.generateMs)} ms`,
  );
  const context = await appContext(browser, url, [probes]);
  try {
    const id = await seedWorkspaceRows({ context, errors }, seed.rows);
    const ctx: Ctx = {
      context,
      url,
      id,
      db: `lodestar-ws-${id}`,
      // Only the fields the page helpers read; this workload has no Seed of its own.
      seed: {} as Seed,
      errors,
      left: () => Number.POSITIVE_INFINITY,
    };
    const hash = `#/w/${id}`;
    const warm = await coldOpen(ctx, hash, 'interactive');
    const warmFloor = (await floorFromNavigation(ctx, floorCode)).ms;
    const app: number[] = [];
    const floor: number[] = [];
    const nsm: number[] = [];
    let floorHeap: number | undefined;
    let last: Awaited<ReturnType<typeof coldOpen>> | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      const keep = round === ROUNDS - 1;
      const openApp = async (): Promise<void> => {
        const o = await coldOpen(ctx, hash, 'interactive', keep);
        app.push(o.marks['interactiveFrame'] ?? Number.NaN);
        nsm.push(o.marks['nsmValueFrame'] ?? Number.NaN);
        if (keep) last = o;
      };
      const openFloor = async (): Promise<void> => {
        const f = await floorFromNavigation(ctx, floorCode, keep);
        floor.push(f.ms);
        if (f.heapMB !== undefined) floorHeap = f.heapMB;
      };
      if (round % 2 === 0) {
        await openApp();
        await openFloor();
      } else {
        await openFloor();
        await openApp();
      }
    }
    const page = (last as Awaited<ReturnType<typeof coldOpen>> | null)?.page;
    let heap: Section = { floorAfterGcUsedMB: floorHeap };
    if (page) {
      heap = { afterGcUsedMB: await heapMB(ctx, page), ...heap };
      await page.close();
    }
    const ratios = app.map((a, i) => a / (floor[i] ?? Number.NaN));
    return {
      workload: {
        entries: seed.entries,
        metrics: seed.metrics,
        shape: `a weekly North Star (${seed.northStarWeeks} weeks) and ${seed.metrics - 1} daily inputs (${seed.daysPerInput}–${seed.daysPerInput + 1} days each)`,
        storedRows: seed.rows.length,
        storedBytes: seed.bytes,
        generateMs: Math.round(seed.generateMs),
      },
      app: samples(app),
      northStarValueShown: samples(nsm),
      floor: samples(floor),
      ratio: round1(median(app) / median(floor)),
      ratioPerRound: {
        median: Math.round(median(ratios) * 100) / 100,
        min: Math.round(Math.min(...ratios) * 100) / 100,
        max: Math.round(Math.max(...ratios) * 100) / 100,
      },
      warmUp: {
        appMs: round1(warm.marks['interactiveFrame'] ?? Number.NaN),
        floorMs: round1(warmFloor),
      },
      heap,
      storedAfter: await rowsOf(ctx),
    };
  } finally {
    await context.close();
  }
}

export async function runScaleBench(): Promise<boolean> {
  const run = startRun(BUDGET_MS);
  console.error('bench: scale (cold open against the floor at 10k / 100k / 1M entries)…');
  const [floor, probes] = await Promise.all([
    bundleFloor(ROOT),
    bundleBench(ROOT, 'page-probes.ts'),
  ]);
  return inServedBrowser(run, OUT, printSummary, async (browser, url) => {
    const bySize: Record<string, Section> = {};
    for (const size of sizes()) {
      bySize[String(size.entries)] = await section(
        'bench',
        `scale ${size.entries}`,
        run.failures,
        () => measureSize(browser, url, size, probes.code, floor.code, run.errors),
      );
    }
    const ratioOf = (n: number): number | null => {
      const r = bySize[String(n)]?.['ratio'];
      return typeof r === 'number' ? r : null;
    };
    const heap1M = bySize['1000000']?.['heap'] as { afterGcUsedMB?: number } | undefined;
    return {
      ...resultHeader(run, browser.version()),
      what: `per size: ${ROUNDS} interleaved rounds (order alternating) of the app (new page at #/w/<id> → the frame in which the North Star shows its value and its quick log is enabled) and the floor (new page of the same origin at favicon.svg, y-indexeddb loading the same database from an init script → whenSynced); both in ms from navigation start; ratio = median app / median floor`,
      goals: [
        goal('cold open / floor at 10,000 entries', ratioOf(10_000), 1, '×'),
        goal('cold open / floor at 100,000 entries', ratioOf(100_000), 1, '×'),
        goal('cold open / floor at 1,000,000 entries', ratioOf(1_000_000), 1, '×'),
        goal('JS heap after open at 1,000,000 entries', heap1M?.afterGcUsedMB ?? null, 250, ' MB'),
      ],
      sizes: bySize,
      ...resultFooter(run),
    };
  });
}

function printSummary(r: Record<string, unknown>): void {
  const bySize = (r['sizes'] as Record<string, Section> | undefined) ?? {};
  const lines = Object.entries(bySize).map(([n, s]) => {
    const app = (s['app'] as { medianMs?: number } | undefined)?.medianMs;
    const floor = (s['floor'] as { medianMs?: number } | undefined)?.medianMs;
    const heap = (s['heap'] as { afterGcUsedMB?: number } | undefined)?.afterGcUsedMB;
    return `  ${Number(n).toLocaleString('en-US').padStart(9)} entries: app ${app ?? '–'} ms, floor ${floor ?? '–'} ms, ratio ${String(s['ratio'] ?? '–')}×, heap ${heap ?? '–'} MB`;
  });
  console.log([`Scale benchmark → ${OUT}`, ...lines, ...resultGoalLines(r)].join('\n'));
}

runIfMain(import.meta.url, runScaleBench);
