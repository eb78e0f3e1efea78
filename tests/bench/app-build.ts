/**
 * Building what the browser benchmarks serve: the app (when dist/ is stale) and the in-page
 * scripts. The app's folder is dist/, or `$LODESTAR_DIST` (as for the e2e tests), resolved
 * against the project root.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

/** What a build of the app depends on, relative to the project root. */
const INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'svelte.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** Newest modification time (ms) of a file or of any file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** The built app's folder: `$LODESTAR_DIST` when set, else dist/ (relative to `root`). */
export const distDir = (root: string): string =>
  resolve(root, process.env['LODESTAR_DIST'] ?? 'dist');

export interface BuildInfo {
  rebuilt: boolean;
  reason: string;
  ms: number;
}

/** Runs `vite build` into `dist` when it is missing or older than any source of the app. */
export async function ensureBuilt(root: string, dist = distDir(root)): Promise<BuildInfo> {
  const stamp = join(dist, 'index.html');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(...INPUTS.map((p) => newest(join(root, p))));
  if (built > 0 && built >= sources) {
    return { rebuilt: false, reason: 'dist/ is newer than every source', ms: 0 };
  }
  const reason = built === 0 ? 'dist/ is missing' : 'a source is newer than dist/';
  const t0 = performance.now();
  await viteBuild({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  return { rebuilt: true, reason, ms: Math.round(performance.now() - t0) };
}

/** Bundles floor-entry.ts (yjs + y-indexeddb only) into one script to inject into a page. */
export function bundleFloor(root: string): Promise<{ code: string; bytes: number }> {
  return bundleBench(root, 'floor-entry.ts');
}

/** Bundles a file of tests/bench (a probe, an entry) into one script to inject into a page. */
export function bundleBench(root: string, file: string): Promise<{ code: string; bytes: number }> {
  return bundleScript(join(root, 'tests', 'bench', file));
}

/** Bundles a browser entry file into one classic script (an IIFE). */
export async function bundleScript(entry: string): Promise<{ code: string; bytes: number }> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  if (code === '') throw new Error(`bench: esbuild produced nothing for ${entry}`);
  return { code, bytes: Buffer.byteLength(code) };
}
