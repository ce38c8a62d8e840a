/** `harvest status` (docs/commands/status.md): is the account harvesting? Every state word exits 0. */
import { deriveAddress, encodeAddress, parseAddress } from '../core/address.js';
import { wipe } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { derivePublicKey, parsePublicKey } from '../core/keys.js';
import { connectNode } from '../flows/connectNode.js';
import {
  readHarvestingStatus,
  type HarvestingStatusReport,
  type StatusAccount,
} from '../flows/getHarvestingStatus.js';
import { readKeystoreFile } from '../flows/keystore/readKeystoreFile.js';
import { DEFAULT_MAX_FAILED_POLLS, watchHarvestingStatus } from '../flows/watchHarvestingStatus.js';
import { formatStatus } from '../ui/format/status.js';
import type { Context } from './context/context.js';
import { readMainKeyIfGiven } from './mainKey.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import { DEFAULT_WATCH_TIMEOUT_SECONDS, type StatusOptions } from './definitions/status.js';

/** Poll interval of --watch when the node does not publish a block time. */
const DEFAULT_POLL_MS = 1_000;
/** Network identifiers whose keystores are looked for when only a public key is given and no --network. */
const PUBLIC_NETWORK_IDENTIFIERS = [104, 152] as const;

/** Reads the status (with --watch, waits for it to change); printed with the details the human text shows. */
export async function run({ options }: CommandInput<StatusOptions>, ctx: Context): Promise<CommandOutcome> {
  const report = await status(options, ctx);
  return outcome(report.status, (value, style) => formatStatus(value, style, report.details));
}

/** Reads the account's harvesting status (and with --watch, waits for it to change). */
async function status(options: StatusOptions, ctx: Context): Promise<HarvestingStatusReport> {
  const given = [options.address, options.publicKey, options.keyFile].filter((value) => value !== undefined);
  if (given.length > 1) {
    throw new InputError('INVALID_INPUT', 'name the account once: --address, --public-key or --key-file', {
      hint: 'give exactly one of them',
    });
  }
  const watchTimeoutMs = parseWatchTimeout(options.watchTimeout);
  const maxFailedPolls = parseMaxFailedPolls(options.maxFailedPolls);
  const account = await readAccount(options, ctx);
  const warned = new Set<string>();
  const keystore = {
    files: ctx.runtime.files,
    home: ctx.home,
    // said once, though --watch reads the keystore at every poll
    onWarning: (text: string) => {
      if (!warned.has(text)) ctx.output.note(text);
      warned.add(text);
    },
  };
  const connect = (url: string) =>
    connectNode({ url, fetch: ctx.runtime.fetch, sleep: ctx.runtime.sleep, timeoutMs: ctx.timeoutMs });
  const nodeUrl = ctx.nodeUrl ?? (await rememberedNodeUrl(account, ctx));
  if (nodeUrl === undefined) {
    throw new InputError('INPUT_REQUIRED', 'a node is required', {
      hint: 'pass --node <url> (or set HARVEST_NODE); the keystore remembers no node for this account',
    });
  }
  // the --node URLs fail over (docs/cli.md, "Several nodes"); a node remembered by the keystore is asked alone
  const client = nodeUrl === ctx.nodeUrl ? await ctx.connectNode() : connect(nodeUrl);
  const read = () =>
    readHarvestingStatus({
      client,
      account,
      expectedNetwork: ctx.network,
      keystore,
      connect,
      now: ctx.runtime.now,
    });
  const initial = await read();
  if (options.watch !== true) return initial;

  ctx.output.progress(`${initial.status.state}: watching for a change (up to ${watchTimeoutMs / 1000} s)`);
  const outcome = await watchHarvestingStatus({
    initial,
    read,
    timeoutMs: watchTimeoutMs,
    pollMs: initial.details.blockTimeMs ?? DEFAULT_POLL_MS,
    maxFailedPolls,
    now: ctx.runtime.now,
    sleep: ctx.runtime.sleep,
    signal: ctx.runtime.interruption(),
    onProgress: (text) => ctx.output.progress(text),
  });
  if (outcome.interrupted === true) {
    ctx.output.note(`interrupted: last status ${outcome.report.status.state}`);
  } else if (!outcome.changed) {
    ctx.output.note(`no change within ${watchTimeoutMs / 1000} s: still ${outcome.report.status.state}`);
  }
  return outcome.report;
}

/** The account from --address, --public-key, --key-file or HARVEST_PRIVATE_KEY, or an address asked on a TTY. */
async function readAccount(options: StatusOptions, ctx: Context): Promise<StatusAccount> {
  if (options.address !== undefined) return { address: parseAddress(options.address) };
  if (options.publicKey !== undefined) return { publicKey: parsePublicKey(options.publicKey, 'public key') };
  const privateKey = await readMainKeyIfGiven(options.keyFile, ctx);
  if (privateKey !== undefined) {
    const publicKey = derivePublicKey(privateKey);
    wipe(privateKey);
    return { publicKey };
  }
  const answer = await ctx.ask.input(
    'account address',
    '--address (or --public-key, or --key-file)',
    (value) => {
      try {
        parseAddress(value);
        return true;
      } catch (error) {
        return error instanceof Error ? error.message : 'not an address';
      }
    },
  );
  return { address: parseAddress(answer) };
}

/** The node URL the keystore remembers for this account, when there is a keystore and no --node. */
async function rememberedNodeUrl(account: StatusAccount, ctx: Context): Promise<string | undefined> {
  const addresses =
    'address' in account
      ? [account.address]
      : 'publicKey' in account
        ? (ctx.network === undefined ? PUBLIC_NETWORK_IDENTIFIERS : [ctx.network.identifier]).map(
            (identifier) => deriveAddress(account.publicKey, identifier),
          )
        : [];
  for (const address of addresses) {
    const file = await readKeystoreFile(ctx.runtime.files, ctx.home, encodeAddress(address));
    if (file?.node?.url !== undefined) return file.node.url;
  }
  return undefined;
}

function parseMaxFailedPolls(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_FAILED_POLLS;
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 10_000) {
    throw new InputError(
      'INVALID_INPUT',
      `--max-failed-polls must be a whole number from 1 to 10000, got "${text}"`,
    );
  }
  return value;
}

function parseWatchTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_WATCH_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 86_400) {
    throw new InputError(
      'INVALID_INPUT',
      `--watch-timeout must be a number of seconds between 0 and 86400, got "${text}"`,
    );
  }
  return Math.round(seconds * 1000);
}
