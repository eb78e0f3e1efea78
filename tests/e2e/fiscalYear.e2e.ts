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

/** The options of a select, in order, as shown. */
const options = (page: Page, label: string): Promise<string[]> =>
  page
    .getByLabel(label, { exact: true })
    .locator('option')
    .evaluateAll((os) => os.map((o) => o.textContent?.trim() ?? ''));

const noSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('a fiscal year from April renames quarters on the metric page and the review; Sunday orders weekdays', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    // Friday 15 May 2026, noon: calendar Q2 2026, which is Q1 FY2027 when the year starts in April.
    await context.clock.setFixedTime(new Date(2026, 4, 15, 12));
    const id = await createWorkspace(page, 'Fiscal team', 'saas-weekly-active-users');
    const ws = encodeURIComponent(id);
    await page.goto(`/#/w/${ws}/tree`);
    const metricId = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    const metricPage = `/#/w/${ws}/metric/${encodeURIComponent(metricId!)}`;

    // With the default (January) the quarter is Q2 2026: set its target there.
    await page.goto(metricPage);
    await page.getByRole('heading', { level: 2, name: 'Weekly active users' }).waitFor();
    await page.getByLabel('Baseline value').fill('1000');
    await page.getByLabel('Baseline value').press('Enter');
    await page.getByRole('button', { name: 'Add Q2 2026', exact: true }).click();
    await page.getByLabel('Q2 2026', { exact: true }).fill('1500');
    await page.getByLabel('Q2 2026', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Add Q3 2026', exact: true }).waitFor();
    // A value for last week (week 19), so the chart has something to describe.
    await page.getByLabel('Period', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Value', { exact: true }).fill('1100');
    await page.getByLabel('Value', { exact: true }).press('Enter');
    await page.getByText('Saved 1,100 for Week 19, 2026').waitFor({ state: 'attached' });
    await waitSaved(page);

    // Settings: a change asks first and says what moves; Cancel changes nothing.
    await page.goto(`/#/w/${ws}/settings`);
    const fiscal = page.getByLabel('Fiscal year starts in');
    await expect(fiscal.inputValue()).resolves.toBe('1');
    await page.getByText('This quarter is Q2 2026.').waitFor();
    await fiscal.selectOption('7');
    const dialog = page.getByRole('dialog', { name: 'Start the fiscal year in July?' });
    await dialog
      .getByText('This quarter (Apr–Jun 2026) will be called Q4 FY2026 instead of Q2 2026.')
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The closed dialog leaves the accessibility tree a task before its cancel handler runs.
    await expect.poll(() => fiscal.inputValue()).toBe('1');
    await page.getByText('This quarter is Q2 2026.').waitFor();

    await fiscal.selectOption('4');
    const april = page.getByRole('dialog', { name: 'Start the fiscal year in April?' });
    await april
      .getByText('quarters will run Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar', { exact: false })
      .waitFor();
    await april
      .getByText('This quarter (Apr–Jun 2026) will be called Q1 FY2027 instead of Q2 2026.')
      .waitFor();
    await april
      .getByText(
        'Quarterly targets, check-ins and reviews keep their months and values; only their names change.',
      )
      .waitFor();
    await expectNoA11yViolations(page, 'settings, fiscal year confirm');
    await april.getByRole('button', { name: 'Start the year in April' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The fiscal year now starts in April: this quarter is Q1 FY2027.' })
      .waitFor();
    await expect
      .poll(() => page.locator('#fiscal-start-help').textContent())
      .toContain('This quarter is Q1 FY2027.');
    await waitSaved(page);

    // The metric page: the stored target (Apr–Jun) is now Q1 FY2027; the next quarter Q2 FY2027.
    await page.goto(metricPage);
    const target = page.getByLabel('Q1 FY2027', { exact: true });
    await expect(target.inputValue()).resolves.toMatch(/^1,?500$/);
    await expect(page.getByLabel('Q2 2026', { exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Add Q2 FY2027', exact: true }).click();
    await page.getByLabel('Q2 FY2027', { exact: true }).fill('1800');
    await page.getByLabel('Q2 FY2027', { exact: true }).press('Enter');
    // A fiscal quarter can be typed as it is named.
    await page.getByLabel('Another quarter, e.g. Q3 FY2027').fill('Q4 FY2027');
    await page.getByLabel('Another quarter, e.g. Q3 FY2027').press('Enter');
    await page.getByLabel('Q4 FY2027', { exact: true }).waitFor();
    // The header and the chart name this quarter's target in fiscal words.
    await page.getByText('Loading chart…').waitFor({ state: 'detached' });
    const canvas = page.locator('[data-series] canvas[role="img"]');
    await expect
      .poll(() => canvas.getAttribute('aria-label'))
      .toContain('Target for Q1 FY2027: 1,500.');

    // The review: this quarter is Q1 FY2027, with its target, and next quarter is Q2 FY2027.
    await page.goto(`/#/w/${ws}/review`);
    await page.getByRole('link', { name: 'Review of Q1 FY2027' }).click();
    await page.getByRole('heading', { level: 2, name: 'Review of Q1 FY2027' }).waitFor();
    const row = page.locator(`tr[data-metric="${metricId}"]`);
    await expect(row.locator('td[data-label="Target"]').textContent()).resolves.toBe('1,500');
    await page.getByRole('heading', { name: 'Targets for Q2 FY2027' }).waitFor();
    await expect(page.url()).toContain('/review/2026-Q2');

    // First day of the week: a device preference that orders weekdays; weeks stay ISO.
    await nav(page, 'People').click();
    await page.getByLabel('New person’s name').fill('Ana');
    await page.getByRole('button', { name: 'Add person' }).click();
    await nav(page, 'Check-in').click();
    await page.getByLabel('I am').selectOption({ label: 'Ana' });
    await page.getByText('Week 20, 2026').first().waitFor();
    await nav(page, 'Data').click();
    await expect
      .poll(() => options(page, 'Day'))
      .toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    await nav(page, 'Settings').click();
    await page.getByLabel('First day of the week').selectOption('sunday');
    await page
      .getByText('Weekly values are kept per ISO week, Monday to Sunday', { exact: false })
      .waitFor();
    await page.reload();
    await expect(page.getByLabel('First day of the week').inputValue()).resolves.toBe('sunday');
    await nav(page, 'Data').click();
    await expect
      .poll(() => options(page, 'Day'))
      .toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    await nav(page, 'Check-in').click();
    await page.getByText('Week 20, 2026').first().waitFor();

    // The settings at 390 px and in dark mode: no sideways scroll, no axe findings.
    await nav(page, 'Settings').click();
    await page.getByLabel('Fiscal year starts in').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(noSideways(page)).resolves.toBe(true);
    const box = await page.getByLabel('Fiscal year starts in').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoA11yViolations(page, 'settings at 390 px, dark');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a fiscal year from February moves the quarters: old targets keep their months, the review covers May–July', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    // Friday 15 May 2026: with a February start, FY2027's second quarter (May–Jul 2026).
    await context.clock.setFixedTime(new Date(2026, 4, 15, 12));
    const id = await createWorkspace(page, 'Retail team', 'saas-weekly-active-users');
    const ws = encodeURIComponent(id);
    await page.goto(`/#/w/${ws}/tree`);
    const metricId = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    const metricPage = `/#/w/${ws}/metric/${encodeURIComponent(metricId!)}`;

    // A calendar-quarter target (Apr–Jun) and a value for week 19 (4–10 May).
    await page.goto(metricPage);
    await page.getByRole('button', { name: 'Add Q2 2026', exact: true }).click();
    await page.getByLabel('Q2 2026', { exact: true }).fill('1500');
    await page.getByLabel('Q2 2026', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Add Q3 2026', exact: true }).waitFor();
    await page.getByLabel('Period', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Value', { exact: true }).fill('1100');
    await page.getByLabel('Value', { exact: true }).press('Enter');
    await page.getByText('Saved 1,100 for Week 19, 2026').waitFor({ state: 'attached' });
    await waitSaved(page);

    await page.goto(`/#/w/${ws}/settings`);
    await page.getByLabel('Fiscal year starts in').selectOption('2');
    const dialog = page.getByRole('dialog', { name: 'Start the fiscal year in February?' });
    await dialog
      .getByText(
        'This quarter will be May–Jul 2026, called Q2 FY2027 (it was Apr–Jun 2026, Q2 2026).',
      )
      .waitFor();
    await dialog
      .getByText(
        'The months of quarters move. 1 quarter with targets or reviews stored (such as Apr–Jun 2026) keep their months',
        { exact: false },
      )
      .waitFor();
    await dialog.getByRole('button', { name: 'Start the year in February' }).click();
    await page.getByRole('status').filter({ hasText: 'this quarter is Q2 FY2027' }).waitFor();
    await waitSaved(page);

    // The metric page: the old target is shown by its months; new targets are per fiscal quarter.
    await page.goto(metricPage);
    await expect(page.getByLabel('Apr–Jun 2026', { exact: true }).inputValue()).resolves.toMatch(
      /^1,?500$/,
    );
    await page.getByRole('button', { name: 'Add Q2 FY2027', exact: true }).click();
    await page.getByLabel('Q2 FY2027', { exact: true }).fill('1600');
    await page.getByLabel('Q2 FY2027', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Add Q3 FY2027', exact: true }).waitFor();
    await waitSaved(page);

    // The review of May–July: its own target and the week-19 value.
    await page.goto(`/#/w/${ws}/review`);
    await page.getByRole('link', { name: 'Review of Q2 FY2027' }).click();
    await page.getByRole('heading', { level: 2, name: 'Review of Q2 FY2027' }).waitFor();
    const row = page.locator(`tr[data-metric="${metricId}"]`);
    await expect(row.locator('td[data-label="Target"]').textContent()).resolves.toBe('1,600');
    await expect(row.locator('td[data-label="Actual"]').textContent()).resolves.toBe('1,100');
    await page.getByRole('heading', { name: 'Targets for Q3 FY2027' }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
