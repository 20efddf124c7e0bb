import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// sync-transport is the client half of an I/O adapter, not domain logic; testkit drives real
// processes and sockets for the tests and the benchmark.
const purePackages = ['packages/*/src/**/*.ts'];
const adapterPackages = ['packages/sync-transport/src/**/*.ts', 'packages/testkit/src/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '.tools/**',
      '**/node_modules/**',
      'data/**',
      'test-results/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@atelier/*/src/*', '@atelier/*/src'],
              message: 'Import a package by its name, not its files.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test skips the rest of the suite.' },
        { object: 'test', property: 'only', message: 'A focused test skips the rest of the suite.' },
        { object: 'describe', property: 'only', message: 'A focused test skips the rest of the suite.' },
      ],
    },
  },
  {
    // Pure packages: no I/O, no ambient clock or randomness (a clock and a random source are passed in).
    files: purePackages,
    // Tests, and the helpers only tests import (`*.test-support.ts`: fonts read from disk, images made with zlib).
    ignores: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test-support.ts', ...adapterPackages],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Pure packages take a clock; timers belong to adapters.' },
        { name: 'setInterval', message: 'Pure packages take a clock; timers belong to adapters.' },
        { name: 'process', message: 'Pure packages do no I/O.' },
        { name: 'window', message: 'Pure packages do no I/O.' },
        { name: 'document', message: 'Pure packages do no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass a clock in.' },
        { object: 'Math', property: 'random', message: 'Pass a random source in.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'express', 'socket.io*', 'ioredis', 'react', 'react-dom', 'tldraw', 'ws'],
              message: 'Pure packages import no I/O.',
            },
            { group: ['@atelier/*/src/*'], message: 'Import a package by its name, not its files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
