// Part of `npm run build` (called by scripts/bundle.js): runs the bundled program once for each plain help request
// (`--help`, `-h`, `help`, `<command> --help`, `<command> -h`, `help <command>`) and writes what commander printed
// to dist/app/help.json, so that bin/harvest.js answers those without loading commander and the command table
// (docs/performance.md, "Start-up"). The texts are commander's own output, not a copy of its layout:
// test/e2e/prebuiltHelp.e2e.test.ts compares them with the program's answer. Help wraps at 80 columns at most
// (src/cli/program.ts), so one text serves a pipe and every terminal at least that wide.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Writes `${outdir}/help.json`: { texts: [<stdout>, …], answers: { "<argv joined by spaces>": <index in texts> } }
 * (`help status` and `status --help` print the same text: it is stored once).
 */
export async function writeHelpTexts(root, outdir) {
  const { main } = await import(pathToFileURL(`${outdir}/main.js`).href);
  const { COMMANDS } = await import(pathToFileURL(`${root}dist/cli/commandTable.js`).href);
  const requests = [['--help'], ['-h'], ['help']];
  for (const { definition } of COMMANDS) {
    requests.push([definition.name, '--help'], [definition.name, '-h'], ['help', definition.name]);
  }
  const texts = [];
  const answers = {};
  for (const argv of requests) {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: (text) => void (stderr += text) },
      readStdin: () => Promise.reject(new Error('help reads no input')),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
    };
    const exitCode = await main(argv, { io, env: {} });
    if (exitCode !== 0 || stderr !== '' || stdout === '') {
      throw new Error(`harvest ${argv.join(' ')}: exit ${exitCode}, stderr ${JSON.stringify(stderr)}`);
    }
    if (!texts.includes(stdout)) texts.push(stdout);
    answers[argv.join(' ')] = texts.indexOf(stdout);
  }
  writeFileSync(`${outdir}/help.json`, `${JSON.stringify({ texts, answers })}\n`);
}
