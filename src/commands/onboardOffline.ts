/**
 * `harvest onboard --offline` (docs/commands/onboard.md, "Offline"): the offline facts from the flags (as
 * `delegate --offline`), then one signed file per account in --out-dir, for `harvest announce`. No node is asked.
 */
import { join } from 'node:path';
import type { OnboardResult } from '../contract/onboard.js';
import { InputError } from '../core/errors.js';
import { NO_LINKS } from '../core/harvesting/accountLinks.js';
import { nodeKeyFromUser } from '../core/harvesting/nodeTransportKey.js';
import type { NetworkParameters } from '../core/network.js';
import { networkTimeOf } from '../core/networkTime.js';
import { DEFAULT_FEE_MULTIPLIER, parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import { onboardOffline } from '../flows/onboard/onboardOffline.js';
import { readAccountsFile } from './accountsFile.js';
import type { Context } from './context/context.js';
import type { OnboardOptions } from './definitions/onboard.js';
import { flowPorts } from './flowPorts.js';
import { parseAggregateVersion } from './offlineSetup.js';
import { parseCount } from './onlineFlags.js';
import { transactionFileText } from './resultFile.js';

/** Flags that need a node: refused offline rather than silently ignored. */
const ONLINE_ONLY = [
  ['nodeUrls', '--node'],
  ['maxUnlockedAccounts', '--max-unlocked-accounts'],
  ['confirmationTimeout', '--confirmation-timeout'],
  ['activationTimeout', '--activation-timeout'],
  ['nodewatch', '--nodewatch'],
  ['probeTimeout', '--probe-timeout'],
] as const;

/**
 * Checks every flag (before any key or keystore is read), then signs every account of --accounts.
 * @throws {InputError} INPUT_REQUIRED (no --network, --accounts or --out-dir), NODE_KEY_UNKNOWN (no
 *   --node-public-key), INVALID_KEY (an unsafe one), INVALID_FILE (--out-dir not a folder), INVALID_INPUT
 */
export async function runOffline(options: OnboardOptions, ctx: Context): Promise<OnboardResult> {
  for (const [name, flag] of ONLINE_ONLY) {
    const value = options[name];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    throw new InputError('INVALID_INPUT', `${flag} needs a node: it has no use with --offline`, {
      hint: `drop ${flag}, or onboard online without --offline`,
    });
  }
  if (options.wait === false) {
    throw new InputError('INVALID_INPUT', '--no-wait has no use with --offline: nothing is announced');
  }
  const network = ctx.network;
  if (network === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the network is required offline', {
      hint: 'pass --network mainnet, --network testnet, or --network <file> for a private network (docs/cli.md)',
    });
  }
  if (options.nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is required offline", {
      hint: "pass --node-public-key (the node's /node/info nodePublicKey, not publicKey)",
    });
  }
  const nodePublicKey = nodeKeyFromUser(options.nodePublicKey); // an unsafe key given by the user is INVALID_KEY
  const fee = options.fee === undefined ? DEFAULT_FEE_MULTIPLIER : parseFeeMultiplier(options.fee);
  if (typeof fee !== 'bigint') {
    throw new InputError('INVALID_INPUT', `--fee ${fee} needs a node's fee statistics`, {
      hint: 'offline, give a number, e.g. --fee 100',
    });
  }
  const aggregateVersion = parseAggregateVersion(options.aggregateVersion);
  const concurrency = parseCount(options.concurrency, '--concurrency', DEFAULT_OFFLINE_CONCURRENCY, 1);
  if (options.accounts === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the accounts file is required', {
      hint: 'pass --accounts <file> (CSV with key_file or key_env; or JSON lines)',
    });
  }
  const outDir = await checkOutDir(options.outDir, ctx);
  const accounts = await readAccountsFile(options.accounts, ctx);

  const ports = flowPorts(ctx);
  const result = await onboardOffline({
    accounts,
    facts: {
      network,
      networkTime: networkTimeOf(ctx.runtime.now(), network.epochAdjustmentSeconds),
      aggregateVersion,
      feeMultiplier: fee,
      account: { links: NO_LINKS }, // as delegate --offline: no key linked yet (no per-account state offline)
      nodePublicKey,
    },
    concurrency,
    password: (creating) => ctx.readKeystorePassword(options.passwordFile, creating),
    files: ctx.runtime.files,
    home: ctx.home,
    random: ports.random,
    now: ports.now,
    signal: ports.signal,
    onNote: ports.onNote,
    onProgress: ports.onProgress,
    prepare: options.prepare === true,
    writeFile: (result, kind) => writeFile(outDir, result, kind, network, ctx),
  });
  const written = result.accounts.filter((row) => row.file !== undefined).length;
  ctx.output.note(
    options.prepare === true
      ? `${written} unsigned plan(s) in ${outDir}: sign each with \`harvest sign <file> --out <ADDRESS>.json\`, then announce it`
      : `${written} signed file(s) in ${outDir}: announce each with \`harvest announce <file> --node <url>\``,
  );
  return result;
}

/** Offline accounts signed at the same time: enough to overlap the fsyncs of keystores and files. */
const DEFAULT_OFFLINE_CONCURRENCY = 16;

/** --out-dir must name an existing folder, checked before any key is read (a bad path fails nothing half-way). */
async function checkOutDir(outDir: string | undefined, ctx: Context): Promise<string> {
  if (outDir === undefined) {
    throw new InputError('INPUT_REQUIRED', '--offline and --prepare write one file per account', {
      hint: 'pass --out-dir <folder>',
    });
  }
  const path = ctx.resolvePath(outDir);
  const info = await ctx.runtime.files.stat(path);
  if (info === undefined) throw new InputError('INVALID_FILE', `--out-dir ${outDir}: ${path} does not exist`);
  if (info.isFile) throw new InputError('INVALID_FILE', `--out-dir ${outDir}: ${path} is not a folder`);
  return path;
}

/**
 * `<out-dir>/<MAIN ADDRESS>.json` (the harvest-signed file of `delegate --out`) or, with --prepare,
 * `<MAIN ADDRESS>.plan.json` (the unsigned plan, so that `harvest sign --out <MAIN ADDRESS>.json` can sit beside it);
 * mode 0600, written atomically.
 */
async function writeFile(
  outDir: string,
  result: Parameters<typeof transactionFileText>[0],
  kind: 'signed' | 'unsigned',
  network: NetworkParameters,
  ctx: Context,
): Promise<string> {
  const path = join(outDir, `${result.mainAddress}${kind === 'unsigned' ? '.plan' : ''}.json`);
  await ctx.writeOutputFile(path, transactionFileText(result, network, kind), 0o600, '--out-dir file');
  return path;
}
