/** The measurements of the browser benchmark, each a section of bench-results/tracking.json. */
import type { Page } from 'playwright-core';
import {
  coldOpen,
  floorOnce,
  interactionStats,
  newPage,
  notMeasured,
  profiled,
  underProfiler,
  type Ctx,
  type Opened,
  type Section,
} from './pages';
import type { Interaction } from './page-probes';
import { overwriteCsv } from './seed';
import { median, round1, samples } from './stats';

const COLD_SAMPLES = 5;

export async function measureColdOpen(
  ctx: Ctx,
  floorCode: string,
): Promise<{ result: Section; page: Page }> {
  const warm = await coldOpen(ctx, `#/w/${ctx.id}`, 'interactive');
  const warmFloor = await floorOnce(ctx, floorCode);
  const opens: Opened[] = [];
  const floors: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    opens.push(await coldOpen(ctx, `#/w/${ctx.id}`, 'interactive', i === COLD_SAMPLES - 1));
    floors.push(await floorOnce(ctx, floorCode));
  }
  const at = (key: string): number[] => opens.map((o) => o.marks[key] ?? Number.NaN);
  const interactive = at('interactiveFrame');
  const ratio = median(interactive) / median(floors);
  const last = opens.at(-1) as Opened;
  return {
    page: last.page,
    result: {
      what: 'new page in the same context → #/w/<id>; ms since navigation start until the animation frame in which the North Star card shows its value and its "Log …" input is enabled',
      interactive: samples(interactive),
      interactiveDom: samples(at('interactiveDom')),
      breakdownMedianMs: {
        responseEnd: round1(median(opens.map((o) => Number(o.nav['responseEnd'])))),
        domContentLoaded: round1(median(opens.map((o) => Number(o.nav['domContentLoaded'])))),
        shellFrame: round1(median(at('shellFrame'))),
        openedFrame: round1(median(at('openedFrame'))),
        nsmValueFrame: round1(median(at('nsmValueFrame'))),
        interactiveFrame: round1(median(interactive)),
      },
      longTasksLastOpen: last.longTasks.map((t) => ({
        start: round1(t.start),
        duration: round1(t.duration),
      })),
      serviceWorkerControlled: opens.map((o) => o.nav['serviceWorkerControlled']),
      scriptsLoaded: last.nav['scripts'],
      warmUpOpen: {
        note: 'first open after seeding (service worker installing, caches cold); not in the samples',
        interactiveMs: round1(warm.marks['interactiveFrame'] ?? Number.NaN),
        serviceWorkerControlled: warm.nav['serviceWorkerControlled'],
      },
      floor: {
        what: 'fresh page at #/ (start screen idle) → injected yjs + y-indexeddb: new Y.Doc + IndexeddbPersistence(lodestar-ws-<id>) until whenSynced',
        ...samples(floors),
        warmUpMs: round1(warmFloor),
      },
      ratio: Math.round(ratio * 100) / 100,
    },
  };
}

export async function measureHeap(ctx: Ctx, page: Page): Promise<Section> {
  const perfMemory = await page.evaluate(() => window.__bench.heapUsed());
  const cdp = await ctx.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return {
    what: 'the dashboard page after the last measured cold open',
    performanceMemoryUsedJSHeapSize: perfMemory,
    afterGcUsedBytes: usage.usedSize,
    afterGcTotalBytes: usage.totalSize,
  };
}

/** One quick log on the dashboard, by a real Enter key press (page-probes armQuickLog). */
async function quickLogOnce(page: Page, value: number): Promise<Interaction & { detail: string }> {
  await page.evaluate((v) => window.__bench.armQuickLog(v), value);
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__bench.armed());
}

/** One check-in row saved by a real Enter key press (page-probes armCheckinSave). */
async function checkinSaveOnce(
  page: Page,
  value: number,
  skip: string,
): Promise<Interaction & { detail: string }> {
  await page.evaluate(([v, s]) => window.__bench.armCheckinSave(v, s), [value, skip] as const);
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__bench.armed());
}

export async function measureQuickLog(ctx: Ctx, page: Page): Promise<Section> {
  const runs: (Interaction & { detail: string })[] = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => window.__bench.waitFor('interactive'));
    await page.evaluate(() => window.__bench.waitFor('saved'));
    runs.push(await quickLogOnce(page, 770_001 + i * 1_111));
    await page.evaluate(() => window.__bench.waitFor('saved'));
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
  }
  await page.evaluate(() => window.__bench.waitFor('interactive'));
  await page.evaluate(() => window.__bench.waitFor('saved'));
  const profile = await profiled(ctx, page, () => quickLogOnce(page, 779_999));
  await page.evaluate(() => window.__bench.waitFor('saved'));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.evaluate(() => window.__bench.waitFor('interactive'));
  return {
    what: 'dashboard: type into the North Star "Log …" input, press Enter (real key input through CDP, timed from the keydown event\'s timeStamp), until the card shows the new value; each sample is undone (Undo) before the next',
    ...interactionStats(runs),
    values: runs.map((r) => r.detail),
    profile,
  };
}

export async function measureChartWarm(ctx: Ctx, page: Page): Promise<Section> {
  const hash = `#/w/${ctx.id}/metric/${ctx.seed.daily.id}`;
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = await page.evaluate(([h]) => window.__bench.go(h, 'chart', 30_000), [hash] as const);
    dom.push(t.dom);
    frame.push(t.frame);
    await page.evaluate(([h]) => window.__bench.go(h, 'interactive'), [`#/w/${ctx.id}`] as const);
  }
  return {
    what: 'in the open app: location.hash = metric page of a daily metric (five years of days) until the frame in which the chart canvas is drawn (data-series has Actual, "Loading chart…" gone); back to the dashboard between samples. The first sample includes loading the chart.js chunk',
    metric: `${ctx.seed.daily.name} (${ctx.seed.daily.periods.length} daily values)`,
    frameMs: samples(frame),
    domMs: samples(dom),
  };
}

export async function measureChartCold(ctx: Ctx): Promise<Section> {
  const hash = `#/w/${ctx.id}/metric/${ctx.seed.daily.id}`;
  const runs: Opened[] = [];
  for (let i = 0; i < 3; i++) runs.push(await coldOpen(ctx, hash, 'chart'));
  return {
    what: 'new page → metric page of the daily metric; ms since navigation start until the frame with the chart drawn',
    frameMs: samples(runs.map((r) => r.marks['chartFrame'] ?? Number.NaN)),
    openedMedianMs: round1(median(runs.map((r) => r.marks['openedFrame'] ?? Number.NaN))),
  };
}

export async function measureCheckin(ctx: Ctx): Promise<Section> {
  const opened = await coldOpen(ctx, `#/w/${ctx.id}/checkin`, 'checkin', true);
  const page = opened.page;
  const rowsBefore = await page.locator('ul[aria-label="Values due"] > li').count();
  // The North Star's row is left alone: its quick-log on the dashboard is measured later too.
  const nsm = ctx.seed.nsm.id;
  const runs: (Interaction & { detail: string })[] = [];
  for (let i = 0; i < 10; i++) {
    await page.evaluate(() => window.__bench.waitFor('saved'));
    runs.push(await checkinSaveOnce(page, 4_201 + i, nsm));
  }
  await page.evaluate(() => window.__bench.waitFor('saved'));
  const profile = await profiled(ctx, page, () => checkinSaveOnce(page, 4_299, nsm));
  await page.close();
  return {
    what: 'check-in screen (#/w/<id>/checkin): type a value into the first row (skipping the North Star\'s), press Enter (real key input, timed from the keydown\'s timeStamp), until that row is gone and "logged now" counts it; 10 successive rows',
    openMs: round1(opened.marks['checkinFrame'] ?? Number.NaN),
    rowsDue: rowsBefore,
    ...interactionStats(runs),
    profile,
  };
}

export async function measureImport(ctx: Ctx): Promise<Section> {
  const opened = await coldOpen(ctx, `#/w/${ctx.id}/data`, 'opened', true);
  const page = opened.page;
  try {
    try {
      await page.evaluate(() => window.__bench.waitFor('dataFile', 10_000));
    } catch {
      return notMeasured(
        'the Data tab (#/w/<id>/data) shows no CSV file input in this build (src/ui/data is not wired into the workspace screen yet)',
      );
    }
    const rounds: Section[] = [];
    for (let round = 1; round <= 3; round++) {
      if (round > 1 && ctx.left() < 90_000) break;
      const csv = Buffer.from(overwriteCsv(ctx.seed, round));
      await page.evaluate(() => window.__bench.armFile());
      const t0 = performance.now();
      await page.setInputFiles('#csv-file', {
        name: `bench-100k-${round}.csv`,
        mimeType: 'text/csv',
        buffer: csv,
      });
      const ready = await page.evaluate(() => window.__bench.fileReady());
      const nodeReady = performance.now() - t0;
      const done = await page.evaluate(() => window.__bench.importClick());
      rounds.push({
        csvBytes: csv.byteLength,
        previewMs: round1(ready.frameMs),
        previewWithTransferMs: round1(nodeReady),
        importMs: round1(done.frameMs),
        importTaskMs: round1(done.taskMs),
        savedMs: round1(done.savedMs),
        totalMs: round1(ready.frameMs + done.frameMs),
        preview: ready.summary,
        confirmation: done.text,
      });
    }
    const totals = rounds.map((r) => Number(r['totalMs']));
    return {
      what: '100,000-row CSV (Metric,Date,Value,Note; one row per seeded metric and period, dated by the period start, new values: every row overwrites a stored value). previewMs: file input change event → frame with "Import N values" enabled; importMs: click → frame with the "Imported …" confirmation; savedMs: click → "Saved on this device"',
      totalMs: samples(totals),
      rounds,
    };
  } finally {
    await page.close();
  }
}

export async function measureProfile(ctx: Ctx): Promise<Section> {
  const page = await newPage(ctx);
  const { result: interactive, profile } = await underProfiler(ctx, page, 25, async () => {
    await page.goto(`${ctx.url}#/w/${ctx.id}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => window.__bench?.marks['interactiveFrame'] !== undefined,
      null,
      { polling: 50 },
    );
    return page.evaluate(() => window.__bench.marks['interactiveFrame'] ?? 0);
  });
  await page.close();
  return {
    what: 'one extra cold open under the CPU profiler (slower than unprofiled); self time by original function and file via dist/ source maps',
    interactiveMs: round1(interactive),
    ...profile,
  };
}
