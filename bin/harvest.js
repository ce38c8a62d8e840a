#!/usr/bin/env node
// `harvest --version` alone is answered here, before the program (commander, the command table) is loaded: the same
// line commander prints, at the cost of one small file read (docs/performance.md, "Start-up").
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('../dist/app/main.js');
  process.exitCode = await main(argv);
}
