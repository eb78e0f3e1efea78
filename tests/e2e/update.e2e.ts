import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { serveDist } from './support/server';
import { createWorkspace } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('a new deployed version waits behind an "update" prompt instead of reloading', async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'lodestar-dist-'));
  cpSync(inject('distDir'), dist, { recursive: true });
  const server = await serveDist(inject('root'), dist);
  const { context, page } = await newPage(browser, { baseURL: server.url });
  try {
    await createWorkspace(page, 'Typing team');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A returning user: the page is controlled by the installed version.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await page.getByLabel('Mission: the change you make for customers').fill('Half-typed');

    // Deploy "a new version": the service worker script changes.
    appendFileSync(path.join(dist, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page
      .getByRole('status')
      .filter({ hasText: 'A new version of Lodestar is ready' });
    await prompt.waitFor();
    // Nothing reloaded under the user's typing.
    await expect(
      page.getByLabel('Mission: the change you make for customers').inputValue(),
    ).resolves.toBe('Half-typed');

    // "Update now" activates the new worker and reloads into it.
    await Promise.all([
      page.waitForEvent('framenavigated'),
      prompt.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Typing team' }).waitFor();
    await expect.poll(() => prompt.count()).toBe(0);
  } finally {
    await context.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
});
