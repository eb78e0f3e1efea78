/**
 * Large messages between peers in real browsers (src/sync/chunking.ts, compression.ts, echo.ts,
 * applyOnce.ts): a teammate joins a workspace holding 20,000 values, which arrives deflated and
 * whole and is not sent back; and a compressed frame that inflates past what it states (a zip
 * bomb from a peer holding the key) is dropped, the Share tab says so, and sync goes on.
 * Every data-channel message is recorded by an init script (its first two bytes and size).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseShareFragment } from '../../src/domain/shareLink';
import { roomName } from '../../src/sync/keys';
import { compressedFrames } from '../../src/sync/chunking';
import { compress } from '../../src/sync/compression';
import { launchBrowser, newPage } from './support/browser';
import { createWorkspace, nav, waitSaved } from './support/app';
import { plainPeerPage, startPlainPeerServer, type PlainPeerServer } from './support/plainPeer';
import { startSignaling, type Signaling } from './support/signaling';
import { join, shareFrom } from './support/share';

let signaling: Signaling;
let plainPeers: PlainPeerServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  signaling = await startSignaling(inject('root'));
  plainPeers = await startPlainPeerServer(inject('root'));
  for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
}, 60_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await signaling?.stop();
  await plainPeers?.stop();
});

interface Sent {
  dir: 'in' | 'out';
  /** 0x4c: a plain frame, 0x5a: a compressed one, 0: no frame. */
  kind: number;
  bytes: number;
}

declare global {
  interface Window {
    __frames: Sent[];
  }
}

/** Records every data-channel message of the context's pages in `window.__frames`. */
async function recordFrames(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const frames: Sent[] = [];
    window.__frames = frames;
    const note = (dir: 'in' | 'out', data: unknown): void => {
      const bytes =
        data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            : null;
      if (!bytes) return;
      const kind = bytes[0] === 0xf0 && bytes.length >= 14 ? (bytes[1] ?? 0) : 0;
      frames.push({ dir, kind, bytes: bytes.length });
    };
    const send = RTCDataChannel.prototype.send as (this: RTCDataChannel, d: unknown) => void;
    RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: unknown): void {
      note('out', data);
      send.call(this, data);
    } as RTCDataChannel['send'];
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        this.addEventListener('datachannel', (e) =>
          e.channel.addEventListener('message', (m: MessageEvent) => note('in', m.data)),
        );
      }
      override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
        const channel = super.createDataChannel(label, init);
        channel.addEventListener('message', (m: MessageEvent) => note('in', m.data));
        return channel;
      }
    };
  });
}

const frames = (page: Page): Promise<Sent[]> => page.evaluate(() => window.__frames);

/** 20,000 values of the template's four weekly metrics, 5,000 weeks each from 1910. */
function bigCsv(): { name: string; mimeType: string; buffer: Buffer } {
  const metrics = [
    'Weekly active users',
    'New sign-ups activated within 7 days',
    'Active days per weekly active user',
    'Active users retained from last week',
  ];
  const lines = ['metric,date,value,note'];
  const start = Date.UTC(1910, 0, 3);
  for (const metric of metrics) {
    for (let k = 0; k < 5_000; k++) {
      const date = new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${metric},${date},${k % 50},imported row ${k} with a note to take space`);
    }
  }
  return { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

test('a teammate joins a workspace of 20,000 values: it comes deflated, whole, and is not sent back', async () => {
  const a = await newPage(browsers[0]!);
  const b = await newPage(browsers[1]!);
  try {
    await Promise.all([recordFrames(a.context), recordFrames(b.context)]);
    const id = await createWorkspace(a.page, 'Big join', 'saas-weekly-active-users');
    await nav(a.page, 'Data').click();
    await a.page.getByLabel('Choose a CSV file').setInputFiles(bigCsv());
    await a.page.getByLabel('Dates are written').selectOption('ymd');
    await a.page.getByRole('button', { name: 'Import 20,000 values' }).click();
    await a.page.getByText(/^Imported 20,000 values/).waitFor({ timeout: 60_000 });
    await waitSaved(a.page);
    const link = await shareFrom(a.page, id, signaling.url);
    await join(b.page, link, 'Bea');
    await b.page.getByRole('link', { name: 'Weekly active users' }).first().waitFor({
      timeout: 60_000,
    });

    // Everything arrived: the same file again is all unchanged on B.
    await nav(b.page, 'Data').click();
    await b.page.getByLabel('Choose a CSV file').setInputFiles(bigCsv());
    await b.page.getByLabel('Dates are written').selectOption('ymd');
    await b.page.getByText('(0 new, 0 updated, 20,000 unchanged)').waitFor({ timeout: 30_000 });

    const sentA = (await frames(a.page)).filter((f) => f.dir === 'out' && f.kind !== 0);
    const sentB = (await frames(b.page)).filter((f) => f.dir === 'out' && f.kind !== 0);
    // A sent the workspace in compressed frames only (the positive control for B's count).
    expect(sentA.length).toBeGreaterThan(0);
    expect(sentA.every((f) => f.kind === 0x5a)).toBe(true);
    // B sent no large message at all: not the workspace back.
    expect(sentB).toEqual([]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), b.context.close()]);
  }
}, 180_000);

test('a zip bomb from a peer holding the key is dropped, the Share tab says so, and sync goes on', async () => {
  const a = await newPage(browsers[0]!);
  const mallory = await plainPeerPage(browsers[1]!, plainPeers);
  try {
    const id = await createWorkspace(a.page, 'Bombed', 'saas-weekly-active-users');
    const link = await shareFrom(a.page, id, signaling.url);
    const parsed = parseShareFragment(link);
    if (!parsed.ok) throw new Error(parsed.error);
    const key = parsed.info.key;
    const room = await roomName(key);
    await mallory.page.evaluate(
      ([r, k, s]) => window.plainPeer.join(r!, k!, [s!]),
      [room, key, signaling.url],
    );
    await expect
      .poll(() => mallory.page.evaluate(() => window.plainPeer.size('metrics')), {
        timeout: 45_000,
      })
      .toBe(7);

    // 16 MiB of zeros deflate to a few KB; the frames state 1,000 bytes.
    const packed = await compress(new Uint8Array(16 * 1024 * 1024));
    new DataView(packed.buffer).setUint32(0, 1000);
    const bomb = compressedFrames(packed, 12345).map((f) => Array.from(f));
    const peers = await mallory.page.evaluate((m) => window.plainPeer.sendRaw(m), bomb);
    expect(peers).toBe(1);
    // Then an ordinary edit from the same peer, after the bomb on the same channel.
    await mallory.page.evaluate(() => window.plainPeer.setMeta({ name: 'Renamed after the bomb' }));

    await a.page.goto(`/#/w/${id}/share`);
    await a.page.getByText('Renamed after the bomb').first().waitFor({ timeout: 20_000 });
    await a.page
      .getByRole('status')
      .filter({ hasText: "One message from a teammate's copy could not be read and was skipped" })
      .waitFor({ timeout: 20_000 });
    expect(a.errors).toEqual([]);
  } finally {
    await Promise.all([a.context.close(), mallory.context.close()]);
  }
}, 120_000);
