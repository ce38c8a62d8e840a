/**
 * `harvest link-remote` (docs/commands/link-remote.md): remote harvesting for a node's own account, with the
 * [harvesting] settings written for config-harvesting.properties.
 */
import { encodeAddress, parseAddress } from '../core/address.js';
import { toHex, wipe } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { formatDelegateResult } from '../ui/format/delegate.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { LinkRemoteOptions } from './definitions/linkRemote.js';
import { readOfflineSetup, signOffline } from './offlineSetup.js';
import { writeResultFile } from './resultFile.js';
import { pendingExit, runOnlineSetup } from './onlineSetup.js';

/** The link-remote result; the private keys only with --show-secrets. */
export interface LinkRemoteResult extends DelegateResult {
  readonly configFile: string | null;
  readonly remotePrivateKey?: string;
  readonly vrfPrivateKey?: string;
}

/** Reads flags and keys, runs the flow in link-remote mode, writes the settings file; pending while unconfirmed. */
export async function run(
  { options }: CommandInput<LinkRemoteOptions>,
  ctx: Context,
): Promise<CommandOutcome> {
  const result = await linkRemote(options, ctx);
  return outcome(result, formatDelegateResult, options.offline === true ? {} : pendingExit(options, result));
}

async function linkRemote(options: LinkRemoteOptions, ctx: Context): Promise<LinkRemoteResult> {
  const configPath =
    options.configOut === undefined
      ? undefined
      : await ctx.checkOutputPath(options.configOut, '--config-out file');
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, '--out file');
  if (options.offline === true && options.multisig !== undefined) {
    throw new InputError(
      'INVALID_INPUT',
      '--multisig needs a node: the multisig setup and the hash lock are online',
      {
        hint: 'drop --offline and pass --node',
      },
    );
  }
  if (options.offline !== true) {
    const beneficiaryText = options.beneficiary;
    if (beneficiaryText !== undefined) parseAddress(beneficiaryText); // refuse a bad address before any work
    const { result, secrets } = await runOnlineSetup('linkRemote', options, ctx, (network) => {
      // the beneficiary must be on the node's network: checked before anything is planned or announced
      if (beneficiaryText !== undefined) parseAddress(beneficiaryText, network.identifier);
    });
    const beneficiary = beneficiaryText ?? result.mainAddress;
    if (secrets === undefined) return { ...result, configFile: null };
    const written = await writeHarvestingSettings(ctx, configPath, secrets, beneficiary, options);
    wipe(secrets.remotePrivateKey, secrets.vrfPrivateKey);
    return { ...result, ...written };
  }
  const setup = await readOfflineSetup({ ...options, prepare: false }, ctx);
  const beneficiary =
    options.beneficiary === undefined
      ? setup.mainAddress
      : encodeAddress(parseAddress(options.beneficiary, setup.network.identifier));
  const { result, secrets } = await signOffline('linkRemote', setup, options.passwordFile, ctx);
  const written = await writeHarvestingSettings(ctx, configPath, secrets, beneficiary, options);
  wipe(secrets.remotePrivateKey, secrets.vrfPrivateKey);
  await writeResultFile(result, setup.network, options, ctx);
  return { ...result, ...written };
}

/**
 * Writes the [harvesting] settings (mode 0600). The keystore already holds the keys (write-ahead); the settings file
 * is their second home. The private keys are returned for the result only with --show-secrets.
 */
async function writeHarvestingSettings(
  ctx: Context,
  configPath: string | undefined,
  secrets: { readonly remotePrivateKey: Uint8Array; readonly vrfPrivateKey: Uint8Array },
  beneficiary: string,
  options: LinkRemoteOptions,
): Promise<Pick<LinkRemoteResult, 'configFile' | 'remotePrivateKey' | 'vrfPrivateKey'>> {
  const remotePrivateKey = toHex(secrets.remotePrivateKey);
  const vrfPrivateKey = toHex(secrets.vrfPrivateKey);
  if (configPath !== undefined) {
    const settings = [
      '[harvesting]',
      '',
      `harvesterSigningPrivateKey = ${remotePrivateKey}`,
      `harvesterVrfPrivateKey = ${vrfPrivateKey}`,
      '',
      'enableAutoHarvesting = true',
      `beneficiaryAddress = ${beneficiary}`,
      '',
    ].join('\n');
    await ctx.writeOutputFile(configPath, settings, 0o600, '--config-out file');
    ctx.output.note(
      `harvesting settings written to ${configPath} (mode 0600); copy them into config-harvesting.properties`,
    );
  } else if (options.showSecrets !== true) {
    ctx.output.note('no --config-out: the private keys are only in the keystore');
  }
  return {
    configFile: configPath ?? null,
    ...(options.showSecrets === true ? { remotePrivateKey, vrfPrivateKey } : {}),
  };
}
