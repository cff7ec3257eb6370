// Lint: type-aware typescript-eslint, react-hooks, and the import boundaries of docs/architecture.md "Folders".
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports patterns that keep a folder in its room. */
function boundary(message, paths, patterns = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // electron-builder loads its configuration and hooks with require(): they stay CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        'renderer/ may import only shared/ and itself: it is untrusted web content.',
        ['electron', 'better-sqlite3', ...nodeBuiltins],
        ['**/electron/**', '../electron', '../../electron'],
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      'shared/ runs on both sides: it may not import electron/, renderer/, electron or Node built-ins.',
      ['electron', 'better-sqlite3', 'react', ...nodeBuiltins],
      ['**/electron/**', '**/renderer/**'],
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/main/**', 'electron/preload/**'],
    rules: boundary(
      "Only the Electron glue (electron/main.ts, electron/main/, electron/preload*) imports 'electron'; the backend runs under plain Node.",
      ['electron'],
      ['**/renderer/**'],
    ),
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: boundary('The Electron glue never imports the renderer.', [], ['**/renderer/**']),
  },
  prettier,
);
