import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the tree health lists an ownerless North Star first, then the rest in tree order; look-alike names are flagged, direction overrides never show, a small value is not confirmed as 0', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Template team', 'saas-weekly-active-users');
    // The tree health lists the North Star's missing owner, first, then the inputs in tree order.
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    await treeRow(page, 'Weekly active users').waitFor();
    const messages = await page
      .getByRole('region', { name: /^Tree health/ })
      .locator('.message')
      .allTextContents();
    expect(messages[0]).toBe('The North Star “Weekly active users” has no owner.');
    const order = messages
      .filter((m) => m.endsWith('has no owner.'))
      .map((m) => /“(.+)”/.exec(m)?.[1]);
    const tree = await page.getByRole('treeitem').locator('.name').allTextContents();
    expect(order).toEqual(tree.filter((name) => order.includes(name)));

    // A look-alike name (a zero-width space inside) is flagged; a direction override never shows.
    for (const name of ['Weekly\u200b active users', '\u202eTrips booked']) {
      await treeRow(page, 'Weekly active users').first().click(); // the North Star comes first
      await page.keyboard.press('a');
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.keyboard.press('Enter');
    }
    const health = page.getByRole('region', { name: /^Tree health/ });
    await health
      .getByText(
        '“Weekly\u200b active users” looks the same as “Weekly active users” but is written differently.',
      )
      .waitFor();
    await treeRow(page, 'Trips booked').waitFor();

    // A small value is confirmed as what was typed, not as 0.
    const nsmId = await treeRow(page, 'Weekly active users').first().getAttribute('data-id');
    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(nsmId!)}`);
    await page.getByLabel('Value', { exact: true }).fill('0.001');
    await page.getByLabel('Value', { exact: true }).press('Enter');
    await page.getByText(/^Saved 0\.001 for /).waitFor({ state: 'attached' });
    await nav(page, 'Dashboard').click();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a second plan for the same customer is not made silently', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Plans team');
    /** Fills the new-plan form for a customer and presses its main button. */
    async function newPlan(customer: string, button = 'Create plan'): Promise<void> {
      await page.getByLabel('Customer', { exact: true }).fill(customer);
      await page.getByRole('button', { name: button }).click();
    }
    await page.goto(`/#/w/${encodeURIComponent(id)}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).click();
    await newPlan('Acme Logistics');
    await page.waitForURL(/\/plan\//);
    const first = page.url();

    await page.goto(`/#/w/${encodeURIComponent(id)}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).click();
    await newPlan('  acme logistics ');
    const warning = page.getByRole('alert').filter({ hasText: 'already has a success plan' });
    await warning.waitFor();
    await expect(page.url()).not.toMatch(/\/plan\//);
    await warning.getByRole('link', { name: 'Open it' }).click();
    await page.waitForURL(first);

    // A deliberate second one is still possible.
    await page.goto(`/#/w/${encodeURIComponent(id)}/customers`);
    await page.getByRole('button', { name: 'New success plan' }).click();
    await newPlan('Acme Logistics');
    await newPlan('Acme Logistics', 'Create another plan');
    await page.waitForURL((url) => /\/plan\//.test(url.hash) && url.href !== first);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
