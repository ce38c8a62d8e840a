/**
 * `harvest keep` (docs/commands/keep.md): keeps delegated accounts harvesting, one event per account and round on
 * stdout. Long-running until SIGINT/SIGTERM (exit 0); `--once` does one round and exits as the other commands do.
 */
import { join } from 'node:path';
import { parseAddress } from '../core/address.js';
import { InputError, NodeError, RejectedError, type HarvestError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import { parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import { parseXym } from '../core/units/parseXym.js';
import { AUTO_NODE, connectNode } from '../flows/connectNode.js';
import { discoverNodes } from '../flows/nodes/discoverNodes.js';
import type { KeepAccount } from '../flows/keep/assessKeepAccount.js';
import { claimKeeperLock } from '../flows/keep/claimKeeperLock.js';
import { runKeeper, type KeeperSummary } from '../flows/keep/runKeeper.js';
import { openKeystore } from '../flows/keystore/openKeystore.js';
import { readKeystoreFile } from '../flows/keystore/readKeystoreFile.js';
import { formatKeepEvent } from '../ui/format/keep.js';
import { readAccountsFile } from './accountsFile.js';
import type { NetworkParameters } from '../core/network.js';
import type { Context } from './context/context.js';
import type { CommandInput, CommandOutcome, PartialExit } from './context/outcome.js';
import { DEFAULT_GRACE_BLOCKS, DEFAULT_SWITCH_AFTER_BLOCKS, type KeepOptions } from './definitions/keep.js';
import { flowPorts } from './flowPorts.js';
import { readMainKeyIfGiven } from './mainKey.js';
import { nodeDiscoveryParameters } from './nodeDiscoveryFlags.js';
import { parseCount, parseSeconds, parseUrlFlag } from './onlineFlags.js';

/** Runs the keeper; prints its events as they happen and nothing at the end. */
export async function run({ options }: CommandInput<KeepOptions>, ctx: Context): Promise<CommandOutcome> {
  const settings = readSettings(options);
  const accounts = await readAccounts(options, ctx);
  const canSign = accounts.some((account) => account.privateKey !== undefined);
  let password: Promise<string> | undefined;
  const readPassword = () => (password ??= ctx.readKeystorePassword(options.passwordFile, false));
  // unattended: a missing password stops the keeper now, not at the first outage hours later
  if (canSign) await readPassword();
  const { runtime } = ctx;
  const connect = (url: string) =>
    connectNode({ url, fetch: runtime.fetch, sleep: runtime.sleep, timeoutMs: ctx.timeoutMs });
  // the explicit fallbacks fail over for reads too: with the delegated node gone, keep still reads the chain and
  // sees that node NODE_UNREACHABLE (else every round would fail and no switch would ever come)
  const explicitFallbacks = settings.fallbackNodeUrls.filter((url) => url !== AUTO_NODE);
  const readUrls = [...new Set([...ctx.nodeUrls, ...explicitFallbacks])];
  const client = connectNode({
    url: ctx.nodeUrls[0],
    urls: readUrls,
    onNote: (text) => ctx.output.note(text),
    fetch: runtime.fetch,
    sleep: runtime.sleep,
    timeoutMs: ctx.timeoutMs,
  });
  const ports = flowPorts(ctx);
  // one keeper per home (a --dry-run keeper sends and writes nothing, so it takes no lock)
  const release = settings.dryRun
    ? () => Promise.resolve()
    : await claimKeeperLock(
        runtime.files,
        ctx.home,
        runtime.processes ?? { pid: 0, isRunning: () => false },
        runtime.now(),
      );
  const summary = await runKeeper({
    ...ports,
    ...settings,
    accounts,
    client,
    connect,
    expectedNetwork: ctx.network,
    files: runtime.files,
    home: ctx.home,
    onWarning: onceEach((text) => ctx.output.note(text)),
    openKeystore: (network, mainAddress, mainPublicKey) =>
      openKeystore({
        files: runtime.files,
        home: ctx.home,
        mainAddress,
        networkIdentifier: network.identifier,
        mainPublicKey,
        password: readPassword,
        random: runtime.random,
      }),
    ...(settings.fallbackNodeUrls.includes(AUTO_NODE)
      ? { discoverFallbacks: discoverFallbacks(options, ctx, settings.fallbackNodeUrls) }
      : {}),
    onEvent: (event) => ctx.output.line(event, formatKeepEvent),
  }).finally(release);
  const exit = settings.once ? onceExit(summary, ports.signal.aborted) : undefined;
  return { print: () => undefined, ...(exit === undefined ? {} : { exit }) };
}

/**
 * `--fallback-node auto` (docs/commands/nodes.md): node discovery over the directory and the other fallbacks, judged
 * for the account; the usable ones, best first.
 */
function discoverFallbacks(
  options: KeepOptions,
  ctx: Context,
  fallbackNodeUrls: readonly string[],
): (mainAddress: Uint8Array, network: NetworkParameters) => Promise<readonly string[]> {
  const others = fallbackNodeUrls.filter((url) => url !== AUTO_NODE);
  // checked now: a bad --nodewatch or --probe-timeout stops the keeper at start, not at the first switch
  nodeDiscoveryParameters(options, ctx, others);
  return async (mainAddress, network) => {
    // the keeper's network (read from the node), not --network's default: its directory, its nodes only
    const parameters = nodeDiscoveryParameters(options, { ...ctx, network }, others, {
      address: mainAddress,
    });
    const discovery = await discoverNodes(parameters);
    return discovery.nodes.filter((node) => node.usable).map((node) => node.probe.url);
  };
}

/** The flags, checked before anything is read. */
function readSettings(options: KeepOptions) {
  return {
    intervalMs: options.interval === undefined ? undefined : parseSeconds(options.interval, '--interval', 0),
    thresholds: {
      graceBlocks: BigInt(parseCount(options.grace, '--grace', DEFAULT_GRACE_BLOCKS, 0, 1_000_000)),
      switchAfterBlocks: BigInt(
        parseCount(options.switchAfter, '--switch-after', DEFAULT_SWITCH_AFTER_BLOCKS, 1, 1_000_000),
      ),
    },
    fallbackNodeUrls: [
      ...new Set(
        (options.fallbackNode ?? []).map((url) =>
          url.trim().toLowerCase() === AUTO_NODE ? AUTO_NODE : parseUrlFlag(url, '--fallback-node'),
        ),
      ),
    ],
    maxUnlockedAccounts:
      options.maxUnlockedAccounts === undefined
        ? undefined
        : parseCount(options.maxUnlockedAccounts, '--max-unlocked-accounts', 0, 1),
    maxFeePerDay:
      options.maxFeePerDay === undefined ? undefined : parseXym(options.maxFeePerDay, '--max-fee-per-day'),
    fee: options.fee === undefined ? undefined : parseFeeMultiplier(options.fee),
    concurrency: parseCount(options.concurrency, '--concurrency', 4, 1),
    confirmationTimeoutMs: parseSeconds(options.confirmationTimeout, '--confirmation-timeout', 300),
    dryRun: options.dryRun === true,
    once: options.once === true,
  };
}

/**
 * The accounts: the rows of --accounts, the one of --key-file (or HARVEST_PRIVATE_KEY), else every keystore in the
 * home, watched only (a keystore holds no main key).
 */
async function readAccounts(options: KeepOptions, ctx: Context): Promise<KeepAccount[]> {
  if (options.accounts !== undefined && options.keyFile !== undefined) {
    throw new InputError('INVALID_INPUT', 'name the accounts once: --accounts or --key-file', {
      hint: 'give one of them (or neither, to watch every keystore in --home)',
    });
  }
  if (options.accounts !== undefined) {
    const rows = await readAccountsFile(options.accounts, ctx);
    const accounts: KeepAccount[] = [];
    for (const row of rows) accounts.push(signing(await row.readKey(), `line ${row.line} (${row.label})`));
    return accounts;
  }
  const privateKey = await readMainKeyIfGiven(options.keyFile, ctx);
  if (privateKey !== undefined) return [signing(privateKey, options.keyFile ?? '$HARVEST_PRIVATE_KEY')];
  const folder = join(ctx.home, 'keystore');
  const names = (await ctx.runtime.files.readdir(folder)).filter((name) => /^[A-Z2-7]{39}\.json$/.test(name));
  if (names.length === 0) {
    throw new InputError('INPUT_REQUIRED', `no account to keep: no keystore in ${folder}`, {
      hint: 'pass --accounts <file> or --key-file <path>, or --home where delegate wrote its keystores',
    });
  }
  const accounts: KeepAccount[] = [];
  for (const name of names.sort()) {
    const mainAddress = name.slice(0, -'.json'.length);
    const file = await readKeystoreFile(ctx.runtime.files, ctx.home, mainAddress);
    accounts.push({
      label: `keystore ${mainAddress}`,
      account:
        file?.mainPublicKey === undefined
          ? { address: parseAddress(mainAddress) }
          : { publicKey: file.mainPublicKey },
      privateKey: undefined,
    });
  }
  return accounts;
}

function signing(privateKey: Uint8Array, label: string): KeepAccount {
  return { label, account: { publicKey: derivePublicKey(privateKey) }, privateKey };
}

/**
 * --once: 0 when every account is ACTIVE (or needs nothing from keep); else the worst of the round: a node error 3,
 * an input error 2, a rejection 4, an account still waiting (or just sent a request) 5; 130 when interrupted.
 */
function onceExit(summary: KeeperSummary, interrupted: boolean): PartialExit | undefined {
  if (interrupted) return 'interrupted';
  const errors: readonly HarvestError[] = summary.lastRoundErrors;
  if (errors.some((error) => error instanceof NodeError)) return 'node';
  if (errors.some((error) => error instanceof InputError)) return 'usage';
  if (errors.some((error) => error instanceof RejectedError)) return 'rejected';
  if (errors.length > 0) return 'internal';
  return summary.lastRound.every((event) => event.event === 'checked') ? undefined : 'pending';
}

function onceEach(say: (text: string) => void): (text: string) => void {
  const said = new Set<string>();
  return (text) => {
    if (!said.has(text)) say(text);
    said.add(text);
  };
}
