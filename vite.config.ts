import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
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
            { name: 'yjs', test: /node_modules[\\/](yjs|lib0)[\\/]/ },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
