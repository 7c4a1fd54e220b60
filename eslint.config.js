// Lint rules, including the import boundaries of the layer table in docs/architecture.md:
// data flows ingest → store → metrics/models → watch → surfaces, and imports never point back.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', '.artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer(
              './src/domain',
              [
                './src/config',
                './src/store',
                './src/ingest',
                './src/metrics',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'domain imports libraries only',
            ),
            layer(
              './src/config',
              [
                './src/store',
                './src/ingest',
                './src/metrics',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'config may import domain only',
            ),
            layer(
              './src/store',
              [
                './src/config',
                './src/ingest',
                './src/metrics',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'store may import domain only',
            ),
            layer(
              './src/ingest',
              [
                './src/config',
                './src/metrics',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'ingest may import domain and store',
            ),
            layer(
              './src/metrics',
              [
                './src/config',
                './src/ingest',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'metrics may import domain and store',
            ),
            layer(
              './src/models',
              [
                './src/config',
                './src/ingest',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'models may import domain, store and metrics',
            ),
            layer(
              './src/goals',
              [
                './src/config',
                './src/ingest',
                './src/models',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'goals may import domain, store and metrics',
            ),
            layer(
              './src/alerts',
              [
                './src/config',
                './src/ingest',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'alerts may not import surfaces',
            ),
            layer(
              './src/digest',
              ['./src/config', './src/ingest', './src/api', './src/cli', './src/runtime.ts'],
              'digest may not import surfaces',
            ),
            layer(
              './src/export',
              [
                './src/config',
                './src/ingest',
                './src/models',
                './src/goals',
                './src/alerts',
                './src/digest',
                './src/api',
                './src/cli',
                './src/runtime.ts',
              ],
              'export may import domain, store and metrics',
            ),
            layer('./src/api', ['./src/cli'], 'the API may not import the CLI'),
          ],
        },
      ],
    },
  },
  {
    // Vite's resolution for the dashboard: `./x.js` names the x.ts or x.tsx source, which import-x
    // parses, so no-cycle follows web imports; packages resolve through their "exports".
    files: ['web/**/*.{ts,tsx}'],
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
  },
  {
    // The dashboard runs in a browser and knows the server only by the API contract's types:
    // a value import from src/ would pull server code into the bundle.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!api/contract/|domain/)',
              message: 'web may import only src/api/contract and src/domain, and only their types.',
            },
            {
              regex: '^(\\.\\./)+src/(api/contract|domain)/',
              allowTypeImports: true,
              message: 'web imports src/api/contract and src/domain with import type only.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['echarts', 'echarts/*', 'zrender', 'zrender/*'],
              message: 'Only web/src/components/EChart.tsx touches ECharts; build a ChartOption.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/components/EChart.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Vite's config runs in Node: web/tsconfig.node.json checks its types, away from the DOM-only
    // web/tsconfig.json that the project service would pick for it.
    files: ['web/vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/cli/**', 'bench/**', 'scripts/**', 'vitest.config.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
