// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['inbox', 'chat', 'settings', 'palette'];

/**
 * Import boundaries (ARCHITECTURE.md): components, lib, config -> features -> app; no feature imports another; server/
 * imports nothing of src/ but src/lib/wire; routes never import the simulator; test doubles (*.fixture.ts) serve tests
 * only. ESLint keeps one `no-restricted-imports` per file (a later entry replaces an earlier one), so every file set
 * gets its whole list here.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts'];
const onlyForTests = { group: ['**/*.fixture', '**/*.fixture.ts'], message: 'test doubles (*.fixture.ts) are for tests only.' };
const belowFeatures = { group: ['@/features/*', '@/app/*', '**/features/**', '**/app/**'], message: 'components, lib and config sit below features and app: move the shared piece down instead.' };
const serverOnlyWire = [
  { regex: '^(\\.\\./)+src/(?!lib/wire/)', message: 'server/ never imports src/ (only src/lib/wire, the shared wire semantics).' },
  { group: ['@/*'], message: 'server/ never imports src/ through the alias.' },
];
const noSimulator = { group: ['**/simulator', '**/simulator/**'], message: 'routes never import the simulator; only config wiring (server/wiring.ts) chooses it.' };

/** The rule for `files`: `patterns` everywhere, plus "no test doubles" outside tests. */
function restrict(files, patterns, extraIgnores = []) {
  return [
    { files, ignores: [...TESTS, ...extraIgnores], rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, onlyForTests] }] } },
    { files: files.flatMap((f) => TESTS.map((t) => `${f.replace(/\*\*$/, '')}${t.replace('**/', '**/')}`)), ignores: extraIgnores, rules: { 'no-restricted-imports': ['error', { patterns }] } },
  ];
}

const boundaries = [
  ...restrict(['src/components/**', 'src/lib/**', 'src/config/**'], [belowFeatures]),
  ...features.flatMap((feature) =>
    restrict([`src/features/${feature}/**`], [
      { group: ['@/app/*', '**/app/**'], message: 'features never import the app layer.' },
      {
        group: features.filter((f) => f !== feature).flatMap((f) => [`@/features/${f}`, `@/features/${f}/*`, `../${f}`, `../${f}/*`, `../../${f}/*`]),
        message: 'no feature imports another feature: move the shared piece into lib/ or components/.',
      },
    ]),
  ),
  ...restrict(['src/app/**'], []),
  ...restrict(['server/**'], serverOnlyWire, ['server/routes/**']),
  ...restrict(['server/routes/**'], [...serverOnlyWire, noSimulator]),
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
