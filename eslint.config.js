// ESLint flat config: typescript-eslint's type-checked rules, plus the layer rule of docs/ARCHITECTURE.md
// (core ← node ← flows ← commands ← cli; ui and contract beside), no import cycle (import-x/no-cycle: run-time
// imports; test/architecture/noImportCycles.test.ts also counts type-only ones) and core's purity (no I/O, clock,
// randomness or process).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const layer = (folder, forbidden, extra = {}, typeOnly = []) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [...forbidden, ...typeOnly].map((name) => ({
          group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`],
          message: `src/${folder} must not import src/${name} (docs/ARCHITECTURE.md)`,
          allowTypeImports: typeOnly.includes(name),
        })),
        ...extra,
      },
    ],
  },
});

const NODE_IO = [
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'node:os',
  'node:process',
  'node:timers',
  'node:timers/promises',
  'node:worker_threads',
  'node:dgram',
  'node:dns',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bin/',
      'bench/*.js',
      'scripts/*.js',
      'test/fixtures/**/*.mjs',
      'eslint.config.js',
      'vitest.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  layer('core', ['contract', 'node', 'flows', 'commands', 'cli', 'ui', 'devnet'], {
    paths: [
      ...NODE_IO.map((name) => ({ name, message: 'core is pure: no I/O (docs/ARCHITECTURE.md)' })),
      {
        name: 'node:crypto',
        importNames: [
          'randomBytes',
          'randomInt',
          'randomUUID',
          'getRandomValues',
          'generateKeyPair',
          'generateKeyPairSync',
          'randomFill',
          'randomFillSync',
        ],
        message: 'core takes randomness as an argument (docs/ARCHITECTURE.md)',
      },
    ],
  }),
  // src/contract: the --json result types that flows produce and ui renders; it may import only core
  layer('contract', ['node', 'flows', 'commands', 'cli', 'ui', 'devnet']),
  layer('node', ['contract', 'flows', 'commands', 'cli', 'ui', 'devnet']),
  layer('flows', ['commands', 'cli', 'ui', 'devnet']),
  // ui → flows types go once they live in src/contract (test/architecture/noImportCycles.test.ts lists them)
  layer('ui', ['node', 'commands', 'cli', 'devnet'], {}, ['flows']),
  // commands see src/commands/context, never src/cli: cli wires commands, not the other way round
  layer('commands', ['node', 'cli']),
  // the definitions are what `harvest --help` loads: nothing heavy (test/e2e/lightStartup.e2e.test.ts)
  layer('commands/definitions', ['core', 'node', 'flows', 'ui', 'cli', 'devnet', 'contract']),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure (docs/ARCHITECTURE.md)' },
        { name: 'fetch', message: 'core is pure (docs/ARCHITECTURE.md)' },
        { name: 'Buffer', message: 'core works on Uint8Array' },
        { name: 'setTimeout', message: 'core has no clock' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core has no clock: pass the time in',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core has no clock: pass the time in',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'core takes randomness as an argument',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/io.ts', 'src/ui/prompter.ts', 'src/cli/processRuntime.ts', 'src/devnet/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'only src/ui/io.ts writes to the terminal' },
        { object: 'process', property: 'stderr', message: 'only src/ui/io.ts writes to the terminal' },
        {
          object: 'process',
          property: 'exit',
          message: 'main() returns the exit code; nothing calls process.exit',
        },
        { object: 'process', property: 'env', message: 'read the environment from the Runtime' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
