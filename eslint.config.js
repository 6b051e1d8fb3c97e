// Lint rules for relviz. The folder rules enforce the architecture from STYLE.md:
// dependencies point one way, engine <- io <- store <- ui, and the engine stays pure
// (no DOM, no React, no zustand, no Node built-ins, no wall clock) so the same code
// runs in the CLI, tests, benchmarks, the browser and a Web Worker.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'process', 'url', 'util', 'worker_threads'];
// src/python runs charm code for the engine: it imports the engine (and Pyodide) only.
const pythonImportPattern = {
  group: ['**/io/**', '**/store/**', '**/ui/**', '**/cli/**', '**/worker/**', '**/teaching/**', '**/embed/**', '**/share/**', 'react', 'react-dom', 'zustand', 'zustand/*'],
  message: 'src/python imports the engine only.',
};
const nodeImportPatterns = [
  { group: ['node:*', ...nodeBuiltins], message: 'The engine runs in the browser too: no Node built-ins.' },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-*', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImportPatterns,
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@xyflow/*'], message: 'The engine is UI-free.' },
            { group: ['**/io/**', '**/store/**', '**/ui/**', '**/cli/**'], message: 'Dependencies point one way: engine <- io <- store <- ui.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No wall clock in the engine: logical time only.' },
        { name: 'performance', message: 'No wall clock in the engine: logical time only.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'process', message: 'The engine runs in the browser too.' },
        { name: 'setTimeout', message: 'The engine is synchronous and deterministic.' },
        { name: 'setInterval', message: 'The engine is synchronous and deterministic.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG kept in the simulation state.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tutorials and misconceptions are data and pure logic over the engine and the script language.
    files: ['src/teaching/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImportPatterns, { group: ['**/store/**', '**/ui/**', '**/cli/**', '**/worker/**', 'react', 'react-dom', 'zustand', 'zustand/*'], message: 'Dependencies point one way: engine <- io <- teaching <- store <- ui.' }] },
      ],
    },
  },
  {
    // The engine worker and its client: browser globals, the engine and the store's runner contract only.
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImportPatterns, { group: ['**/ui/**', '**/cli/**', 'react', 'react-dom', 'zustand', 'zustand/*'], message: 'The worker runs the engine only.' }] },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/cli/**', 'react', 'react-dom'], message: 'Dependencies point one way: engine <- io <- store <- ui.' }] },
      ],
    },
  },
  {
    // Embed mode's postMessage bridge: over the store, with no React (main.tsx wires it to the page).
    files: ['src/embed/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImportPatterns, { group: ['**/ui/**', '**/cli/**', 'react', 'react-dom', 'react/*'], message: 'The embed bridge sits beside the UI, not in it: store, teaching and io only.' }] },
      ],
    },
  },
  {
    // The Python host: runs a charm's code for the engine. It imports the engine only (and Pyodide);
    // Node built-ins only where the runtime's .py files are read from disk for tsx (sourcesNode.ts).
    files: ['src/python/**/*.ts'],
    ignores: ['src/python/sourcesNode.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeImportPatterns, pythonImportPattern] }] },
  },
  {
    files: ['src/python/sourcesNode.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pythonImportPattern] }] },
  },
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImportPatterns,
            { group: ['**/store/**', '**/ui/**', '**/cli/**'], message: 'Dependencies point one way: engine <- io <- store <- ui.' },
          ],
        },
      ],
    },
  },
);
