/**
 * The prebuilt help (docs/performance.md, "Start-up"): `npm run build` writes commander's answers to the plain help
 * requests into dist/app/help.json (scripts/helpTexts.js) and bin/harvest.js prints them without loading the
 * program. Each text must be what the program of these sources prints (in-process, no terminal: 80 columns), and
 * the spawned binary must print it, exit 0, and load nothing of dist/app for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { spawnCli } from '../helpers/spawnCli.js';

const HELP = fileURLToPath(new URL('../../dist/app/help.json', import.meta.url));

/** dist/app/help.json: the texts, and for each request (argv joined by spaces) the index of its text. */
function prebuilt(): { texts: string[]; answers: Record<string, number> } {
  expect(existsSync(HELP), 'dist/app/help.json is missing: run `npm run build`').toBe(true);
  return JSON.parse(readFileSync(HELP, 'utf8')) as { texts: string[]; answers: Record<string, number> };
}

describe('prebuilt help (dist/app/help.json, printed by bin/harvest.js)', () => {
  it('covers --help, -h and help of the program and of every command', async () => {
    const requests = Object.keys(prebuilt().answers);
    const commands = (await runCli(['--help'])).stdout
      .split('Commands:\n')[1]!
      .split('\n')
      .map((line) => /^ {2}([a-z-]+)/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && name !== 'help');
    expect(commands.length).toBeGreaterThan(5);
    const expected = ['--help', '-h', 'help'];
    for (const name of commands) expected.push(`${name} --help`, `${name} -h`, `help ${name}`);
    expect(requests.sort()).toEqual(expected.sort());
  });

  it('each text is what commander prints for the request, from these sources', async () => {
    const { texts, answers } = prebuilt();
    for (const [request, index] of Object.entries(answers)) {
      const run = await runCli(request.split(' '));
      expect(run.exitCode, request).toBe(0);
      expect(run.stderr, request).toBe('');
      expect(texts[index], request).toBe(run.stdout);
    }
  });

  it.each([['--help'], ['-h'], ['status', '--help'], ['help', 'decrypt-check'], ['node', '-h']])(
    'the binary prints the prebuilt text for %s',
    async (...argv) => {
      const { texts, answers } = prebuilt();
      const run = await spawnCli(argv);
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(texts[answers[argv.join(' ')]!]);
    },
  );

  it('a request that is not prebuilt goes to commander, which prints the same text', async () => {
    const { texts, answers } = prebuilt();
    for (const [argv, request] of [
      [['--no-color', '--help'], '--help'],
      [['status', '--json', '--help'], 'status --help'],
    ] as const) {
      const run = await spawnCli(argv);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe(texts[answers[request]!]);
    }
  });
});
