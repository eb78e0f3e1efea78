/**
 * A full disk, made with the DevTools protocol's quota override: every write the app could not
 * store is announced as not saved where the user is looking, is kept in memory and written once
 * space returns; a write announced as saved is there after a reload; a window closed while
 * changes were held says so when the workspace next opens.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * 20,000 values of four weekly metrics: 5,000 weeks each from Monday 3 January 1910 (to 2005),
 * so none collide and every period is one the import accepts (from 1900, already started).
 */
const BIG_METRICS = [
  'Weekly active users',
  'New sign-ups activated within 7 days',
  'Active days per weekly active user',
  'Active users retained from last week',
];
function bigCsv(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['metric,date,value,note'];
  const start = Date.UTC(1910, 0, 3);
  for (const metric of BIG_METRICS) {
    for (let k = 0; k < 5_000; k++) {
      const date = new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${metric},${date},${k % 50},imported row ${k} with a note to take space`);
    }
  }
  return { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

/** Writes 100 kB to a scratch database: "ok", or the name of the error that stopped it. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('quota-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('p');
        open.onerror = () => resolve(String(open.error?.name));
        open.onsuccess = () => {
          const tx = open.result.transaction('p', 'readwrite');
          tx.objectStore('p').put(new Uint8Array(100_000), 'x');
          tx.oncomplete = () => {
            open.result.close();
            resolve('ok');
          };
          tx.onabort = () => {
            open.result.close();
            resolve(String(tx.error?.name));
          };
        };
      }),
  );
}

/**
 * Makes this origin's quota just above what it uses now (null: the real quota again), then
 * waits until a probe write shows it took effect: Chromium's IndexedDB caches the space left
 * for up to about 30 s.
 */
async function squeeze(cdp: CDPSession, page: Page, headroom: number | null): Promise<void> {
  const origin = new URL(page.url()).origin;
  if (headroom === null) {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  } else {
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + headroom });
  }
  const want = headroom === null ? 'ok' : 'QuotaExceededError';
  await expect.poll(() => probeWrite(page), { timeout: 60_000, interval: 500 }).toBe(want);
}

async function importBig(page: Page): Promise<void> {
  await nav(page, 'Data').click();
  await page.getByLabel('Choose a CSV file').setInputFiles(bigCsv());
  await page.getByLabel('Dates are written').selectOption('ymd');
  await page.getByRole('button', { name: 'Import 20,000 values' }).click();
}

async function logValue(page: Page, metricName: string, value: string): Promise<void> {
  await nav(page, 'Check-in').click();
  const field = page.getByRole('textbox', { name: new RegExp(`^Value of ${metricName}`) }).first();
  await field.fill(value);
  await field.press('Enter');
}

test('a full disk: the import says not saved, later edits are held, all is written when space returns', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    await createWorkspace(page, 'Full disk', 'saas-weekly-active-users');
    await waitSaved(page);
    const cdp = await context.newCDPSession(page);
    await squeeze(cdp, page, 20_000);

    await importBig(page);
    const alert = page.getByRole('alert').filter({ hasText: 'storage is full' }).first();
    await alert.waitFor();
    await page.getByText('Not saved', { exact: true }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'from “big.csv” are in this window but not saved' })
      .waitFor();
    // Positive control first (the failure arrived), then: never said imported, never saved.
    await expect(page.getByText(/^Imported 20,000 values/).count()).resolves.toBe(0);
    await expect(page.getByText('Saved on this device').count()).resolves.toBe(0);

    // An edit made now is held too, and is not called saved.
    await logValue(page, 'Accounts with 3 or more active users', '4321');
    await page.locator('.logged').getByText('4,321').waitFor();
    await alert.waitFor();
    await expect(page.getByText('Saved on this device').count()).resolves.toBe(0);

    // Space comes back: "Try again" writes everything held, in order.
    await squeeze(cdp, page, null);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Saved on this device').waitFor({ timeout: 60_000 });
    await expect(
      page.getByRole('alert').filter({ hasText: 'storage is full' }).count(),
    ).resolves.toBe(0);

    await page.reload();
    await waitSaved(page);
    await expect(page.getByText(/did not reach|had not reached/).count()).resolves.toBe(0);
    await nav(page, 'Data').click();
    await page.getByLabel('Choose a CSV file').setInputFiles(bigCsv());
    await page.getByLabel('Dates are written').selectOption('ymd');
    await page.getByText('(0 new, 0 updated, 20,000 unchanged)').waitFor();
    await nav(page, 'Data').click();
    await page.getByRole('button', { name: 'Entries as CSV (20,001 values)' }).waitFor();
    expect(errors.filter((e) => !e.includes('QuotaExceeded'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a window closed while the disk was full: what was saved stays, what was not is announced', async () => {
  const { context, page } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Closed while full', 'saas-weekly-active-users');
    await logValue(page, 'Accounts with 3 or more active users', '1111');
    await waitSaved(page);
    const cdp = await context.newCDPSession(page);
    await squeeze(cdp, page, 20_000);
    await importBig(page);
    await page.getByText('Not saved', { exact: true }).waitFor();

    // The window goes while the disk is still full, then space comes back.
    await page.close({ runBeforeUnload: false });
    const again = await context.newPage();
    await again.goto(`/#/w/${id}/checkin`);
    await squeeze(await context.newCDPSession(again), again, null);
    await again
      .getByRole('alert')
      .filter({ hasText: "had not reached this device's storage (this device's storage is full)" })
      .waitFor();
    // What was announced as saved is there; the import that was announced as not saved is not.
    await nav(again, 'Data').click();
    await again.getByRole('button', { name: 'Entries as CSV (1 value)' }).waitFor();
    await again.getByLabel('Choose a CSV file').setInputFiles(bigCsv());
    await again.getByLabel('Dates are written').selectOption('ymd');
    await again.getByText('(20,000 new, 0 updated, 0 unchanged)').waitFor();
    // Said once: the next open is quiet.
    await again.reload();
    await waitSaved(again);
    await nav(again, 'Dashboard').click();
    await again.getByRole('heading', { level: 1, name: 'Closed while full' }).waitFor();
    await expect(again.getByText(/had not reached/).count()).resolves.toBe(0);
  } finally {
    await context.close();
  }
});

test('creating a workspace on a full disk says so in words and leaves nothing behind', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto('/');
    await page.getByRole('heading', { name: 'New workspace' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await squeeze(cdp, page, 1_000);
    await page.getByLabel('Name', { exact: true }).fill('No room');
    await page.getByLabel('Start from').selectOption('saas-weekly-active-users');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page
      .getByText("The workspace could not be created: this device's storage is full.")
      .waitFor();
    await expect(page.getByText('QuotaExceededError').count()).resolves.toBe(0);
    await squeeze(cdp, page, null);
    await page.reload();
    await page.getByRole('heading', { name: 'Workspaces on this device' }).waitFor();
    await page.getByText('No workspaces here yet').waitFor();
  } finally {
    await context.close();
  }
});
