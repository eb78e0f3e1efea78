import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { nextPeriod, periodLabel, toGrain } from '../../src/domain/periods';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, treeRow, waitOfflineReady, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NSM = 'Weekly active users';
/** The metric right under the North Star in the template's tree. */
const FIRST_INPUT = 'New sign-ups activated within 7 days';

/** Logs a value for a period (a key such as 2026-W45) on the metric page. */
async function logValue(page: Page, period: string, value: string): Promise<void> {
  await page.getByLabel('Period', { exact: true }).selectOption(period);
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByLabel('Value', { exact: true }).press('Enter');
  await page.getByText(new RegExp(`^Saved ${value} for `)).waitFor({ state: 'attached' });
}

/**
 * The text of each page of a PDF, read in Node with pdf.js (its legacy build runs without a
 * DOM), on one line: a line break where pdf.js sees one becomes a space, as a wrapped cell
 * (“Weekly active⏎users”) reads.
 */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
      }
      pages.push(text.replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The NSM's row in the review's numbers. */
const nsmRow = (page: Page) =>
  page
    .getByRole('table', { name: 'The numbers' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${NSM}`) }) });

test('a quarter is reviewed, closed (frozen), moved by a late value, printed, reopened and opened offline', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Quarterly team', 'saas-weekly-active-users');
    await page.goto(`/#/w/${encodeURIComponent(id)}/tree`);
    const metricId = await treeRow(page, NSM).getAttribute('data-id');
    expect(metricId).toBeTruthy();
    const metricUrl = `/#/w/${encodeURIComponent(id)}/metric/${encodeURIComponent(metricId!)}`;
    await page.goto(metricUrl);
    await page.getByRole('heading', { level: 2, name: NSM }).waitFor();

    // The weeks the period picker offers, grouped by quarter: review the newest quarter with
    // three of them (two logged before the close, one late), which is today's on most days.
    const weeks = await page
      .getByLabel('Period', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const byQuarter = new Map<string, string[]>();
    for (const w of weeks.filter((v) => /^\d{4}-W\d{2}$/.test(v))) {
      const q = toGrain(w, 'quarter');
      byQuarter.set(q, [...(byQuarter.get(q) ?? []), w]);
    }
    const [quarter, inQuarter] = [...byQuarter].find(([, ws]) => ws.length >= 3)!;
    const label = periodLabel(quarter);
    const nextLabel = periodLabel(nextPeriod(quarter));
    await logValue(page, inQuarter[0]!, '500');
    await logValue(page, inQuarter[1]!, '600');
    await waitSaved(page);

    // The list: this quarter and the three before, none started.
    await nav(page, 'Review').click();
    await page.getByRole('heading', { level: 2, name: 'Quarterly reviews' }).waitFor();
    await page.getByText('No review yet').waitFor();
    await expectNoA11yViolations(page, 'review list');
    await page.getByRole('link', { name: `Review of ${label}` }).click();
    await page.getByRole('heading', { level: 2, name: `Review of ${label}` }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();

    // The numbers: the North Star first, its actual the average of the quarter's weeks.
    await expect(
      page.getByRole('table', { name: 'The numbers' }).getByRole('rowheader').first().textContent(),
    ).resolves.toContain(NSM);
    await expect(nsmRow(page).locator('td[data-label="Actual"]').textContent()).resolves.toBe(
      '550',
    );

    // SWOT: a strength is added with Enter, deleted, and brought back from the toast.
    const addStrength = page.getByLabel('Add a strength');
    await addStrength.fill('Fast shipping');
    await addStrength.press('Enter');
    await page.getByLabel('Strength: Fast shipping').waitFor();
    await expect(addStrength.inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: 'Delete strength “Fast shipping”' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the strength' }).waitFor();
    await page.getByLabel('Strength: Fast shipping').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo', exact: true }).last().click();
    await page.getByLabel('Strength: Fast shipping').waitFor();
    // An empty line is refused where it is typed.
    await addStrength.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Write the line first' }).waitFor();

    // A decision.
    await page.getByLabel('Add a decision').fill('Hire a designer');
    await page.getByLabel('Add a decision').press('Enter');
    await page.getByLabel('Decision: Hire a designer').waitFor();
    await page.getByLabel('About').selectOption({ label: `Metric: ${NSM}` });
    await expect(page.getByLabel('About').inputValue()).resolves.toMatch(/^m:/);

    // Next quarter's target: the suggestion (550, no start) is shown, then changed.
    const target = page.getByLabel(`${NSM}: target for ${nextLabel}`, { exact: true });
    await expect(target.inputValue()).resolves.toBe('550');
    await target.fill('900');
    await target.press('Enter');
    await page.getByText('Actual 550 · suggested 550 · changed').waitFor();
    await waitSaved(page);
    await expectNoA11yViolations(page, 'review, draft');

    // Close: confirmed, then the figures are frozen.
    await page.getByRole('button', { name: `Close the review of ${label}` }).click();
    await page.getByRole('dialog', { name: `Close the review of ${label}?` }).waitFor();
    await page.getByRole('button', { name: 'Close the review', exact: true }).click();
    // Only the North Star has a value to build on, so one target goes into next quarter.
    await page
      .getByRole('status')
      .filter({ hasText: `The figures are frozen and 1 target was written into ${nextLabel}.` })
      .waitFor();
    await page.getByText('Closed', { exact: true }).waitFor();
    await page.getByText('The figures as they were when the review closed.').waitFor();
    await page.getByRole('button', { name: 'Reopen the review' }).waitFor();
    await waitSaved(page);

    // The target went into next quarter; a late value for a week of the reviewed quarter.
    await page.goto(metricUrl);
    await page.getByRole('heading', { level: 2, name: NSM }).waitFor();
    await expect(page.getByLabel(nextLabel, { exact: true }).inputValue()).resolves.toBe('900');
    await logValue(page, inQuarter[2]!, '700');
    await waitSaved(page);

    await page.goto(`/#/w/${encodeURIComponent(id)}/review/${quarter}`);
    const moved = page.getByRole('note').filter({ hasText: 'Moved since it closed' });
    await moved.getByText(`a late entry changed the actual of ${NSM} from 550 to 600`).waitFor();
    await expect(nsmRow(page).locator('td[data-label="Actual"]').textContent()).resolves.toBe(
      '550',
    );
    await expectNoA11yViolations(page, 'review, closed');

    // A reload keeps the closed review, its frozen figures and the notice.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: `Review of ${label}` }).waitFor();
    await page.getByText('Closed', { exact: true }).waitFor();
    await moved.waitFor();
    await expect(nsmRow(page).locator('td[data-label="Actual"]').textContent()).resolves.toBe(
      '550',
    );
    await page.getByLabel('Strength: Fast shipping').waitFor();

    // Print: the title and the numbers, no app header, tabs or buttons.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { level: 2, name: `Review of ${label}` }).waitFor();
    await expect(nsmRow(page).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/printed /).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Reopen the review' }).isVisible()).resolves.toBe(
      false,
    );
    await expect(
      page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(),
    ).resolves.toBe(false);
    await expect(nav(page, 'Review').isVisible()).resolves.toBe(false);
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // One page per section at least: the numbers, wins, experiments, customers, insights, SWOT…
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const printed = pages.join(' ');
    // Positive control first: the text is readable and the first page opens with the title.
    expect(pages[0]).toMatch(new RegExp(`^Review of ${label} `));
    expect(printed).toContain('The numbers');
    // The North Star's row, from its name (and tag) to the next metric's: its frozen actual
    // (550; the late 700 came after the close) and no target.
    const rowStart = printed.indexOf(`${NSM} North Star`);
    expect(rowStart, printed).toBeGreaterThan(0);
    const rowEnd = printed.indexOf(FIRST_INPUT, rowStart);
    expect(rowEnd, printed).toBeGreaterThan(rowStart);
    expect(printed.slice(rowStart, rowEnd)).toMatch(/ No owner – – 550 – No target $/);
    // No app buttons, tabs or header.
    for (const chrome of [
      'Reopen the review',
      'Print or save as PDF',
      'Copy as Markdown',
      'Add a strength',
      'All reviews',
      'Saved on this device',
    ]) {
      expect(printed).not.toContain(chrome);
    }
    await page.emulateMedia({ media: 'screen' });

    // Reopen: a draft again, logged, today's figures.
    await page.getByRole('button', { name: 'Reopen the review' }).click();
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'History' }).getByText('Reopened').waitFor();
    await expect(nsmRow(page).locator('td[data-label="Actual"]').textContent()).resolves.toBe(
      '600',
    );
    await waitSaved(page);

    // Offline after a reload: the review still opens.
    await waitOfflineReady(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: `Review of ${label}` }).waitFor();
    await page.getByLabel('Decision: Hire a designer').waitFor();
    await context.setOffline(false);

    // The next quarter's review carries the open decision, with what it is about.
    await page.goto(`/#/w/${encodeURIComponent(id)}/review/${nextPeriod(quarter)}`);
    await page.getByRole('heading', { level: 2, name: `Review of ${nextLabel}` }).waitFor();
    const carried = page.locator('p.text').filter({ hasText: /^Hire a designer/ });
    await carried.waitFor();
    await expect(carried.textContent().then((t) => t?.replace(/\s+/g, ' '))).resolves.toContain(
      `from ${label}`,
    );
    await expect(carried.textContent()).resolves.toContain(`Metric: ${NSM}`);

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
