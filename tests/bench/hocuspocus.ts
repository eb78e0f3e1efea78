/**
 * Server sync benchmark (part of `npm run bench`; alone: `tsx tests/bench/hocuspocus.ts`).
 * Starts a Redis of its own (Debian's redis-server; skipped with the reason when there is none)
 * and two `scripts/sync-server.mjs` instances on loopback sharing it, and measures in Node with
 * plain Yjs clients (@hocuspocus/provider over ws):
 *
 * 1. Join with 100,000 entries: an uploader holds the seeded workspace (seed.ts: 200 metrics,
 *    100,000 entries, the app's layout) on instance 1. A fresh client joins, on instance 1 and
 *    then on instance 2 (which gets the document from its file and from instance 1 through
 *    Redis); timed from creating the provider until its document holds all 100,000 entries;
 *    bytes are what its socket received. Baseline in the same run: fetching the encoded state
 *    over HTTP on loopback and applying it to a new Y.Doc (time and bytes).
 * 2. Edit latency: a writer on instance 1 sets one value, a reader on instance 2 sees it
 *    (through Redis), 200 times one after the other after 5 warm-up edits; p50 and p95.
 *
 * Both clocks are this machine's `performance.now()`. Writes bench-results/hocuspocus.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newKey, serverAccess } from '../../src/sync/keys';
import { findRedis, startRedis } from '../e2e/support/redis';
import { startSyncServer } from '../e2e/support/syncServer';
import { ROOT } from './pages';
import { generateSeed, TOTAL_ENTRIES } from './seed';
import { median, nearestRank, round1, runIfMain } from './stats';

const OUT = join(ROOT, 'bench-results', 'hocuspocus.json');
const JOINS = 3;
const EDITS = 200;
const WARM_UP_EDITS = 5;

/** Entries in a plain copy of the workspace: the sizes of each metric's entries map. */
function entryCount(doc: Y.Doc): number {
  let n = 0;
  doc.getMap('entries').forEach((map) => {
    if (map instanceof Y.Map) n += map.size;
  });
  return n;
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

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  received: () => number;
  synced: Promise<void>;
  destroy(): void;
}

/** A Hocuspocus client whose socket counts the bytes it receives. */
function client(url: string, name: string, token: string, doc = new Y.Doc()): Client {
  let bytes = 0;
  class CountingSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      // The provider sets binaryType 'arraybuffer', so data comes as ArrayBuffers.
      this.on('message', (data: ArrayBuffer | Buffer) => (bytes += data.byteLength));
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CountingSocket });
  let synced!: () => void;
  const syncedP = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onSynced: ({ state }) => {
      if (state) synced();
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    received: () => bytes,
    synced: syncedP,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once the server has acknowledged every change this client sent. */
function allSent(c: Client): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (c.provider.unsyncedChanges > 0) return;
      c.provider.off('unsyncedChanges', check);
      resolve();
    };
    c.provider.on('unsyncedChanges', check);
    check();
  });
}

/** Fetches `bytes` from a loopback HTTP server and applies them to a new Y.Doc. */
async function baseline(bytes: Uint8Array): Promise<{ ms: number; bytes: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const start = performance.now();
    const body = new Uint8Array(await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, body);
    const ms = performance.now() - start;
    if (entryCount(doc) !== TOTAL_ENTRIES) throw new Error('baseline: entries missing');
    return { ms, bytes: body.byteLength };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function runHocuspocusBench(): Promise<boolean> {
  const found = findRedis();
  if ('missing' in found) {
    console.warn(`hocuspocus bench: skipped, no Redis: ${found.missing}`);
    return true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hocus-bench-'));
  const redis = await startRedis(found.path);
  const one = await startSyncServer(ROOT, { db: join(dir, 'one.sqlite'), redisUrl: redis.url });
  const two = await startSyncServer(ROOT, { db: join(dir, 'two.sqlite'), redisUrl: redis.url });
  const clients: Client[] = [];
  try {
    const seed = generateSeed('Lodestar bench');
    const { documentName, credential } = await serverAccess(newKey());
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, seed.update);
    const encoded = Y.encodeStateAsUpdate(seeded);
    const uploadStart = performance.now();
    const uploader = client(one.url, documentName, credential, seeded);
    clients.push(uploader);
    await uploader.synced;
    await allSent(uploader);
    const uploadMs = performance.now() - uploadStart;

    const joins: Record<
      'instance 1' | 'instance 2 (through Redis)',
      { ms: number; bytes: number }[]
    > = {
      'instance 1': [],
      'instance 2 (through Redis)': [],
    };
    const baselines: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < JOINS; i++) {
      for (const [where, server] of [
        ['instance 1', one],
        ['instance 2 (through Redis)', two],
      ] as const) {
        const start = performance.now();
        const joiner = client(server.url, documentName, credential);
        await until(joiner.doc, () => entryCount(joiner.doc) === TOTAL_ENTRIES);
        joins[where].push({ ms: performance.now() - start, bytes: joiner.received() });
        joiner.destroy();
      }
      baselines.push(await baseline(encoded));
    }

    // Edit latency through two instances and Redis, on a small document of its own.
    const edits = await serverAccess(newKey());
    const writer = client(one.url, edits.documentName, edits.credential);
    const reader = client(two.url, edits.documentName, edits.credential);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    const latencies: number[] = [];
    const notes = writer.doc.getMap<number>('notes');
    for (let i = 0; i < WARM_UP_EDITS + EDITS; i++) {
      const start = performance.now();
      const seen = until(reader.doc, () => reader.doc.getMap('notes').get('n') === i);
      notes.set('n', i);
      await seen;
      if (i >= WARM_UP_EDITS) latencies.push(performance.now() - start);
    }
    const sorted = [...latencies].sort((x, y) => x - y);

    const summarize = (xs: { ms: number; bytes: number }[]) => ({
      medianMs: round1(median(xs.map((x) => x.ms))),
      runsMs: xs.map((x) => round1(x.ms)),
      bytes: xs.map((x) => x.bytes),
    });
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      entries: TOTAL_ENTRIES,
      encodedStateBytes: encoded.byteLength,
      'upload the seeded workspace to instance 1 (ms)': round1(uploadMs),
      'join through the server': {
        'instance 1': summarize(joins['instance 1']),
        'instance 2 (through Redis)': summarize(joins['instance 2 (through Redis)']),
      },
      'baseline: fetch the encoded state over HTTP and apply it': summarize(baselines),
      'edit latency, instance 1 → Redis → instance 2': {
        edits: EDITS,
        p50Ms: round1(nearestRank(sorted, 0.5)),
        p95Ms: round1(nearestRank(sorted, 0.95)),
        maxMs: round1(sorted[sorted.length - 1] ?? 0),
      },
    };
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
    return true;
  } finally {
    for (const c of clients) c.destroy();
    await Promise.all([one.stop(), two.stop()]);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, runHocuspocusBench);
