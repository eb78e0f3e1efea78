import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChrome } from '../../scripts/find-chrome.mjs';
import { serveDist } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. `http://127.0.0.1:41234/` (trailing slash). */
    baseURL: string;
    /** The system Chrome/Chromium executable. */
    chromePath: string;
    /** The project root and the built app folder, for tests that serve their own copy. */
    root: string;
    distDir: string;
  }
}

/**
 * Serves the built app (`dist/`, or `$LODESTAR_DIST`) with `vite preview` on 127.0.0.1 and a
 * free port, exactly as in production (service worker included), and finds the browser.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  const distDir = path.resolve(root, process.env['LODESTAR_DIST'] ?? 'dist');
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(
      `e2e: no built app at ${distDir} (index.html missing) — run vite build first ` +
        '(`npm run test:e2e` does), or set LODESTAR_DIST to a built folder.',
    );
  }

  const chromePath = findChrome();

  const server = await serveDist(root, distDir);
  project.provide('baseURL', server.url);
  project.provide('chromePath', chromePath);
  project.provide('root', root);
  project.provide('distDir', distDir);

  return async () => {
    await server.close();
  };
}
