/**
 * Everyday use (issue 17): what the Share tab says when no one can be reached, the question
 * before a percent above 100 %, the metric editor's layout, long names, search, bulk edit, help
 * and print.
 */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow } from './support/app';
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

test('a percent above 100 % is saved only after a yes, unless the metric may exceed 100 %', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Percent slips', 'nights-booked');
    await page.goto(`/#/w/${id}/checkin`);
    const left = page.getByRole('status').filter({ hasText: 'left' });
    const start = Number(/(\d+) values? left/.exec((await left.textContent()) ?? '')?.[1]);
    expect(start).toBeGreaterThan(2);
    const question = (text: string) => page.getByRole('alert').filter({ hasText: text });

    // Check-in: 1250.5 on a percent metric asks; "Change it" saves nothing and 12.5 then saves.
    const conversion = page.getByLabel(/^Value of Searcher-to-booking conversion for/).first();
    await conversion.fill('1250.5');
    await conversion.press('Enter');
    await question('1,250.5 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Change it' }).click();
    await expect(question('save anyway?').count()).resolves.toBe(0);
    await conversion.fill('12.5');
    await conversion.press('Enter');
    // 12.5 is the first value saved: one fewer left, and the logged list holds 12.5 %, not 1,250.5.
    await left.getByText(`${start - 1} values left`).waitFor();
    await expect(page.locator('.logged').textContent()).resolves.toContain('12.5 %');
    await expect(page.locator('.logged').textContent()).resolves.not.toContain('1,250.5');

    // "Save anyway" saves the value as typed.
    const returning = page.getByLabel(/^Value of Bookings from returning guests for/).first();
    await returning.fill('150');
    await returning.press('Enter');
    await question('150 % is more than 100 % — save anyway?').waitFor();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await left.getByText(`${start - 2} values left`).waitFor();
    await expect(page.locator('.logged').textContent()).resolves.toContain('150 %');

    // Add a value on the metric page asks the same question.
    await page.goto(`/#/w/${id}/tree`);
    const enquiries = await treeRow(page, 'Enquiries answered within 24 hours').getAttribute(
      'data-id',
    );
    await page.goto(`/#/w/${id}/metric/${enquiries ?? ''}`);
    const value = page.getByLabel('Value', { exact: true });
    await value.fill('1250.5');
    await value.press('Enter');
    await question('1,250.5 % is more than 100 % — save anyway?').waitFor();
    await expectNoA11yViolations(page, 'add a value, the question');
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Saved 1,250.5 % for ').waitFor({ state: 'attached' });

    // A metric that may exceed 100 % (set in the tree editor) takes 250 % without a question.
    await page.goto(`/#/w/${id}/tree`);
    await treeRow(page, 'Enquiries answered within 24 hours').click();
    await page.getByRole('checkbox', { name: /May exceed 100 %/ }).check();
    await expect
      .poll(() => page.getByRole('checkbox', { name: /May exceed 100 %/ }).isChecked())
      .toBe(true);
    await page.goto(`/#/w/${id}/metric/${enquiries ?? ''}`);
    await value.fill('250');
    await value.press('Enter');
    await page.getByText('Saved 250 % for ').waitFor({ state: 'attached' });
    await expect(question('save anyway?').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
