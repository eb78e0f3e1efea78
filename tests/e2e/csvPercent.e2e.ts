/**
 * A CSV import holding a percent above 100 % asks first, as Add a value does: nothing is
 * written until the question is answered; "leave it out" imports the other rows, "import it
 * anyway" imports it. A metric that may exceed 100 % is not asked about.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, download, nav, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const ACTIVATED = 'New sign-ups activated within 7 days';
const RETAINED = 'Active users retained from last week';

/** Line 3 holds 1,250.5 for a percent metric (12.505 with a slipped point, say). */
const PERCENT_CSV = [
  'Metric,Date,Value',
  `${ACTIVATED},2026-01-05,40`,
  `${ACTIVATED},2026-01-12,1250.5`,
  `${ACTIVATED},2026-01-19,42`,
  `${RETAINED},2026-01-12,250`, // may exceed 100 %: no question
  'Weekly active users,2026-01-05,1200', // a count: no question
].join('\n');

const percentFile = { name: 'rates.csv', mimeType: 'text/csv', buffer: Buffer.from(PERCENT_CSV) };

/** The entries export as sorted "metric|period|value" lines. */
async function exported(page: Page): Promise<string[]> {
  const text = (await download(page, 'Entries as CSV')).text.replace(/^\ufeff/, '');
  return text
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((line) =>
      line
        .split(',')
        .filter((_, i) => i === 0 || i === 1 || i === 3)
        .join('|'),
    )
    .sort();
}

test('a percent above 100 % in a CSV is asked about: leave it out, or import it anyway', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Rates', 'saas-weekly-active-users');
    await treeRow(page, RETAINED).click();
    await page.getByRole('checkbox', { name: /May exceed 100 %/ }).check();
    await expect
      .poll(() => page.getByRole('checkbox', { name: /May exceed 100 %/ }).isChecked())
      .toBe(true);
    await waitSaved(page);
    await nav(page, 'Data').click();
    await page.getByRole('heading', { name: 'Import entries from CSV' }).waitFor();

    await page.getByLabel('Choose a CSV file').setInputFiles(percentFile);
    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('5 values ready to import').waitFor();
    const question = page.getByRole('group', { name: /above 100 %/ });
    await question
      .getByText(`A value above 100 % for “${ACTIVATED}” (a percent metric): 1,250.5 % in`, {
        exact: false,
      })
      .waitFor();
    // One question only: the metric that may exceed 100 % and the count are not asked about.
    await expect(question.count()).resolves.toBe(1);
    await expect(question.textContent()).resolves.toMatch(/2026/);
    // Nothing can be imported before the answer.
    const importFive = page.getByRole('button', { name: 'Import 5 values' });
    await expect(importFive.isDisabled()).resolves.toBe(true);
    await page.getByText('First choose above whether to import the values over 100 %.').waitFor();
    await expectNoA11yViolations(page, 'import, the question about a percent above 100 %');

    // Leave it out: the other four import, and 1,250.5 is not stored.
    await question.getByRole('radio', { name: 'Leave it out; import the rest' }).check();
    await summary.getByText('4 values ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 4 values' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 4 values' })
      .getByText('4 new, 0 updated, 0 unchanged')
      .waitFor();
    await waitSaved(page);
    expect(await exported(page)).toEqual([
      `${RETAINED}|2026-W03|250`,
      `${ACTIVATED}|2026-W02|40`,
      `${ACTIVATED}|2026-W04|42`,
      'Weekly active users|2026-W02|1200',
    ]);

    // The same file again: asked again; "import it anyway" imports 1,250.5 as written.
    await page.getByLabel('Choose a CSV file').setInputFiles(percentFile);
    await summary.getByText('5 values ready to import').waitFor();
    await expect(page.getByRole('button', { name: 'Import 5 values' }).isDisabled()).resolves.toBe(
      true,
    );
    await question.getByRole('radio', { name: 'Import it anyway' }).check();
    await summary.getByText(/1 new, 0 updated, 4 unchanged/).waitFor();
    await page.getByRole('button', { name: 'Import 5 values' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 5 values' })
      .getByText('1 new, 0 updated, 4 unchanged')
      .waitFor();
    await waitSaved(page);
    expect(await exported(page)).toEqual([
      `${RETAINED}|2026-W03|250`,
      `${ACTIVATED}|2026-W02|40`,
      `${ACTIVATED}|2026-W03|1250.5`,
      `${ACTIVATED}|2026-W04|42`,
      'Weekly active users|2026-W02|1200',
    ]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
