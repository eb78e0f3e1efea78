import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const pad = (n: number): string => String(n).padStart(2, '0');

/** A local calendar date `days` from now, YYYY-MM-DD (the app works in local dates). */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "Q3 2026" for the quarter running today. */
function currentQuarterLabel(): string {
  const d = new Date();
  return `Q${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}`;
}

const rows = (page: Page) =>
  page.getByRole('table', { name: /^Logged values/ }).locator('tbody tr');

async function addValue(page: Page, weeksAgo: number, value: string, note: string): Promise<void> {
  // The period picker lists the current period first, then the 11 before it.
  await page.getByLabel('Period', { exact: true }).selectOption({ index: weeksAgo });
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Note (optional)').fill(note);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page
    .getByText(`Saved ${Number(value).toLocaleString('en-US')} for `)
    .waitFor({ state: 'attached' });
}

test('the metric page sets targets, logs, edits, deletes and undoes values, and charts them', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Metric page team', 'saas-weekly-active-users');
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    const metricId = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    expect(metricId).toBeTruthy();

    // An unknown metric says so, with a way back.
    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/no-such-metric`);
    await page.getByRole('heading', { name: 'No such metric' }).waitFor();
    await page.getByRole('link', { name: 'Go to the metric tree' }).waitFor();

    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(metricId!)}`);
    await page.getByRole('heading', { level: 2, name: 'Weekly active users' }).waitFor();
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('No target');

    // Baseline and a target for the quarter running today.
    await page.getByLabel('Baseline value').fill('1000');
    await page.getByLabel('Baseline value').press('Enter');
    await page.getByLabel('Baseline date').fill(localDate(-35));
    const quarter = currentQuarterLabel();
    await page.getByRole('button', { name: `Add ${quarter}`, exact: true }).click();
    const target = page.getByLabel(quarter, { exact: true });
    await expect(target.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // A typo is refused at the field and nothing is saved.
    await target.fill('15OO');
    await target.press('Enter');
    await page.getByRole('alert').filter({ hasText: '“15OO” is not a number' }).waitFor();
    await target.fill('1500');
    await target.press('Enter');
    await expect(target.getAttribute('aria-invalid')).resolves.toBe('false');

    // Three values for past weeks through the "Add a value" row.
    await addValue(page, 3, '1100', 'first week');
    await addValue(page, 2, '1200', '');
    await addValue(page, 1, '1300', 'launch week <script>alert(1)</script>');
    await expect(rows(page).count()).resolves.toBe(3);
    await waitSaved(page);

    // The chart loads lazily, names the latest value and status, and draws pace and targets.
    const frame = page.locator('[data-series]');
    await page.getByText('Loading chart…').waitFor({ state: 'detached' });
    await expect
      .poll(() => frame.getAttribute('data-series'))
      .toMatch(/^Actual,Pace,Baseline,Targets/);
    const canvas = frame.locator('canvas[role="img"]');
    await expect(canvas.getAttribute('aria-label')).resolves.toContain('1,300');
    await expect(canvas.getAttribute('aria-label')).resolves.toMatch(
      /Status: (On|Off) track|At risk/,
    );
    await expect(page.locator('[data-status]').textContent()).resolves.not.toBe('No target');

    // Newest first; a note is plain text.
    await expect(rows(page).first().locator('td').nth(1).textContent()).resolves.toBe(
      'launch week <script>alert(1)</script>',
    );

    // Edit the newest value inline: Enter saves.
    const newest = rows(page).first();
    await newest.getByRole('button', { name: /^Edit / }).click();
    const editValue = page.getByLabel(/^Value for /);
    await editValue.fill('1350');
    await editValue.press('Enter');
    await expect(newest.locator('td').first().textContent()).resolves.toBe('1,350');
    await expect(canvas.getAttribute('aria-label')).resolves.toContain('1,350');
    // Escape cancels an edit.
    await newest.getByRole('button', { name: /^Edit / }).click();
    await page.getByLabel(/^Value for /).fill('9');
    await page.getByLabel(/^Value for /).press('Escape');
    await expect(newest.locator('td').first().textContent()).resolves.toBe('1,350');

    // Delete the oldest value, then undo from the toast.
    const oldest = rows(page).last();
    const oldestPeriod = await oldest.getAttribute('data-period');
    await oldest.getByRole('button', { name: /^Delete / }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    const toast = page.getByRole('status').filter({ hasText: 'Deleted 1,100' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    await expect(rows(page).last().getAttribute('data-period')).resolves.toBe(oldestPeriod);
    await expect(rows(page).last().locator('td').first().textContent()).resolves.toBe('1,100');

    await waitSaved(page);
    await expectNoA11yViolations(page, 'metric page');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
