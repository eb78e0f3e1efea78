import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, download, nav, waitOfflineReady, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const ACTIVATED = 'New sign-ups activated within 7 days';
const ACCOUNTS = 'Accounts with 3 or more active users';
const ACTIVE_DAYS = 'Active days per weekly active user';

async function newExperiment(page: Page, title: string, metric: string): Promise<void> {
  await page.getByRole('button', { name: 'New experiment' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Metric it should move').selectOption({ label: metric });
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Types a number into a field and commits it with Enter. */
async function typeNumber(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

async function score(
  page: Page,
  reach: string,
  impact: string,
  confidence: string,
  effort: string,
): Promise<void> {
  await typeNumber(page, 'Reach (people or accounts per quarter)', reach);
  await page.getByLabel('Impact', { exact: true }).selectOption({ value: impact });
  await page.getByLabel('Confidence', { exact: true }).selectOption({ value: confidence });
  await typeNumber(page, 'Effort (person-weeks)', effort);
}

/** Logs a value on the metric page, `weeksAgo` weeks back (0 = this week). */
async function logValue(page: Page, weeksAgo: number, value: string): Promise<void> {
  await page.getByLabel('Period', { exact: true }).selectOption({ index: weeksAgo });
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page.getByText(new RegExp(`^Saved ${value}\\b`)).waitFor({ state: 'attached' });
}

const backlogTitles = (page: Page) =>
  page
    .getByRole('region', { name: /^Backlog/ })
    .getByRole('listitem')
    .locator('a')
    .allTextContents();

test('three scored experiments in backlog order; one starts (frozen), moves its metric, and is decided', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Growth bets', 'saas-weekly-active-users');
    await nav(page, 'Experiments').click();
    await page.getByRole('heading', { name: 'No experiments yet' }).waitFor();
    await expectNoA11yViolations(page, 'experiments, empty');

    // 500 × 2 × 80 % ÷ 4 = 200; 1,000 × 1 × 50 % ÷ 2 = 250; 200 × 3 × 100 % ÷ 1 = 600.
    await newExperiment(page, 'Onboarding checklist', ACTIVATED);
    await score(page, '500', '2', '80', '4');
    await page.getByRole('status').filter({ hasText: 'Score: 200' }).waitFor();
    await expectNoA11yViolations(page, 'experiment page');

    await nav(page, 'Experiments').click();
    await newExperiment(page, 'Team invite prompt', ACCOUNTS);
    await score(page, '1000', '1', '50', '2');
    await page.getByRole('status').filter({ hasText: 'Score: 250' }).waitFor();

    await nav(page, 'Experiments').click();
    await newExperiment(page, 'Weekly digest email', ACTIVE_DAYS);
    await score(page, '200', '3', '100', '1');
    await page.getByRole('status').filter({ hasText: 'Score: 600' }).waitFor();

    await nav(page, 'Experiments').click();
    // Polled: the backlog screen loads on first use, and its rows follow.
    await expect
      .poll(() => backlogTitles(page))
      .toEqual(['Weekly digest email', 'Team invite prompt', 'Onboarding checklist']);
    await expectNoA11yViolations(page, 'backlog');

    // An effort of zero: no score, and the field says why; the backlog puts it last.
    await page.getByRole('link', { name: 'Weekly digest email' }).click();
    await typeNumber(page, 'Effort (person-weeks)', '0');
    await page
      .getByText('Effort must be more than 0 person-weeks to give a score')
      .first()
      .waitFor();
    await nav(page, 'Experiments').click();
    // Polled: the backlog screen loads on first use, and its rows follow.
    await expect
      .poll(() => backlogTitles(page))
      .toEqual(['Team invite prompt', 'Onboarding checklist', 'Weekly digest email']);

    // The checklist: a hypothesis, a decision rule, then it starts and its promise is frozen.
    await page.getByRole('link', { name: 'Onboarding checklist' }).click();
    const change = page.getByLabel('The change we make');
    await change.fill('a checklist on first login');
    await change.press('Enter');
    await typeNumber(page, 'By how much (percent)', '5');
    await page
      .getByLabel('Decision rule (ship if…, stop if…)')
      .fill('Ship if +5 points in four weeks');
    await page.getByText('We believe a checklist on first login will move').waitFor();
    await page.getByRole('radio', { name: 'Running' }).check();
    const frozen = page.getByTestId('frozen-copy');
    await frozen.getByText('as they were frozen when it started').waitFor();

    // An edit after the start shows as a difference from the frozen copy.
    await typeNumber(page, 'By how much (percent)', '3');
    await frozen.getByText('Changed since it started (1)').waitFor();
    await expect(
      frozen.getByRole('row', { name: /Expected amount/ }).textContent(),
    ).resolves.toMatch(/5.*3/);

    // A milestone with hours.
    await page.getByLabel('New milestone').fill('Design the checklist');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByRole('checkbox', { name: 'Done: Design the checklist' }).waitFor();

    // Values before the window (3, 2 and 1 weeks ago) and in it (this week).
    const experimentUrl = page.url();
    await page.getByRole('link', { name: 'Open the metric' }).click();
    await page.getByRole('heading', { level: 2, name: ACTIVATED }).waitFor();
    await logValue(page, 3, '20');
    await logValue(page, 2, '22');
    await logValue(page, 1, '24');
    await logValue(page, 0, '32');
    await page.goto(experimentUrl);
    // From 24 to 32 %: +8 observed; the pace before was +2 a week, so +6 above pace.
    const effect = page.locator('[data-testid^="effect-"]');
    await effect.getByText('Observed change: +8 %').waitFor();
    await effect.getByText('the effect is +6 %').waitFor();

    // The result.
    await page.getByRole('radio', { name: 'Won' }).check();
    const learning = page.getByLabel('What we learned');
    await learning.fill('A checklist helps new teams find the first win');
    await learning.blur();
    await waitSaved(page);

    // Everything stays after a reload, and the page opens offline.
    await waitOfflineReady(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Onboarding checklist' }).waitFor();
    await expect(page.getByRole('radio', { name: 'Won' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('What we learned').inputValue()).resolves.toBe(
      'A checklist helps new teams find the first win',
    );
    await page.getByTestId('frozen-copy').getByText('Changed since it started (1)').waitFor();
    await expect(page.getByLabel('Decision rule (ship if…, stop if…)').inputValue()).resolves.toBe(
      'Ship if +5 points in four weeks',
    );

    // The roadmap: the started one under this quarter, the others not dated yet.
    await nav(page, 'Experiments').click();
    await page
      .getByRole('navigation', { name: 'Experiment views' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    const now = new Date();
    const quarter = `Q${Math.floor(now.getMonth() / 3) + 1} ${now.getFullYear()}`;
    await page
      .getByRole('region', { name: quarter })
      .getByRole('link', { name: 'Onboarding checklist' })
      .waitFor();
    await page.getByRole('heading', { name: 'Not dated yet' }).waitFor();
    await page.getByRole('radio', { name: 'Target metric' }).check();
    await page
      .getByRole('region', { name: ACTIVATED })
      .getByRole('link', { name: 'Onboarding checklist' })
      .waitFor();
    await expectNoA11yViolations(page, 'roadmap');

    // The CSV export carries every experiment, in backlog order.
    await nav(page, 'Data').click();
    const csv = await download(page, 'Experiments as CSV');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Title,Owner,Status/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      'Team invite prompt',
      'Onboarding checklist',
      'Weekly digest email',
    ]);
    expect(lines[2]).toContain(',won,');
    await expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
