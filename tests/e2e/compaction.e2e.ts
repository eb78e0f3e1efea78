/**
 * Compaction runs in the built app: a workspace whose store holds 150 rows (earlier sessions'
 * saves) is folded into one row after it opens, and reads the same afterwards.
 */
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { createWorkspace, waitSaved } from './support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Adds `rows` to a workspace database's stored updates and reads them all back, in one
 * transaction of its own (after any write the app started before it).
 */
function addRows(page: Page, dbName: string, rows: number[][]): Promise<number[][]> {
  return page.evaluate(
    ([name, data]) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name as string);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          const store = tx.objectStore('updates');
          for (const row of data as number[][]) store.add(new Uint8Array(row));
          const all = store.getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve((all.result as Uint8Array[]).map((u) => Array.from(u)));
          };
        };
      }),
    [dbName, rows] as const,
  );
}

test('a store of 150 rows is folded into one row after the workspace opens', async () => {
  const { context, page, errors } = await newPage(browser);
  try {
    const id = await createWorkspace(page, 'Many rows');
    await waitSaved(page);
    await page.goto('/#/');
    await page.getByRole('button', { name: 'Create workspace' }).waitFor();
    // 150 saves of another copy, one row each: a note in the workspace's settings, 1 … 150.
    const other = new Y.Doc();
    const rows: number[][] = [];
    other.on('update', (u: Uint8Array) => rows.push(Array.from(u)));
    for (let i = 1; i <= 150; i++) other.getMap('meta').set('compactionNote', i);
    const db = `lodestar-ws-${id}`;
    expect((await addRows(page, db, rows)).length).toBeGreaterThan(150);

    await page.goto(`/#/w/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Many rows' }).waitFor();
    // The open reads every row, then compacts when idle: one row holds it all.
    await expect.poll(async () => (await addRows(page, db, [])).length).toBe(1);
    const [row] = await addRows(page, db, []);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(row ?? []));
    expect(stored.getMap('meta').get('name')).toBe('Many rows');
    expect(stored.getMap('meta').get('compactionNote')).toBe(150);

    // Reopened from that one row: the same workspace, editable, its name kept.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Many rows' }).waitFor();
    expect(await addRows(page, db, [])).toHaveLength(1);
    await expect.poll(() => page.getByText('read-only').count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
