import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { formatDelegatePlan, formatDelegateResult } from '../ui/format/delegate.js';
import { readOfflineSetup, writeResultFile, type DelegateOptions } from './delegate.js';

/** Flags of `harvest link-remote`. */
export interface LinkRemoteOptions extends DelegateOptions {
  readonly configOut?: string;
  readonly beneficiary?: string;
  readonly showSecrets?: boolean;
}

/** The link-remote result; the private keys only with --show-secrets. */
export interface LinkRemoteResult extends DelegateResult {
  readonly configFile: string | null;
  readonly remotePrivateKey?: string;
  readonly vrfPrivateKey?: string;
}

/** Registers `harvest link-remote`. */
export function registerLinkRemote(program: Command, invocation: Invocation): void {
  program
    .command('link-remote')
    .summary(
      "remote harvesting for a node's own account: link remote and VRF keys, write the harvesting settings",
    )
    .description(
      'Links a fresh remote key and VRF key to the account (unlinking old ones first) and writes ' +
        'harvesterSigningPrivateKey, harvesterVrfPrivateKey, enableAutoHarvesting and beneficiaryAddress to ' +
        '--config-out (mode 0600), for config-harvesting.properties. Keys are stored in the keystore first.',
    )
    .option('--offline', 'no node at all: needs --network; assumes no links unless --account-state')
    .option('--config-out <path>', 'where to write the [harvesting] settings (mode 0600)')
    .option('--beneficiary <address>', 'beneficiaryAddress (default: the main account)')
    .option(
      '--key-file <path>',
      "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
    )
    .option(
      '--fee <multiplier>',
      'slow|average|fast or a multiplier N (fee = size × N µXYM); offline default 100',
    )
    .option('--account-state <file>', 'the JSON of GET /accounts/{address}, to plan unlinks offline')
    .option('--aggregate-version <2|3>', 'aggregate version offline (default 3)')
    .option('--out <file>', 'also write the signed transactions there (for `harvest announce`)')
    .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
    .option('--show-secrets', 'also print the remote and VRF private keys')
    .option('--dry-run', 'sign and print, announce nothing')
    .option('--no-wait', 'return once announced, without waiting for confirmation')
    .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
    .action(async (options: LinkRemoteOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await linkRemote(options, ctx), formatDelegateResult);
    });
}

/** Reads flags and keys, runs the flow in link-remote mode, writes the settings file. */
export async function linkRemote(options: LinkRemoteOptions, ctx: Context): Promise<LinkRemoteResult> {
  const [{ parseAddress, encodeAddress }, { toHex, wipe }] = await Promise.all([
    import('../core/address.js'),
    import('../core/bytes.js'),
  ]);
  const configPath =
    options.configOut === undefined
      ? undefined
      : await ctx.checkOutputPath(options.configOut, '--config-out file');
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, '--out file');
  if (options.offline !== true) {
    const beneficiaryText = options.beneficiary;
    if (beneficiaryText !== undefined) parseAddress(beneficiaryText); // refuse a bad address before any work
    const { runOnlineSetup } = await import('./onlineSetup.js');
    const { result, secrets } = await runOnlineSetup('linkRemote', options, ctx, (network) => {
      // the beneficiary must be on the node's network: checked before anything is planned or announced
      if (beneficiaryText !== undefined) parseAddress(beneficiaryText, network.identifier);
    });
    const beneficiary = beneficiaryText ?? result.mainAddress;
    if (secrets === undefined) return { ...result, configFile: null };
    const written = await writeHarvestingSettings(ctx, configPath, toHex, secrets, beneficiary, options);
    wipe(secrets.remotePrivateKey, secrets.vrfPrivateKey);
    return { ...result, ...written };
  }
  const setup = await readOfflineSetup({ ...options, prepare: false }, ctx);
  const beneficiary =
    options.beneficiary === undefined
      ? setup.mainAddress
      : encodeAddress(parseAddress(options.beneficiary, setup.network.identifier));
  const { delegate: runFlow } = await import('../flows/delegate.js');
  const keystore = await ctx.openKeystore(
    {
      mainAddress: setup.mainAddress,
      networkIdentifier: setup.network.identifier,
      mainPublicKey: setup.mainPublicKey,
    },
    options.passwordFile,
  );
  const { result, secrets } = await runFlow({
    mode: 'linkRemote',
    facts: setup.facts,
    main: setup.main,
    keystore,
    random: ctx.runtime.random,
    now: ctx.runtime.now,
    // Offline nothing is announced by us: the signed payload goes to stdout or --out, never to the journal that a
    // later online run would resume (announce it with `harvest announce`).
    journal: false,
    confirm: (plan) => Promise.resolve(ctx.output.note(formatDelegatePlan(plan))),
  });
  const written = await writeHarvestingSettings(ctx, configPath, toHex, secrets, beneficiary, options);
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
  toHex: (bytes: Uint8Array) => string,
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
