/**
 * A peer that is not the app (plain yjs + y-webrtc in a page of its own, support/plainPeer.ts)
 * holds the key of a workspace that A and B share, each in a browser of its own:
 * - it deletes every metric outright (the map's keys, not the app's trash): A is alarmed and
 *   restores the version before, and B gets the metrics back without doing anything;
 * - it writes 20,000 junk keys into `metrics`: A reloads with only the real metrics in the tree
 *   and one summary of the junk. The reload is timed and logged, never asserted on (the issue:
 *   "within 2× its normal time"; tests/bench/junk.ts measures the reading itself).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseShareFragment } from '../../src/domain/shareLink';
import { roomName } from '../../src/sync/keys';
import { launchBrowser, newPage, type TestPage } from './support/browser';
import { createWorkspace, outline, treeRow, waitSaved } from './support/app';
import { plainPeerPage, startPlainPeerServer, type PlainPeerServer } from './support/plainPeer';
import { startSignaling, type Signaling } from './support/signaling';
import { join, shareFrom } from './support/share';

let signaling: Signaling;
let plainPeers: PlainPeerServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  signaling = await startSignaling(inject('root'));
  plainPeers = await startPlainPeerServer(inject('root'));
  // Separate browser processes: A, B and the peer that is not the app share only the network.
  for (let i = 0; i < 3; i++) browsers.push(await launchBrowser());
}, 60_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await signaling?.stop();
  await plainPeers?.stop();
});

const NSM = 'Weekly active users';
const FLOOD = 20_000;
const SUMMARY = 'metrics: 20,000 unreadable metrics were ignored (written by another copy)';

function keyOf(link: string): string {
  const parsed = parseShareFragment(link);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.info.key;
}

/**
 * A workspace from the 7-metric template shared by A with B, both on the tree, and Mallory's
 * plain peer in the room holding all 7 metrics. Returns the id and the tree as A shows it.
 */
async function shared(
  a: TestPage,
  b: TestPage,
  mallory: TestPage,
  name: string,
): Promise<{ id: string; tree: string[] }> {
  const id = await createWorkspace(a.page, name, 'saas-weekly-active-users');
  await a.page.goto(`/#/w/${id}/tree`);
  await treeRow(a.page, NSM).waitFor();
  const tree = await outline(a.page);
  expect(tree).toHaveLength(7);
  const link = await shareFrom(a.page, id, signaling.url);
  await join(b.page, link, 'Bea');
  await b.page.goto(`/#/w/${id}/tree`);
  await treeRow(b.page, NSM).waitFor({ timeout: 20_000 });

  // Mallory holds the key (she was invited) and runs no Lodestar at all.
  const key = keyOf(link);
  const room = await roomName(key);
  await mallory.page.evaluate(
    ([r, k, s]) => window.plainPeer.join(r!, k!, [s!]),
    [room, key, signaling.url],
  );
  await expect
    .poll(() => mallory.page.evaluate(() => window.plainPeer.size('metrics')), { timeout: 45_000 })
    .toBe(7);
  await a.page.goto(`/#/w/${id}/tree`);
  await treeRow(a.page, NSM).waitFor();
  return { id, tree };
}

test('a plain peer deletes every metric outright: A is alarmed and restores, B gets them back without doing anything', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  const mallory = await plainPeerPage(browsers[2]!, plainPeers);
  try {
    const { tree } = await shared(a, b, mallory, 'Hard deleted');

    const deleted = await mallory.page.evaluate(() => window.plainPeer.deleteAll('metrics'));
    expect(deleted).toBe(7);
    // B got the deletion (the positive control for "B does nothing and gets them back").
    await expect.poll(() => outline(b.page), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => outline(a.page), { timeout: 20_000 }).toEqual([]);

    const alarm = a.page.getByRole('alert').filter({ hasText: "A teammate's copy just removed" });
    await alarm.waitFor({ timeout: 20_000 });
    await expect(alarm.textContent()).resolves.toContain('7 fewer metrics');
    await alarm.getByRole('button', { name: /^Restore the version of / }).click();
    await expect.poll(() => outline(a.page)).toEqual(tree);
    await expect.poll(() => outline(b.page), { timeout: 20_000 }).toEqual(tree);
    await expect(alarm.count()).resolves.toBe(0);
    // The restore is an ordinary edit: it reached the peer that deleted them too.
    await expect
      .poll(() => mallory.page.evaluate(() => window.plainPeer.size('metrics')), {
        timeout: 20_000,
      })
      .toBe(7);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a, b, mallory].map((p) => p.context.close()));
  }
});

/** Reloads and returns the milliseconds until the tree's North Star row (and `also`) shows. */
async function timedReload(page: Page, also?: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await page.reload();
  await treeRow(page, NSM).waitFor({ timeout: 60_000 });
  await also?.();
  return Math.round(performance.now() - t0);
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

test('a plain peer writes 20,000 junk keys into metrics: A reloads with the real tree and one summary, timed', async ({
  annotate,
}) => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  const mallory = await plainPeerPage(browsers[2]!, plainPeers);
  try {
    const { tree } = await shared(a, b, mallory, 'Flooded');
    await waitSaved(a.page);
    const normal: number[] = [];
    for (let i = 0; i < 3; i++) normal.push(await timedReload(a.page));

    // In batches of 1,000 keys (a plain y-webrtc peer cannot send more than 256 KiB at once).
    await mallory.page.evaluate((n) => window.plainPeer.flood('metrics', n, 1_000), FLOOD);
    await expect
      .poll(() => mallory.page.evaluate(() => window.plainPeer.size('metrics')))
      .toBe(7 + FLOOD);
    // Both copies got all of it: their banners sum up 20,000 values (the positive control).
    const summaryOf = (page: Page) =>
      page.locator('details.banner.warn > summary', {
        hasText: /^\s*20,000 values in this workspace could not\s+be\s+read and were ignored\s*$/,
      });
    for (const p of [a.page, b.page]) await summaryOf(p).waitFor({ timeout: 60_000 });
    await waitSaved(a.page);

    const flooded: number[] = [];
    for (let i = 0; i < 3; i++) {
      flooded.push(await timedReload(a.page, () => summaryOf(a.page).waitFor({ timeout: 60_000 })));
    }
    const line =
      `reload of A until the tree shows: normal ${normal.join(', ')} ms (median ${median(normal)}), ` +
      `with ${FLOOD.toLocaleString('en-US')} junk keys ${flooded.join(', ')} ms (median ` +
      `${median(flooded)}): ${(median(flooded) / median(normal)).toFixed(2)}× its normal time`;
    console.log(line);
    await annotate(line);

    // Only the real metrics, and one line for all the junk.
    expect(await outline(a.page)).toEqual(tree);
    await summaryOf(a.page).click();
    const items = a.page.locator('details.banner.warn li');
    await expect(items.allTextContents()).resolves.toEqual([SUMMARY]);
    await a.page.getByText(SUMMARY).waitFor();
    // Adding junk removed nothing: no alarm.
    await expect(
      a.page.getByRole('alert').filter({ hasText: "A teammate's copy just removed" }).count(),
    ).resolves.toBe(0);
    expect(await outline(b.page)).toEqual(tree);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a, b, mallory].map((p) => p.context.close()));
  }
}, 300_000);
