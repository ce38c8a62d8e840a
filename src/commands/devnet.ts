/** `harvest devnet` (docs/commands/devnet.md): a local Symbol network to rehearse every flow offline. */
import type * as DevnetPackage from '@symbol-harvest/devnet';
import { InputError } from '../core/errors.js';
import { echoValue } from '../core/redact.js';
import { formatDevnet } from '../ui/format/devnet.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { DevnetCommandOptions } from './definitions/devnet.js';

/** Starts the devnet, prints its descriptor and keeps serving until SIGINT or SIGTERM. */
export async function run(
  { options }: CommandInput<DevnetCommandOptions>,
  ctx: Context,
): Promise<CommandOutcome> {
  const stop = ctx.runtime.shutdownSignal();
  const { startDevnet, parseFaults, parseMultisigSpec } = await loadDevnet();
  let faults;
  try {
    faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  } catch (error) {
    throw new InputError('INVALID_INPUT', `--faults: ${(error as Error).message}`);
  }
  const multisig = (options.multisig ?? []).map((text) => {
    try {
      return parseMultisigSpec(text);
    } catch (error) {
      throw new InputError('INVALID_INPUT', `--multisig: ${(error as Error).message}`, {
        hint: 'give m-of-n with 1 ≤ m ≤ n ≤ 25, e.g. --multisig 2-of-3',
      });
    }
  });
  if (multisig.length > 100)
    throw new InputError('INVALID_INPUT', '--multisig: at most 100 multisig accounts');
  const port = integer(options.port, '--port', 0, 65535);
  let devnet;
  try {
    devnet = await startDevnet({
      port,
      host: options.host,
      ...(options.state === undefined ? {} : { stateDir: ctx.resolvePath(options.state) }),
      blockTimeSeconds: decimal(options.blockTime, '--block-time'),
      accounts: integer(options.accounts, '--accounts', 0, 10_000),
      nodes: integer(options.nodes, '--nodes', 1, 32),
      maxUnlockedAccounts: integer(options.maxUnlockedAccounts, '--max-unlocked-accounts', 0, 10_000),
      importanceGrouping: integer(options.importanceGrouping, '--importance-grouping', 1, 1_000_000),
      minFeeMultiplier: integer(options.minFeeMultiplier, '--min-fee-multiplier', 0, 1_000_000),
      ...(faults === undefined ? {} : { faults }),
      multisig,
      ...(ctx.verbose ? { log: (line: string) => ctx.output.note(line) } : {}),
    });
  } catch (error) {
    throw startupError(error, port, options);
  }
  return outcome(devnet.descriptor, formatDevnet, {
    keepRunning: async () => {
      const signal = await stop;
      ctx.output.note(`devnet: ${signal} received, stopping`);
      await devnet.close();
    },
  });
}

/**
 * The devnet is its own workspace package (packages/devnet, docs/devnet.md), an optional dependency loaded only
 * here, at action time, so that other commands and `harvest --help` never load it.
 */
async function loadDevnet(): Promise<typeof DevnetPackage> {
  try {
    return await import('@symbol-harvest/devnet');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !/@symbol-harvest\/devnet|packages\/devnet/.test(message))
      throw error;
    // Not a bug: an installation without the optional package (or a clone whose package was not built).
    throw new InputError(
      'INVALID_INPUT',
      '`harvest devnet` needs the package @symbol-harvest/devnet, which is not installed or not built',
      {
        hint: 'install its tarball beside harvest (README, "Install from a tarball"), or run from a clone: npm ci && npm run build',
        cause: error,
      },
    );
  }
}

/** Start-up failures the user can fix (a busy port, a bad --host or --state) as typed input errors. */
function startupError(error: unknown, port: number, options: DevnetCommandOptions): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new InputError('INVALID_INPUT', `port ${port} on ${options.host} is already in use`, {
      hint: 'pass another --port, or --port 0 for any free port',
    });
  }
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL' || code === 'EAI_AGAIN') {
    return new InputError(
      'INVALID_INPUT',
      `--host ${options.host} is not an address of this machine (${code})`,
      {
        hint: 'use 127.0.0.1',
      },
    );
  }
  if (code === 'EACCES' && options.state === undefined) {
    return new InputError('INVALID_INPUT', `port ${port} needs privileges (${code})`, {
      hint: 'use a port above 1023',
    });
  }
  if (code !== undefined && ['ENOTDIR', 'EEXIST', 'ENOENT', 'EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new InputError(
      'INVALID_INPUT',
      `--state ${options.state ?? ''} cannot be used as a folder (${code})`,
      {
        hint: 'give a folder this user can write, or leave --state out for a temporary one',
      },
    );
  }
  return error;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new InputError(
      'INVALID_INPUT',
      `${flag} must be a whole number from ${min} to ${max}, got '${text}'`,
    );
  }
  return value;
}

function decimal(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || value > 3600) {
    throw new InputError(
      'INVALID_INPUT',
      `${flag} must be a number of seconds from 0 to 3600, got ${echoValue(text)}`,
    );
  }
  return value;
}
