import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const ACTIVATED = 'New sign-ups activated within 7 days';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A local calendar date `days` from now, YYYY-MM-DD (the app works in local dates). */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "New experiment" on the Experiments tab: lands on the new experiment's page. */
async function newExperiment(page: Page, title: string, metric: string): Promise<void> {
  await nav(page, 'Experiments').click();
  await page.getByRole('button', { name: 'New experiment' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Metric it should move').selectOption({ label: metric });
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

async function typeNumber(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(date);
  await field.blur();
}

/** Logs a value on the metric page, `weeksAgo` weeks back (0 = this week). */
async function logValue(page: Page, weeksAgo: number, value: string): Promise<void> {
  await page.getByLabel('Period', { exact: true }).selectOption({ index: weeksAgo });
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page.getByText(new RegExp(`^Saved ${value}\\b`)).waitFor({ state: 'attached' });
}

test('experiment windows are shaded and listed on the metric chart, open the experiment, and the matrix and learnings pass axe', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Chart bets', 'saas-weekly-active-users');

    // A finished bet with its dates typed in (28 to 14 days ago), decided and learned from.
    await newExperiment(page, 'Welcome email', ACTIVATED);
    await typeDate(page, 'Start', localDate(-28));
    await typeDate(page, 'End', localDate(-14));
    await page.getByRole('radio', { name: 'Done' }).check();
    await page.getByRole('radio', { name: 'Lost' }).check();
    await page.getByRole('radio', { name: 'The idea was wrong' }).check();
    const learning = page.getByLabel('What we learned');
    await learning.fill('New sign-ups ignore a welcome email');
    await learning.blur();

    // Two running bets on the same metric from today: their windows overlap.
    await newExperiment(page, 'Onboarding checklist', ACTIVATED);
    await typeNumber(page, 'Reach (people or accounts per quarter)', '500');
    await page.getByLabel('Impact', { exact: true }).selectOption({ value: '2' });
    await page.getByLabel('Confidence', { exact: true }).selectOption({ value: '80' });
    await typeNumber(page, 'Effort (person-weeks)', '4');
    await page.getByRole('status').filter({ hasText: 'Score: 200' }).waitFor();
    await page.getByRole('radio', { name: 'Running' }).check();
    await newExperiment(page, 'Trial extension', ACTIVATED);
    await page.getByRole('radio', { name: 'Running' }).check();

    // Values for the last six weeks on the metric's page.
    await page.getByRole('link', { name: 'Open the metric' }).click();
    await page.getByRole('heading', { level: 2, name: ACTIVATED }).waitFor();
    for (const [weeksAgo, value] of [
      [5, '20'],
      [4, '21'],
      [3, '23'],
      [2, '22'],
      [1, '24'],
      [0, '31'],
    ] as const) {
      await logValue(page, weeksAgo, value);
    }
    await waitSaved(page);

    // The list under the chart names each window with its dates; the overlapping ones say so.
    const list = page.getByRole('list', { name: 'Experiments on this chart' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    const welcome = list.getByRole('listitem').filter({ hasText: 'Welcome email' });
    await welcome.getByRole('link', { name: 'Welcome email' }).waitFor();
    const checklist = list.getByRole('listitem').filter({ hasText: 'Onboarding checklist' });
    await checklist
      .getByText('Overlaps with Trial extension: their effects cannot be told apart.')
      .waitFor();
    await list
      .getByRole('listitem')
      .filter({ hasText: 'Trial extension' })
      .getByText('Overlaps with Onboarding checklist')
      .waitFor();
    await expect(welcome.textContent()).resolves.not.toContain('Overlaps');

    // The chart plugin drew all three windows.
    const frame = page.locator('[data-windows-drawn]');
    await page.getByText('Loading chart…').waitFor({ state: 'detached' });
    await expect.poll(() => frame.getAttribute('data-windows-drawn')).toBe('3');

    // The metric page's own list of its experiments, with the observed effect of the finished one.
    const section = page.getByRole('region', { name: 'Experiments', exact: true });
    await section.getByRole('link', { name: 'Welcome email' }).waitFor();
    await section
      .locator('li')
      .filter({ hasText: 'Welcome email' })
      .getByText(/Observed change/)
      .waitFor();
    await expectNoA11yViolations(page, 'metric page with experiment windows');

    // A click on the shaded window opens its experiment.
    await expect.poll(() => welcome.getAttribute('data-band-x')).toMatch(/^\d+$/);
    const x = Number(await welcome.getAttribute('data-band-x'));
    const box = await frame.locator('canvas').boundingBox();
    expect(box).not.toBeNull();
    await frame.locator('canvas').click({ position: { x, y: (box?.height ?? 200) * 0.6 } });
    await page.getByRole('heading', { level: 2, name: 'Welcome email' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: ACTIVATED }).waitFor();
    // And from the list, by keyboard.
    await list.getByRole('link', { name: 'Trial extension' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Trial extension' }).waitFor();

    // The matrix places the scored one and says why the others are not placed.
    await nav(page, 'Experiments').click();
    await page.getByRole('link', { name: 'Impact × effort' }).click();
    const quickWins = page.getByRole('region', { name: /^Quick wins/ });
    await quickWins.getByRole('link', { name: 'Onboarding checklist' }).waitFor();
    const unplaced = page.getByRole('region', { name: /^Not placed yet/ });
    await unplaced.getByRole('link', { name: 'Trial extension' }).waitFor();
    await unplaced.getByText(/^Reach: /).waitFor();
    await expectNoA11yViolations(page, 'impact × effort matrix');

    // The learnings log: the decided bet, searchable and filtered by outcome.
    await page.getByRole('link', { name: 'Learnings' }).click();
    const log = page.getByRole('region', { name: /^Learnings/ });
    await log.getByRole('link', { name: 'Welcome email' }).waitFor();
    await log.getByText('Lost (the idea)').waitFor();
    await log.getByText('New sign-ups ignore a welcome email').waitFor();
    await page.getByLabel('Outcome').selectOption({ label: 'Won' });
    await log.getByText('No learning matches this search and these filters.').waitFor();
    await page.getByLabel('Outcome').selectOption({ value: '' });
    await page.getByLabel('Search learnings').fill('welcome IGNORE');
    await log.getByRole('link', { name: 'Welcome email' }).waitFor();
    await expectNoA11yViolations(page, 'learnings log');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
