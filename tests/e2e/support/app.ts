import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** Creates a workspace from the start screen and waits for it to open; returns its id. */
export async function createWorkspace(page: Page, name: string, templateId = ''): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Start from').selectOption(templateId);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/#\/w\//);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const id = /#\/w\/([^/]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`no workspace id in ${page.url()}`);
  return decodeURIComponent(id);
}

/** The outline row of a metric, found by its exact name. */
export function treeRow(page: Page, name: string): Locator {
  return page
    .getByRole('treeitem')
    .filter({ has: page.locator('.name').getByText(name, { exact: true }) });
}

/** The names shown in the outline, top to bottom, with their depth (aria-level). */
export async function outline(page: Page): Promise<string[]> {
  return page
    .getByRole('treeitem')
    .evaluateAll((rows) =>
      rows.map(
        (r) => `${r.getAttribute('aria-level')}:${r.querySelector('.name')?.textContent ?? ''}`,
      ),
    );
}

/** Waits until every local write is committed to IndexedDB (the header says so). */
export async function waitSaved(page: Page): Promise<void> {
  await page.getByText('Saved on this device').waitFor();
}

/**
 * Waits until the service worker is active (its precache of every screen complete) and controls
 * the page, so a page that then goes offline can still open screens it has not loaded yet.
 */
export async function waitOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Clicks a button that downloads a file and returns the file's name and text. */
export async function download(
  page: Page,
  button: string,
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** A tab of the workspace navigation (Dashboard, Check-in, Metric tree, Data…). */
export function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: label });
}
