// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const platformBound = [
  { group: ['electron', 'electron/*'], message: 'src/core is pure: no Electron.' },
  { group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
  { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/core may not import app layers.' },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'url', 'util', 'stream', 'zlib', 'events', 'process', 'buffer'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/results/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // Rule 1: src/core imports nothing platform-bound.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: platformBound, paths: nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure.' }, { name: 'require', message: 'src/core is pure.' }, { name: 'window', message: 'src/core is pure.' }, { name: 'document', message: 'src/core is pure.' }],
    },
  },
  {
    // Rule 3: raw ipc appears only in the two bridge files.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/ipc/binding.ts', 'src/preload/index.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]', message: 'Use the API contract (src/core/api.ts); raw ipc only in the bridge files.' },
        { selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: 'Use the API contract (src/core/api.ts); raw ipc only in the bridge files.' },
      ],
    },
  },
  {
    // The renderer never touches the file system or Electron directly.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*', '**/main/**'], message: 'The renderer talks to the backend only through the API client.' }] }],
    },
  },
);
