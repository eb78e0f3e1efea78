/** Building what the browser benchmark serves: the app (when dist/ is stale) and the floor script. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

export interface BuildInfo {
  rebuilt: boolean;
  reason: string;
  ms: number;
}

/** Runs `vite build` into dist/ when dist/ is missing or older than any source of the app. */
export async function ensureBuilt(root: string): Promise<BuildInfo> {
  const stamp = join(root, 'dist', 'index.html');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(...INPUTS.map((p) => newest(join(root, p))));
  if (built > 0 && built >= sources) {
    return { rebuilt: false, reason: 'dist/ is newer than every source', ms: 0 };
  }
  const reason = built === 0 ? 'dist/ is missing' : 'a source is newer than dist/';
  const t0 = performance.now();
  await viteBuild({ root, logLevel: 'warn' });
  return { rebuilt: true, reason, ms: Math.round(performance.now() - t0) };
}

/** Bundles floor-entry.ts (yjs + y-indexeddb only) into one script to inject into a page. */
export function bundleFloor(root: string): Promise<{ code: string; bytes: number }> {
  return bundleScript(join(root, 'tests', 'bench', 'floor-entry.ts'));
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
