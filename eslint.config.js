import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
  'module',
  'buffer',
  'events',
];
const nodePatterns = NODE_BUILTINS.map((name) => ({ group: [name], message: '此层不能使用 Node 的 I/O 模块。' }));

/** The layering rules of docs/architecture.md; tests/unit/layering.test.ts proves they fire. */
export const layeringRules = [
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core 不能依赖 electron：把它放进 main/electron。' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: '渲染进程只能通过 preload 暴露的 invoke 调用主进程。' },
            { name: 'better-sqlite3', message: '渲染进程不能直接访问数据库。' },
          ],
          patterns: [
            { group: ['**/main/**', '**/main'], message: '渲染进程不能引用 main/，请通过 shared/api 的方法表调用。' },
            ...nodePatterns,
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ 不能依赖 electron。' },
            { name: 'better-sqlite3', message: 'shared/ 不能访问数据库。' },
          ],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ 不能引用 main/ 或 renderer/。' },
            ...nodePatterns,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'Buffer',
          'require',
        ].map((name) => ({ name, message: 'shared/ 只放纯逻辑，不能使用 DOM 或 Node 的全局对象。' })),
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...layeringRules,
  {
    // A spec's pages must run on the test clock the host starts from (tests/e2e/fixtures.ts).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: 'E2E 用例请从 ./fixtures 引入 test，页面才与服务端使用同一测试时钟。',
            },
          ],
        },
      ],
    },
  },
);
