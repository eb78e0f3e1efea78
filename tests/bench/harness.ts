/**
 * What the browser benchmarks (browser.ts, sync.ts, plans-browser.ts) share around their
 * measures: a run's clock, time budget and error lists; building the app when stale; serving it
 * to headless Chromium and a context for it; the results' opening keys (when, with what, on which
 * machine) and closing ones; writing bench-results/<name>.json and printing the summary.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { version as viteVersion } from 'vite';
import { findChrome } from '../../scripts/find-chrome.mjs';
import { serveDist } from '../e2e/support/server';
import { ensureBuilt, type BuildInfo } from './app-build';
import { DIST, ROOT } from './pages';
import { round1 } from './stats';

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1280, height: 800 };

export const pkgVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** One benchmark run: when it started, the time it has left, what failed, the pages' errors. */
export interface Run {
  started: number;
  left: () => number;
  failures: string[];
  errors: string[];
  loadAverageAtStart: number[];
}

export function startRun(budgetMs: number): Run {
  const started = performance.now();
  const deadline = started + budgetMs;
  return {
    started,
    left: () => deadline - performance.now(),
    failures: [],
    errors: [],
    loadAverageAtStart: loadavg().map(round1),
  };
}

/** Builds the app into DIST when it is stale (app-build.ts) and logs what it did. */
export async function buildApp(): Promise<BuildInfo> {
  const build = await ensureBuilt(ROOT, DIST);
  console.error(`bench: build: ${build.reason}${build.rebuilt ? ` (${build.ms} ms)` : ''}`);
  return build;
}

/** Headless Chromium (the system's, see scripts/find-chrome.mjs). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: findChrome(), headless: true, args: LAUNCH_ARGS });

/** A context on the served app (1280×800) with the given init scripts, in order. */
export async function appContext(
  browser: Browser,
  url: string,
  scripts: readonly string[],
  bypassCSP = true,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, bypassCSP, viewport: VIEWPORT });
  for (const content of scripts) await context.addInitScript({ content });
  return context;
}

/** The versions of the tools the app is built and driven with. */
export const toolVersions = (): Record<string, string> => ({
  playwright: pkgVersion('playwright-core'),
  vite: viteVersion,
  yjs: pkgVersion('yjs'),
  yIndexeddb: pkgVersion('y-indexeddb'),
});

const SHARED = 'a shared machine: other processes (builds, tests) ran during the benchmark';

/** The results' opening keys: date, node, chromium, then `versions`, then the machine. */
export function resultHeader(
  run: Run,
  chromiumVersion: string | undefined,
  versions: Record<string, string> = {},
  note = SHARED,
): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion,
    ...versions,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: run.loadAverageAtStart,
      loadAverageAtEnd: loadavg().map(round1),
      note,
    },
  };
}

/** The results' closing keys: the pages' errors, what failed, how long the run took. */
export const resultFooter = (run: Run): Record<string, unknown> => ({
  pageErrors: run.errors,
  failures: run.failures,
  benchMs: Math.round(performance.now() - run.started),
});

/**
 * Writes the results to `out` (under bench-results/), prints the summary, and tells whether
 * every measurement could be taken.
 */
export function finishRun(
  run: Run,
  out: string,
  results: Record<string, unknown>,
  printSummary: (results: Record<string, unknown>) => void,
): boolean {
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  printSummary(results);
  return run.failures.length === 0;
}

/**
 * Serves the built app (DIST) and launches Chromium for `measure`, closes both, then writes the
 * results it returns (finishRun). When `measure` throws, both are closed and nothing is written.
 */
export async function inServedBrowser(
  run: Run,
  out: string,
  printSummary: (results: Record<string, unknown>) => void,
  measure: (browser: Browser, url: string) => Promise<Record<string, unknown>>,
): Promise<boolean> {
  const server = await serveDist(ROOT, DIST);
  const browser = await launchChromium();
  let results: Record<string, unknown>;
  try {
    results = await measure(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  return finishRun(run, out, results, printSummary);
}
