// Lint holds the layers of ../shared/DESIGN.md (data flows one way), which tsc alone does not:
//   shared/        imports nothing outside shared/: no Node built-ins, no electron, no React, no DOM globals
//   electron/core/ never imports `electron` or renderer/
//   electron/      only main.ts and preload.ts (the Electron host) import `electron`; nothing imports renderer/
//   renderer/      never imports electron/, `electron` or a Node built-in; it talks to the core through the API
// Tests (*.test.ts[x], tests/**) may import anything. tests/unit/layers.test.ts proves each rule fires.
// The rule set stays small on purpose: the boundaries, plus a few cheap correctness rules.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'tests/**'];

// Globals of a browser or of Node that shared/ must not reach for. tsc -p shared (lib ES2023, no types)
// already rejects the rest of the DOM's and Node's types; this names the usual ones in words.
const HOST_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'Element',
  'Document',
  'Window',
  'DOMParser',
  'XMLHttpRequest',
  'fetch',
  'requestAnimationFrame',
  'getComputedStyle',
  'alert',
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({ name, message: 'shared/ runs in the window and in Node alike: no DOM or Node globals (see DESIGN.md, Layers).' }));

const layer = (message) => message + ' (see ../shared/DESIGN.md, Layers)';

export default defineConfig([
  {
    ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/.tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  {
    // Off while exhaustive-deps is: its directives in renderer/ would otherwise all count as unused.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-unsafe-finally': 'error',
    },
  },
  {
    // rules-of-hooks only (it passes). renderer/ carries eslint-disable directives for exhaustive-deps, so the
    // plugin must be known; exhaustive-deps itself is off until its current findings are looked at.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'off' },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'core', pattern: 'electron/core/**', partialMatch: false },
        { type: 'electron', pattern: 'electron/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
        { type: 'tests', pattern: 'tests/**', partialMatch: false },
        { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
        { type: 'root', pattern: '**', partialMatch: false },
      ],
      // The Electron host: the only files that may import electron.
      'boundaries/files': [
        { category: 'electron-host', pattern: 'electron/{main,preload}.ts', partialMatch: false },
        { category: 'source', pattern: '**', partialMatch: false },
      ],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          policies: [
            {
              from: { element: { type: 'shared' } },
              disallow: { to: { module: { origin: 'local' }, element: { type: '!shared' } } },
              message: layer('shared/ imports nothing outside shared/'),
            },
            {
              from: { element: { type: 'shared' } },
              disallow: { to: { module: { origin: 'core' } } },
              message: layer('shared/ imports no Node built-in'),
            },
            {
              from: { element: { type: 'shared' } },
              disallow: { to: { module: { origin: 'external', source: ['electron', 'react', 'react-dom', '@types/node'] } } },
              message: layer('shared/ imports neither electron nor React'),
            },
            {
              from: { element: { type: 'core' } },
              disallow: { to: { module: { origin: 'external', source: 'electron' } } },
              message: layer('electron/core/ never imports electron: only main.ts and preload.ts do'),
            },
            {
              from: { element: { type: 'electron' }, file: { categories: { noneOf: ['electron-host'] } } },
              disallow: { to: { module: { origin: 'external', source: 'electron' } } },
              message: layer('only electron/main.ts and electron/preload.ts import electron'),
            },
            {
              from: { element: { types: ['core', 'electron'] } },
              disallow: { to: { element: { type: 'renderer' } } },
              message: layer('electron/ never imports renderer/'),
            },
            {
              from: { element: { type: 'renderer' } },
              disallow: { to: { element: { types: ['core', 'electron'] } } },
              message: layer('renderer/ never imports electron/: it talks to the core through the API (shared/api.ts)'),
            },
            {
              from: { element: { type: 'renderer' } },
              disallow: { to: { module: [{ origin: 'core' }, { origin: 'external', source: 'electron' }] } },
              message: layer('renderer/ imports neither Node built-ins nor electron'),
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-globals': ['error', ...HOST_GLOBALS] },
  },
]);
