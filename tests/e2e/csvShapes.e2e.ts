/**
 * CSV files as people have them: one column per metric, one metric's series with targets and a
 * baseline, a GA4 export with comment lines, two tables and weeks counted from its start, and
 * Excel's Windows-1252 "CSV".
 */
import { readFileSync } from 'node:fs';
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

/** The entries export as sorted [metric, period, value, note] rows (no header). */
function entryCells(csv: string): string[][] {
  const lines = csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('metric,period,period start date,value,note,logged by,logged at');
  return lines
    .slice(1)
    .map((line) => {
      const [metric = '', period = '', , value = '', note = ''] = line.split(',');
      return [metric, period, value, note];
    })
    .sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

/** A Google Sheets download: a date column, one column per metric, a note and a column of none. */
const WIDE_CSV = [
  'Week,Weekly active users,New sign-ups activated within 7 days,Active days per weekly active user,Region,Notes',
  '2026-01-05,1200,40,3.5,EU,Launch week',
  '2026-01-12,1300,,3.6,EU,',
  '2026-01-19,abc,45,,EU,',
  '2026-01-26,,,,EU,',
].join('\n');

const wideFile = { name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(WIDE_CSV) };

async function openData(page: Page): Promise<void> {
  await nav(page, 'Data').click();
  await page.getByRole('heading', { name: 'Import entries from CSV' }).waitFor();
}

test('a file with one column per metric imports one value per filled cell; again adds nothing', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Wide sheet', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    const wauId = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    await openData(page);

    await page.getByLabel('Choose a CSV file').setInputFiles(wideFile);
    await page.getByText('wide.csv', { exact: true }).waitFor();
    const wide = page.getByRole('radio', { name: /Each column is a metric/ });
    await expect(wide.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Date or period').inputValue()).resolves.toBe('0');
    await expect(page.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe('5');
    await expect(page.getByLabel('Weekly active users').inputValue()).resolves.toBe(wauId);
    await expect(page.getByLabel('Region').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Read as').inputValue()).resolves.toBe('utf-8');
    // The date and note columns hold no metric.
    await expect(page.getByLabel('Week', { exact: true }).count()).resolves.toBe(0);

    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('6 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/6 new, 0 updated, 0 unchanged/);
    await expect(summary.textContent()).resolves.toMatch(/1 row or cell rejected; 1 warning/);
    const rejected = page.getByRole('table', { name: 'Rejected rows' }).locator('tbody tr');
    const rows = await rejected.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows).toEqual([
      [
        '4',
        '2026-01-19 | abc | 45 |  | EU |',
        'Column “Weekly active users”: “abc” is not a number',
      ],
    ]);
    await page.getByText('Line 5: No values; the line is skipped').waitFor();
    await expectNoA11yViolations(page, 'import mapping step, one column per metric');

    // All or nothing: the rejected cell has to be skipped on purpose.
    const importButton = page.getByRole('button', { name: 'Import 6 values' });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Skip the 1 rejected row or cell').check();
    await importButton.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 6 values' })
      .getByText('6 new, 0 updated, 0 unchanged')
      .waitFor();
    await waitSaved(page);

    const expected = [
      ['Active days per weekly active user', '2026-W02', '3.5', 'Launch week'],
      ['Active days per weekly active user', '2026-W03', '3.6', ''],
      ['New sign-ups activated within 7 days', '2026-W02', '40', 'Launch week'],
      ['New sign-ups activated within 7 days', '2026-W04', '45', ''],
      ['Weekly active users', '2026-W02', '1200', 'Launch week'],
      ['Weekly active users', '2026-W03', '1300', ''],
    ];
    expect(entryCells((await download(page, 'Entries as CSV')).text)).toEqual(expected);

    // The same file again: nothing new, nothing duplicated.
    await page.getByLabel('Choose a CSV file').setInputFiles(wideFile);
    await summary.getByText('6 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/0 new, 0 updated, 6 unchanged/);
    await page.getByLabel('Skip the 1 rejected row or cell').check();
    await page.getByRole('button', { name: 'Import 6 values' }).click();
    await page.getByText('0 new, 0 updated, 6 unchanged').waitFor();
    await waitSaved(page);
    expect(entryCells((await download(page, 'Entries as CSV')).text)).toEqual(expected);

    // The one-row-per-value shape is still there to choose.
    await page.getByLabel('Choose a CSV file').setInputFiles(wideFile);
    await page.getByRole('radio', { name: /One row per value/ }).check();
    await page.getByLabel('Metric (name or id)').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** Bytes of a Windows-1252 text (Latin-1 letters; no €, so one byte per character). */
const cp1252 = (text: string): Buffer => Buffer.from(text, 'latin1');

test('a Windows-1252 file from Excel: umlauts are read, a wrong choice is refused, never stored as �', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Excel DE', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').click();
    await page.keyboard.press('a');
    await page.getByLabel('Name', { exact: true }).fill('Kündigungsquote');
    await page.keyboard.press('Enter');
    await treeRow(page, 'Kündigungsquote').click();
    await page.getByLabel('Cadence').selectOption('weekly');
    await waitSaved(page);
    await openData(page);

    const file = {
      name: 'excel.csv',
      mimeType: 'text/csv',
      buffer: cp1252(
        'Metric;Date;Value;Note\r\nKündigungsquote;13/01/2026;2,5;Größer als geplant\r\n',
      ),
    };
    await page.getByLabel('Choose a CSV file').setInputFiles(file);
    await page.getByText('excel.csv', { exact: true }).waitFor();
    const readAs = page.getByLabel('Read as');
    await expect(readAs.inputValue()).resolves.toBe('windows-1252');
    await expect(readAs.locator('option:checked').textContent()).resolves.toBe(
      'Windows-1252 (Excel on Windows) (detected)',
    );
    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('1 value ready to import').waitFor();
    await expect(summary.textContent()).resolves.not.toMatch(/rejected/);
    await expectNoA11yViolations(page, 'import mapping step, Windows-1252 file');

    // Read as UTF-8, the letters cannot be read: the line is refused and the reason says why.
    await readAs.selectOption('utf-8');
    await page.getByText(/3 characters of this file cannot be read as UTF-8/).waitFor();
    await summary.getByText('0 values ready to import').waitFor();
    const reason = page.getByRole('table', { name: 'Rejected rows' }).locator('tbody td').nth(2);
    await expect(reason.textContent()).resolves.toMatch(/could not be read \(shown as �\)/);
    await expect(page.getByRole('button', { name: 'Import 0 values' }).isDisabled()).resolves.toBe(
      true,
    );

    await readAs.selectOption('windows-1252');
    await summary.getByText('1 value ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 1 value' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 value' }).waitFor();
    await waitSaved(page);
    const entries = (await download(page, 'Entries as CSV')).text;
    expect(entries).not.toContain('\ufffd');
    expect(entryCells(entries)).toEqual([
      ['Kündigungsquote', '2026-W03', '2.5', 'Größer als geplant'],
    ]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** A series downloaded from Google Sheets, named after its metric: actuals, targets, a baseline. */
const SERIES_CSV = [
  'Date,Actual,Target,Baseline',
  '2026-01-05,1200,1500,1000',
  '2026-01-12,1300,1500,1000',
  '2026-01-19,,1600,1000',
  '2026-01-26,abc,1700,1000',
].join('\r\n');
const seriesFile = {
  name: 'weekly-active-users.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(SERIES_CSV),
};

test('a series file goes to the metric it is named after, sets its targets and baseline, once', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Series', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    const wauId = await treeRow(page, 'Weekly active users').getAttribute('data-id');
    await openData(page);

    await page.getByLabel('Choose a CSV file').setInputFiles(seriesFile);
    await page.getByText('weekly-active-users.csv', { exact: true }).waitFor();
    const series = page.getByRole('radio', { name: /The whole file is one metric/ });
    await expect(series.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Metric this file is for').inputValue()).resolves.toBe(wauId);
    await expect(page.getByLabel('Target', { exact: true }).inputValue()).resolves.toBe('2');
    await expect(page.getByLabel('Baseline', { exact: true }).inputValue()).resolves.toBe('3');

    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('2 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/2 new, 0 updated, 0 unchanged/);
    await expect(summary.textContent()).resolves.toMatch(/1 row rejected/);
    // January's benchmark: 1,500 twice, then 1,600 (the later line wins); one baseline.
    const targets = page.getByTestId('target-summary');
    await expect(targets.textContent()).resolves.toBe(
      '1 target: 1 new, 0 changed, 0 unchanged; 1 baseline changed, 0 unchanged.',
    );
    await page.getByText('Benchmark of Weekly active users for Jan 2026: none → 1,600').waitFor();
    await page.getByText(/Baseline of Weekly active users: none → 1,000/).waitFor();
    await page
      .getByText('Line 2: Another target for 2026-01 on line 4; the later line wins')
      .waitFor();
    await expectNoA11yViolations(page, 'import mapping step, one metric per file');

    // All or nothing: nothing can be imported until the rejected line is skipped on purpose.
    const importButton = page.getByRole('button', {
      name: 'Import 2 values with 2 targets and baselines',
    });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Skip the 1 rejected row').check();
    await importButton.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 2 values' })
      .getByText(/2 new, 0 updated, 0 unchanged; 2 targets and baselines set/)
      .waitFor();
    await waitSaved(page);
    const expected = [
      ['Weekly active users', '2026-W02', '1200', ''],
      ['Weekly active users', '2026-W03', '1300', ''],
    ];
    expect(entryCells((await download(page, 'Entries as CSV')).text)).toEqual(expected);

    // The same file again: everything is already there, nothing is duplicated.
    await page.getByLabel('Choose a CSV file').setInputFiles(seriesFile);
    await summary.getByText('2 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/0 new, 0 updated, 2 unchanged/);
    await expect(targets.textContent()).resolves.toBe(
      '1 target: 0 new, 0 changed, 1 unchanged; 0 baselines changed, 1 unchanged.',
    );
    await page.getByLabel('Skip the 1 rejected row').check();
    await page.getByRole('button', { name: /Import 2 values/ }).click();
    await page.getByText(/0 new, 0 updated, 2 unchanged\./).waitFor();
    await waitSaved(page);
    expect(entryCells((await download(page, 'Entries as CSV')).text)).toEqual(expected);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

/** A GA4 exploration as GA4 downloads it (unit fixture): `#` block, "Nth week", two tables. */
const ga4File = {
  name: 'ga4-free-form.csv',
  mimeType: 'text/csv',
  buffer: readFileSync(new URL('../unit/domain/fixtures/ga4-free-form.csv', import.meta.url)),
};

test('a GA4 export: what is left out is said, weeks from its start are placed, another table can be chosen', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'GA4', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    const wauId = (await treeRow(page, 'Weekly active users').getAttribute('data-id')) ?? '';
    await openData(page);

    await page.getByLabel('Choose a CSV file').setInputFiles(ga4File);
    await page.getByText('ga4-free-form.csv', { exact: true }).waitFor();
    const leftOut = page.getByRole('note').filter({ hasText: 'Left out of the file' });
    await expect(leftOut.locator('li').allTextContents()).resolves.toEqual([
      'Lines 1–9 and 17–20: comment lines (starting with #)',
      'Line 11: totals, not values of a period',
      'Lines 21–23: another table (“Nth week, Sessions”, 2 rows); choose it under “Table”',
    ]);
    await expect(page.getByLabel('Table').inputValue()).resolves.toBe('0');
    await expect(
      page.getByRole('radio', { name: /The whole file is one metric/ }).isChecked(),
    ).resolves.toBe(true);
    await page.getByLabel('Metric this file is for').selectOption(wauId);
    await page.getByLabel('Value', { exact: true }).selectOption('1');
    // The start date comes from the file's "# Start date: 20261005".
    const start = page.getByLabel('Report start date');
    await expect(start.inputValue()).resolves.toBe('2026-10-05');
    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('4 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.not.toMatch(/rejected/);

    // Without the start date the weeks cannot be placed, and the reason says so.
    await start.fill('');
    await page.getByText('Give the day the report starts on to place its weeks.').waitFor();
    await summary.getByText('0 values ready to import').waitFor();
    const reasons = page
      .getByRole('table', { name: 'Rejected rows' })
      .locator('tbody tr td:nth-child(3)');
    await expect(reasons.nth(3).textContent()).resolves.toBe(
      '“0003” is week 3 counted from the report’s start (0 = the first week), not a date or an ISO week: give the report’s start date to place it',
    );
    await expectNoA11yViolations(page, 'import mapping step, GA4 export');
    await start.fill('2026-10-05');
    await summary.getByText('4 values ready to import').waitFor();
    await page.getByRole('button', { name: 'Import 4 values' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 4 values' }).waitFor();
    await waitSaved(page);
    // 2026-10-05 is the Monday of ISO week 41.
    const expected = [
      ['Weekly active users', '2026-W41', '1200', ''],
      ['Weekly active users', '2026-W42', '1300', ''],
      ['Weekly active users', '2026-W43', '1350', ''],
      ['Weekly active users', '2026-W44', '1450', ''],
    ];
    expect(entryCells((await download(page, 'Entries as CSV')).text)).toEqual(expected);

    // Again: nothing new. Then the second table of the file.
    await page.getByLabel('Choose a CSV file').setInputFiles(ga4File);
    await page.getByLabel('Metric this file is for').selectOption(wauId);
    await page.getByLabel('Value', { exact: true }).selectOption('1');
    await summary.getByText('4 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/0 new, 0 updated, 4 unchanged/);
    await page.getByLabel('Table').selectOption('1');
    await page.getByText(/ga4-free-form\.csv: 2 rows/).waitFor();
    await expect(leftOut.locator('li').last().textContent()).resolves.toBe(
      'Lines 10–15: another table (“Nth week, Active users, New users”, 4 rows); choose it under “Table”',
    );

    // See before you import: what will be stored, and values implausible beside the history
    // (stored 1,200 1,300 1,350 1,450: median 1,325).
    const later = [
      'Metric,Week,Value',
      'Weekly active users,2026-W45,1.234', // 1,234 read with the wrong mark?
      'Weekly active users,2026-W46,1500000', // ≥ 1,000 × 1,325
      'Weekly active users,2026-W47,1500',
    ].join('\n');
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles({ name: 'later.csv', mimeType: 'text/csv', buffer: Buffer.from(later) });
    await summary.getByText('3 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/2 values to check/);
    const stored = page.getByRole('table', { name: 'What will be stored' }).locator('tbody tr');
    const cells = await stored.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(cells.map((c) => [c[0], c[1], c[3]])).toEqual([
      ['2', 'Weekly active users', '1.23 (check)'],
      ['3', 'Weekly active users', '1,500,000 (check)'],
      ['4', 'Weekly active users', '1,500'],
    ]);
    const checks = page.getByRole('heading', { name: '2 values look implausible' });
    await checks.waitFor();
    await page
      .getByText(/1,500,000 is at least 1,000× the median of its recent values \(1,325\)/)
      .waitFor();
    await page.getByText(/a thousands separator may have been read as a decimal mark/).waitFor();

    // The import screen at 390 px and in dark mode: no sideways scroll, 44 px targets, no axe findings.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).resolves.toBe(true);
    for (const label of ['Metric (name or id)', 'Decimal mark', 'Read as']) {
      const box = await page.getByLabel(label).boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoA11yViolations(page, 'import preview with values to check, 390 px, dark');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
