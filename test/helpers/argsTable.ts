/**
 * Table-driven argument tests (test/commands/*.args.test.ts): what commander's parser makes of a command line, and
 * how the command refuses a bad value, without a node. `parseCli` runs the real program with a recorder in place
 * of the command runner (src/cli/main.ts runHarvest), so nothing runs; `refuse` runs the command in-process with a
 * network that fails the test if it is used.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runHarvest } from '../../src/cli/main.js';
import { createProcessRuntime } from '../../src/cli/processRuntime.js';
import type { Runtime } from '../../src/commands/context/runtime.js';
import { runCli, noPrompts, type CliRun } from './runCli.js';
import { testIo } from './testIo.js';

/** What the parser handed to the command runner, or how the command line was refused. */
export interface ParsedCommandLine {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The command that would run, with its positional arguments, its flags and the global options. */
  readonly command?: string;
  readonly args?: readonly string[];
  readonly options?: Record<string, unknown>;
  readonly globals?: Record<string, unknown>;
}

/** Parses `argv` with the real program (global options included) and records, instead of running, the command. */
export async function parseCli(argv: readonly string[], cwd = '/work'): Promise<ParsedCommandLine> {
  const io = testIo();
  const runtime: Runtime = { ...createProcessRuntime(), io, env: {}, prompter: noPrompts, cwd };
  let recorded: Pick<ParsedCommandLine, 'command' | 'args' | 'options' | 'globals'> = {};
  const exitCode = await runHarvest(argv, runtime, (entry, command) => {
    recorded = {
      command: entry.definition.name,
      args: command.processedArgs as string[],
      options: entry.definition.readOptions(command) as Record<string, unknown>,
      globals: command.parent!.opts(),
    };
    return Promise.resolve(0);
  });
  return { exitCode, stdout: io.stdoutText(), stderr: io.stderrText(), ...recorded };
}

/** A network that must not be reached: argument errors are found before any request. */
const noNetwork: Runtime['fetch'] = () => Promise.reject(new Error('the argument tests use no node'));

/** A temporary folder for the files a table names, removed after the file's tests. */
export function scratchFolder(prefix: string): {
  folder: string;
  file: (name: string, content: string) => string;
} {
  const folder = mkdtempSync(join(tmpdir(), `harvest-args-${prefix}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return {
    folder,
    file: (name, content) => {
      const path = join(folder, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    },
  };
}

/** Runs `argv --json` in-process with no node, no terminal and `home` as HARVEST_HOME; expects the error code. */
export async function expectRefused(
  argv: readonly string[],
  code: string,
  exitCode: number,
  home: string,
): Promise<CliRun> {
  const run = await runCli([...argv, '--json'], {
    env: { HARVEST_HOME: home },
    fetch: noNetwork,
    shutdownSignal: () => new Promise<string>(() => undefined),
  });
  expect(run.json(), run.stderr).toMatchObject({ error: { code } });
  expect(run.exitCode).toBe(exitCode);
  return run;
}
