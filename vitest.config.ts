import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fastDecoding } from './scripts/fastDecoding';

export default defineConfig({
  // The app's build reads documents with lib0's faster readers (scripts/fastDecoding.ts); the
  // unit tests do too: lib0 and the packages that import it are run through Vite, not Node.
  plugins: [fastDecoding(), svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    server: { deps: { inline: [/[\\/]node_modules[\\/](lib0|yjs|y-[a-z]+)[\\/]/] } },
  },
});
