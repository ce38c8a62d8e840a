// ESLint flat config: typescript-eslint's type-checked rules, plus the layer rule of docs/ARCHITECTURE.md#layers
// (core ← node ← flows ← commands ← cli; ui and contract beside), no import cycle (import-x/no-cycle: run-time
// imports; test/architecture/noImportCycles.test.ts also counts type-only ones), core's purity (no I/O, clock,
// randomness or process), and the devnet's independence (packages/devnet never imports the product; only
// src/commands/devnet.ts loads it).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The devnet package: loaded by `harvest devnet` only (src/commands/devnet.ts), never by the other layers. */
const DEVNET_PACKAGE = {
  name: '@symbol-harvest/devnet',
  message: 'only src/commands/devnet.ts loads the devnet package (docs/devnet.md)',
};

const layer = (folder, forbidden, extra = {}, typeOnly = []) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [...forbidden, ...typeOnly].map((name) => ({
          group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`],
          message: `src/${folder} must not import src/${name} (docs/ARCHITECTURE.md#layers)`,
          allowTypeImports: typeOnly.includes(name),
        })),
        ...extra,
        paths: [...(extra.paths ?? []), ...(folder === 'commands' ? [] : [DEVNET_PACKAGE])],
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
      'packages/*/dist/',
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
  layer('core', ['contract', 'node', 'flows', 'commands', 'cli', 'ui'], {
    paths: [
      ...NODE_IO.map((name) => ({ name, message: 'core is pure: no I/O (docs/ARCHITECTURE.md#layers)' })),
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
        message: 'core takes randomness as an argument (docs/ARCHITECTURE.md#io-at-the-edges)',
      },
    ],
  }),
  // src/contract: the --json result types that flows produce and ui renders; it may import only core (one type
  // from node still, listed in test/architecture/noImportCycles.test.ts until it moves)
  layer('contract', ['flows', 'commands', 'cli', 'ui'], {}, ['node']),
  layer('node', ['contract', 'flows', 'commands', 'cli', 'ui']),
  layer('flows', ['commands', 'cli', 'ui']),
  layer('ui', ['node', 'commands', 'cli', 'flows']),
  // src/platform: Node's real ports (files, fetch, clock, randomness), wired by the CLI and the library alike
  layer('platform', ['contract', 'node', 'flows', 'commands', 'cli', 'ui', 'library']),
  // src/library: the flows with Node's defaults, for library callers (never the CLI's commands or program)
  layer('library', ['commands', 'cli', 'ui']),
  // commands see src/commands/context, never src/cli: cli wires commands, not the other way round
  layer('commands', ['node', 'cli']),
  // the definitions are what `harvest --help` loads: nothing heavy (test/e2e/lightStartup.e2e.test.ts)
  layer('commands/definitions', ['core', 'node', 'flows', 'ui', 'cli', 'contract']),
  {
    // The CLI and the library entry never load the devnet: `harvest devnet` does, at action time.
    files: ['src/cli/**/*.ts', 'src/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [DEVNET_PACKAGE] }] },
  },
  {
    // The devnet judges the product, so it must not share its code (a bug there would pass on it): its own modules,
    // symbol-sdk and Node built-ins only (docs/devnet.md).
    files: ['packages/devnet/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!node:|symbol-sdk(?:/|$)|\\./)',
              message:
                'packages/devnet imports only its own modules, symbol-sdk and node:* (never the product, docs/devnet.md)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure (docs/ARCHITECTURE.md#layers)' },
        { name: 'fetch', message: 'core is pure (docs/ARCHITECTURE.md#layers)' },
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
    ignores: ['src/ui/io.ts', 'src/ui/prompter.ts', 'src/cli/processRuntime.ts'],
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
