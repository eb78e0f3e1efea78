import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { createWorkspace, treeRow, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Reads every stored update row of a workspace database, as byte arrays. */
function readRows(page: Page, dbName: string): Promise<number[][]> {
  return page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('updates').objectStore('updates').getAll();
          req.onsuccess = () => {
            resolve((req.result as Uint8Array[]).map((u) => Array.from(u)));
            open.result.close();
          };
        };
      }),
    dbName,
  );
}

/** Appends one raw row to a workspace's stored updates, as a broken disk or peer might. */
function appendRow(page: Page, dbName: string, bytes: number[]): Promise<void> {
  return page.evaluate(
    ([name, data]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name as string);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(data as number[]));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    [dbName, bytes] as const,
  );
}

test('a document from a newer version with data this build cannot read opens read-only, and nothing is written over it', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'From the future', 'nights-booked');
    await waitSaved(page);
    const db = `lodestar-ws-${id}`;
    // A newer Lodestar (schema 99) edits the same document and adds a part this build does not
    // know: build that edit on top of ours.
    const doc = new Y.Doc();
    for (const row of await readRows(page, db)) Y.applyUpdate(doc, new Uint8Array(row));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      doc.getMap('meta').set('schemaVersion', 99);
      doc.getMap('timeline').set('2026', 'launch');
    });
    await page.goto('/#/');
    await appendRow(page, db, Array.from(Y.encodeStateAsUpdate(doc, before)));
    const stored = await readRows(page, db);

    await page.goto(`/#/w/${id}/tree`);
    const alert = page.getByRole('alert').filter({ hasText: 'claims a newer format (99)' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('a part named “timeline”');
    await expect(alert.textContent()).resolves.not.toMatch(/reload/i);
    await treeRow(page, 'Nights booked').waitFor();
    await expect(page.getByRole('button', { name: 'Add top-level' }).isDisabled()).resolves.toBe(
      true,
    );
    await treeRow(page, 'Nights booked').click();
    await page.keyboard.press('Delete');
    await treeRow(page, 'Nights booked').waitFor();
    await expect(page.getByLabel('Name', { exact: true }).isDisabled()).resolves.toBe(true);

    // A read-only open writes nothing at all: the stored rows are exactly as they were.
    await page.goto('/#/');
    await expect(readRows(page, db)).resolves.toEqual(stored);
    const after = new Y.Doc();
    for (const row of stored) Y.applyUpdate(after, new Uint8Array(row));
    expect(after.getMap('meta').get('schemaVersion')).toBe(99);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a corrupt stored document shows a clear message instead of crashing', async () => {
  const { context, page } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Damaged', 'messages-sent');
    await waitSaved(page);
    await page.goto('/#/');
    await appendRow(
      page,
      `lodestar-ws-${id}`,
      Array.from({ length: 50 }, (_, i) => (i * 37) % 256),
    );
    const stored = await readRows(page, `lodestar-ws-${id}`);
    await page.goto(`/#/w/${id}`);
    await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await expect(readRows(page, `lodestar-ws-${id}`)).resolves.toEqual(stored);
    // The rest of the app still works.
    await page.getByRole('link', { name: '← All workspaces' }).click();
    await page.getByRole('link', { name: 'Damaged' }).waitFor();
  } finally {
    await context.close();
  }
});
