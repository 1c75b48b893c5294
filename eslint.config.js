// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['inbox', 'chat', 'settings'];

/** Import boundaries (ARCHITECTURE.md): components, lib, config -> features -> app; no feature imports another. */
const boundaries = [
  {
    files: ['src/components/**', 'src/lib/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@/features/*', '@/app/*', '**/features/**', '**/app/**'], message: 'components, lib and config sit below features and app: move the shared piece down instead.' }],
      }],
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@/app/*', '**/app/**'], message: 'features never import the app layer.' },
          {
            group: features.filter((f) => f !== feature).flatMap((f) => [`@/features/${f}`, `@/features/${f}/*`, `../${f}`, `../${f}/*`, `../../${f}/*`]),
            message: 'no feature imports another feature: move the shared piece into lib/ or components/.',
          },
        ],
      }],
    },
  })),
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(\\.\\./)+src/(?!lib/wire/)', message: 'server/ never imports src/ (only src/lib/wire for wire types).' }, { group: ['@/*'], message: 'server/ never imports src/ through the alias.' }],
      }],
    },
  },
  {
    files: ['server/routes/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/simulator', '**/simulator/**'], message: 'routes never import the simulator; only config wiring (server/main.ts, server/dev.ts) chooses it.' }],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...boundaries,
);
