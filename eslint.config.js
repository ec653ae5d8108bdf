import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NO_QUERIES = {
  group: ['drizzle-orm', 'drizzle-orm/*'],
  message: "Queries live in the module's repo (docs/CODE_STYLE.md).",
};
const NO_SCHEMA = {
  group: ['**/db/schema', '**/db/schema/*', '**/db/schema/**'],
  message: "Tables are used by the module's repo only.",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'e2e/screenshots/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Every dialog is a FormModal (Enter submits, Esc closes), so the behaviour cannot drift between dialogs.
    files: ['src/web/**/*.tsx'],
    ignores: ['src/web/components/FormModal.tsx', 'src/web/components/ExportWithProgress.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='Modal']",
          message: 'Use FormModal (src/web/components/FormModal.tsx).',
        },
      ],
    },
  },
  {
    // Routes are declarations: contract, permission, service call. No queries, no repos, no database.
    files: ['src/server/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_QUERIES,
            NO_SCHEMA,
            { group: ['**/*.repo.js', '**/*.repo'], message: 'Routes call services; services call repos.' },
            { group: ['**/db/client.js', '**/db/client'], message: 'Routes do not touch the database.' },
          ],
        },
      ],
    },
  },
  {
    // Services (and the module's other helpers) hold the use cases; every query is in the module's repo.
    files: ['src/server/modules/**/*.ts'],
    ignores: [
      'src/server/modules/**/*.repo.ts',
      'src/server/modules/**/*.routes.ts',
      'src/server/modules/**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_QUERIES, NO_SCHEMA] }] },
  },
  {
    // A repo answers for its own module's tables: it does not call another module's repo.
    files: ['src/server/modules/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repo.js', '../*/*.repo'],
              message: "A repo does not import another module's repo: the service combines them.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain stays pure: no IO, no clock, no database.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:fs', 'node:net', 'node:http', 'drizzle-orm*', 'pg', '@electric-sql/*', '**/server/**'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ takes `now` as an argument',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain/ takes `now` as an argument',
        },
      ],
    },
  },
);
