import type { Page } from 'playwright-core';

/** Turns live sync on in the Share tab, through the given signaling server; returns the link. */
export async function shareFrom(page: Page, id: string, signalingUrl: string): Promise<string> {
  await page.goto(`/#/w/${id}/share`);
  await page.getByLabel('Signaling server').fill(signalingUrl);
  await page.getByRole('button', { name: 'Share this workspace' }).click();
  return page.locator('#share-link').inputValue();
}

/** Opens a share link as a teammate called `name`; the key must leave the address at once. */
export async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name, as teammates will see it').fill(name);
  await page.getByRole('button', { name: 'Join and sync' }).click();
  await page.waitForURL((url) => !url.hash.includes('join'));
  if (page.url().includes('k=')) throw new Error(`the key stayed in the address: ${page.url()}`);
}
