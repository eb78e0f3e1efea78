import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nextPeriod, periodLabel, periodOf, todayLocal } from '../../src/domain/periods';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, download, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NSM = 'Weekly active users';

async function logValue(page: Page, period: string, value: string): Promise<void> {
  await page.getByLabel('Period', { exact: true }).selectOption(period);
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page.getByText(new RegExp(`^Saved ${value} for `)).waitFor({ state: 'attached' });
}

const clipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText());

test("the week's report says what moved and what is due, and is copied as Markdown and plain text; next quarter's targets read as OKRs", async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Weekly team', 'saas-weekly-active-users');
    const origin = new URL(page.url()).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    const metricId = await treeRow(page, NSM).getAttribute('data-id');
    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(metricId!)}`);
    await page.getByRole('heading', { level: 2, name: NSM }).waitFor();
    const week = periodOf(todayLocal(), 'week');
    const lastWeek = nextPeriod(week, -1);
    await logValue(page, lastWeek, '100');
    await logValue(page, week, '120');
    await waitSaved(page);

    // From the Review tab to this week's report.
    await nav(page, 'Review').click();
    await page.getByRole('link', { name: "This week's report" }).click();
    const heading = page.getByRole('heading', { level: 2, name: /^Weekly report: / });
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toContain(periodLabel(week));
    const moved = page.getByRole('region', { name: 'What moved' });
    await moved.getByText(`${NSM}: 120, +20 from 100 (better)`).waitFor();
    // The template's other metrics have no value yet: they are due.
    const due = page.getByRole('region', { name: 'Due' });
    await expect(due.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    await expect(due.getByText(new RegExp(`^${NSM}:`)).count()).resolves.toBe(0);
    await expectNoA11yViolations(page, 'weekly report');

    // Copied as Markdown, and as plain text.
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByText('Copied the report as Markdown').waitFor();
    const markdown = await clipboard(page);
    expect(markdown).toMatch(/^# Weekly report, Week \d+, \d{4} /);
    expect(markdown).toContain(`## What moved\n- ${NSM}: 120, +20 from 100 (better)`);
    expect(markdown).toContain('## Due\n- ');
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await page.getByText('Copied the report as plain text').waitFor();
    const plain = await clipboard(page);
    expect(plain).toMatch(/^Weekly report, Week \d+, \d{4} /);
    expect(plain).toContain(`WHAT MOVED\n- ${NSM}: 120, +20 from 100 (better)`);
    expect(plain).not.toContain('#');

    // The week before: its value against nothing; then the month.
    await page.getByRole('link', { name: `← ${periodLabel(lastWeek)}` }).click();
    await heading.filter({ hasText: periodLabel(lastWeek) }).waitFor();
    await moved.getByText(`${NSM}: 100, nothing the period before`).waitFor();
    await page.getByRole('link', { name: 'The month' }).click();
    await page.getByRole('heading', { level: 2, name: /^Monthly report: / }).waitFor();
    await page
      .getByRole('region', { name: 'What moved' })
      .getByText(new RegExp(`^${NSM}: `))
      .waitFor();
    await expectNoA11yViolations(page, 'monthly report');

    // The quarter's review: next quarter's targets as OKRs, following a typed target.
    const quarter = periodOf(todayLocal(), 'quarter');
    const next = periodLabel(nextPeriod(quarter));
    await page.goto(`/#/w/${encodeURIComponent(id)}/review/${quarter}`);
    await page.getByRole('heading', { level: 3, name: `OKRs for ${next}` }).waitFor();
    await page.getByLabel(`${NSM}: target for ${next}`).fill('200');
    await page.getByLabel(`${NSM}: target for ${next}`).press('Tab');
    const objectives = page.getByRole('list', { name: 'Objectives' });
    await objectives.getByRole('heading', { level: 4, name: `Grow ${NSM}` }).waitFor();
    const krs = page.getByRole('list', { name: `Key results of Grow ${NSM}` });
    await krs.getByText(/ to 200\s*$/).waitFor();
    expect(await krs.getByRole('listitem').first().innerText()).toMatch(
      new RegExp(`^${NSM} (from [\\d.,]+ )?to 200\\s*$`),
    );
    await expectNoA11yViolations(page, 'review with OKRs');
    const csv = await download(page, 'OKRs as CSV');
    expect(csv.name).toMatch(/-okrs-\d{4}-Q\d\b.*\.csv$/);
    const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Objective,Key result,Kind,Owner,From,Target,Unit');
    expect(lines.find((l) => l.startsWith(`Grow ${NSM},${NSM},target,`))).toMatch(/,200,count$/);
    await page.getByRole('button', { name: 'Copy OKRs as Markdown' }).click();
    await page.getByText('Copied the OKRs as Markdown.').waitFor();
    expect(await clipboard(page)).toMatch(
      new RegExp(`## O1\\. Grow ${NSM}[\\s\\S]*1\\. ${NSM} (from [\\d.,]+ )?to 200`),
    );

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
