import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseShareFragment } from '../../src/domain/shareLink';
import { exportSyncFile } from '../../src/sync/syncFile';
import { expectNoA11yViolations, launchBrowser, newPage, type TestPage } from './support/browser';
import { createWorkspace, nav, outline, treeRow, waitOfflineReady } from './support/app';
import { startSignaling, type Signaling } from './support/signaling';
import { join, shareFrom } from './support/share';

let signaling: Signaling;
const browsers: Browser[] = [];

beforeAll(async () => {
  signaling = await startSignaling(inject('root'));
  // Separate browser processes: nothing is shared but the network. The fourth carries the
  // witnesses that prove a copy is listening before a test says something did not reach it.
  for (let i = 0; i < 4; i++) browsers.push(await launchBrowser());
}, 60_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await signaling?.stop();
});

const NSM = 'Nights booked';
const FIRST = 'Bookable listings';
const SECOND = 'Searcher-to-booking conversion';

/** Whether two copies show the same outline (names, order and depth). */
async function sameTree(a: Page, b: Page): Promise<boolean> {
  return JSON.stringify(await outline(a)) === JSON.stringify(await outline(b));
}

/** Adds a metric under `parent` in the outline and waits for its row. */
async function addUnder(page: Page, parent: string, name: string): Promise<void> {
  await treeRow(page, parent).click();
  await page.keyboard.press('a');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.keyboard.press('Enter');
  await treeRow(page, name).waitFor();
}

test('two browsers co-edit through an encrypted link, offline work and sync files included', async () => {
  const a: TestPage = await newPage(browsers[0]!);
  const b: TestPage = await newPage(browsers[1]!);
  const c: TestPage = await newPage(browsers[2]!);
  const cam: TestPage = await newPage(browsers[3]!);
  const trudy: TestPage = await newPage(browsers[3]!);
  try {
    const id = await createWorkspace(a.page, 'Shared stays', 'nights-booked');
    const link = await shareFrom(a.page, id, signaling.url);
    expect(link).toContain(`#/join/${id}?`);
    await expectNoA11yViolations(a.page, 'share tab');

    // B opens the link, says who they are, and receives the workspace.
    await join(b.page, link, 'Bea');
    await b.page.getByRole('link', { name: NSM }).first().waitFor({ timeout: 20_000 });
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    await a.page.getByText('Connected to 1 peer').waitFor();

    // Both edit the same metric at once (different fields) and both win.
    await a.page.goto(`/#/w/${id}/tree`);
    await b.page.goto(`/#/w/${id}/tree`);
    await treeRow(a.page, FIRST).click();
    await treeRow(b.page, FIRST).click();
    await Promise.all([
      a.page.getByLabel('Name', { exact: true }).fill('Listings ready to book'),
      b.page.getByLabel('Definition: how it is calculated').fill('Listings with a free night'),
    ]);
    await Promise.all([
      a.page.getByLabel('Name', { exact: true }).press('Enter'),
      b.page.getByLabel('Definition: how it is calculated').blur(),
    ]);
    for (const p of [a.page, b.page]) {
      await treeRow(p, 'Listings ready to book').waitFor();
      await expect
        .poll(() => p.getByLabel('Definition: how it is calculated').inputValue())
        .toBe('Listings with a free night');
    }

    // Conflicting moves made at the same time (both copies offline, so neither hears of the
    // other's): A puts the second input under the first, B the first under the second.
    await Promise.all([waitOfflineReady(a.page), waitOfflineReady(b.page)]);
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    for (const p of [a.page, b.page]) await p.getByText('Offline', { exact: true }).waitFor();
    await treeRow(a.page, SECOND).click();
    await a.page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => treeRow(a.page, SECOND).getAttribute('aria-level')).toBe('3');
    await treeRow(b.page, 'Listings ready to book').click();
    const secondId = await treeRow(b.page, SECOND).getAttribute('data-id');
    await b.page.getByLabel('Sits under').selectOption(secondId ?? '');
    await expect
      .poll(() => treeRow(b.page, 'Listings ready to book').getAttribute('aria-level'))
      .toBe('3');
    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);
    // Back online they merge into one tree, the same on both, with no metric lost.
    await expect.poll(() => sameTree(a.page, b.page), { timeout: 45_000 }).toBe(true);
    expect(await outline(a.page)).toHaveLength(7);

    // B goes offline and keeps working; A does not hear of it.
    await waitOfflineReady(b.page);
    await b.context.setOffline(true);
    await b.page.getByText('Offline', { exact: true }).waitFor();
    await addUnder(b.page, NSM, 'Idea from the train');
    // Proof that A is listening: after B's edit, a teammate joins and adds a metric. By the time
    // it shows at A, anything B could still send would have arrived too; B's edit has not.
    await join(cam.page, link, 'Cam');
    await cam.page.goto(`/#/w/${id}/tree`);
    await treeRow(cam.page, NSM).waitFor({ timeout: 45_000 });
    await addUnder(cam.page, NSM, 'Added by Cam');
    await treeRow(a.page, 'Added by Cam').waitFor({ timeout: 45_000 });
    await expect(treeRow(a.page, 'Idea from the train').count()).resolves.toBe(0);
    expect(cam.errors).toEqual([]);
    await cam.context.close();

    // A sync file carries B's offline work to A, no network involved.
    await b.page.goto(`/#/w/${id}/share`);
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      b.page.getByRole('button', { name: 'Save a sync file' }).click(),
    ]);
    const file = readFileSync((await download.path()) ?? '');
    await a.page.goto(`/#/w/${id}/share`);
    await a.page.getByLabel('Open a sync file').setInputFiles({
      name: 'from-bea.lodestar-sync',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    await a.page.getByText(/Merged “from-bea.lodestar-sync”: .*1 metric/).waitFor();
    // Opening it again changes nothing.
    await a.page.getByLabel('Open a sync file').setInputFiles({
      name: 'again.lodestar-sync',
      mimeType: 'application/octet-stream',
      buffer: file,
    });
    await a.page.getByText('Merged “again.lodestar-sync”: nothing new.').waitFor();

    // B edits more offline, comes back, and both converge.
    await b.page.goto(`/#/w/${id}/tree`);
    await treeRow(b.page, 'Idea from the train').click();
    await b.page.getByLabel('Name', { exact: true }).fill('Idea, refined offline');
    await b.page.getByLabel('Name', { exact: true }).press('Enter');
    await b.context.setOffline(false);
    await a.page.goto(`/#/w/${id}/tree`);
    await treeRow(a.page, 'Idea, refined offline').waitFor({ timeout: 20_000 });
    await expect.poll(() => sameTree(a.page, b.page), { timeout: 45_000 }).toBe(true);

    // A third browser with a tampered key learns nothing.
    const key = /[?&]k=([A-Za-z0-9_-]{43})/.exec(link)?.[1] ?? '';
    const flipped = key.slice(0, 20) + (key[20] === 'A' ? 'B' : 'A') + key.slice(21);
    const tampered = link.replace(key, flipped);
    await join(c.page, tampered, 'Mallory');
    await c.page.getByText('No North Star yet').waitFor();
    // Proof that Mallory's copy is listening: a second copy on the same tampered link (the room
    // that key opens) adds an input metric after Mallory joined. By the time it shows at
    // Mallory, anything A's room could send her would have arrived too; nothing did.
    await join(trudy.page, tampered, 'Trudy');
    await Promise.all([trudy.page, c.page].map((p) => p.goto(`/#/w/${id}/tree`)));
    await trudy.page.getByRole('button', { name: 'Add top-level' }).click();
    await trudy.page.getByLabel('Name', { exact: true }).fill('Tampered-room control');
    await trudy.page.getByLabel('Kind').selectOption('input');
    await trudy.page.getByLabel('Name', { exact: true }).press('Enter');
    await treeRow(c.page, 'Tampered-room control').waitFor({ timeout: 45_000 });
    expect(await outline(c.page)).toEqual(['1:Tampered-room control']);
    await nav(c.page, 'Dashboard').click();
    await c.page.getByText('No North Star yet').waitFor();
    await expect(c.page.getByRole('link', { name: NSM }).count()).resolves.toBe(0);
    // Nor does A hear of Mallory: B adds a metric once Mallory is live, and when it shows at A,
    // A's share tab names neither Mallory nor Trudy.
    await addUnder(b.page, NSM, 'Added after Mallory came');
    await treeRow(a.page, 'Added after Mallory came').waitFor({ timeout: 45_000 });
    await a.page.goto(`/#/w/${id}/share`);
    await a.page.locator('#share-link').waitFor();
    await expect(a.page.getByText('Mallory').count()).resolves.toBe(0);
    await expect(a.page.getByText('Trudy').count()).resolves.toBe(0);

    expect(trudy.errors).toEqual([]);
    expect(a.errors).toEqual([]);
    // Offline, Chromium still fetches the favicon itself (service workers never see it).
    expect(b.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  } finally {
    await Promise.all([a, b, c, cam, trudy].map((p) => p.context.close()));
  }
});

test('a hostile peer writing junk into the shared document breaks nothing', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Under attack', 'nights-booked');
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await b.page.getByRole('link', { name: NSM }).first().waitFor({ timeout: 20_000 });

    // The hostile peer holds the key (it was invited) and writes junk of every kind.
    const parsed = parseShareFragment(link);
    if (!parsed.ok) throw new Error(parsed.error);
    const junk = new Y.Doc();
    const metrics = junk.getMap<unknown>('metrics');
    metrics.set('not-a-record', 42);
    const evil = new Y.Map<unknown>();
    metrics.set('evilmetric01', evil);
    evil.set('name', '<img src=x onerror=alert(1)>'.repeat(20_000));
    evil.set('kind', 'wormhole');
    evil.set('baselineValue', 'lots');
    evil.set('parentId', { $ne: null });
    for (let i = 0; i < 2000; i++) metrics.set(`junk${i}`, [i]);
    junk.getMap<unknown>('people').set('p', 'not a person');
    const file = await exportSyncFile(Y.encodeStateAsUpdate(junk), id, parsed.info.key);

    await a.page.goto(`/#/w/${id}/share`);
    await a.page.getByLabel('Open a sync file').setInputFiles({
      name: 'hostile.lodestar-sync',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(file),
    });
    await a.page.getByText(/Merged “hostile.lodestar-sync”/).waitFor();
    for (const p of [a.page, b.page]) {
      await p.goto(`/#/w/${id}/tree`);
      await p
        .locator('summary', { hasText: 'could not be read and were ignored' })
        .waitFor({ timeout: 20_000 });
      await treeRow(p, NSM).waitFor();
      // The junk name shows as text, cut to length, never as markup.
      await expect(p.locator('img[src="x"]').count()).resolves.toBe(0);
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});

test('after “Reset link”, holders of the old link receive nothing new until they rejoin', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  const c = await newPage(browsers[2]!);
  try {
    const id = await createWorkspace(a.page, 'Rotating', 'nights-booked');
    const oldLink = await shareFrom(a.page, id, signaling.url);
    await join(b.page, oldLink, 'Bea');
    await join(c.page, oldLink, 'Cy');
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    await a.page.getByText('Cy · online').waitFor({ timeout: 20_000 });

    await a.page.getByRole('button', { name: 'Reset link…' }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Reset link' }).click();
    await expect.poll(() => a.page.locator('#share-link').inputValue()).not.toBe(oldLink);
    const newLink = await a.page.locator('#share-link').inputValue();
    await expect
      .poll(() => a.page.getByText(/(Bea|Cy) · online/).count(), { timeout: 15_000 })
      .toBe(0);

    // A keeps working; B, still on the old key, hears nothing of it.
    await Promise.all([a.page, b.page, c.page].map((p) => p.goto(`/#/w/${id}/tree`)));
    await addUnder(a.page, NSM, 'After the reset');
    // Proof that B is listening: after A's edit, Cy (the other holder of the old link, in B's
    // room) adds a metric. By the time it shows at B, A's edit would have arrived too.
    await addUnder(c.page, NSM, 'Added on the old link');
    await treeRow(b.page, 'Added on the old link').waitFor({ timeout: 45_000 });
    await expect(treeRow(b.page, 'After the reset').count()).resolves.toBe(0);
    expect(c.errors).toEqual([]);
    await c.context.close();

    // The new link brings B back, with everything.
    await b.page.goto(newLink);
    await b.page.waitForURL((url) => !url.hash.includes('join'));
    await b.page.goto(`/#/w/${id}/tree`);
    // Room for one stalled WebRTC handshake (given up after 10 s) and a new announce.
    await treeRow(b.page, 'After the reset').waitFor({ timeout: 45_000 });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
  }
});

test('two people on one success plan at once: a move, a ticked milestone and two notes all stay', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    const id = await createWorkspace(a.page, 'Shared customers');
    await a.page.goto(`/#/w/${id}/customers/journey`);
    await a.page.getByRole('button', { name: /^Start from: Signed/ }).click();
    await a.page.goto(`/#/w/${id}/customers`);
    await a.page.getByRole('button', { name: 'New success plan' }).click();
    await a.page.getByLabel('Customer', { exact: true }).fill('Acme Logistics');
    await a.page.getByRole('button', { name: 'Create plan' }).click();
    await a.page.waitForURL(/\/plan\//);
    const planUrl = new URL(a.page.url()).hash;
    await a.page.getByLabel('New milestone', { exact: true }).fill('Kick-off call');
    await a.page.getByRole('button', { name: 'Add milestone' }).click();

    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    await Promise.all([a.page.goto(`/${planUrl}`), b.page.goto(`/${planUrl}`)]);
    await b.page.getByRole('checkbox', { name: 'Done: Kick-off call' }).waitFor();

    // Both offline, so the edits are truly concurrent: A moves the plan and writes a note,
    // B ticks the milestone and writes a note.
    await Promise.all([waitOfflineReady(a.page), waitOfflineReady(b.page)]);
    await Promise.all([a.context.setOffline(true), b.context.setOffline(true)]);
    for (const p of [a.page, b.page]) await p.getByText('Offline', { exact: true }).waitFor();
    await a.page.getByLabel('Journey step').selectOption({ label: 'Onboarded' });
    await a.page.getByLabel('Add a note').fill('Moved on after the contract call');
    await a.page.getByRole('button', { name: 'Add note' }).click();
    await b.page.getByRole('checkbox', { name: 'Done: Kick-off call' }).check();
    await b.page.getByLabel('Add a note').fill('Kick-off done, great energy');
    await b.page.getByRole('button', { name: 'Add note' }).click();
    await Promise.all([a.context.setOffline(false), b.context.setOffline(false)]);

    for (const p of [a.page, b.page]) {
      await expect
        .poll(
          async () => {
            const step = await p
              .getByLabel('Journey step')
              .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
            const done = await p.getByRole('checkbox', { name: 'Done: Kick-off call' }).isChecked();
            const notes = await p.getByText(/^(Moved on after|Kick-off done)/).count();
            return `${step.trim()}|${String(done)}|${notes}`;
          },
          { timeout: 45_000 },
        )
        .toBe('Onboarded|true|2');
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
});
