import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { serveDist } from './support/server';
import { createWorkspace, outline, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the app loads and works offline from its service worker, with the same data', async () => {
  // A server of its own, so the test can really take the network away by stopping it.
  const server = await serveDist(inject('root'), inject('distDir'));
  const { context, page } = await newPage(browser, { baseURL: server.url });
  try {
    await createWorkspace(page, 'Offline team', 'messages-sent');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load is not controlled yet; a reload is, once the worker has activated.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await treeRow(page, 'Messages sent in team workspaces').waitFor();
    const before = await outline(page);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await treeRow(page, 'Messages sent in team workspaces').waitFor();
    expect(await outline(page)).toEqual(before);

    // Still editable offline, and the edit survives another offline reload.
    await treeRow(page, 'Messages sent in team workspaces').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Written offline');
    await page.keyboard.press('Enter');
    await treeRow(page, 'Written offline').waitFor();
    await waitSaved(page);
    await page.reload();
    await treeRow(page, 'Written offline').waitFor();

    // Screens never opened online load from the worker's cache: customers, a plan, insights.
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Map the journey' }).click();
    await page.getByRole('button', { name: /^Start from: Signed/ }).click();
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('button', { name: 'New success plan' }).click();
    await page.getByLabel('Customer', { exact: true }).fill('Planned offline');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Planned offline' }).waitFor();
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Planned offline' }).waitFor();
    await nav.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Synthesis' }).waitFor();
    await page.goto(new URL('#/', server.url).href);
    await page.getByRole('link', { name: 'Offline team' }).waitFor();
  } finally {
    await context.close();
    await server.close().catch(() => undefined);
  }
});
