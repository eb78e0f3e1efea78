/**
 * Dates and numbers in the reader's locale (issue 17): in a German browser the metric page and
 * the dashboard write "1.234,5", "12,5 %" and German month names; in an English one the English
 * forms. The app's own words (weeks, quarters, sentences) stay English. The expected month is
 * computed with Intl in the page, so the test holds whatever month names the engine uses.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser } from './support/browser';
import { createWorkspace, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NSM = 'Net promoter score';
const CHURN = 'Paying customer churn';
const WEEKLY = 'New users set up within 7 days';

/** A context in `locale` and `timezoneId`, with the page's errors collected. */
async function localePage(locale: string, timezoneId: string) {
  const context = await browser.newContext({
    baseURL: inject('baseURL'),
    viewport: { width: 1280, height: 800 },
    locale,
    timezoneId,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[console.error] ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`[pageerror] ${e.message}`));
  return { context, page, errors };
}

/**
 * A month key "2026-11" as the page's own Intl writes it with the year ("Nov. 2026" in de-DE),
 * or in `locale` when given.
 */
function monthInPage(page: Page, key: string, locale?: string): Promise<string> {
  return page.evaluate(
    ([k, l]) => {
      const [y, m] = k.split('-').map(Number);
      const d = new Date(0);
      d.setUTCFullYear(y ?? 0, (m ?? 1) - 1, 1);
      return new Intl.DateTimeFormat(l, {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
    },
    [key, locale] as const,
  );
}

/** Opens a metric's page from the outline and logs `typed` for the current period. */
async function logNow(page: Page, id: string, metric: string, typed: string): Promise<string> {
  await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
  const metricId = await treeRow(page, metric).getAttribute('data-id');
  await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(metricId ?? '')}`);
  await page.getByRole('heading', { level: 2, name: metric }).waitFor();
  // The period picker lists the current period first.
  const period = page.getByLabel('Period', { exact: true });
  await period.selectOption({ index: 0 });
  const key = await period.inputValue();
  await page.getByLabel('Value', { exact: true }).fill(typed);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  return key;
}

const entryRow = (page: Page, key: string) =>
  page.getByRole('table', { name: /^Logged values/ }).locator(`tbody tr[data-period="${key}"]`);

/** Logs 1234.5 for the North Star and 12.5 % churn, typed the locale's way; checks both pages. */
async function logAndRead(
  page: Page,
  typed: { nsm: string; churn: string },
  shown: { nsm: string; churn: string },
): Promise<{ id: string; month: string; key: string }> {
  const id = await createWorkspace(page, 'Locale team', 'net-promoter-score');

  const nsmKey = await logNow(page, id, NSM, typed.nsm);
  const month = await monthInPage(page, nsmKey);
  await page.getByText(`Saved ${shown.nsm} for ${month}.`).waitFor();
  const row = entryRow(page, nsmKey);
  await expect(row.locator('th').textContent()).resolves.toBe(month);
  await expect(row.locator('td').first().textContent()).resolves.toBe(shown.nsm);
  // The picker names the month the same way, with what it has.
  await expect(
    page.getByLabel('Period', { exact: true }).locator('option').first().textContent(),
  ).resolves.toBe(`${month} (has ${shown.nsm})`);

  const churnKey = await logNow(page, id, CHURN, typed.churn);
  await page.getByText(`Saved ${shown.churn} for ${await monthInPage(page, churnKey)}.`).waitFor();
  await expect(entryRow(page, churnKey).locator('td').first().textContent()).resolves.toBe(
    shown.churn,
  );
  await waitSaved(page);

  // The dashboard: the North Star's value and month, the churn line's percent.
  await nav(page, 'Dashboard').click();
  const star = page.getByRole('region', { name: 'North Star' });
  await star.locator('p.value').filter({ hasText: shown.nsm }).waitFor();
  await expect(star.getByText(month, { exact: true }).count()).resolves.toBe(1);
  await expect(
    page.locator('li.line', { hasText: CHURN }).locator('.value').textContent(),
  ).resolves.toBe(shown.churn);
  return { id, month, key: nsmKey };
}

test('de-DE: German numbers, percent and month names on the metric page and the dashboard', async () => {
  const { context, page, errors } = await localePage('de-DE', 'Europe/Berlin');
  try {
    await page.goto('/');
    // Positive control: the browser really is German (the month of 1 March is "März").
    await expect(
      page.evaluate(() =>
        new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(
          Date.UTC(2026, 2, 1),
        ),
      ),
    ).resolves.toBe('März');
    const { id, month, key } = await logAndRead(
      page,
      { nsm: '1234,5', churn: '12,5' },
      { nsm: '1.234,5', churn: '12,5 %' },
    );
    // German, not the English name of the month ("Dez. 2026", not "Dec 2026").
    expect(month).toMatch(/\d{4}$/);
    expect(month).not.toBe(await monthInPage(page, key, 'en-US'));
    await expectNoA11yViolations(page, 'dashboard, de-DE');
    // A target for this quarter: the card says how much of it is reached as every percent reads.
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    const nsmId = await treeRow(page, NSM).getAttribute('data-id');
    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(nsmId ?? '')}`);
    const add = page.getByRole('button', { name: /^Add Q\d \d{4}$/ }).first();
    const quarter = ((await add.textContent()) ?? '').replace(/^Add /, '').trim();
    await add.click();
    await page.getByLabel(quarter, { exact: true }).fill('2000');
    await page.getByLabel(quarter, { exact: true }).press('Enter');
    await waitSaved(page);
    await nav(page, 'Dashboard').click();
    await page
      .getByRole('region', { name: 'North Star' })
      .getByText(`Target for ${quarter}: 2.000 (62 % reached)`)
      .waitFor();
    // Weeks keep the app's words.
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    const weekly = await treeRow(page, WEEKLY).getAttribute('data-id');
    await page.goto(`/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(weekly ?? '')}`);
    await page.getByRole('heading', { level: 2, name: WEEKLY }).waitFor();
    await expect(
      page.getByLabel('Period', { exact: true }).locator('option').first().textContent(),
    ).resolves.toMatch(/^Week \d{1,2}, \d{4}$/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('en-US: the English forms of the same values', async () => {
  const { context, page, errors } = await localePage('en-US', 'America/New_York');
  try {
    await page.goto('/');
    const { month } = await logAndRead(
      page,
      { nsm: '1234.5', churn: '12.5' },
      { nsm: '1,234.5', churn: '12.5 %' },
    );
    // English short months: three letters and the year ("Dec 2026").
    expect(month).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
