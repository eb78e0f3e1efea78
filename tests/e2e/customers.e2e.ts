import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mediumDay, shortDay } from '../../src/domain/dayWords';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const CUSTOMERS_CSV = fileURLToPath(new URL('./fixtures/customers.csv', import.meta.url));
const pad = (n: number): string => String(n).padStart(2, '0');

/** A local calendar date `days` from now, YYYY-MM-DD (the app works in local dates). */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The customer names on the board column of a step. */
function column(page: Page, step: string) {
  return page.getByRole('region', { name: new RegExp(`^${step}`) });
}

/**
 * Drags with real mouse moves in steps (Chromium starts an HTML5 drag only after the pointer
 * has moved a little while pressed, which a single jump of `dragTo` does not always do).
 */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: source or target is not visible');
  await page.mouse.move(from.x + 10, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 30, { steps: 5 });
  // Near the top of the target: a tall column's middle may lie below the viewport.
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 60), { steps: 10 });
  await page.mouse.up();
}

async function newPlan(page: Page, customer: string): Promise<void> {
  await page.getByRole('button', { name: 'New success plan' }).click();
  await page.getByLabel('Customer', { exact: true }).fill(customer);
  await page.getByLabel('Goal date', { exact: true }).fill(localDate(60));
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('heading', { level: 2, name: customer }).waitFor();
}

async function addMilestone(page: Page, title: string, due: string): Promise<void> {
  await page.getByLabel('New milestone', { exact: true }).fill(title);
  await page.getByLabel('New milestone due').fill(due);
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('checkbox', { name: `Done: ${title}` }).waitFor();
}

test('a journey, 20 imported customers, moved plans, milestones, a stuck plan on the dashboard and a plan-computed metric', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Customer success team', 'saas-weekly-active-users');
    const base = `/#/w/${encodeURIComponent(id)}`;

    // No journey yet: the customers screen says so and leads to it.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Customers' })
      .click();
    await page.getByRole('heading', { name: 'No success plans yet' }).waitFor();
    await page.getByRole('link', { name: 'Map the journey' }).click();
    await page
      .getByRole('button', { name: /^Start from: Signed → Onboarded → First request/ })
      .click();
    await expect(page.getByLabel('Name', { exact: true }).count()).resolves.toBe(4);
    await expect(page.getByRole('radio', { name: 'NSM moment' }).nth(3).isChecked()).resolves.toBe(
      true,
    );
    // Reorder by keyboard: "First request" one earlier, then back; focus stays on the button.
    await page.getByRole('button', { name: 'Move First request earlier' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page
        .getByLabel('Name', { exact: true })
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).resolves.toEqual(['Signed', 'First request', 'Onboarded', 'Request fulfilled']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(
      page
        .getByLabel('Name', { exact: true })
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).resolves.toEqual(['Signed', 'Onboarded', 'First request', 'Request fulfilled']);
    await expectNoA11yViolations(page, 'journey');

    // Import 20 customers: preview, then all at once; they start on the first step.
    await page.getByRole('link', { name: 'Import customers' }).click();
    await page.getByLabel('Choose a CSV file').setInputFiles(CUSTOMERS_CSV);
    await page.getByText('20 plans to create').waitFor();
    await expectNoA11yViolations(page, 'customer import preview');
    await page.getByRole('button', { name: 'Import 20 plans' }).click();
    await page.getByText('Created 20 success plans from “customers.csv”').waitFor();
    await waitSaved(page);

    // The list: 20 plans, filterable by segment.
    await page.getByRole('link', { name: 'List', exact: true }).click();
    await page.getByText('20 plans', { exact: true }).waitFor();
    await page.getByLabel('Segment').selectOption('Enterprise');
    const enterprise = await page
      .getByRole('status')
      .filter({ hasText: / of 20 plans/ })
      .textContent();
    expect(Number(/^(\d+) of 20/.exec(enterprise ?? '')?.[1])).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('20 plans', { exact: true }).waitFor();
    await expect(
      page.getByRole('rowheader', { name: 'Zürich Analytics AG' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('rowheader', { name: 'Northwind Traders, Inc.' }).count(),
    ).resolves.toBe(1);
    await expectNoA11yViolations(page, 'plan list');

    // The board: every plan on "Signed"; move one by keyboard, another by drag and drop.
    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await expect.poll(() => column(page, 'Signed').getByRole('listitem').count()).toBe(20);
    const acme = page.getByRole('link', { name: 'Acme Logistics', exact: true });
    await acme.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await column(page, 'Onboarded').getByRole('link', { name: 'Acme Logistics' }).waitFor();
    await expect(
      page
        .getByRole('link', { name: 'Acme Logistics', exact: true })
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press('Alt+ArrowRight');
    await column(page, 'First request').getByRole('link', { name: 'Acme Logistics' }).waitFor();
    await drag(
      page,
      page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Brightwave Media', exact: true }) }),
      column(page, 'Onboarded'),
    );
    await column(page, 'Onboarded').getByRole('link', { name: 'Brightwave Media' }).waitFor();
    await expect.poll(() => column(page, 'Signed').getByRole('listitem').count()).toBe(18);
    await expectNoA11yViolations(page, 'plan board');

    // A plan of our own, with milestones: an empty customer and an early milestone are refused.
    await page.getByRole('button', { name: 'New success plan' }).click();
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText('A customer name is required.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await newPlan(page, 'Tempo Labs');
    await addMilestone(page, 'Kick-off call', localDate(0));
    await page.getByLabel('New milestone', { exact: true }).fill('Too early');
    await page.getByLabel('New milestone due').fill(localDate(-10));
    await page.getByRole('button', { name: 'Add milestone' }).click();
    // In the en-US browser: "Due Nov 24, before the plan starts (Dec 4)."
    const usDay = (date: string): string => shortDay(date, localDate(0), 'en-US');
    await page
      .getByText(`Due ${usDay(localDate(-10))}, before the plan starts (${usDay(localDate(0))}).`)
      .waitFor();
    await addMilestone(page, 'Admin trained', localDate(7));
    await page.getByRole('checkbox', { name: 'Done: Kick-off call' }).check();
    await page.getByRole('checkbox', { name: 'Done: Admin trained' }).check();
    await page.getByText('2 of 2 done').waitFor();
    await page.getByLabel('Add a note').fill('Great kick-off, admin already set up SSO.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Great kick-off, admin already set up SSO.').waitFor();
    await expectNoA11yViolations(page, 'plan page');

    // A second one whose milestone stays open: not counted until its 30 days have passed.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Customers' })
      .click();
    await newPlan(page, 'Quill Partners');
    await addMilestone(page, 'Data imported', localDate(20));

    // Deleting a plan can be undone.
    await page.getByRole('button', { name: 'Delete this plan' }).click();
    await page.getByRole('heading', { name: 'This plan was deleted' }).waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Quill Partners' }).waitFor();

    // A metric computed from the plans: "% completed within 30 days", charted like any metric.
    await page.goto(`${base}/tree`);
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Plans completed within 30 days');
    await page.keyboard.press('Enter');
    const metricId = await treeRow(page, 'Plans completed within 30 days').getAttribute('data-id');
    await page.goto(`${base}/metric/${encodeURIComponent(metricId ?? '')}`);
    await page.getByLabel('Values come from').selectOption('completed-within');
    await page.getByText('% of plans with every milestone done within 30 days, per week').waitFor();
    await page.getByText('Loading chart…').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-series]').getAttribute('data-series'))
      .toMatch(/^Actual/);
    // Tempo Labs is done in time; Quill Partners is still within its 30 days: not counted yet.
    const computed = page.getByRole('region', { name: 'Computed from success plans' });
    await computed.getByRole('cell', { name: '100 %' }).waitFor();
    await computed.getByRole('cell', { name: '1 of 2 still within their 30 days' }).waitFor();
    await expectNoA11yViolations(page, 'plan metric');
    await waitSaved(page);

    // The plans export as a customer list a spreadsheet (or another workspace) can read.
    await page.goto(`${base}/data`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Success plans as CSV \(22 plans\)/ }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(23);
    expect(csv.startsWith('\ufeff')).toBe(true); // for Excel
    expect(lines[0]).toMatch(/^Customer,Segment,Owner,Start date,Goal date,Step,Goals,Status/);
    expect(csv).toContain('"Northwind Traders, Inc.",Mid-market');
    expect(csv).toContain('Tempo Labs,');

    // Three weeks on, the plans still on "Signed" (stuck after 7 days) are flagged.
    await page.clock.setFixedTime(new Date(Date.now() + 21 * 86_400_000));
    await page.goto(base);
    await page.reload();
    const attention = page.getByRole('region', { name: /^Customers needing attention/ });
    // The imported plans entered "Signed" on their start dates (August 2026), not when typed.
    await attention
      .getByText(/On “Signed” for \d+ days \(stuck after 7\)/)
      .first()
      .waitFor();
    // Every plan has sat on its step for longer than its limit (7 or 14 days): all 22 stuck,
    // the first eight listed and a way to the rest.
    await page.getByRole('region', { name: 'Customers needing attention (22)' }).waitFor();
    await expect(attention.getByRole('listitem').count()).resolves.toBe(8);
    await attention.getByRole('link', { name: 'All 22 in the plan list' }).waitFor();
    await expectNoA11yViolations(page, 'dashboard with plans');

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an insight captured from the header shows in the synthesis with its tag', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Insight team');
    await page.getByRole('button', { name: 'Capture insight' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save insight' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByLabel('Quote or observation').fill('Setting up SSO took us two weeks.');
    await dialog.getByLabel('Customer').fill('Acme');
    await dialog.getByLabel('Tags').fill('onboarding, SSO');
    await dialog.getByLabel('Quote or observation').press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Insights' }).click();
    const synthesis = page.getByRole('region', { name: /^Synthesis/ });
    await synthesis.getByText('onboarding').first().waitFor();
    await synthesis.getByText('sso').first().waitFor();
    // The last 90 days, named in the en-US browser's words: "Sep 6, 2026 – Dec 4, 2026".
    const range = `${mediumDay(localDate(-89), 'en-US')} – ${mediumDay(localDate(0), 'en-US')}`;
    await synthesis.getByText(range).waitFor();
    await page.reload();
    await page.getByText('Setting up SSO took us two weeks.').first().waitFor();
    await expectNoA11yViolations(page, 'insights');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
