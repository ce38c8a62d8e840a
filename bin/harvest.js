#!/usr/bin/env node
// CommonJS (bin/package.json), the one such file of the package: Node starts a CommonJS entry without its ES module
// loader, which `harvest --version` and `--help` then never need.
//
// `harvest --version` and the plain help requests (`--help`, `<command> --help`, `help <command>`, -h) are answered
// here, before the program (commander, the command table) is loaded: the same text commander prints, at the cost of
// one small file read (docs/performance.md, "Start-up"). The help texts are commander's own output, written by
// `npm run build` (scripts/helpTexts.js); test/e2e/prebuiltHelp.e2e.test.ts compares them with the program's.
//
// A plain `harvest decrypt-check` command line runs from its own CommonJS bundle, without the ES module loader and
// commander (docs/performance.md, "Start-up, third pass").
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const argv = process.argv.slice(2);
const answer =
  argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V') ? version() : prebuiltHelp();
const direct = answer === undefined && argv[0] === 'decrypt-check' ? decryptCheck() : undefined;
if (answer !== undefined) {
  process.stdout.write(answer);
} else if (direct !== undefined) {
  direct.then((exitCode) => {
    process.exitCode = exitCode;
  });
} else {
  import('../dist/app/main.js').then(async ({ main }) => {
    process.exitCode = await main(argv);
  });
}

/**
 * `harvest decrypt-check` with a plain command line, run from its own CommonJS bundle without commander (the
 * promise of its exit code); undefined leaves the command line to the program (src/cli/directDecryptCheck.ts). The
 * bundle is compiled with the code cache the build made for it (bin/codeCache.js).
 */
function decryptCheck() {
  const app = join(__dirname, '..', 'dist', 'app');
  const { loadBundle } = require('./codeCache.js');
  return loadBundle(join(app, 'decryptCheck.cjs'), join(app, 'decryptCheck.cache')).runDecryptCheckDirectly(
    argv,
  );
}

/** The line commander prints for --version. */
function version() {
  return `${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`;
}

/**
 * The prebuilt help text for these arguments, or undefined: not a plain help request, no prebuilt texts (a build
 * without them), or a terminal narrower than the 80 columns the texts were wrapped to (commander wraps to it).
 */
function prebuiltHelp() {
  if (argv.length > 2 || !argv.some((word) => word === '--help' || word === '-h' || word === 'help'))
    return undefined;
  if (require('node:tty').isatty(1) && !(process.stdout.columns >= 80)) return undefined;
  let prebuilt;
  try {
    prebuilt = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'app', 'help.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const request = argv.join(' ');
  return Object.hasOwn(prebuilt.answers, request) ? prebuilt.texts[prebuilt.answers[request]] : undefined;
}
