import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { expectNoA11yViolations, launchBrowser, newPage, type TestPage } from './support/browser';
import {
  createWorkspace,
  download,
  nav,
  outline,
  treeRow,
  waitOfflineReady,
  waitSaved,
} from './support/app';
import { startSignaling, type Signaling } from './support/signaling';
import { join, shareFrom } from './support/share';

let signaling: Signaling;
const browsers: Browser[] = [];

beforeAll(async () => {
  signaling = await startSignaling(inject('root'));
  // Separate browser processes: nothing is shared but the network.
  for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
}, 60_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await signaling?.stop();
});

const NSM = 'Weekly active users';
const INPUT = 'Key features used per active user';

/** The saved versions, newest first (the list's own items, not the lists inside an open one). */
const versions = (page: Page) =>
  page.getByRole('list', { name: 'Saved versions' }).locator(':scope > li');

test("a teammate's copy deletes the tree: the alarm, a restore that reaches them, its undo; one metric brought back from an earlier version", async () => {
  const a: TestPage = await newPage(browsers[0]!);
  const b: TestPage = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Guarded team', 'saas-weekly-active-users');
    await a.page.goto(`/#/w/${id}/tree`);
    await treeRow(a.page, NSM).waitFor();
    const tree = await outline(a.page);
    expect(tree).toHaveLength(7);

    // The version it opened with is on this device.
    await nav(a.page, 'History').click();
    await a.page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await versions(a.page).filter({ hasText: 'When the workspace opened' }).first().waitFor();
    await expectNoA11yViolations(a.page, 'history');

    // B joins, and deletes the North Star with everything below it.
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await b.page.goto(`/#/w/${id}/tree`);
    await treeRow(b.page, NSM).waitFor({ timeout: 20_000 });
    await treeRow(b.page, NSM).click();
    await b.page.keyboard.press('Delete');
    await expect.poll(() => outline(b.page)).toEqual([]);

    // A is told at once, and puts it back; B gets it back without doing anything.
    await a.page.goto(`/#/w/${id}/tree`);
    const alarm = a.page.getByRole('alert').filter({ hasText: "A teammate's copy just removed" });
    await alarm.waitFor({ timeout: 20_000 });
    await expect(alarm.textContent()).resolves.toContain('7 fewer metrics');
    await expectNoA11yViolations(a.page, 'the alarm');
    await alarm.getByRole('button', { name: /^Restore the version of / }).click();
    await expect.poll(() => outline(a.page)).toEqual(tree);
    await expect.poll(() => outline(b.page), { timeout: 20_000 }).toEqual(tree);
    await expect(alarm.count()).resolves.toBe(0);

    // The restore is an ordinary edit: Undo takes it back, Redo again, on both copies.
    await a.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => outline(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => outline(a.page)).toEqual(tree);
    await expect.poll(() => outline(b.page), { timeout: 20_000 }).toEqual(tree);
    await waitSaved(a.page);

    // Who did it: A's History names Bea, whose copy said who it was; the tab counts what is new.
    await expect(nav(a.page, 'History').textContent()).resolves.toMatch(/History\s*\d+/);
    await nav(a.page, 'History').click();
    const feed = a.page.getByRole('list', { name: 'Changes from other copies' });
    await feed
      .getByText(/^Bea changed 7 metrics/)
      .first()
      .waitFor();
    await a.page.getByText(/new since you last looked/).waitFor();
    await nav(a.page, 'Metric tree').click();
    await treeRow(a.page, INPUT).waitFor();

    // One metric: A deletes it, reopens (a new version), and brings back only that one.
    await treeRow(a.page, INPUT).click();
    await a.page.keyboard.press('Delete');
    await expect.poll(async () => (await outline(a.page)).length).toBe(6);
    await waitSaved(a.page);
    await a.page.reload();
    await nav(a.page, 'History').click();
    // Newest first: reopened (6 metrics), just before the restore (none), opened (all 7).
    await expect
      .poll(() => versions(a.page).locator('.line > span:first-of-type').allTextContents())
      .toEqual(['When the workspace opened', 'Just before a restore', 'When the workspace opened']);
    await versions(a.page)
      .first()
      .getByText(/6 more metrics/)
      .waitFor();
    const older = versions(a.page).last();
    await older.getByRole('button', { name: /^Look at the version of / }).click();
    await older.getByText('Since then: 1 fewer metric.').waitFor();
    await expectNoA11yViolations(a.page, 'a version beside today');
    await older.getByRole('button', { name: `Restore ${INPUT} as it was` }).click();
    await older.getByText(/^Restored “Key features used per active user” as of /).waitFor();
    await nav(a.page, 'Metric tree').click();
    await expect.poll(() => outline(a.page)).toEqual(tree);

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('an import saves the version before it, and restoring that version takes the import back', async () => {
  const { context, page, errors } = await newPage(browsers[0]!);
  /** Imports one value from a CSV on the Data tab. */
  async function importValue(period: string, value: string): Promise<void> {
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: `${period}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(`Metric,Period,Value\n${NSM},${period},${value}\n`),
    });
    await page.getByRole('button', { name: 'Import 1 value' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1 value' }).waitFor();
    await waitSaved(page);
  }
  try {
    const id = await createWorkspace(page, 'Importing team', 'saas-weekly-active-users');
    await page.goto(`/#/w/${id}/data`);
    await importValue('2026-W03', '1300');
    await importValue('2026-W04', '1400');

    await nav(page, 'History').click();
    const before = versions(page).filter({ hasText: 'Just before an import' });
    await before.getByRole('button', { name: /^Look at the version of / }).click();
    await before.getByText('Since then: 1 more entry.').waitFor();
    await before.getByLabel('Or only').selectOption({ label: 'entries' });
    await before.getByRole('button', { name: 'Restore this part' }).click();
    await before.getByText(/^Restored the entries as of /).waitFor();

    await page.goto(`/#/w/${id}/data`);
    const csv = await download(page, 'Entries as CSV');
    expect(csv.text).toContain('1300');
    expect(csv.text).not.toContain('1400');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('two copies rename the same metric offline: the copy whose name lost is told once and puts its own back', async () => {
  const a: TestPage = await newPage(browsers[0]!);
  const b: TestPage = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Naming team', 'saas-weekly-active-users');
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    for (const p of [a.page, b.page]) {
      await p.goto(`/#/w/${id}/tree`);
      await treeRow(p, INPUT).waitFor({ timeout: 20_000 });
    }
    await Promise.all([waitOfflineReady(a.page), waitOfflineReady(b.page)]);
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    for (const p of [a.page, b.page]) await p.getByText('Offline', { exact: true }).waitFor();
    const names = new Map([
      [a.page, 'Features used (A)'],
      [b.page, 'Features used (B)'],
    ]);
    for (const [p, name] of names) {
      await treeRow(p, INPUT).click();
      await p.getByLabel('Name', { exact: true }).fill(name);
      await p.getByLabel('Name', { exact: true }).press('Enter');
      await treeRow(p, name).waitFor();
      await treeRow(p, NSM).click(); // the editor moves on: nothing of it is left to save
    }
    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
    // They meet and agree on one name; the other copy is told its name was replaced.
    let kept = '';
    await expect
      .poll(
        async () => {
          const [x, y] = await Promise.all([outline(a.page), outline(b.page)]);
          kept = (x.find((r) => r.includes('Features used')) ?? '').replace(/^\d+:/, '');
          return JSON.stringify(x) === JSON.stringify(y) && kept !== '';
        },
        { timeout: 45_000 },
      )
      .toBe(true);
    const [loser, winner] = kept === names.get(a.page) ? [b, a] : [a, b];
    const mine = names.get(loser.page)!;
    const notice = loser.page
      .getByRole('alert')
      .filter({ hasText: "A teammate's copy replaced your edit" });
    await notice.waitFor();
    await expect(notice.textContent().then((t) => t?.replace(/\s+/g, ' '))).resolves.toContain(
      `you set “${mine}”, it now says “${kept}”`,
    );
    await expect(
      winner.page.getByRole('alert').filter({ hasText: "A teammate's copy replaced" }).count(),
    ).resolves.toBe(0);
    await expectNoA11yViolations(loser.page, 'a replaced edit');
    await notice.getByRole('button', { name: 'Put mine back' }).click();
    for (const p of [a.page, b.page]) await treeRow(p, mine).waitFor({ timeout: 20_000 });
    await expect(notice.count()).resolves.toBe(0);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
