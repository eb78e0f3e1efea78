import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('a weekly check-in done with the keyboard alone', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Check-in team', 'saas-weekly-active-users');
    await page.goto(`/#/w/${id}/checkin`);
    const left = page.getByRole('status').filter({ hasText: 'left' });
    await left.getByText('7 values left').waitFor();
    await expectNoA11yViolations(page, 'check-in');

    // The first value has focus: type, Tab to the note, Enter saves and moves on.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('id') ?? ''))
      .toMatch(/-value$/);
    await page.keyboard.type('1200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Launch week');
    await page.keyboard.press('Enter');
    await left.getByText('6 values left').waitFor();

    // A bad value is refused at the field, nothing saved.
    await page.keyboard.type('12abc');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '“12abc” is not a number.' }).waitFor();
    await expect(left.textContent()).resolves.toContain('6 values left');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('12,5');
    await page.keyboard.press('Enter');
    await left.getByText('5 values left').waitFor();

    for (const v of ['3', '4', '5', '6', '7']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await page.getByText('All caught up').waitFor();
    await expect(page.locator('.logged li').count()).resolves.toBe(7);
    await expect(page.locator('.logged').textContent()).resolves.toContain('12.5');

    // Undo takes the last value back, and the counts follow: 6 logged, 1 left; Redo restores.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').filter({ hasText: '6 logged now · 1 value left' }).waitFor();
    await expect(page.locator('.logged li').count()).resolves.toBe(6);
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.getByText('All caught up').waitFor();
    await expect(page.locator('.logged li').count()).resolves.toBe(7);

    await waitSaved(page);
    await page.reload();
    await page.getByText('All caught up').waitFor();
    await page.goto(`/#/w/${id}`);
    await page.getByText('1,200').first().waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
