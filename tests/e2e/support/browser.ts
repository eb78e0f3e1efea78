import axe from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

/** Launches the system Chromium found by the global setup, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromePath'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /**
   * Console errors and uncaught page errors, in order, as readable lines
   * (`[console.error] …`, `[pageerror] …`). Assert with `expect(errors).toEqual([])`.
   */
  errors: string[];
}

/**
 * A fresh context (own storage, 1280×800, baseURL set so `page.goto('/')` works) and page.
 * Close it with `context.close()` when done.
 */
export async function newPage(
  browser: Browser,
  options: { baseURL?: string } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL ?? inject('baseURL'),
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(`[console.error] ${message.text()}${url ? ` (${url}:${lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (error) => {
    errors.push(`[pageerror] ${error.stack ?? error.message}`);
  });
  return { context, page, errors };
}

const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

function describeViolation(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 3)
    .map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`);
  const more = violation.nodes.length > 3 ? ` (+${violation.nodes.length - 3} more)` : '';
  return (
    `  - [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n` +
    `    at ${targets.join(' | ')}${more}\n    ${violation.helpUrl}`
  );
}

/**
 * Runs axe-core on the whole document and throws listing every serious or critical violation.
 * axe is injected through the DevTools protocol (`page.evaluate`), so the app's CSP
 * (no inline scripts) does not get in the way.
 */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (): Promise<AxeResults['violations']> => {
    const { axe: injected } = window as unknown as { axe: typeof axe };
    const results = await injected.run(document, { resultTypes: ['violations'] });
    return results.violations;
  });
  const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(
      `Accessibility (${label}): ${blocking.length} serious/critical axe violation(s):\n` +
        blocking.map(describeViolation).join('\n'),
    );
  }
}
