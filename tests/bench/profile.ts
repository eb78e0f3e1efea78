/**
 * A sampling CPU profile of one page load (Chrome DevTools protocol), summarised by self time
 * per original function and per source file, mapped back through dist/'s source maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  idleMs: number;
  gcMs: number;
  topFunctions: { selfMs: number; fn: string }[];
  topFiles: { selfMs: number; file: string }[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Shortens a source path from a map in `mapDir`: "../../node_modules/yjs/dist/yjs.mjs" →
 * "yjs/dist/yjs.mjs"; a relative path into the project → from its root ("src/…"), wherever the
 * built app's folder is (dist/ or `$LODESTAR_DIST`).
 */
function cleanSource(source: string, mapDir: string): string {
  const inRoot = relative(ROOT, resolve(mapDir, source));
  const s = (source.startsWith('../') && !inRoot.startsWith('..') ? inRoot : source).replace(
    /^(\.\.\/|\.\/|\/)+/,
    '',
  );
  const nm = s.lastIndexOf('node_modules/');
  return nm >= 0 ? s.slice(nm + 'node_modules/'.length) : s;
}

/** The file a source belongs to for grouping: a package name, or a path under src/. */
function fileGroup(source: string): string {
  if (source.startsWith('src/')) return source;
  const parts = source.split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? source);
}

export async function stopProfile(
  cdp: CDPSession,
  distDir: string,
  top = 20,
): Promise<ProfileSummary> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((node, i) => {
    self.set(node, (self.get(node) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerFor = (url: string): SourceMapConsumer | null => {
    const file = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
    if (!file) return null;
    if (!consumers.has(file)) {
      const map = join(distDir, 'assets', `${file}.map`);
      consumers.set(
        file,
        existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null,
      );
    }
    return consumers.get(file) ?? null;
  };
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let idleMs = 0;
  let gcMs = 0;
  let busyMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    if (functionName === '(garbage collector)') gcMs += ms;
    let fn = functionName || '(anonymous)';
    let file = url ? (url.split('/').pop() ?? url) : functionName;
    const consumer = url ? consumerFor(url) : null;
    if (consumer) {
      const pos = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (pos.source) {
        const source = cleanSource(pos.source, join(distDir, 'assets'));
        fn = `${pos.name ?? functionName ?? '(anonymous)'} (${source}:${pos.line})`;
        file = fileGroup(source);
      }
    } else if (url) fn = `${fn} (${file}:${lineNumber + 1})`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const r = (n: number): number => Math.round(n * 10) / 10;
  return {
    wallMs: r((profile.endTime - profile.startTime) / 1000),
    busyMs: r(busyMs),
    idleMs: r(idleMs),
    gcMs: r(gcMs),
    topFunctions: sorted(byFn).map(([fn, ms]) => ({ selfMs: r(ms), fn })),
    topFiles: sorted(byFile).map(([file, ms]) => ({ selfMs: r(ms), file })),
  };
}
