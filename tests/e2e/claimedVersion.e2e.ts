/**
 * Peers that are not the app (plain yjs + y-webrtc in a page of their own, support/plainPeer.ts):
 * one holds the key and claims schema 999, one knows the room name but not the key.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseShareFragment } from '../../src/domain/shareLink';
import { newKey, roomName } from '../../src/sync/keys';
import { launchBrowser, newPage, type TestPage } from './support/browser';
import { createWorkspace, waitSaved } from './support/app';
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

const NSM = 'Nights booked';

function keyOf(link: string): string {
  const parsed = parseShareFragment(link);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.info.key;
}

/** Logs the first value of the check-in and waits until it is on this device's disk. */
async function logValue(page: Page, id: string, value: string): Promise<void> {
  await page.goto(`/#/w/${id}/checkin`);
  const input = page.locator('input.value').first();
  await expect(input.isDisabled()).resolves.toBe(false);
  await input.fill(value);
  await input.press('Enter');
  await page.locator('.logged li').first().waitFor();
  await waitSaved(page);
}

test('a peer claiming schema 999 locks no one out: both copies reload editable, with a notice', async () => {
  const a: TestPage = await newPage(browsers[0]!);
  const b: TestPage = await newPage(browsers[1]!);
  const mallory = await plainPeerPage(browsers[2]!, plainPeers);
  try {
    const id = await createWorkspace(a.page, 'Claimed future', 'nights-booked');
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await b.page.getByRole('link', { name: NSM }).first().waitFor({ timeout: 20_000 });

    // Mallory holds the key (she was invited) and runs no Lodestar at all.
    const key = keyOf(link);
    const room = await roomName(key);
    await mallory.page.evaluate(
      ([r, k, s]) => window.plainPeer.join(r!, k!, [s!]),
      [room, key, signaling.url],
    );
    await expect
      .poll(() => mallory.page.evaluate(() => window.plainPeer.meta('name')), { timeout: 45_000 })
      .toBe('Claimed future');
    // She claims a format no Lodestar has; the rename in the same transaction is the proof that
    // each copy received the claim.
    await mallory.page.evaluate(() =>
      window.plainPeer.setMeta({ schemaVersion: 999, name: 'Claimed future, v999' }),
    );
    for (const p of [a.page, b.page]) {
      await p
        .getByRole('heading', { level: 1, name: 'Claimed future, v999' })
        .waitFor({ timeout: 45_000 });
      await waitSaved(p);
    }

    // Both reload: editable, with a calm notice, and never "reload to get the update". One after
    // the other, so that A's value reaches B before B types into the same check-in.
    const notice =
      'A copy of this workspace claims a newer format (999), but everything in it reads correctly here, so it stays editable.';
    await b.page.goto(`/#/w/${id}/checkin`);
    const leftAtB = b.page.getByRole('status').filter({ hasText: 'values left' });
    const before = await leftAtB.textContent();
    for (const [p, value] of [
      [a.page, '41'],
      [b.page, '42'],
    ] as const) {
      if (p === b.page) {
        await expect.poll(() => leftAtB.textContent(), { timeout: 45_000 }).not.toBe(before);
      }
      await p.reload();
      await p.getByRole('status').filter({ hasText: notice }).waitFor();
      await expect(p.getByRole('alert').count()).resolves.toBe(0);
      await expect(p.getByText(/reload to get the update|read-only/i).count()).resolves.toBe(0);
      await logValue(p, id, value);
      await p.getByRole('status').filter({ hasText: notice }).waitFor();
    }
    // The claim itself is left as it was: this build does not know what a 999 would hold.
    await expect
      .poll(() => mallory.page.evaluate(() => window.plainPeer.meta('schemaVersion')))
      .toBe(999);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a, b, mallory].map((p) => p.context.close()));
  }
});

test('messages from someone with the room name but not the key are counted, never a page error', async () => {
  const a: TestPage = await newPage(browsers[0]!);
  const b: TestPage = await newPage(browsers[1]!);
  const trudy = await plainPeerPage(browsers[2]!, plainPeers);
  try {
    const id = await createWorkspace(a.page, 'Wrong key', 'nights-booked');
    const link = await shareFrom(a.page, id, signaling.url);
    await a.page.getByText('Looking for teammates').waitFor({ timeout: 20_000 });

    // Trudy learned the room name (the signaling server sees it), not the key.
    const room = await roomName(keyOf(link));
    await trudy.page.evaluate(
      ([r, k, s]) => window.plainPeer.join(r!, k!, [s!]),
      [room, newKey(), signaling.url],
    );
    // Positive control: her announce reached A, and A says so.
    await a.page
      .getByRole('status')
      .filter({
        hasText: /\d+ messages? from someone without this workspace's\s+key\s+(was|were)\s+ignored/,
      })
      .waitFor({ timeout: 30_000 });

    // B joins meanwhile, and A and B sync as usual.
    await join(b.page, link, 'Bea');
    await b.page.getByRole('link', { name: NSM }).first().waitFor({ timeout: 20_000 });
    await a.page.getByText('Bea · online').waitFor({ timeout: 20_000 });
    // Trudy's plain y-webrtc meets the same failure the app now catches: the AES-GCM decrypt of
    // A's and B's signaling fails with an OperationError that nothing handles.
    await expect
      .poll(() => trudy.errors.some((e) => e.includes('OperationError')), { timeout: 20_000 })
      .toBe(true);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a, b, trudy].map((p) => p.context.close()));
  }
});
