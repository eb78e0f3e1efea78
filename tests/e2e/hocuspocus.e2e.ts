/**
 * Server sync that scales out: two `npm run sync-server` instances (Hocuspocus) sharing one real
 * Redis (Debian's redis-server, installed by the test when missing and root on Debian), browser A
 * on instance 1 and browser B on instance 2. Edits converge both ways; instance 1 crashes and
 * comes back while A keeps editing, and A catches up; after Reset link, the old link's holder is
 * still let into the old document and gets nothing new.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parseShareFragment } from '../../src/domain/shareLink';
import { serverAccess } from '../../src/sync/keys';
import { createWorkspace, outline, treeRow } from './support/app';
import { expectNoA11yViolations, launchBrowser, newPage, type TestPage } from './support/browser';
import { hocuspocusClient, type RawClient } from './support/rawClients';
import { findRedis, startRedis, type RedisServer } from './support/redis';
import { join, shareFrom } from './support/share';
import { startSignaling, type Signaling } from './support/signaling';
import { startSyncServer, type SyncServer } from './support/syncServer';

const found = findRedis();
const missing = 'missing' in found ? found.missing : null;
if (missing) console.warn(`hocuspocus.e2e: skipped, no Redis: ${missing}`);

const NSM = 'Nights booked';
/** Only used to turn sharing on: the provider is switched to the sync server right after. */
const PLACEHOLDER_SIGNALING = 'ws://127.0.0.1:9';

let dir = '';
let redis: RedisServer | null = null;
let one: SyncServer | null = null;
let two: SyncServer | null = null;
let signaling: Signaling | null = null;
const browsers: Browser[] = [];
const clients: RawClient[] = [];

describe.skipIf(missing !== null)('Hocuspocus with Redis', () => {
  beforeAll(async () => {
    if (!('path' in found)) return;
    dir = mkdtempSync(path.join(tmpdir(), 'hocus-e2e-'));
    redis = await startRedis(found.path);
    const root = inject('root');
    one = await startSyncServer(root, { db: path.join(dir, 'one.sqlite'), redisUrl: redis.url });
    two = await startSyncServer(root, { db: path.join(dir, 'two.sqlite'), redisUrl: redis.url });
    signaling = await startSignaling(root);
    // Separate browser processes: nothing is shared but the network.
    for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(browsers.map((b) => b.close()));
    await Promise.all([one?.stop(), two?.stop()]);
    await redis?.stop();
    await signaling?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('browsers on two instances co-edit, survive a crash of one, and Reset link shuts the old link out', async () => {
    if (!one || !two) throw new Error('no sync servers');
    const a: TestPage = await newPage(browsers[0]!);
    const b: TestPage = await newPage(browsers[1]!);
    try {
      // A shares the workspace and picks the Hocuspocus server (instance 1).
      const id = await createWorkspace(a.page, 'Served', 'nights-booked');
      await a.page.goto(`/#/w/${id}/share`);
      await a.page.getByLabel('Signaling server').fill(PLACEHOLDER_SIGNALING);
      await a.page.getByRole('button', { name: 'Share this workspace' }).click();
      await a.page.locator('#share-link').waitFor();
      await a.page.locator('summary', { hasText: 'Connection settings' }).click();
      await a.page.getByRole('radio', { name: /Through a Hocuspocus sync server/ }).check();
      // Said where the server is picked: it can read everything.
      await a.page
        .getByText(
          'Not end-to-end encrypted: the sync server can read everything in this workspace.',
        )
        .waitFor();
      // No address: the message is next to the button that was pressed.
      await a.page.getByRole('button', { name: 'Save connection settings' }).click();
      await expect
        .poll(() => a.page.getByRole('alert').innerText())
        .toBe('Give the sync server address (ws:// or wss://).');
      await fitsPhoneInDark(a.page);
      await a.page.getByLabel('Sync server address').fill(one.url);
      await a.page.getByRole('button', { name: 'Save connection settings' }).click();
      await a.page.getByText('Saved; reconnecting with the new settings.').waitFor();
      await expect.poll(() => a.page.locator('#share-link').inputValue()).toContain('p=hocuspocus');
      await a.page.getByText('Connected to 1 peer.').waitFor({ timeout: 10_000 });
      const link = await a.page.locator('#share-link').inputValue();
      const oldKey = keyOf(link);

      // B gets the link with instance 2's address (as a load balancer could have sent B there).
      const linkTwo = link.replace(encodeURIComponent(one.url), encodeURIComponent(two.url));
      expect(linkTwo).not.toBe(link);
      await join(b.page, linkTwo, 'Bea');
      await b.page.getByRole('link', { name: NSM }).first().waitFor({ timeout: 20_000 });
      // Presence crosses instances through Redis too.
      await a.page.getByText('Bea · online').waitFor({ timeout: 10_000 });
      await b.page.goto(`/#/w/${id}/share`);
      await b.page.getByText('Connected to 1 peer.').waitFor({ timeout: 10_000 });

      // Both ways.
      await Promise.all([a.page, b.page].map((p) => p.goto(`/#/w/${id}/tree`)));
      await addUnder(a.page, NSM, 'Added by A');
      await treeRow(b.page, 'Added by A').waitFor({ timeout: 10_000 });
      await treeRow(b.page, 'Added by A').click();
      await b.page.getByLabel('Name', { exact: true }).fill('Renamed by B');
      await b.page.getByLabel('Name', { exact: true }).press('Enter');
      await treeRow(a.page, 'Renamed by B').waitFor({ timeout: 10_000 });
      await expect.poll(() => sameTree(a.page, b.page), { timeout: 10_000 }).toBe(true);
      expect(a.errors.filter((e) => !placeholder(e))).toEqual([]);
      expect(b.errors).toEqual([]);
      const seenA = a.errors.length;

      // Instance 1 crashes. A keeps editing; B, on instance 2, edits too.
      await one.crash();
      await expect
        .poll(() => badge(a.page), { timeout: 10_000 })
        .toMatch(/^(Offline|Connecting…|No one reachable)$/);
      await addUnder(a.page, NSM, 'Added by A while instance 1 was down');
      await addUnder(b.page, NSM, 'Added by B while instance 1 was down');
      // Instance 1 comes back on the same port and file; A's provider reconnects by itself.
      one = await startSyncServer(inject('root'), {
        port: one.port,
        db: path.join(dir, 'one.sqlite'),
        redisUrl: redis!.url,
      });
      await treeRow(a.page, 'Added by B while instance 1 was down').waitFor({ timeout: 30_000 });
      await treeRow(b.page, 'Added by A while instance 1 was down').waitFor({ timeout: 10_000 });
      await expect.poll(() => sameTree(a.page, b.page), { timeout: 10_000 }).toBe(true);
      expect(await outline(a.page)).toHaveLength(10); // the template's 7 and the 3 added here
      await expect.poll(() => badge(a.page), { timeout: 10_000 }).toBe('1 online');
      // While instance 1 was down, A's reconnect attempts were refused; Chromium logs each.
      const refused = (e: string): boolean =>
        e.startsWith(`[console.error] WebSocket connection to '${one!.url}/`) &&
        e.includes('ERR_CONNECTION_REFUSED');
      expect(a.errors.slice(seenA).filter((e) => !refused(e) && !placeholder(e))).toEqual([]);

      // Reset link. A moves to a new document; the old link still opens the old one.
      await a.page.goto(`/#/w/${id}/share`);
      await a.page.getByRole('button', { name: 'Reset link…' }).click();
      await a.page.getByRole('button', { name: 'Reset link', exact: true }).click();
      await expect.poll(() => a.page.locator('#share-link').inputValue()).not.toBe(link);
      const newKey = keyOf(await a.page.locator('#share-link').inputValue());
      await a.page.getByText('Connected to 1 peer.').waitFor({ timeout: 10_000 });
      const before = await serverAccess(oldKey);
      const after = await serverAccess(newKey);
      expect(after.documentName).not.toBe(before.documentName);
      const oldHolder = track(hocuspocusClient(two.url, before.documentName, before.credential));
      const newHolder = track(hocuspocusClient(two.url, after.documentName, after.credential));
      // Positive controls: the old holder is let in and has what was there before the reset;
      // the new holder receives A's next change.
      await oldHolder.synced;
      expect(metricNames(oldHolder.doc)).toContain('Renamed by B');
      await a.page.goto(`/#/w/${id}/tree`);
      await addUnder(a.page, NSM, 'Added after the reset');
      await until(newHolder.doc, () =>
        metricNames(newHolder.doc).includes('Added after the reset'),
      );
      expect(metricNames(newHolder.doc)).toContain('Renamed by B');
      expect(metricNames(oldHolder.doc)).not.toContain('Added after the reset');
      // B still holds the old link: its copy has not got it either.
      await expect(treeRow(b.page, 'Added after the reset').count()).resolves.toBe(0);
    } finally {
      await Promise.all([a.context.close(), b.context.close()]);
    }
  });

  test('a workspace moves from peer-to-peer to a server and back, losing nothing', async () => {
    if (!two || !signaling) throw new Error('no servers');
    const a: TestPage = await newPage(browsers[0]!);
    const b: TestPage = await newPage(browsers[1]!);
    try {
      const id = await createWorkspace(a.page, 'Moving', 'nights-booked');
      const p2p = await shareFrom(a.page, id, signaling.url);
      await join(b.page, p2p, 'Bea');
      await Promise.all([a.page, b.page].map((p) => p.goto(`/#/w/${id}/tree`)));
      await addUnder(a.page, NSM, 'Added peer to peer');
      await treeRow(b.page, 'Added peer to peer').waitFor({ timeout: 20_000 });

      // A moves the workspace to the server; A's copy gives the empty server everything.
      const served = await switchTo(a.page, id, 'hocuspocus', two.url);
      expect(served).toContain('p=hocuspocus');
      await a.page.goto(`/#/w/${id}/tree`);
      await addUnder(a.page, NSM, 'Added through the server');
      // B opens the new link (a fresh load, as from a chat message): same workspace, new way.
      await b.page.goto('about:blank');
      await b.page.goto(served);
      await b.page.waitForURL((url) => !url.hash.includes('join'));
      await b.page.goto(`/#/w/${id}/tree`);
      await treeRow(b.page, 'Added through the server').waitFor({ timeout: 20_000 });
      await addUnder(b.page, NSM, 'Added by B through the server');
      await treeRow(a.page, 'Added by B through the server').waitFor({ timeout: 10_000 });

      // And back to peer to peer.
      const back = await switchTo(a.page, id, 'webrtc', signaling.url);
      expect(back).not.toContain('p=');
      await a.page.goto(`/#/w/${id}/tree`);
      await addUnder(a.page, NSM, 'Added peer to peer again');
      await b.page.goto('about:blank');
      await b.page.goto(back);
      await b.page.waitForURL((url) => !url.hash.includes('join'));
      await b.page.goto(`/#/w/${id}/tree`);
      await treeRow(b.page, 'Added peer to peer again').waitFor({ timeout: 20_000 });
      await expect.poll(() => sameTree(a.page, b.page), { timeout: 10_000 }).toBe(true);
      expect(await outline(b.page)).toHaveLength(11); // the template's 7 and the 4 added here
    } finally {
      await Promise.all([a.context.close(), b.context.close()]);
    }
  });
});

/** Picks how copies meet under Connection settings and returns the new link. */
async function switchTo(
  page: Page,
  id: string,
  provider: 'webrtc' | 'hocuspocus',
  url: string,
): Promise<string> {
  await page.goto(`/#/w/${id}/share`);
  const before = await page.locator('#share-link').inputValue();
  await page.locator('summary', { hasText: 'Connection settings' }).click();
  if (provider === 'hocuspocus') {
    await page.getByRole('radio', { name: /Through a Hocuspocus sync server/ }).check();
    await page.getByLabel('Sync server address').fill(url);
  } else {
    await page.getByRole('radio', { name: /Peer to peer/ }).check();
    await page.getByLabel('Signaling servers, one per line').fill(url);
  }
  await page.getByRole('button', { name: 'Save connection settings' }).click();
  await page.getByText('Saved; reconnecting with the new settings.').waitFor();
  await expect.poll(() => page.locator('#share-link').inputValue()).not.toBe(before);
  return page.locator('#share-link').inputValue();
}

function track(c: RawClient): RawClient {
  clients.push(c);
  return c;
}

function keyOf(link: string): string {
  const parsed = parseShareFragment(link);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.info.key;
}

/** The names of the metrics in a plain copy of the workspace document. */
function metricNames(doc: Y.Doc): string[] {
  const names: string[] = [];
  doc.getMap('metrics').forEach((metric) => {
    const name = metric instanceof Y.Map ? metric.get('name') : undefined;
    if (typeof name === 'string') names.push(name);
  });
  return names;
}

/** Resolves once `ok()` holds for `doc`, checked after each update. */
function until(doc: Y.Doc, ok: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!ok()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
    check();
  });
}

/** The Share screen with its settings open: no sideways scroll at 390 px, no axe findings in dark. */
async function fitsPhoneInDark(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  const small = await page.evaluate(
    () =>
      [...document.querySelectorAll('details[open] label.choice, details[open] button')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height < 44).length,
  );
  expect(small).toBe(0);
  await expectNoA11yViolations(page, 'share settings with a server picked, 390 px, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Chromium refuses the placeholder's port 9 outright and logs each try (see websocket.e2e.ts). */
function placeholder(e: string): boolean {
  return (
    e.startsWith(`[console.error] WebSocket connection to '${PLACEHOLDER_SIGNALING}/' failed`) &&
    e.includes('ERR_UNSAFE_PORT')
  );
}

async function sameTree(a: Page, b: Page): Promise<boolean> {
  return JSON.stringify(await outline(a)) === JSON.stringify(await outline(b));
}

function badge(page: Page): Promise<string> {
  return page.getByTitle('Sharing and who is online').innerText();
}

async function addUnder(page: Page, parent: string, name: string): Promise<void> {
  await treeRow(page, parent).click();
  await page.keyboard.press('a');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.keyboard.press('Enter');
  await treeRow(page, name).waitFor();
}
