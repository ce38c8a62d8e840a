import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { ExitCode } from '../cli/exitCodes.js';
import { readKeystorePassword } from '../cli/readKeystorePassword.js';
import { InputError } from '../core/errors.js';
import type { OnboardResult } from '../contract/onboard.js';
import type { OnboardAccountInput } from '../flows/onboardAccounts.js';
import { formatOnboardPlan, formatOnboardResult } from '../ui/format/onboard.js';
import { parseSeconds } from './onlineFlags.js';

/** Flags of `harvest onboard` (the repeatable --node is collected separately: see registerOnboard). */
export interface OnboardOptions {
  readonly accounts?: string;
  readonly concurrency?: string;
  readonly maxUnlockedAccounts?: string;
  readonly passwordFile?: string;
  readonly fee?: string;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
}

/**
 * Registers `harvest onboard`. `--node` is the global option, and commander lets the program consume it wherever it
 * appears (even after the subcommand), keeping the last value; so every occurrence is collected from the program's
 * `option:node` events, which makes `--node` repeatable here without changing it for the other commands.
 */
export function registerOnboard(program: Command, invocation: Invocation): void {
  const nodeUrls: string[] = [];
  program.on('option:node', (value: string) => nodeUrls.push(value));
  program
    .command('onboard')
    .summary('delegate many accounts from a file, over several nodes, resumable')
    .description(
      'Delegates every account of --accounts (CSV with a header row: key_file or key_env, optional node; or JSON ' +
        'lines with the same fields) with the delegate flow, a few at a time, spread round-robin over the --node ' +
        'list. One confirmation for the whole batch (--yes skips), one keystore password for all. Running again ' +
        'resumes: each account keystore journal makes done accounts announce nothing. Exit 4 if any account ' +
        'FAILED, else 5 if any is still pending.',
    )
    .option('--accounts <file>', 'the accounts file (key_file paths are relative to its folder)')
    .option('--node <url>', 'a node to spread accounts over; repeat for several (env HARVEST_NODE)')
    .option('--concurrency <n>', 'accounts delegated at the same time (default 4)')
    .option(
      '--max-unlocked-accounts <n>',
      "the nodes' delegate slots (maxUnlockedAccounts), if known: nodes with no free slot are skipped",
    )
    .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
    .option(
      '--fee <multiplier>',
      'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum)',
    )
    .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
    .option('--confirmation-timeout <seconds>', 'how long to wait for each confirmation (default 300)')
    .option('--activation-timeout <seconds>', 'how long to wait for each activation (default 600)')
    .action(async (options: OnboardOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      const urls = nodeUrls.length > 0 ? nodeUrls : ctx.nodeUrl === undefined ? [] : [ctx.nodeUrl];
      ctx.output.result(await onboard(options, urls, ctx), formatOnboardResult);
    });
}

/** Reads the file and flags, runs the onboarding flow, sets exit 4 (any FAILED) or 5 (any pending). */
export async function onboard(
  options: OnboardOptions,
  nodeUrls: readonly string[],
  ctx: Context,
): Promise<OnboardResult> {
  const [path, { parseAccountsFile }, { parsePrivateKey }, { parseFeeMultiplier }] = await Promise.all([
    import('node:path'),
    import('../core/onboarding/parseAccountsFile.js'),
    import('../core/keys.js'),
    import('../core/transactions/parseFeeMultiplier.js'),
  ]);
  if (options.accounts === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the accounts file is required', {
      hint: 'pass --accounts <file> (CSV with key_file or key_env, optional node; or JSON lines)',
    });
  }
  const concurrency = parseCount(options.concurrency, '--concurrency', 4, 1);
  const maxUnlockedAccounts =
    options.maxUnlockedAccounts === undefined
      ? undefined
      : parseCount(options.maxUnlockedAccounts, '--max-unlocked-accounts', 0, 0);
  const fee = options.fee === undefined ? undefined : parseFeeMultiplier(options.fee);
  const confirmationTimeoutMs = parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300);
  const activationTimeoutMs = parseSeconds(options.activationTimeout, '--activation-timeout', 600);
  const nodes = [...new Set(nodeUrls.map(parseNodeUrl))].map((url) => ({ url, maxUnlockedAccounts }));

  const bytes = await ctx.readFile(options.accounts, 'accounts', 'INVALID_FILE');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('INVALID_FILE', `accounts file ${options.accounts} is not UTF-8 text`);
  }
  const rows = parseAccountsFile(text, `accounts file ${options.accounts}`);
  const folder = options.accounts === '-' ? ctx.runtime.cwd : path.dirname(ctx.resolvePath(options.accounts));
  const accounts: OnboardAccountInput[] = rows.map((row) => ({
    line: row.line,
    label: row.keyFile ?? `$${row.keyEnv!}`,
    node: row.node,
    readKey: async () => {
      const name = `key of line ${row.line}`;
      if (row.keyFile !== undefined) {
        return ctx.readPrivateKey({ name, file: path.resolve(folder, row.keyFile), flag: 'key_file' });
      }
      const value = ctx.runtime.env[row.keyEnv!];
      if (value === undefined || value === '') {
        throw new InputError('INPUT_REQUIRED', `${name}: environment variable ${row.keyEnv!} is not set`, {
          hint: `export ${row.keyEnv!} with the account's private key`,
        });
      }
      return parsePrivateKey(value, `${name} (${row.keyEnv!})`);
    },
  }));

  const [{ connectNode }, { onboardAccounts }] = await Promise.all([
    import('../flows/connectNode.js'),
    import('../flows/onboardAccounts.js'),
  ]);
  const { runtime } = ctx;
  const wait = options.wait !== false;
  const result = await onboardAccounts({
    accounts,
    nodes,
    connect: (url) =>
      connectNode({ url, fetch: runtime.fetch, sleep: runtime.sleep, timeoutMs: ctx.timeoutMs }),
    expectedNetwork: ctx.network,
    fee,
    concurrency,
    confirm: (plan) => ctx.ask.confirm(formatOnboardPlan(plan)),
    password: (creating) => readKeystorePassword(ctx, options.passwordFile, creating),
    files: runtime.files,
    home: ctx.home,
    wait,
    confirmationTimeoutMs,
    activationTimeoutMs,
    random: runtime.random,
    now: runtime.now,
    sleep: runtime.sleep,
    onProgress: (progress) => ctx.output.progress(progress),
    onNote: (note) => ctx.output.note(note),
  });
  const states = result.accounts.map((account) => account.state);
  // a bug in one account's run is still a bug (exit 1), even though the other accounts went on
  if (result.accounts.some((account) => account.error?.code === 'INTERNAL')) ctx.setExitCode(ExitCode.Bug);
  else if (states.includes('FAILED')) ctx.setExitCode(ExitCode.Rejected);
  else if (
    wait &&
    states.some((state) => state === 'CONFIRMATION_PENDING' || state === 'ACTIVATION_PENDING')
  ) {
    ctx.setExitCode(ExitCode.Pending);
  }
  return result;
}

function parseCount(text: string | undefined, flag: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < min || value > 10_000) {
    throw new InputError(
      'INVALID_INPUT',
      `${flag} must be a whole number from ${min} to 10000, got "${text}"`,
    );
  }
  return value;
}

function parseNodeUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError('INVALID_INPUT', `--node "${text}" is not an http(s) URL`, {
      hint: 'e.g. --node http://127.0.0.1:3000',
    });
  }
  return text.replace(/\/+$/, '');
}
