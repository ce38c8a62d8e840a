/** `harvest rewards` (docs/commands/rewards.md): what an account earned by harvesting, with every share counted. */
import { parseAddress } from '../core/address.js';
import { wipe } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { parseKeystore } from '../core/keystore/keystoreFormat.js';
import { derivePublicKey, parsePublicKey } from '../core/keys.js';
import { parseRewardsBound } from '../core/rewards/parseRewardsBound.js';
import { getHarvestRewards, type GetHarvestRewardsParameters } from '../flows/rewards/getHarvestRewards.js';
import { formatRewards } from '../ui/format/rewards.js';
import { formatRewardsCsv } from '../ui/format/rewardsCsv.js';
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
  const from = options.from === undefined ? undefined : parseRewardsBound(options.from, '--from');
  const to = options.to === undefined ? undefined : parseRewardsBound(options.to, '--to');
  const csvPath =
    options.csv === undefined ? undefined : await ctx.checkOutputPath(options.csv, '--csv file');
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

/**
 * The account: --address, --public-key, or --key-file (a harvest keystore, whose public facts name it without the
 * password, or a private key file, of which only the public key is used), else HARVEST_PRIVATE_KEY.
 */
async function readAccount(
  options: RewardsOptions,
  ctx: Context,
): Promise<GetHarvestRewardsParameters['account']> {
  if (options.address !== undefined) return { address: parseAddress(options.address) };
  if (options.publicKey !== undefined) return { publicKey: parsePublicKey(options.publicKey, 'public key') };
  if (options.keyFile !== undefined && options.keyFile !== '-') {
    const text = new TextDecoder().decode(await ctx.readFile(options.keyFile, '--key-file', 'INVALID_FILE'));
    if (text.trimStart().startsWith('{')) {
      const keystore = parseKeystore(text, options.keyFile);
      return { address: parseAddress(keystore.mainAddress) };
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
