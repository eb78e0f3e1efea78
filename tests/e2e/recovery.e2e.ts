/**
 * Getting data back: workspaces whose registry row is gone, a backup changed by one character,
 * and our own CSV exports read back exactly as they were.
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

/** Deletes the device database (the list of workspaces), as a browser clean-up might. */
function deleteRegistry(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('lodestar');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
}

test('a lost list of workspaces: the start screen and a direct link bring them back', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const first = await createWorkspace(page, 'Found again', 'nights-booked');
    await waitSaved(page);
    const second = await createWorkspace(page, 'Linked again', 'messages-sent');
    await waitSaved(page);
    await page.goto('/#/');
    await page.getByRole('link', { name: 'Found again' }).waitFor();
    await deleteRegistry(page);
    await page.reload();

    const found = page.getByRole('region', { name: 'Found on this device' });
    await found.getByText('Found again', { exact: true }).waitFor();
    await found.getByText('Linked again', { exact: true }).waitFor();
    await expect(page.getByText('No workspaces here yet').count()).resolves.toBe(0);
    await expectNoA11yViolations(page, 'start screen with found workspaces');
    await found.getByRole('button', { name: 'Bring back Found again' }).click();
    await page.getByRole('link', { name: 'Found again' }).click();
    await page.waitForURL(new RegExp(first));
    await nav(page, 'Metric tree').click();
    await treeRow(page, 'Nights booked').waitFor();

    // A direct link to the other one offers the same.
    await page.goto(`/#/w/${second}`);
    await page.getByRole('button', { name: 'Bring it back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Linked again' }).waitFor();
    await waitSaved(page);
    await page.goto('/#/');
    await page.getByRole('link', { name: 'Linked again' }).waitFor();
    await page.getByRole('link', { name: 'Found again' }).waitFor();
    await expect(found.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a backup with one character changed is refused, naming what changed', async () => {
  const { context, page } = await newPage(browser);
  try {
    await createWorkspace(page, 'Checked backup', 'nights-booked');
    await waitSaved(page);
    await nav(page, 'Data').click();
    const backup = await download(page, 'Download a backup');
    const file = JSON.parse(backup.text) as { update: string };
    const i = Math.floor(file.update.length / 2);
    const swapped = file.update[i] === 'A' ? 'B' : 'A';
    const changed = backup.text.replace(
      file.update,
      file.update.slice(0, i) + swapped + file.update.slice(i + 1),
    );
    await page.goto('/#/');
    const input = page.getByLabel('Backup file (.json)');
    await input.setInputFiles({
      name: 'changed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(changed),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'its workspace data does not match its checksum' })
      .waitFor();
    // The same file unchanged restores, and says it was checked.
    await input.setInputFiles({
      name: backup.name,
      mimeType: 'application/json',
      buffer: Buffer.from(backup.text),
    });
    await page.getByRole('status').filter({ hasText: 'Checksum verified' }).waitFor();
    await expect(page.getByRole('link', { name: /^Checked backup/ }).count()).resolves.toBe(2);
  } finally {
    await context.close();
  }
});

test('our own entries export imports back unchanged, formula-looking notes included', async () => {
  const { context, page } = await newPage(browser);
  try {
    await createWorkspace(page, 'Round trip', 'saas-weekly-active-users');
    await nav(page, 'Check-in').click();
    await page.locator('input:focus').waitFor(); // the check-in focuses its first value
    const notes = ['=1+1', '-Cust2', "'=already", '@sum(A1)', 'plain, "quoted"'];
    for (const note of notes) {
      await page.keyboard.type('12');
      await page.keyboard.press('Tab');
      await page.keyboard.type(note);
      await page.keyboard.press('Enter');
    }
    await waitSaved(page);
    await nav(page, 'Data').click();
    const csv = await download(page, 'Entries as CSV (5 values)');
    expect(csv.text).toContain("'=1+1");
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: csv.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.text),
    });
    await page.getByText('(0 new, 0 updated, 5 unchanged)').waitFor();
  } finally {
    await context.close();
  }
});
