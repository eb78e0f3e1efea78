import { existsSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChrome } from '../../scripts/find-chrome.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, e.g. `http://127.0.0.1:41234/` (trailing slash). */
    baseURL: string;
    /** The system Chrome/Chromium executable. */
    chromePath: string;
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

  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const baseURL = server.resolvedUrls?.local[0];
  if (!baseURL) {
    await server.close();
    throw new Error('e2e: vite preview started but reported no local URL.');
  }

  project.provide('baseURL', baseURL.endsWith('/') ? baseURL : `${baseURL}/`);
  project.provide('chromePath', chromePath);

  return async () => {
    await server.close();
  };
}
