import { createServer } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { newPage, type TestPage } from './browser';

export interface PlainPeerServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a page running a plain y-webrtc client (plainPeerEntry.ts, bundled by esbuild) on
 * 127.0.0.1 and a free port. A real loopback server, not a routed response: Chromium lets a page
 * reach the loopback signaling server only when the page itself came from the local network.
 */
export async function startPlainPeerServer(root: string): Promise<PlainPeerServer> {
  const result = await build({
    entryPoints: [path.join(root, 'tests/e2e/support/plainPeerEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  if (code === '') throw new Error('e2e: esbuild produced nothing for plainPeerEntry.ts');
  const html =
    '<!doctype html><meta charset="utf-8"><title>Plain peer</title><script src="/plain-peer.js"></script>';
  const server = createServer((req, res) => {
    const js = req.url === '/plain-peer.js';
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(js ? code : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('e2e: no port for the plain peer');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fresh context and page running the plain peer; none of the app loads in it. Drive it with
 * `page.evaluate(() => window.plainPeer.…)`.
 */
export async function plainPeerPage(browser: Browser, server: PlainPeerServer): Promise<TestPage> {
  const peer = await newPage(browser, { baseURL: server.url });
  await peer.page.goto('/');
  await peer.page.waitForFunction(() => 'plainPeer' in window);
  return peer;
}
