/**
 * Driving the app's pages for the browser benchmarks: seeding, opening, the floor, profiling.
 * DIST is the built app's folder: dist/, or `$LODESTAR_DIST` (app-build.ts `distDir`).
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { distDir } from './app-build';
import type { Interaction } from './page-probes';
import { startProfile, stopProfile, type ProfileSummary } from './profile';
import type { Seed } from './seed';
import { samples } from './stats';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = distDir(ROOT);
export const WORKSPACE = 'Lodestar bench';

export type Section = Record<string, unknown>;
export const notMeasured = (why: string): Section => ({ notMeasured: why });

export interface Ctx {
  context: BrowserContext;
  url: string;
  id: string;
  db: string;
  seed: Seed;
  errors: string[];
  left: () => number;
}

/** A page of the shared context, its console errors and uncaught errors collected. */
export async function newPage(ctx: Pick<Ctx, 'context' | 'errors'>, floor = false): Promise<Page> {
  const page = await ctx.context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The floor script brings its own copy of yjs next to the app's: expected there.
    if (floor && m.text().startsWith('Yjs was already imported')) return;
    ctx.errors.push(`[console.error on ${new URL(page.url()).hash || '/'}] ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    const where = (e.stack ?? '').split('\n').find((l) => l.includes(' at ')) ?? '';
    ctx.errors.push(
      `[pageerror on ${new URL(page.url()).hash || '/'}] ${e.message} ${where.trim()}`,
    );
  });
  return page;
}

/** Creates the workspace through the UI, then appends the generated update as one stored row. */
export function seedWorkspace(
  ctx: Pick<Ctx, 'context' | 'errors'> & { seed: Pick<Seed, 'update'> },
): Promise<string> {
  return seedWorkspaceRows(ctx, [ctx.seed.update]);
}

/** Creates the workspace through the UI (start screen), then stores `rows` as its update rows. */
export async function seedWorkspaceRows(
  ctx: Pick<Ctx, 'context' | 'errors'>,
  rows: readonly Uint8Array[],
): Promise<string> {
  const page = await newPage(ctx);
  await page.goto('/');
  await page.getByLabel('Name', { exact: true }).fill(WORKSPACE);
  await page.getByLabel('Start from').selectOption('');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/#\/w\/[^/]+\/workshop/);
  const id = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())?.[1] ?? '');
  if (!id) throw new Error(`no workspace id in ${page.url()}`);
  await page.getByText('Saved on this device').waitFor();
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Create workspace' }).waitFor();
  for (const row of rows) {
    const base64 = Buffer.from(row).toString('base64');
    await page.evaluate(([db, b64]) => window.__bench.appendRow(db, b64), [
      `lodestar-ws-${id}`,
      base64,
    ] as const);
  }
  await page.close();
  return id;
}

export interface Opened {
  page: Page;
  marks: Record<string, number>;
  nav: Record<string, number | boolean | string>;
  longTasks: { start: number; duration: number }[];
}

/** Opens `hash` in a new page of the context and waits until the `until` mark is reached. */
export async function coldOpen(
  ctx: Ctx,
  hash: string,
  until: string,
  keep = false,
): Promise<Opened> {
  const page = await newPage(ctx);
  await page.goto(`${ctx.url}${hash}`, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(
      (name) => window.__bench?.marks[`${name}Frame`] !== undefined,
      until,
      { polling: 50, timeout: 60_000 },
    );
  } catch (error) {
    const state = await page
      .evaluate(() => ({
        marks: window.__bench?.marks,
        main: document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').slice(0, 400),
      }))
      .catch(() => null);
    await page.close();
    throw new Error(`${String(error)}; page state: ${JSON.stringify(state)}`);
  }
  const info = await page.evaluate(() => {
    window.__bench.stopMarks();
    return {
      marks: window.__bench.marks,
      nav: window.__bench.navigation(),
      longTasks: window.__bench.longTasks,
    };
  });
  if (!keep) await page.close();
  return { page, ...info };
}

export async function floorOnce(ctx: Ctx, code: string, stateBytes = false): Promise<number> {
  const page = await newPage(ctx, true);
  await page.goto(`${ctx.url}#/`);
  await page.getByRole('button', { name: 'Create workspace' }).waitFor();
  await page.addScriptTag({ content: code });
  const ms = stateBytes
    ? await page.evaluate((db) => window.benchStateBytes(db), ctx.db)
    : await page.evaluate((db) => window.benchFloor(db), ctx.db);
  await page.close();
  return ms;
}

const pick = (xs: Interaction[], k: keyof Omit<Interaction, 't0'>): number[] => xs.map((x) => x[k]);
export const interactionStats = (xs: Interaction[]): Section => ({
  domMs: samples(pick(xs, 'domMs')),
  taskMs: samples(pick(xs, 'taskMs')),
  frameMs: samples(pick(xs, 'frameMs')),
  paintedMs: samples(pick(xs, 'paintedMs')),
});

/**
 * Runs `act` under the page's CPU profiler: its result, and where the main thread's time went
 * (the `top` functions and files, mapped back through DIST's source maps).
 */
export async function underProfiler<T>(
  ctx: Pick<Ctx, 'context'>,
  page: Page,
  top: number,
  act: () => Promise<T>,
): Promise<{ result: T; profile: ProfileSummary }> {
  const cdp = await ctx.context.newCDPSession(page);
  await startProfile(cdp);
  const result = await act();
  const profile = await stopProfile(cdp, DIST, top);
  await cdp.detach();
  return { result, profile };
}

/** One more interaction under the CPU profiler: where its main-thread time goes. */
export async function profiled(
  ctx: Ctx,
  page: Page,
  act: () => Promise<unknown>,
): Promise<Section> {
  const { profile } = await underProfiler(ctx, page, 15, act);
  return {
    what: 'one extra sample under the CPU profiler; self time by original function and file',
    ...profile,
  };
}
