import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * Layers point one way: ui → state → sync/storage → doc → domain.
 * Each entry lists what a layer must never import (relative paths and packages).
 */
/** Relative import patterns that reach into a top-level layer folder of src/ from below it. */
const up = (layer) => ['../', '../../', '../../../'].flatMap((d) => [d + layer, `${d}${layer}/**`]);

const layerRules = [
  {
    files: ['src/domain/**'],
    forbid: ['doc', 'storage', 'sync', 'state', 'ui'],
    packages: ['yjs', 'y-indexeddb', 'y-webrtc', 'dexie', 'svelte', 'svelte/*'],
  },
  {
    files: ['src/doc/**'],
    forbid: ['storage', 'sync', 'state', 'ui'],
    packages: ['y-indexeddb', 'y-webrtc', 'dexie', 'svelte', 'svelte/*'],
  },
  {
    files: ['src/storage/**', 'src/sync/**'],
    forbid: ['state', 'ui'],
    packages: ['svelte', 'svelte/*'],
  },
  { files: ['src/state/**'], forbid: ['ui'], packages: [] },
  {
    files: ['src/ui/**'],
    forbid: ['doc', 'storage', 'sync'],
    packages: ['yjs', 'y-indexeddb', 'y-webrtc', 'dexie'],
  },
].map(({ files, forbid, packages }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: packages
          .filter((p) => !p.includes('*'))
          .map((name) => ({ name, message: 'This layer must not depend on ' + name + '.' })),
        patterns: [
          ...forbid.map((layer) => ({
            group: up(layer),
            message: 'Layers only point down: ui → state → sync/storage → doc → domain.',
          })),
          ...packages
            .filter((p) => p.includes('*'))
            .map((group) => ({ group: [group], message: 'Not in this layer.' })),
        ],
      },
    ],
  },
}));

export default ts.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'bench-results'] },
  js.configs.recommended,
  ...ts.configs.strict,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'svelte/no-at-html-tags': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // State modules keep plain Maps and Sets as non-reactive caches or as snapshots that are
    // replaced whole ($state.raw), never mutated in place, so Svelte's reactive ones add nothing.
    files: ['src/state/**'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // Tests index into arrays they just built; a failed assertion is the right outcome.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...layerRules,
);
