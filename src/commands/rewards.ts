/** `harvest rewards` (docs/commands/rewards.md): what an account earned by harvesting, with every share counted. */
import { deriveAddress, parseAddress } from '../core/address.js';
import { equalBytes, wipe } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { parseKeystore, type KeystoreFile } from '../core/keystore/keystoreFormat.js';
import { derivePublicKey } from '../core/keys.js';
import { parseAccountPublicKey } from '../core/parseAccountPublicKey.js';
import { parseRewardsBound } from '../core/rewards/parseRewardsBound.js';
import { getHarvestRewards, type GetHarvestRewardsParameters } from '../flows/rewards/getHarvestRewards.js';
import { getBeneficiaryRewards } from '../flows/rewards/getBeneficiaryRewards.js';
import { prepareKickbackPlan } from '../flows/rewards/prepareKickbackPlan.js';
import { formatBeneficiaryRewards, formatKickbackCsv } from '../ui/format/beneficiaryRewards.js';
import { formatRewards } from '../ui/format/rewards.js';
import { formatRewardsCsv } from '../ui/format/rewardsCsv.js';
import { toJson } from '../ui/output.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { RewardsOptions } from './definitions/rewards.js';

/** Reads the rewards, writes --csv, and prints the totals (a bar chart of the days on a terminal). */
export async function run({ options }: CommandInput<RewardsOptions>, ctx: Context): Promise<CommandOutcome> {
  const given = [options.address, options.publicKey, options.keyFile].filter((value) => value !== undefined);
  if (given.length > 1) {
    throw new InputError('INVALID_INPUT', 'name the account once: --address, --public-key or --key-file', {
      hint: 'give exactly one of them',
    });
  }
  if (options.beneficiary !== undefined) return runBeneficiary(options, ctx);
  if (options.kickbackPercent !== undefined) {
    throw new InputError('INVALID_INPUT', '--kickback-percent goes with --beneficiary', {
      hint: 'pass --beneficiary <node beneficiary address>',
    });
  }
  const from = options.from === undefined ? undefined : parseRewardsBound(options.from, '--from');
  const to = options.to === undefined ? undefined : parseRewardsBound(options.to, '--to');
  const csvPath = await checkCsvPath(options.csv, ctx);
  const account = await readAccount(options, ctx);
  const client = await ctx.connectNode();
  const report = await getHarvestRewards({
    client,
    account,
    expectedNetwork: ctx.network,
    from,
    to,
    onProgress: (text) => ctx.output.progress(text),
  });
  if (csvPath !== undefined) {
    await ctx.writeOutputFile(csvPath, formatRewardsCsv(report.entries), 0o600, '--csv file');
  }
  const chart = ctx.runtime.io.stdoutIsTTY;
  return outcome(report.result, (result, style) => formatRewards(result, style, chart));
}

/** --beneficiary: the node's earnings per delegate, and with --kickback-percent what it owes each. */
async function runBeneficiary(options: RewardsOptions, ctx: Context): Promise<CommandOutcome> {
  if (options.address !== undefined || options.publicKey !== undefined || options.keyFile !== undefined) {
    throw new InputError('INVALID_INPUT', '--beneficiary replaces --address, --public-key and --key-file', {
      hint: 'give the node beneficiary alone',
    });
  }
  const beneficiary = parseAddress(options.beneficiary!);
  const kickbackBasisPoints =
    options.kickbackPercent === undefined ? undefined : parseKickbackPercent(options.kickbackPercent);
  const from = options.from === undefined ? undefined : parseRewardsBound(options.from, '--from');
  const to = options.to === undefined ? undefined : parseRewardsBound(options.to, '--to');
  const csvPath = await checkCsvPath(options.csv, ctx);
  if (options.kickbackPlan !== undefined && kickbackBasisPoints === undefined) {
    throw new InputError('INVALID_INPUT', '--kickback-plan needs --kickback-percent', {
      hint: 'e.g. --kickback-percent 50 --kickback-plan kickback.json',
    });
  }
  const planPath =
    options.kickbackPlan === undefined
      ? undefined
      : await ctx.checkOutputPath(options.kickbackPlan, '--kickback-plan file');
  if (planPath !== undefined && planPath === csvPath) {
    throw new InputError('INVALID_INPUT', '--csv and --kickback-plan name the same file', {
      hint: 'give each its own file',
    });
  }
  const client = await ctx.connectNode();
  const report = await getBeneficiaryRewards({
    client,
    beneficiary,
    kickbackBasisPoints,
    expectedNetwork: ctx.network,
    from,
    to,
    onProgress: (text) => ctx.output.progress(text),
  });
  // everything is read and built before the first file is written
  const plan =
    planPath === undefined
      ? undefined
      : await prepareKickbackPlan({
          client,
          expectedNetwork: ctx.network,
          now: ctx.runtime.now,
          beneficiary,
          delegates: report.result.delegates,
        });
  if (csvPath !== undefined) {
    await ctx.writeOutputFile(csvPath, formatKickbackCsv(report.result), 0o600, '--csv file');
  }
  if (planPath !== undefined && plan !== undefined) {
    await ctx.writeOutputFile(planPath, `${toJson(plan)}\n`, 0o600, '--kickback-plan file');
    ctx.output.note(
      `unsigned kickback plan written to ${planPath}: sign it offline with \`harvest sign ${planPath} --allow-any\`, ` +
        'then `harvest announce <signed file> --allow-any`',
    );
  }
  return outcome(report.result, formatBeneficiaryRewards);
}

/** --csv: a file to write (not standard output, which keeps the result), checked before any work. */
async function checkCsvPath(path: string | undefined, ctx: Context): Promise<string | undefined> {
  return path === undefined ? undefined : ctx.checkOutputPath(path, '--csv file');
}

/** A percentage from 0 to 100 with at most two decimals, in hundredths (12.5 → 1250). */
function parseKickbackPercent(text: string): bigint {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  const points =
    match === null ? undefined : BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (points === undefined || points > 10_000n) {
    throw new InputError(
      'INVALID_INPUT',
      `--kickback-percent must be a number from 0 to 100, got "${text}"`,
      {
        hint: 'e.g. --kickback-percent 50 or 12.5',
      },
    );
  }
  return points;
}

/**
 * The account: --address, --public-key, or --key-file (a harvest keystore, whose public facts name it without the
 * password, or a private key file, of which only the public key is used), else HARVEST_PRIVATE_KEY.
 */
async function readAccount(
  options: RewardsOptions,
  ctx: Context,
): Promise<GetHarvestRewardsParameters['account']> {
  if (options.address !== undefined) return { address: parseAddress(options.address) };
  if (options.publicKey !== undefined)
    return { publicKey: parseAccountPublicKey(options.publicKey, 'public key') };
  if (options.keyFile !== undefined && options.keyFile !== '-') {
    const text = new TextDecoder().decode(await ctx.readFile(options.keyFile, '--key-file', 'INVALID_KEY'));
    if (text.trimStart().startsWith('{')) {
      const keystore = parseKeystore(text, options.keyFile);
      return keystoreAccount(keystore, options.keyFile);
    }
  }
  const envKey = ctx.runtime.env['HARVEST_PRIVATE_KEY'];
  if (options.keyFile === undefined && (envKey === undefined || envKey === '')) {
    throw new InputError('INPUT_REQUIRED', 'the account is required', {
      hint: 'pass --address, --public-key or --key-file',
    });
  }
  const privateKey = await ctx.readPrivateKey({
    name: 'main account key',
    file: options.keyFile,
    flag: '--key-file',
    envVar: 'HARVEST_PRIVATE_KEY',
  });
  const publicKey = derivePublicKey(privateKey);
  wipe(privateKey);
  return { publicKey };
}

/**
 * The account a keystore names: its address, checked against its public key when it records one (a keystore
 * edited by hand names another account: KEYSTORE_CORRUPT, not that account's rewards).
 */
function keystoreAccount(keystore: KeystoreFile, path: string): GetHarvestRewardsParameters['account'] {
  let address: Uint8Array;
  try {
    address = parseAddress(keystore.mainAddress);
  } catch {
    throw new InputError('KEYSTORE_CORRUPT', `keystore ${path} names no valid main address`);
  }
  const publicKey = keystore.mainPublicKey;
  if (publicKey !== undefined && !equalBytes(deriveAddress(publicKey, address[0]!), address)) {
    throw new InputError(
      'KEYSTORE_CORRUPT',
      `keystore ${path} names ${keystore.mainAddress}, which is not the address of its main public key`,
      { hint: 'restore the file from a backup; it was not changed' },
    );
  }
  return { address };
}
