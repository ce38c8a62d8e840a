import { main } from '../../src/cli/main.js';
import type { Runtime } from '../../src/commands/context/runtime.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { testIo, type TestIoOptions } from './testIo.js';

/** What one in-process run of `harvest` produced. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as the single JSON document of the --json contract. */
  json(): any;
}

/** A prompter that fails the test if anything is asked. */
export const noPrompts: Prompter = {
  confirm: () => Promise.reject(new Error('unexpected prompt')),
  input: () => Promise.reject(new Error('unexpected prompt')),
  password: () => Promise.reject(new Error('unexpected prompt')),
};

/** Runs main() in-process with a fake terminal (no TTY unless asked), an empty environment and no prompts. */
export async function runCli(
  argv: readonly string[],
  overrides: Partial<Runtime> & TestIoOptions = {},
): Promise<CliRun> {
  const { stdin, tty, ...runtime } = overrides;
  const io = testIo({ ...(stdin === undefined ? {} : { stdin }), ...(tty === undefined ? {} : { tty }) });
  const exitCode = await main(argv, {
    io,
    env: {},
    prompter: noPrompts,
    // never the process's own SIGINT/SIGTERM listeners inside the test runner; a test passes its own signal
    interruption: () => new AbortController().signal,
    ...runtime,
  });
  const stdout = io.stdoutText();
  return {
    exitCode,
    stdout,
    stderr: io.stderrText(),
    json: () => JSON.parse(stdout),
  };
}
