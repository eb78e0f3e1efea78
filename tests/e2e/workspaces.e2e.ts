import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('workspaces on the start screen: create from a template, rename, delete with confirmation', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Blank one');
    const long = 'A very long workspace name '.repeat(8).trim();
    await createWorkspace(page, long, 'net-promoter-score');
    await treeRow(page, 'Net promoter score').waitFor();
    await page.getByRole('link', { name: '← All workspaces' }).click();
    await page.getByRole('link', { name: long }).waitFor();
    await expectNoA11yViolations(page, 'start screen with workspaces');

    // The long name wraps inside its card rather than pushing the buttons off screen.
    const button = page.getByRole('button', { name: `Delete ${long}` });
    const box = await button.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1280);

    await page.getByRole('button', { name: 'Rename Blank one' }).click();
    await page.getByLabel('New name for Blank one').fill('  ');
    await page.keyboard.press('Enter');
    await page.getByText('A name is required.').waitFor();
    await page.getByLabel('New name for Blank one').fill('Renamed');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Renamed' }).waitFor();

    await page.getByRole('button', { name: 'Delete Renamed' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText("only this device's copy").waitFor();
    await expectNoA11yViolations(page, 'delete dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Renamed' }).waitFor();
    await page.getByRole('button', { name: 'Delete Renamed' }).click();
    await dialog.getByRole('button', { name: 'Delete from this device' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Renamed' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('link', { name: long }).waitFor();
    await expect(page.getByRole('link', { name: 'Renamed' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an unknown workspace address says so and creates nothing', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/#/w/not-a-real-id');
    await page.getByRole('alert').filter({ hasText: 'no workspace with this address' }).waitFor();
    // It says what is true: no "Untitled", no "Saved on this device", no tabs to browse.
    await page.getByRole('heading', { level: 1, name: 'No such workspace' }).waitFor();
    await expect(page.getByText('Saved on this device').count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Workspace' }).count()).resolves.toBe(0);
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs.filter((n) => n?.startsWith('lodestar-ws-'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a damaged share link says what is wrong', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto('/#/join/abc123def456?n=Team&k=tooshort');
    await page.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
    await page.goto('/#/join/abc123def456?n=Team');
    await page.getByRole('alert').filter({ hasText: 'cut short' }).waitFor();
    await expectNoA11yViolations(page, 'join screen with a bad link');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
