/**
 * Injected by the sync benchmark (sync.ts) after bundling with esbuild: yjs, y-indexeddb and the
 * app's own doc layer, nothing else of the app.
 * - syncBaseline: the floor of a join: fetch the encoded workspace state from a loopback HTTP
 *   server and apply it to a new Y.Doc;
 * - syncStored: a workspace as stored on this device, encoded afresh (base64) and counted;
 * - syncCount: how many metrics and entries a stored workspace holds;
 * - rtc*: the bare transport, for context: one plain RTCPeerConnection between a page in each
 *   browser (no ICE servers, SDP handed over by the benchmark), sending the same bytes in 64 KiB
 *   messages all at once, as the app's chunking does.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { workspaceDoc } from '../../src/doc/schema';
import { readMetrics } from '../../src/doc/metrics';
import { metricsWithEntries, readEntries } from '../../src/doc/entries';

export interface Counts {
  metrics: number;
  entries: number;
  stateBytes: number;
}

export interface BaselineRun {
  transferMs: number;
  applyMs: number;
  totalMs: number;
  bytes: number;
  entries: number;
}

declare global {
  interface Window {
    syncBaseline: (url: string) => Promise<BaselineRun>;
    syncStored: (db: string) => Promise<Counts & { base64: string }>;
    syncCount: (db: string) => Promise<Counts>;
    rtcOffer: () => Promise<string>;
    rtcAnswer: (offer: string) => Promise<string>;
    rtcAccept: (answer: string) => Promise<number>;
    /** On the answering side: once `bytes` have arrived, when the first and the last did. */
    rtcReceived: (
      bytes: number,
      timeoutMs: number,
    ) => Promise<{ first: number; last: number; bytes: number }>;
    rtcSend: (url: string) => Promise<{ t0: number; sentMs: number; bytes: number }>;
    rtcClose: () => void;
  }
}

function count(doc: Y.Doc): Counts {
  const ws = workspaceDoc(doc);
  let entries = 0;
  for (const id of metricsWithEntries(ws)) entries += readEntries(ws, id).entries.length;
  return {
    metrics: readMetrics(ws).metrics.length,
    entries,
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
  };
}

async function load(db: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(db, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  return doc;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

window.syncBaseline = async (url) => {
  const t0 = performance.now();
  const response = await fetch(url, { cache: 'no-store' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const t1 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  const t2 = performance.now();
  const entries = count(doc).entries;
  doc.destroy();
  return {
    transferMs: t1 - t0,
    applyMs: t2 - t1,
    totalMs: t2 - t0,
    bytes: bytes.byteLength,
    entries,
  };
};

window.syncStored = async (db) => {
  const doc = await load(db);
  const counts = count(doc);
  const base64 = toBase64(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { ...counts, base64 };
};

window.syncCount = async (db) => {
  const doc = await load(db);
  const counts = count(doc);
  doc.destroy();
  return counts;
};

const MESSAGE = 64 * 1024;
let pc: RTCPeerConnection | null = null;
let channel: RTCDataChannel | null = null;
let inbox = { first: 0, last: 0, bytes: 0 };

/** Non-trickle: the description once ICE gathering is complete (host candidates only). */
async function described(conn: RTCPeerConnection): Promise<string> {
  if (conn.iceGatheringState !== 'complete')
    await new Promise<void>((resolve) => {
      const done = (): void => {
        if (conn.iceGatheringState === 'complete') resolve();
      };
      conn.addEventListener('icegatheringstatechange', done);
      setTimeout(resolve, 5000);
    });
  return conn.localDescription?.sdp ?? '';
}

const opened = (ch: RTCDataChannel): Promise<void> =>
  ch.readyState === 'open'
    ? Promise.resolve()
    : new Promise((resolve) => ch.addEventListener('open', () => resolve(), { once: true }));

window.rtcOffer = async () => {
  pc = new RTCPeerConnection({ iceServers: [] });
  channel = pc.createDataChannel('bench');
  channel.binaryType = 'arraybuffer';
  await pc.setLocalDescription(await pc.createOffer());
  return described(pc);
};

window.rtcAnswer = async (offer) => {
  pc = new RTCPeerConnection({ iceServers: [] });
  inbox = { first: 0, last: 0, bytes: 0 };
  const box = inbox;
  // The message listener is attached in the same task as the channel arrives: nothing is missed.
  pc.addEventListener('datachannel', (event) => {
    channel = event.channel;
    channel.binaryType = 'arraybuffer';
    channel.addEventListener('message', (message: MessageEvent<ArrayBuffer>) => {
      const now = Date.now();
      if (box.bytes === 0) box.first = now;
      box.bytes += message.data.byteLength;
      box.last = now;
    });
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  return described(pc);
};

window.rtcAccept = async (answer) => {
  const t0 = performance.now();
  if (!pc || !channel) throw new Error('rtcOffer first');
  await pc.setRemoteDescription({ type: 'answer', sdp: answer });
  await opened(channel);
  return performance.now() - t0;
};

window.rtcReceived = (bytes, timeoutMs) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const check = (): void => {
      if (inbox.bytes >= bytes) resolve({ ...inbox });
      else if (performance.now() - start > timeoutMs)
        reject(new Error(`received ${inbox.bytes} of ${bytes} bytes`));
      else setTimeout(check, 5);
    };
    check();
  });

window.rtcSend = async (url) => {
  if (!channel) throw new Error('no channel');
  await opened(channel);
  const bytes = new Uint8Array(await (await fetch(url, { cache: 'no-store' })).arrayBuffer());
  const t0 = Date.now();
  const s0 = performance.now();
  for (let i = 0; i < bytes.length; i += MESSAGE) channel.send(bytes.subarray(i, i + MESSAGE));
  return { t0, sentMs: performance.now() - s0, bytes: bytes.byteLength };
};

window.rtcClose = () => {
  channel?.close();
  pc?.close();
  channel = null;
  pc = null;
};
