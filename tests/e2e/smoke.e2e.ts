import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the built app shell loads cleanly and accessibly', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto('/');
    await page.locator('h1').first().waitFor({ state: 'visible' });
    expect(await page.title()).toContain('Lodestar');
    expect(errors).toEqual([]);
    await expectNoA11yViolations(page, 'app shell');
  } finally {
    await context.close();
  }
});
