import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { fastDecoding } from './scripts/fastDecoding';

/** What `codeSplitting` lets a group's `name` read of the module graph. */
interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const srcFile = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** Packages in groups of their own (below). */
const OWN_GROUP = /node_modules[\\/](svelte|dexie|yjs|lib0)[\\/]/;

/** The modules `root` imports statically, itself included, as far as they go. */
function staticClosure(root: string, graph: ModuleGraph): Set<string> {
  const seen = new Set<string>();
  const queue = [root];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The chunk of the app's own modules the workspace screen needs at once and the start screen
 * does not ("workspace"): the static imports of WorkspaceScreen.svelte, less those of main.ts
 * and StartScreen.svelte. One chunk instead of a dozen small shared ones gzips better (issue
 * 14); screens loaded later import from it. Svelte, Dexie and Yjs keep their own groups.
 */
function workspaceChunk(): (id: string, graph: ModuleGraph) => string | null {
  let members: Set<string> | null = null;
  return (id, graph) => {
    if (members === null) {
      const start = new Set([
        ...staticClosure(srcFile('main.ts'), graph),
        ...staticClosure(srcFile('ui/start/StartScreen.svelte'), graph),
      ]);
      members = new Set(
        [...staticClosure(srcFile('ui/workspace/WorkspaceScreen.svelte'), graph)].filter(
          (m) => !start.has(m) && !OWN_GROUP.test(m),
        ),
      );
    }
    return members.has(id) ? 'workspace' : null;
  };
}

export default defineConfig({
  plugins: [
    fastDecoding(),
    svelte(),
    VitePWA({
      // 'prompt': a new version waits for the user's consent, so nothing reloads under their typing.
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Lodestar — North Star workspace',
        short_name: 'Lodestar',
        description:
          'Choose a North Star Metric, lay out its metric tree and track it, offline and together.',
        theme_color: '#1d2b53',
        background_color: '#f7f7fb',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control at once, so screens loaded on demand come from the
        // cache even if the network goes away before a reload. Updates still wait for consent.
        clientsClaim: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Chunks named for what they hold (a shared chunk is otherwise named after one of its
        // modules): the Svelte runtime, Dexie (the device database), Yjs with lib0.
        codeSplitting: {
          groups: [
            { name: 'svelte', test: /node_modules[\\/]svelte[\\/]/ },
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
            // lib0's network modules are y-webrtc's and y-websocket's, loaded with live sync.
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs[\\/]|lib0[\\/](?!(websocket|broadcastchannel|mutex|url)\.js))/,
            },
            { name: workspaceChunk(), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
