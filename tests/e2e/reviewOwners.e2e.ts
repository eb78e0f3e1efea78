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

/** "Q4 2026" for the quarter running today. */
function quarterLabel(): string {
  const d = new Date();
  return `Q${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}`;
}

test("an owner's brief is written in the review, checked as updated this quarter, kept at close and kept after a reload", async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Owners team', 'saas-weekly-active-users');
    await nav(page, 'People').click();
    await page.getByLabel('New person’s name').fill('Ana Silva');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('button', { name: 'Remove Ana Silva' }).waitFor();

    // Ana owns the North Star.
    await nav(page, 'Metric tree').click();
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('Enter');
    await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Ana Silva' });
    await waitSaved(page);

    await nav(page, 'Review').click();
    await page
      .getByRole('link', { name: new RegExp(quarterLabel()) })
      .first()
      .click();
    const owners = page.getByRole('region', { name: 'Updates of Ana Silva' });
    await owners.getByText('Strategy brief: not updated this quarter').waitFor();
    const brief = page.getByLabel('Strategy brief of Ana Silva');
    await brief.click();
    await page.keyboard.type('Grow activation through a first-week checklist.');
    await owners.getByText(/Strategy brief: updated /).waitFor();
    await owners.getByText('Playbook: not updated this quarter').waitFor();
    await waitSaved(page);
    await expectNoA11yViolations(page, 'review with owners');

    // Closing keeps the version as it read.
    const label = quarterLabel();
    await page.getByRole('button', { name: `Close the review of ${label}` }).click();
    await page.getByRole('button', { name: 'Close the review', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen the review' }).waitFor();
    await owners.getByRole('heading', { name: 'Strategy brief at close' }).waitFor();
    await owners.getByText('Grow activation through a first-week checklist.').waitFor();
    await waitSaved(page);

    await page.reload();
    await page
      .getByRole('region', { name: 'Updates of Ana Silva' })
      .getByText('Grow activation through a first-week checklist.')
      .waitFor();
    await expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** "Q3 2026" for the quarter before the one running today. */
function previousQuarterLabel(): string {
  const d = new Date();
  const q = Math.floor(d.getMonth() / 3);
  return q === 0 ? `Q4 ${d.getFullYear() - 1}` : `Q${q} ${d.getFullYear()}`;
}

async function closeReview(page: Page, label: string): Promise<void> {
  await nav(page, 'Review').click();
  await page.getByRole('link', { name: `Review of ${label}` }).click();
  await page.getByRole('button', { name: `Close the review of ${label}` }).click();
  await page.getByRole('button', { name: 'Close the review', exact: true }).click();
  await page.getByRole('button', { name: 'Reopen the review' }).waitFor();
}

test('quarters side by side, and what changed in the tree between two closed reviews', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Compare team', 'saas-weekly-active-users');
    await closeReview(page, previousQuarterLabel());

    // A new input between the two reviews.
    await nav(page, 'Metric tree').click();
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Invites sent');
    await page.keyboard.press('Enter');
    await treeRow(page, 'Invites sent').waitFor();
    await closeReview(page, quarterLabel());

    await nav(page, 'Review').click();
    await page.getByRole('link', { name: 'Compare quarters side by side' }).click();
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: `${quarterLabel()} (closed)` }).waitFor();
    await table.getByRole('columnheader', { name: `${previousQuarterLabel()} (closed)` }).waitFor();
    // Only the earlier closed review froze a tree without it (drafts use today's tree).
    await expect(
      table
        .getByRole('row', { name: /Invites sent/ })
        .getByText('not in the tree')
        .count(),
    ).resolves.toBe(1);
    await page
      .getByRole('region', { name: 'What changed in the tree' })
      .getByText('Invites sent was added.')
      .waitFor();
    await expectNoA11yViolations(page, 'quarters side by side');
    await expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
