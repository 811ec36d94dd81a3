// Lint keeps the architecture honest: import directions between layers, no cycles,
// hooks used correctly, strict TypeScript rules. A rule that fails the build is kinder
// than a review comment.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Data flows down this list; imports point up it (see README, "Architecture").
const layers = {
  domain: [],
  persistence: ['domain'],
  stores: ['domain', 'persistence'],
  lib: ['domain'],
  components: ['domain', 'lib'],
  features: ['domain', 'lib', 'components', 'stores'],
  app: ['domain', 'lib', 'components', 'stores', 'features', 'persistence'],
};
const allLayers = Object.keys(layers);

const layerZones = Object.entries(layers)
  .map(([layer, allowed]) => ({
    target: `./src/${layer}`,
    from: allLayers.filter((other) => other !== layer && !allowed.includes(other)).map((other) => `./src/${other}`),
    message: `src/${layer} may import only from: ${allowed.join(', ') || 'nothing in the app'}.`,
  }))
  .filter((zone) => zone.from.length > 0);

const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features never import each other; share through components/, lib/ or stores/.',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      // With noUncheckedIndexedAccess on, a checked `!` is clearer than a dead fallback.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // Build and bench scripts run in Node.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The domain is pure: no browser globals, and time comes in as an argument.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'Date'],
    },
  },
  {
    // Only src/persistence talks to IndexedDB.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/persistence/**', 'src/testing/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Storage goes through src/persistence.' }] },
      ],
    },
  },
  {
    // The domain is pure: no UI, storage or i18n libraries.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'The domain is pure TypeScript.' }],
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'The domain is pure TypeScript.' },
            {
              group: ['i18next', 'zustand', '@dnd-kit/*', 'motion', 'motion/*'],
              message: 'The domain is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
);
