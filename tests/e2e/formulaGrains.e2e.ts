/**
 * Formula metrics at a coarser grain: an NPS over promoters, passives and detractors and a share
 * of two counts, logged weekly in November 2026. The month view computes November from
 * November's inputs (never the weekly results added up or averaged), and the week whose divisor
 * is 0 is a gap with its reason in the chart, the values and "change vs previous".
 *
 * November 2026 by ISO week (a week counts in the month of its Thursday): W45 2–8 Nov,
 * W46 9–15, W47 16–22, W48 23–29.
 *   promoters  30 20 10 40 → 100     weekly NPS 40, 20, 25, 80 (sum 165, average 41.25)
 *   passives   10 20  5 10 →  45     November: (100 − 25) / 170 × 100 = 44.12
 *   detractors 10 10  5  0 →  25
 *   signups    40 60  0 100 → 200    weekly share 25 %, 50 %, ÷0, 45 % (sum 120 %)
 *   activated  10 30  0 45 →  85     November: 85 / 200 = 42.5 %
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const CSV = [
  'Week,Promoters,Passives,Detractors,Signups,Activated',
  '2026-11-02,30,10,10,40,10',
  '2026-11-09,20,20,10,60,30',
  '2026-11-16,10,5,5,0,0',
  '2026-11-23,40,10,0,100,45',
].join('\n');

/** Adds a metric under the North Star, with a unit. */
async function addInput(page: Page, name: string, unit = 'count'): Promise<void> {
  await treeRow(page, 'Weekly active users').click();
  await page.keyboard.press('a');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.keyboard.press('Enter');
  await treeRow(page, name).waitFor();
  if (unit !== 'count') await page.getByLabel('Unit').selectOption(unit);
}

async function openMetric(page: Page, workspace: string, name: string): Promise<void> {
  await nav(page, 'Metric tree').click();
  const id = await treeRow(page, name).getAttribute('data-id');
  await page.goto(`/#/w/${encodeURIComponent(workspace)}/metric/${encodeURIComponent(id ?? '')}`);
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

async function setFormula(page: Page, formula: string): Promise<void> {
  const field = page.getByLabel('Computed from a formula');
  await field.fill(formula);
  await field.press('Enter');
  await page.getByRole('heading', { name: 'Values' }).waitFor();
  await page.getByText('Computed by the formula from').waitFor();
}

/** The computed values table's row for a period key. */
const row = (page: Page, period: string) =>
  page.getByRole('table', { name: /^Computed values of/ }).locator(`tr[data-period="${period}"]`);

test('an NPS and a share by month are computed from November’s inputs; the ÷0 week says why', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Survey grains', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    for (const name of ['Promoters', 'Passives', 'Detractors', 'Signups', 'Activated']) {
      await addInput(page, name);
    }
    await addInput(page, 'NPS', 'score');
    await addInput(page, 'Activated share', 'percent');
    await waitSaved(page);

    // The weekly values, one column per metric.
    await nav(page, 'Data').click();
    await page.getByRole('heading', { name: 'Import entries from CSV' }).waitFor();
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Import 20 values' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 20 values' }).waitFor();

    await openMetric(page, id, 'NPS');
    await setFormula(page, 'nps(Promoters, Passives, Detractors)');
    // A computed metric takes no hand values: no "Add a value" row (the explanation above is
    // the positive control: the section has rendered).
    await expect(page.getByRole('group', { name: 'Add a value' }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Value', { exact: true }).count()).resolves.toBe(0);
    await page
      .getByText('Computed by the formula from Promoters, Passives and Detractors')
      .waitFor();
    // As logged (weekly): W48's NPS is 80.
    await expect(row(page, '2026-W48').textContent()).resolves.toContain('80');
    // By month: 44.12, not 165 (a sum) nor 41.25 (an average of the weeks).
    await page.getByLabel('Show by').selectOption('month');
    await page.locator('[data-grain="month"]').waitFor();
    await expect(row(page, '2026-11').locator('td').allTextContents()).resolves.toEqual([
      'Nov 2026',
      '44.12',
    ]);
    await expectNoA11yViolations(page, 'formula metric by month');

    await openMetric(page, id, 'Activated share');
    await setFormula(page, 'Activated / Signups * 100');
    // Weekly: the ÷0 week is a row with its reason, between W46 and W48.
    const reason = '“Signups” was 0 in Week 47, 2026: cannot divide';
    await expect(row(page, '2026-W47').textContent()).resolves.toContain(reason);
    await expect(row(page, '2026-W48').locator('td').allTextContents()).resolves.toEqual([
      'Week 48, 2026',
      '45 %',
    ]);
    // The chart leaves a gap there and says why.
    await expect(page.locator('li[data-gap="2026-W47"]').textContent()).resolves.toBe(reason);
    // Change vs previous: W48 is not compared with W46 over the gap.
    await expect(page.locator('[data-change-gap="2026-W47"]').textContent()).resolves.toBe(
      `Cannot compare: ${reason}`,
    );
    await expect(page.getByText('since Week 46, 2026').count()).resolves.toBe(0);
    // By month: 85 of 200 = 42.5 %, not 120 % (the weekly shares summed).
    await page.getByLabel('Show by').selectOption('month');
    await page.locator('[data-grain="month"]').waitFor();
    await expect(row(page, '2026-11').locator('td').allTextContents()).resolves.toEqual([
      'Nov 2026',
      '42.5 %',
    ]);
    await expect(row(page, '2026-W47').count()).resolves.toBe(0);
    await expectNoA11yViolations(page, 'share by month');

    // Back by week at 390 px in dark mode: no sideways scroll, the gap still explained.
    await page.getByLabel('Show by').selectOption('week');
    await row(page, '2026-W47').waitFor();
    await page.setViewportSize({ width: 390, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(390);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).resolves.toBe(true);
    await expectNoA11yViolations(page, 'share by week, 390 px, dark');

    // The North Star as the same share: its dashboard card does not compare across the gap.
    await openMetric(page, id, 'Weekly active users');
    await setFormula(page, 'Activated / Signups * 100');
    await nav(page, 'Dashboard').click();
    await expect(page.locator('[data-change-gap="2026-W47"]').textContent()).resolves.toContain(
      `Cannot compare: ${reason}`,
    );
    // A card drawn before the formula's summary is in may still compare: it gives way.
    await expect.poll(() => page.getByText('vs previous').count()).toBe(0);
    // The input line of the share says it too, under its figures.
    await expect(
      page
        .locator('li.line', { hasText: 'Activated share' })
        .locator('[data-gap="2026-W47"]')
        .textContent(),
    ).resolves.toContain(`Cannot compare: ${reason}`);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
