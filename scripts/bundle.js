#!/usr/bin/env node
// Part of `npm run build`: bundles the command-line entry (dist/cli/main.js, compiled by tsc) into dist/app/, so
// that `harvest --help` loads a handful of files instead of ~40 ES modules plus commander's CommonJS ones
// (docs/performance.md, "Start-up"). Each command stays its own chunk, loaded only when that command runs.
//
// Left out of the bundle and loaded from node_modules when needed:
//   - symbol-sdk and @inquirer/prompts: large, and only the commands that sign or ask load them;
//   - @symbol-harvest/devnet: an optional dependency, maybe not installed at all.
// The library entry (dist/index.js) is not bundled: library users import the tsc output.
//
// `harvest decrypt-check` has a second entry, dist/app/decryptCheck.cjs (src/cli/directDecryptCheck.ts): one CommonJS
// file that bin/harvest.js require()s, so that a plain decrypt-check command line starts without the ES module
// loader, commander and the command table (docs/performance.md, "Start-up, third pass"). CommonJS has no chunks:
// what the command imports on demand (the node client for --node, --tx) is in the file too, run only when used.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeDecryptCheckCache } from './codeCache.js';
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
const direct = await build({
  absWorkingDir: root,
  entryPoints: { decryptCheck: 'dist/cli/directDecryptCheck.js' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['symbol-sdk', '@inquirer/prompts', '@symbol-harvest/devnet'],
  // import.meta.url is the file's own URL, as in an ES module: the decrypt worker (dist/app/openRecordsWorker.js)
  // is found beside it
  define: { 'import.meta.url': '__harvestModuleUrl' },
  // import() of a package left out (@inquirer/prompts) becomes require(): bin/codeCache.js compiles the file as a
  // script, where import() would need Node 20's experimental dynamic-import callback
  supported: { 'dynamic-import': false },
  banner: { js: "const __harvestModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
// Which source file went into which chunk: test/e2e/lightStartup.e2e.test.ts reads it to see what start-up loads.
const outputs = { ...result.metafile.outputs, ...direct.metafile.outputs };
writeFileSync(`${outdir}/meta.json`, JSON.stringify({ ...result.metafile, outputs }));
// The plain help requests, answered by bin/harvest.js from this file (scripts/helpTexts.js).
await writeHelpTexts(root, outdir);
// V8's code cache of the decrypt-check bundle (scripts/codeCache.js), used by bin/harvest.js through bin/codeCache.js.
await writeDecryptCheckCache(root, outdir);
