import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, download, outline, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A spreadsheet export as a European Excel writes it: BOM, CRLF, semicolons, decimal commas,
 * day-first dates, a quoted note holding a semicolon; line 6 names an unknown metric and line 7
 * has a value that is not a number.
 */
const MESSY_CSV =
  '\ufeff' +
  [
    'Metric;Date;Value;Note',
    'Weekly active users;05/01/2026;1234,5;"Launch week; big spike"',
    'Weekly active users;12/01/2026;1300;',
    'New sign-ups activated within 7 days;13/01/2026;42,5;',
    'Accounts with 3 or more active users;05/01/2026;17;ok',
    'Monthly revenue;05/01/2026;100;',
    'Active days per weekly active user;05/01/2026;12abc;',
    'Active users retained from last week;20/01/2026;"61,2";',
  ].join('\r\n') +
  '\r\n';

const messyFile = {
  name: 'messy.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(MESSY_CSV, 'utf8'),
};

async function openTab(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: label })
    .click();
}

/** The entries export as [metric, period, period start, value, note] rows (no header). */
function entryCells(csv: string): string[][] {
  const lines = csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('metric,period,period start date,value,note,logged by,logged at');
  return lines.slice(1).map((line) => line.split(',').slice(0, 5));
}

const EXPECTED = [
  ['Weekly active users', '2026-W02', '2026-01-05', '1234.5', 'Launch week; big spike'],
  ['Weekly active users', '2026-W03', '2026-01-12', '1300', ''],
  ['New sign-ups activated within 7 days', '2026-W03', '2026-01-12', '42.5', ''],
  ['Accounts with 3 or more active users', '2026-W02', '2026-01-05', '17', 'ok'],
  ['Active users retained from last week', '2026-W04', '2026-01-19', '61.2', ''],
];

test('a messy CSV: preview rejects the two bad rows, skip them, import; again adds nothing', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Acme data', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    await openTab(page, 'Data');
    await page.getByRole('heading', { name: 'Import entries from CSV' }).waitFor();

    // Files that are not CSV say so where the user looks, and change nothing.
    const input = page.getByLabel('Choose a CSV file');
    await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByRole('alert').getByText('The file is empty').waitFor();
    await input.setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]),
    });
    await page.getByRole('alert').getByText('does not look like a CSV file').waitFor();

    await input.setInputFiles(messyFile);
    await page.getByText('messy.csv', { exact: true }).waitFor();
    await expect(page.getByTestId('delimiter').textContent()).resolves.toBe('semicolons');
    await expect(page.getByLabel('Metric (name or id)').inputValue()).resolves.toBe('0');
    await expect(page.getByLabel('Decimal mark').inputValue()).resolves.toBe(',');
    // Day-first: 13/01 and 20/01 can only be read that way.
    await expect(page.getByLabel('Dates are written').inputValue()).resolves.toBe('dmy');
    await page.getByLabel('Dates are written').selectOption('dmy');

    const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
    await summary.getByText('5 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/5 new, 0 updated, 0 unchanged/);
    const rejected = page.getByRole('table', { name: 'Rejected rows' }).locator('tbody tr');
    await expect(rejected.count()).resolves.toBe(2);
    const rows = await rejected.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    expect(rows).toEqual([
      ['6', 'Monthly revenue | 05/01/2026 | 100 |', 'Unknown metric “Monthly revenue”'],
      ['7', 'Active days per weekly active user | 05/01/2026 | 12abc |', '“12abc” is not a number'],
    ]);
    await expectNoA11yViolations(page, 'data tab with an import preview');

    const importButton = page.getByRole('button', { name: 'Import 5 values' });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Skip the 2 rejected rows').check();
    await importButton.click();
    const done = page.getByRole('status').filter({ hasText: 'Imported 5 values' });
    await done.getByText('5 new, 0 updated, 0 unchanged').waitFor();
    await done.getByRole('link', { name: 'See the dashboard' }).waitFor();
    await waitSaved(page);

    const first = await download(page, 'Entries as CSV');
    expect(first.name).toMatch(/^lodestar-acme-data-entries-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(entryCells(first.text)).toEqual(EXPECTED);

    // The same file again, dropped this time: nothing new, nothing duplicated.
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'messy.csv', { type: 'text/csv' }));
      return transfer;
    }, MESSY_CSV);
    await page.locator('.drop').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByLabel('Dates are written').selectOption('dmy');
    await summary.getByText('5 values ready to import').waitFor();
    await expect(summary.textContent()).resolves.toMatch(/0 new, 0 updated, 5 unchanged/);
    await page.getByLabel('Skip the 2 rejected rows').check();
    await page.getByRole('button', { name: 'Import 5 values' }).click();
    await page.getByText('0 new, 0 updated, 5 unchanged').waitFor();
    const second = await download(page, 'Entries as CSV');
    expect(entryCells(second.text)).toEqual(EXPECTED);

    // The metric tree export lists every metric of the template under its parent.
    const tree = await download(page, 'Metric tree as CSV');
    expect(tree.name).toMatch(/^lodestar-acme-data-metric-tree-\d{4}-\d{2}-\d{2}\.csv$/);
    const treeLines = tree.text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(treeLines[0]).toMatch(/^name,kind,parent name,owner,team,definition,unit,/);
    expect(treeLines).toHaveLength(8);
    expect(treeLines[2]).toMatch(
      /^New sign-ups activated within 7 days,input,Weekly active users,/,
    );
    expect(page.url()).toContain(id);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('backup, delete, restore gives back the same workspace; a second restore is a copy', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Backed up', 'saas-weekly-active-users');
    await treeRow(page, 'Weekly active users').waitFor();
    const treeBefore = await outline(page);
    await openTab(page, 'Data');
    await page.getByLabel('Choose a CSV file').setInputFiles(messyFile);
    await page.getByLabel('Dates are written').selectOption('dmy');
    await page.getByLabel('Skip the 2 rejected rows').check();
    await page.getByRole('button', { name: 'Import 5 values' }).click();
    await waitSaved(page);
    const entriesBefore = await download(page, 'Entries as CSV');
    const backup = await download(page, 'Download a backup');
    expect(backup.name).toMatch(/^lodestar-backed-up-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'lodestar-backup', version: 2 });

    await page.getByRole('link', { name: '← All workspaces' }).click();
    await page.getByRole('button', { name: 'Delete Backed up' }).click();
    await page.getByRole('button', { name: 'Delete from this device' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Backed up' }).count()).toBe(0);

    const restoreInput = page.getByLabel('Backup file (.json)');
    await restoreInput.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByRole('alert').getByText('This is not a Lodestar backup file').waitFor();
    await expectNoA11yViolations(page, 'start screen with a restore error');

    const file = {
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    };
    await restoreInput.setInputFiles(file);
    await page.getByRole('link', { name: 'Open Backed up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backed up' }).waitFor();
    expect(page.url()).toContain(`#/w/${id}`); // the same workspace, still shared with teammates
    await openTab(page, 'Data');
    const entriesAfter = await download(page, 'Entries as CSV');
    expect(entriesAfter.text).toBe(entriesBefore.text);
    await openTab(page, 'Metric tree');
    await treeRow(page, 'Weekly active users').waitFor();
    expect(await outline(page)).toEqual(treeBefore);

    // Restoring again while the workspace exists never overwrites it: a copy appears.
    await page.getByRole('link', { name: '← All workspaces' }).click();
    await page.getByLabel('Backup file (.json)').setInputFiles(file);
    await page
      .getByRole('link', { name: /^Open Backed up \(restored \d{4}-\d{2}-\d{2}\)$/ })
      .waitFor();
    await expect(page.getByRole('link', { name: /^Backed up/ }).count()).resolves.toBe(2);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a calendar reminder lists the metrics I own', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Reminders', 'saas-weekly-active-users');
    await openTab(page, 'Data');
    await page.getByText('First choose who you are').waitFor();
    await expectNoA11yViolations(page, 'data tab');

    await openTab(page, 'People');
    await page.getByLabel('New person’s name').fill('Ana');
    await page.getByLabel('Their team').fill('Growth');
    await page.getByRole('button', { name: 'Add person' }).click();
    await openTab(page, 'Metric tree');
    await treeRow(page, 'Weekly active users').click();
    await page.getByLabel('Owner').selectOption({ label: 'Ana (Growth)' });
    await openTab(page, 'Check-in');
    await page.getByLabel('I am').selectOption({ label: 'Ana' });

    await openTab(page, 'Data');
    await page.getByRole('listitem').filter({ hasText: 'Weekly active users' }).waitFor();
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Thursday' });
    await page.getByLabel('Time', { exact: true }).fill('08:30');
    const ics = await download(page, 'Download calendar reminder');
    expect(ics.name).toBe('lodestar-checkin.ics');
    const lines = ics.text.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH');
    // In the browser's zone, with that zone's VTIMEZONE in the file.
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(lines.find((l) => l.startsWith('DTSTART;'))).toMatch(
      new RegExp(`^DTSTART;TZID=${zone}:\\d{8}T083000$`),
    );
    expect(lines).toContain(`TZID:${zone}`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:Log'))).toContain(
      '- Weekly active users (weekly)',
    );
    await expectNoA11yViolations(page, 'data tab with a reminder');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
