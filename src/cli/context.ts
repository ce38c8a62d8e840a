/**
 * Runtime: everything an invocation takes from the outside world (tests override any part of it).
 * Context: what a command sees, built from the runtime and the parsed global options.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CancelledError, InputError, type InputErrorCode } from '../core/errors.js';
import { parseNetworkName, type NetworkParameters } from '../core/network.js';
import { echoPath } from '../core/redact.js';
import type { Clock, Fetch, FileSystem, RandomBytes, Sleep } from '../core/ports.js';
import { createProcessIo, type Io } from '../ui/io.js';
import { createOutput, type Output } from '../ui/output.js';
import { createInquirerPrompter, type Prompter } from '../ui/prompter.js';
import type { NodeClient } from '../flows/connectNode.js';
import type { KeystoreSession } from '../flows/keystore/openKeystore.js';
import { createNodeFileSystem } from './nodeFileSystem.js';

/** The outside world of one invocation. */
export interface Runtime {
  readonly io: Io;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: Fetch;
  readonly now: Clock;
  readonly random: RandomBytes;
  readonly sleep: Sleep;
  readonly files: FileSystem;
  readonly prompter: Prompter;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Resolves with the signal name at the first SIGINT or SIGTERM (long-running commands such as `devnet`). */
  readonly shutdownSignal: () => Promise<string>;
}

/** The real process: terminal, environment, network, clock, randomness and files. */
export function createProcessRuntime(): Runtime {
  return {
    io: createProcessIo(),
    env: process.env,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    random: (length) => new Uint8Array(randomBytes(length)),
    sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
    files: createNodeFileSystem(),
    prompter: createInquirerPrompter(),
    cwd: process.cwd(),
    shutdownSignal: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}

/** One run of main(): the runtime and the exit code a command may set without failing (e.g. 4 or 5 with a result). */
export interface Invocation {
  readonly runtime: Runtime;
  exitCode: number;
}

/** The global options of docs/cli.md, as commander parses them. */
export interface GlobalOptions {
  readonly json?: boolean;
  readonly yes?: boolean;
  readonly node?: string;
  readonly network?: string;
  readonly home?: string;
  readonly timeout?: string;
  readonly verbose?: boolean;
  readonly color?: boolean;
  readonly input?: boolean;
}

/** Where a private key may come from, and how it is named in messages. */
export interface PrivateKeySource {
  /** What the key is, e.g. "main account key". */
  readonly name: string;
  /** The key-file flag value, if given: a path, or "-" for standard input. */
  readonly file: string | undefined;
  /** The flag that supplies it, for the hint when it is missing, e.g. "--key-file". */
  readonly flag: string;
  /** Environment variable that may hold it (64 hex digits), e.g. HARVEST_PRIVATE_KEY. */
  readonly envVar?: string;
}

/** Questions, with the rules of docs/ARCHITECTURE.md#io-at-the-edges applied: never hang without a terminal, every prompt has a flag. */
export interface Ask {
  /** Passes with --yes; asks on a terminal; else CONFIRMATION_REQUIRED. Declining is CancelledError. */
  confirm(summary: string): Promise<void>;
  /** Asks on a terminal; else INPUT_REQUIRED naming `flag`. */
  input(message: string, flag: string, validate?: (value: string) => string | true): Promise<string>;
  /** A hidden answer on a terminal; else INPUT_REQUIRED naming `flag`. */
  secret(message: string, flag: string): Promise<string>;
}

/** What a command sees. */
export interface Context {
  readonly runtime: Runtime;
  readonly output: Output;
  readonly ask: Ask;
  readonly json: boolean;
  readonly yes: boolean;
  readonly verbose: boolean;
  /** True when prompts may be shown: stdin and stderr are terminals, no CI, no --no-input. */
  readonly interactive: boolean;
  readonly nodeUrl: string | undefined;
  /** The public network asked for with --network (or HARVEST_NETWORK), if any. */
  readonly network: NetworkParameters | undefined;
  /** The harvest home folder (keystore and settings). */
  readonly home: string;
  /** Per-request HTTP timeout. */
  readonly timeoutMs: number;
  /** Reads a file named on the command line ("-" is standard input); a missing file is InputError `code`. */
  readFile(path: string, name: string, code: InputErrorCode): Promise<Uint8Array>;
  /** Reads a private key from its file, its environment variable or a hidden prompt, in that order. */
  readPrivateKey(source: PrivateKeySource): Promise<Uint8Array>;
  /** A path given on the command line, made absolute. */
  resolvePath(path: string): string;
  /** Sets the exit code of a command that printed its result but did not fully succeed (docs/cli.md). */
  setExitCode(code: number): void;
  /**
   * Checks, before any work, that an output file named on the command line can be created: its folder exists and
   * the path is not a folder. Commands call it first, so that a bad --out never fails after an announcement.
   * @throws {InputError} INVALID_FILE
   */
  checkOutputPath(path: string, name: string): Promise<string>;
  /** Writes an output file atomically with `mode`; a file-system failure is INVALID_FILE, not a crash. */
  writeOutputFile(path: string, data: string, mode: number, name: string): Promise<void>;
  /**
   * A client of `url` (default: --node / HARVEST_NODE) with this invocation's fetch, sleep and --timeout; loaded
   * lazily so that commands that never talk to a node do not load the client.
   * @throws {InputError} INPUT_REQUIRED when no node is known
   */
  connectNode(url?: string): Promise<NodeClient>;
  /** Unlocks (or prepares) an account's keystore under --home, asking the password as docs/keystore.md says. */
  openKeystore(account: KeystoreAccount, passwordFile: string | undefined): Promise<KeystoreSession>;
}

/** Which account's keystore to open. */
export interface KeystoreAccount {
  readonly mainAddress: string;
  readonly networkIdentifier: number;
  readonly mainPublicKey?: Uint8Array;
}

/** Builds the context of one command invocation. */
export function contextFor(invocation: Invocation, options: GlobalOptions): Context {
  const { runtime } = invocation;
  const { env, io } = runtime;
  const json = options.json === true;
  const verbose = options.verbose === true;
  const color = options.color !== false && env['NO_COLOR'] === undefined && io.stderrIsTTY;
  // docs/cli.md: with --json, prompts and progress still go to stderr when it is a terminal; stdout keeps the
  // one JSON document. Only a missing terminal, CI or --no-input turns prompting off.
  const interactive = io.stdinIsTTY && io.stderrIsTTY && !isTruthy(env['CI']) && options.input !== false;
  const output = createOutput(io, { json, verbose, color });
  const yes = options.yes === true;
  const resolvePath = (path: string) => resolve(runtime.cwd, path);

  const ask: Ask = {
    async confirm(summary) {
      if (yes) return;
      if (!interactive) {
        throw new InputError('CONFIRMATION_REQUIRED', 'confirmation required, and nobody can be asked', {
          hint: 'pass --yes to go ahead without asking',
        });
      }
      output.note(summary);
      if (!(await runtime.prompter.confirm('Go ahead?', false)))
        throw new CancelledError('declined by the user');
    },
    async input(message, flag, validate) {
      if (!interactive) throw inputRequired(message, flag);
      return runtime.prompter.input(message, validate);
    },
    async secret(message, flag) {
      if (!interactive) throw inputRequired(message, flag);
      return runtime.prompter.password(message);
    },
  };

  let stdinTakenBy: string | undefined;
  const readFile = async (path: string, name: string, code: InputErrorCode): Promise<Uint8Array> => {
    if (path === '-') {
      // standard input can be read once: a second '-' would silently get nothing (e.g. an empty key)
      if (stdinTakenBy !== undefined) {
        throw new InputError('INVALID_INPUT', `standard input is already used for the ${stdinTakenBy}`, {
          hint: `give the ${name} as a file path`,
        });
      }
      stdinTakenBy = name;
      return io.readStdin();
    }
    try {
      return await runtime.files.readFile(resolvePath(path));
    } catch (error) {
      throw fileError(error, path, name, code);
    }
  };

  const nodeUrl = parseNodeUrl(options.node ?? env['HARVEST_NODE']);
  const home = resolvePath(options.home ?? env['HARVEST_HOME'] ?? defaultHome(env));
  const timeoutMs = parseTimeout(options.timeout);
  const context: Context = {
    runtime,
    output,
    ask,
    json,
    yes,
    verbose,
    interactive,
    nodeUrl,
    network: pickNetwork(options.network ?? env['HARVEST_NETWORK']),
    home,
    timeoutMs,
    readFile,
    resolvePath,
    setExitCode: (code) => {
      invocation.exitCode = code;
    },
    async checkOutputPath(path, name) {
      const absolute = resolvePath(path);
      const folder = dirname(absolute);
      const folderInfo = await runtime.files.stat(folder);
      if (folderInfo === undefined) {
        throw new InputError('INVALID_FILE', `${name} ${path}: the folder ${folder} does not exist`);
      }
      if (folderInfo.isFile)
        throw new InputError('INVALID_FILE', `${name} ${path}: ${folder} is not a folder`);
      const info = await runtime.files.stat(absolute);
      if (info !== undefined && !info.isFile) {
        throw new InputError('INVALID_FILE', `${name} ${path} is a folder, not a file`);
      }
      return absolute;
    },
    async connectNode(url) {
      const { connectNode } = await import('../flows/connectNode.js');
      return connectNode({
        url: url ?? nodeUrl,
        fetch: runtime.fetch,
        sleep: runtime.sleep,
        timeoutMs,
      });
    },
    async openKeystore(account, passwordFile) {
      const [{ openKeystore }, { readKeystorePassword }] = await Promise.all([
        import('../flows/keystore/openKeystore.js'),
        import('./readKeystorePassword.js'),
      ]);
      return openKeystore({
        files: runtime.files,
        home,
        ...account,
        password: (creating) => readKeystorePassword(context, passwordFile, creating),
        random: runtime.random,
      });
    },
    async writeOutputFile(path, data, mode, name) {
      try {
        await runtime.files.writeFileAtomic(resolvePath(path), data, mode);
      } catch (error) {
        const errno = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
        throw new InputError(
          'INVALID_FILE',
          `${name} ${path} cannot be written (${errno ?? 'unknown error'})`,
          {
            cause: error,
          },
        );
      }
    },
    async readPrivateKey(source) {
      // loaded here, not at start-up: `harvest --help` should not pay for the curve arithmetic
      const { parsePrivateKey } = await import('../core/keys.js');
      if (source.file !== undefined) {
        const bytes = await readFile(source.file, source.name, 'INVALID_KEY');
        return parsePrivateKey(new TextDecoder().decode(bytes), source.name);
      }
      const fromEnv = source.envVar === undefined ? undefined : env[source.envVar];
      if (fromEnv !== undefined && fromEnv !== '')
        return parsePrivateKey(fromEnv, `${source.name} (${source.envVar})`);
      const answer = await ask.secret(`${source.name} (64 hex digits)`, source.flag);
      return parsePrivateKey(answer, source.name);
    },
  };
  return context;
}

function inputRequired(what: string, flag: string): InputError {
  return new InputError('INPUT_REQUIRED', `${what} is required and cannot be asked for here`, {
    hint: `pass ${flag}`,
  });
}

function fileError(error: unknown, path: string, name: string, code: InputErrorCode): InputError {
  const errno = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const reason =
    errno === 'ENOENT'
      ? 'not found'
      : errno === 'EACCES' || errno === 'EPERM'
        ? 'not readable (permission denied)'
        : errno === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${errno ?? 'unknown error'})`;
  return new InputError(code, `${name} file ${echoPath(path)} ${reason}`, { cause: error });
}

function defaultHome(env: Readonly<Record<string, string | undefined>>): string {
  const config = env['XDG_CONFIG_HOME'] ?? join(env['HOME'] ?? homedir(), '.config');
  return join(config, 'harvest');
}

function pickNetwork(name: string | undefined): NetworkParameters | undefined {
  return name === undefined || name === '' ? undefined : parseNetworkName(name);
}

function parseNodeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('INVALID_INPUT', `node URL "${url}" is not a URL`, {
      hint: 'e.g. --node http://127.0.0.1:3000',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('INVALID_INPUT', `node URL must use http or https, got ${parsed.protocol}`);
  }
  return url.replace(/\/+$/, '');
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return 10_000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new InputError(
      'INVALID_INPUT',
      `--timeout must be a number of seconds between 0 and 3600, got "${text}"`,
    );
  }
  return Math.round(seconds * 1000);
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
