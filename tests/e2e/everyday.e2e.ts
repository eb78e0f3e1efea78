/**
 * Everyday use (issue 17): what the Share tab says when no one can be reached, the question
 * before a percent above 100 %, the metric editor's layout, long names, search, bulk edit, help
 * and print.
 */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace } from './support/app';
import { shareFrom } from './support/share';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A port on 127.0.0.1 that nothing listens on: bound by the system, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test('a server that does not answer: the Share tab says no one can be reached, why, and what to do', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Nobody home', 'nights-booked');
    const url = `ws://127.0.0.1:${await closedPort()}`;
    await shareFrom(page, id, url);
    // The app's own timer (UNREACHABLE_MS) turns "Connecting…" into the explanation.
    const status = page.getByRole('status').filter({ hasText: 'No one can be reached.' });
    await status.waitFor({ timeout: 30_000 });
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(`(${url}) does not answer`);
    expect(text).toContain('Check that this device is online');
    expect(text).toContain('Connection settings');
    expect(text).not.toMatch(/signaling|TURN/i);
    await expect(page.getByRole('link', { name: 'No one reachable' }).count()).resolves.toBe(1);
    await expectNoA11yViolations(page, 'share tab, no one reachable');

    // Try again starts over: "Connecting…" first, then the same explanation from the timer.
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Connecting…', { exact: true }).first().waitFor();
    await status.waitFor({ timeout: 30_000 });
    expect(errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  } finally {
    await context.close();
  }
});
