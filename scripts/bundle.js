#!/usr/bin/env node
// Part of `npm run build`: bundles the command-line entry (dist/cli/main.js, compiled by tsc) into dist/app/, so
// that `harvest --help` loads a handful of files instead of ~40 ES modules plus commander's CommonJS ones
// (docs/performance.md, "Start-up"). Each command stays its own chunk, loaded only when that command runs.
//
// Left out of the bundle and loaded from node_modules when needed:
//   - symbol-sdk and @inquirer/prompts: large, and only the commands that sign or ask load them;
//   - @symbol-harvest/devnet: an optional dependency, maybe not installed at all.
// The library entry (dist/index.js) is not bundled: library users import the tsc output.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeHelpTexts } from './helpTexts.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/app`;
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  // The decrypt and signing workers are entries of their own: src/flows/decrypt/openRecordsInParallel.ts and
  // src/flows/sign/signTransactionsInParallel.ts start them by their URL beside the calling module, which in the
  // bundle is dist/app/.
  entryPoints: {
    main: 'dist/cli/main.js',
    openRecordsWorker: 'dist/flows/decrypt/openRecordsWorker.js',
    signTransactionsWorker: 'dist/flows/sign/signTransactionsWorker.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['symbol-sdk', '@inquirer/prompts', '@symbol-harvest/devnet'],
  // commander is CommonJS: its require() of node built-ins needs a require in the ES module scope.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
// Which source file went into which chunk: test/e2e/lightStartup.e2e.test.ts reads it to see what start-up loads.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
// The plain help requests, answered by bin/harvest.js from this file (scripts/helpTexts.js).
await writeHelpTexts(root, outdir);
