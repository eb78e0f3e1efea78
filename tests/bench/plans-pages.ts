/**
 * Driving the plan screens for their browser benchmark (plans-browser.ts): cold opens until a
 * screen state is painted, interactions timed in the page (plans-probes.ts) from the user's input
 * to the rendered frame, the same under the CPU profiler, and the figures of their samples.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { newPage, underProfiler, type Section } from './pages';
import type { Measured, Snapshot, Trigger } from './plans-probes';
import { nearestRank, round1 } from './stats';

/** Measured cold opens per screen (after one warm-up open). */
export const COLD = 7;

export interface PlansCtx {
  context: BrowserContext;
  url: string;
  id: string;
  /** `#/w/<id>`: the workspace's route. */
  base: string;
  errors: string[];
  left: () => number;
  /** What the screens should show, computed in Node (plans-measures.ts `expectations`). */
  expected: Record<string, string>;
  /** Notes what a screen showed against what it should (a mismatch is reported, not a failure). */
  check: (what: string, want: string, shown: string, prefix?: boolean) => void;
}

export type Sample = Measured & { wallMs: number };

export const SELECT: Trigger = { type: 'input' };
export const CLICK: Trigger = { type: 'click' };

interface Dist {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

/** Median, p95 (nearest rank), min, max of samples. */
function dist(values: readonly number[]): Dist {
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

const brief = (values: readonly number[]): { medianMs: number; p95Ms: number } => {
  const d = dist(values);
  return { medianMs: d.medianMs, p95Ms: d.p95Ms };
};

/** An interaction's section: the primary figure is input → rendered frame (paintedMs). */
export function interactionSection(
  what: string,
  samples: readonly Sample[],
  extra: Section = {},
): Section {
  return {
    what,
    ...dist(samples.map((s) => s.paintedMs)),
    breakdown: {
      domMs: brief(samples.map((s) => s.domMs)),
      taskMs: brief(samples.map((s) => s.taskMs)),
      frameMs: brief(samples.map((s) => s.frameMs)),
      paintedMs: brief(samples.map((s) => s.paintedMs)),
    },
    driverWallMs: brief(samples.map((s) => s.wallMs)),
    ...extra,
  };
}

/**
 * The select inside a `<label>` whose text starts with `label` (the plan filters wrap their
 * selects in labels, so the label's text includes the options' and getByLabel's exact match
 * misses them).
 */
export const selectLabelled = (page: Page, label: string): Locator =>
  page
    .locator('label')
    .filter({ hasText: new RegExp(`^\\s*${label}\\b`) })
    .locator('select');

export const snapshot = (page: Page): Promise<Snapshot> =>
  page.evaluate(() => window.__plans.snapshot());
export const waitFor = (page: Page, cond: string, arg = ''): Promise<void> =>
  page.evaluate(([c, a]) => window.__plans.waitFor(c, a), [cond, arg] as const);

/** Waits until what the last write changed is stored ("Saved on this device"). */
export async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(100);
  await waitFor(page, 'saved');
}

/** Arms `cond` in the page, runs the user action, and waits for the measured result. */
export async function timed(
  page: Page,
  trigger: Trigger,
  cond: string,
  arg: string,
  action: () => Promise<unknown>,
): Promise<Sample> {
  await page.evaluate(([t, c, a]) => window.__plans.arm(t, c, a), [trigger, cond, arg] as const);
  const w0 = performance.now();
  await action();
  const result = await page.evaluate(() => window.__plans.result());
  return { ...result, wallMs: performance.now() - w0 };
}

/** One extra sample under the CPU profiler: where its main-thread time goes. */
export async function profiled(
  ctx: PlansCtx,
  page: Page,
  act: () => Promise<Sample>,
): Promise<Section> {
  const { result: sample, profile } = await underProfiler(ctx, page, 12, act);
  return {
    what: 'one extra sample under the CPU profiler (slower than unprofiled); self time by original function and file via dist/ source maps',
    paintedMs: round1(sample.paintedMs),
    ...profile,
  };
}

interface Opened {
  page: Page;
  marks: Record<string, number>;
  wallMs: number;
  serviceWorkerControlled: boolean;
}

/** Waits until the page's `mark` state has been painted (`<mark>Painted`, plans-probes.ts). */
const painted = (page: Page, mark: string): Promise<unknown> =>
  page.waitForFunction((m) => window.__plans?.marks[`${m}Painted`] !== undefined, mark, {
    timeout: 60_000,
  });

/** A new page at `hash` until the `mark` state has been painted (marks from navigation start). */
async function openCold(ctx: PlansCtx, hash: string, mark: string, keep = false): Promise<Opened> {
  const page = await newPage(ctx);
  const w0 = performance.now();
  await page.goto(`${ctx.url}${hash}`, { waitUntil: 'commit' });
  try {
    await painted(page, mark);
  } catch (error) {
    const state = await page.evaluate(() => window.__plans?.snapshot()).catch(() => null);
    await page.close();
    throw new Error(`${String(error)}; page state: ${JSON.stringify(state)}`);
  }
  const wallMs = performance.now() - w0;
  const info = await page.evaluate(() => {
    window.__plans.stopMarks();
    return { marks: window.__plans.marks, nav: window.__plans.navigation() };
  });
  if (!keep) await page.close();
  return {
    page,
    marks: info.marks,
    wallMs,
    serviceWorkerControlled: info.nav.serviceWorkerControlled,
  };
}

/** One warm-up open, then COLD measured ones; the last page stays open. */
export async function coldSeries(
  ctx: PlansCtx,
  what: string,
  hash: string,
  mark: string,
): Promise<{ result: Section; page: Page }> {
  const warm = await openCold(ctx, hash, mark);
  const opens: Opened[] = [];
  for (let i = 0; i < COLD; i++) opens.push(await openCold(ctx, hash, mark, i === COLD - 1));
  const at = (key: string): number[] => opens.map((o) => o.marks[key] ?? Number.NaN);
  return {
    page: (opens.at(-1) as Opened).page,
    result: {
      what,
      ...dist(at(`${mark}Painted`)),
      breakdown: {
        workspaceOpenedFrameMs: brief(at('openedFrame')),
        domMs: brief(at(`${mark}Dom`)),
        frameMs: brief(at(`${mark}Frame`)),
        paintedMs: brief(at(`${mark}Painted`)),
      },
      driverWallMs: brief(opens.map((o) => o.wallMs)),
      warmUpOpenMs: round1(warm.marks[`${mark}Painted`] ?? Number.NaN),
      serviceWorkerControlled: opens.map((o) => o.serviceWorkerControlled),
    },
  };
}

/** A cold open of a screen under the CPU profiler. */
export async function profiledColdOpen(
  ctx: PlansCtx,
  hash: string,
  mark: string,
): Promise<Section> {
  const page = await newPage(ctx);
  const { result: shown, profile } = await underProfiler(ctx, page, 15, async () => {
    await page.goto(`${ctx.url}${hash}`, { waitUntil: 'commit' });
    await painted(page, mark);
    return page.evaluate((m) => window.__plans.marks[`${m}Painted`] ?? 0, mark);
  });
  await page.close();
  return {
    what: 'one extra cold open under the CPU profiler (slower than unprofiled)',
    paintedMs: round1(shown),
    ...profile,
  };
}
