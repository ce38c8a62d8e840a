import { parseSeconds } from '../../src/commands/onlineFlags.js';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/createContext.js';
import { homeParser, type GlobalOptions } from '../../src/cli/globalOptions.js';
import type { Runtime } from '../../src/commands/context/runtime.js';
import { ExitCode, exitCodeFor, exitCodeOf } from '../../src/cli/exitCodes.js';
import { outcome } from '../../src/commands/context/outcome.js';
import { CancelledError, InputError, NodeError, PendingError, RejectedError } from '../../src/core/errors.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { noPrompts, runCli } from '../helpers/runCli.js';
import { testIo } from '../helpers/testIo.js';

describe('harvest (the program)', () => {
  it('prints help on stdout and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Usage: harvest/);
    for (const option of [
      '--json',
      '--yes',
      '--node <url>',
      '--network <name|file>',
      '--home <dir>',
      '--timeout <seconds>',
      '--verbose',
      '--no-color',
    ]) {
      expect(run.stdout).toContain(option);
    }
  });

  it('help of no such command is INVALID_INPUT naming it (not a placeholder), exit 2', async () => {
    const json = await runCli(['help', 'nosuch', '--json']);
    expect(json.exitCode).toBe(2);
    expect(json.json().error).toMatchObject({ code: 'INVALID_INPUT', message: "unknown command 'nosuch'" });
    const human = await runCli(['help', 'nosuch']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain("unknown command 'nosuch'");
  });

  it('a key pasted as the value of --timeout, --progress or a seconds flag is refused without being echoed', async () => {
    const key = 'AB'.repeat(32);
    for (const argv of [
      ['status', '--json', '--timeout', key],
      ['status', '--json', `--progress=${key}`],
    ]) {
      const run = await runCli(argv);
      expect(run.exitCode, argv.join(' ')).toBe(2);
      expect(run.json().error.code).toBe('INVALID_INPUT');
      expect(run.stdout + run.stderr).not.toContain(key);
    }
    expect(() => parseSeconds(key, '--interval', 0)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as Error,
    );
    expect(() => parseSeconds(key, '--interval', 0)).not.toThrow(key);
    const plain = await runCli(['status', '--json', '--progress', 'loud']);
    expect(plain.json().error.message).toBe('--progress must be one of auto, plain, none, got "loud"');
  });

  it('help of help is the program help, exit 0', async () => {
    const run = await runCli(['help', 'help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: harvest [options] [command]');
    expect(run.stderr).not.toContain('unknown command');
  });

  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const run = await runCli([]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [['decrypt-check', '--frob'], /unknown option/],
    [['decrypt-check', '--node-key'], /argument missing/],
  ])('turns the usage error of %j into an INVALID_INPUT document with --json', async (args, message) => {
    const run = await runCli([...args, '--json']);
    expect(run.exitCode).toBe(2);
    expect(run.json()).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect(run.stderr).toBe('');
  });

  it('refuses an unknown --network name before the command runs (INVALID_INPUT, exit 2)', async () => {
    const run = await runCli(['--network', 'moonnet', 'decrypt-check', '--json']);
    expect(run.exitCode).toBe(2);
    expect(run.json()).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'unknown network "moonnet"',
        hint: 'use mainnet, testnet, or the path of a network file (docs/cli.md)',
      },
    });
    expect(run.stderr).toBe('');
  });

  it.each([
    [['--timeout', 'soon'], /--timeout/],
    [['--timeout', '-1'], /--timeout/],
    [['--node', 'not a url'], /not a URL/],
    [['--node', 'ftp://example.org'], /http or https/],
  ])('refuses the global option values %j with exit 2', async (args, message) => {
    const run = await runCli(['decrypt-check', '--json', ...args, '--message', 'FE']);
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(message),
    });
  });

  it('reports a bug as INTERNAL with exit 1, and shows the stack only with --verbose', async () => {
    const broken = { readStdin: () => Promise.reject(new TypeError('stdin exploded')) };
    const quiet = await runCli(['decrypt-check', '--node-key', '-', '--message', 'FE'], {
      io: { ...testIo(), ...broken },
    });
    expect(quiet.exitCode).toBe(1);
    const io = { ...testIo(), ...broken };
    const verbose = await runCli(['decrypt-check', '--verbose', '--node-key', '-', '--message', 'FE'], {
      io,
    });
    expect(verbose.exitCode).toBe(1);
    expect(io.stderrText()).toMatch(/internal error: stdin exploded[\s\S]*\n\s+at /);
  });
});

describe('exitCodeFor', () => {
  it.each([
    [new InputError('INVALID_KEY', 'x'), ExitCode.Usage],
    [new NodeError('NODE_TIMEOUT', 'x'), ExitCode.NodeUnavailable],
    [new RejectedError('NOT_ELIGIBLE', 'x'), ExitCode.Rejected],
    [new PendingError('ACTIVATION_PENDING', 'x'), ExitCode.Pending],
    [new CancelledError('x'), ExitCode.Cancelled],
    [Object.assign(new Error('ctrl-c'), { name: 'ExitPromptError' }), ExitCode.Cancelled],
    [new TypeError('bug'), ExitCode.Bug],
    ['not even an error', ExitCode.Bug],
  ])('maps %s to %d', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('exitCodeOf (a command that printed its result)', () => {
  it.each([
    [undefined, ExitCode.Ok],
    ['pending', ExitCode.Pending],
    ['rejected', ExitCode.Rejected],
    ['internal', ExitCode.Bug],
    ['interrupted', ExitCode.Cancelled],
  ] as const)('maps exit %s to %d', (exit, code) => {
    expect(exitCodeOf(outcome({}, () => '', exit === undefined ? {} : { exit }))).toBe(code);
  });
});

describe('createContext', () => {
  const runtime = (overrides: Partial<Runtime> & { tty?: boolean; answer?: boolean } = {}): Runtime => {
    const { tty = false, answer = true, ...rest } = overrides;
    const prompter: Prompter = { ...noPrompts, confirm: () => Promise.resolve(answer) };
    return {
      io: testIo({ tty }),
      env: {},
      fetch: () => Promise.reject(new Error('no network in this test')),
      now: () => new Date(0),
      random: (n) => new Uint8Array(n),
      sleep: () => Promise.resolve(),
      files: {} as Runtime['files'],
      prompter,
      cwd: '/work',
      interruption: () => new AbortController().signal,
      shutdownSignal: () => new Promise(() => undefined),
      ...rest,
    };
  };

  it('needs --yes to confirm when nobody can be asked', async () => {
    await expect(createContext(runtime(), {}).ask.confirm('plan')).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      hint: expect.stringMatching(/--yes/),
    });
    await expect(createContext(runtime(), { yes: true }).ask.confirm('plan')).resolves.toBeUndefined();
  });

  it('asks on a terminal, and declining cancels', async () => {
    await expect(createContext(runtime({ tty: true }), {}).ask.confirm('plan')).resolves.toBeUndefined();
    await expect(
      createContext(runtime({ tty: true, answer: false }), {}).ask.confirm('plan'),
    ).rejects.toBeInstanceOf(CancelledError);
  });

  it('never prompts under CI or with --no-input, even on a terminal; --json still may (prompts are on stderr)', () => {
    expect(createContext(runtime({ tty: true }), {}).interactive).toBe(true);
    expect(createContext(runtime({ tty: true, env: { CI: 'true' } }), {}).interactive).toBe(false);
    expect(createContext(runtime({ tty: true }), { json: true }).interactive).toBe(true);
    expect(createContext(runtime(), { json: true }).interactive).toBe(false);
    expect(createContext(runtime({ tty: true }), { input: false }).interactive).toBe(false);
  });

  it('names the flag when input is missing and cannot be asked', async () => {
    const ctx = createContext(runtime(), {});
    await expect(
      ctx.readPrivateKey({ name: 'main account key', file: undefined, flag: '--key-file' }),
    ).rejects.toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: 'pass --key-file',
    });
  });

  it('reads a private key from the environment variable when no file is given', async () => {
    const ctx = createContext(runtime({ env: { HARVEST_PRIVATE_KEY: '11'.repeat(32) } }), {});
    const key = await ctx.readPrivateKey({
      name: 'key',
      file: undefined,
      flag: '--key-file',
      envVar: 'HARVEST_PRIVATE_KEY',
    });
    expect(key).toEqual(new Uint8Array(32).fill(0x11));
  });

  it('resolves home from --home, HARVEST_HOME, XDG_CONFIG_HOME, then HOME', () => {
    expect(createContext(runtime(), { home: homeParser('/work')('h') }).home).toBe('/work/h');
    expect(createContext(runtime({ env: { HARVEST_HOME: '/x' } }), {}).home).toBe('/x');
    expect(createContext(runtime({ env: { XDG_CONFIG_HOME: '/c' } }), {}).home).toBe('/c/harvest');
    expect(createContext(runtime({ env: { HOME: '/home/u' } }), {}).home).toBe('/home/u/.config/harvest');
  });

  it('takes the node from HARVEST_NODE and the network from HARVEST_NETWORK', () => {
    const ctx = createContext(
      runtime({ env: { HARVEST_NODE: 'http://127.0.0.1:3000/', HARVEST_NETWORK: 'testnet' } }),
      {},
    );
    expect(ctx.nodeUrl).toBe('http://127.0.0.1:3000');
    expect(ctx.network?.identifier).toBe(0x98);
  });

  it('takes several nodes from a comma-separated HARVEST_NODE, the first preferred; garbage in any is INVALID_INPUT', () => {
    const ctx = createContext(runtime({ env: { HARVEST_NODE: 'http://a:3000/, http://b:3000' } }), {});
    expect(ctx.nodeUrl).toBe('http://a:3000');
    expect(ctx.nodeUrls).toEqual(['http://a:3000', 'http://b:3000']);
    expect(() => createContext(runtime({ env: { HARVEST_NODE: 'http://a:3000,ftp://b' } }), {})).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    // --node wins over HARVEST_NODE, and every --node counts
    const given = createContext(runtime({ env: { HARVEST_NODE: 'http://a:3000' } }), {
      node: ['http://c:3000', 'http://d:3000'],
    });
    expect(given.nodeUrls).toEqual(['http://c:3000', 'http://d:3000']);
  });
});

describe('--progress (docs/cli.md, "Progress")', () => {
  const runtime = (tty: boolean): Runtime & { io: ReturnType<typeof testIo> } => ({
    io: testIo({ tty }),
    env: {},
    fetch: () => Promise.reject(new Error('no network in this test')),
    now: () => new Date(0),
    random: (n) => new Uint8Array(n),
    sleep: () => Promise.resolve(),
    files: {} as Runtime['files'],
    prompter: noPrompts,
    cwd: '/work',
    interruption: () => new AbortController().signal,
    shutdownSignal: () => new Promise(() => undefined),
  });
  const progressOf = (tty: boolean, options: GlobalOptions): string => {
    const world = runtime(tty);
    const { output } = createContext(world, options);
    output.progress('waiting (1 s)');
    output.progress('waiting (1 s)');
    output.progress('waiting (2 s)');
    return world.io.stderrText();
  };

  it('auto: in place on a terminal, nothing without one, plain lines without one under --verbose', () => {
    expect(progressOf(true, {})).toBe('\r\x1b[2Kwaiting (1 s)\r\x1b[2Kwaiting (1 s)\r\x1b[2Kwaiting (2 s)');
    expect(progressOf(false, {})).toBe('');
    expect(progressOf(false, { progress: 'auto' })).toBe('');
    expect(progressOf(false, { verbose: true })).toBe('harvest: waiting (1 s)\nharvest: waiting (2 s)\n');
    expect(progressOf(true, { verbose: true })).toContain('\x1b[2K');
  });

  it('plain: one line per new text, terminal or not; none: nothing, --verbose or not', () => {
    expect(progressOf(false, { progress: 'plain' })).toBe('harvest: waiting (1 s)\nharvest: waiting (2 s)\n');
    expect(progressOf(true, { progress: 'plain' })).toBe('harvest: waiting (1 s)\nharvest: waiting (2 s)\n');
    expect(progressOf(true, { progress: 'none' })).toBe('');
    expect(progressOf(false, { progress: 'none', verbose: true })).toBe('');
  });

  it.each([['loud'], [''], ['PLAIN'], ['plain,none']])(
    'a garbage mode %j is exit 2 INVALID_INPUT, before anything runs',
    async (mode) => {
      const run = await runCli(['status', '--json', '--progress', mode]);
      expect(run.exitCode).toBe(2);
      expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('standard input', () => {
  it('can be used for one input only', async () => {
    const run = await runCli(['decrypt-check', '--json', '--node-key', '-', '--payload', '-'], {
      stdin: '11'.repeat(32),
    });
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'standard input is already used for the node key',
    });
  });
});
