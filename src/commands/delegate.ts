import type { Command } from 'commander';
import { contextFor, type Context, type GlobalOptions, type Invocation } from '../cli/context.js';
import { InputError } from '../core/errors.js';
import type { NetworkParameters } from '../core/network.js';
import type { AccountState } from '../core/harvesting/parseAccountState.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';
import type { TransactionFile } from '../core/transactions/transactionFile.js';
import type { ChainFacts, DelegateResult } from '../flows/delegate.js';
import { toJson } from '../ui/output.js';
import { formatDelegatePlan, formatDelegateResult } from '../ui/format/delegate.js';

/** Flags of `harvest delegate` (and, for the shared ones, `harvest link-remote`). */
export interface DelegateOptions {
  readonly offline?: boolean;
  readonly prepare?: boolean;
  readonly out?: string;
  readonly keyFile?: string;
  readonly publicKey?: string;
  readonly address?: string;
  readonly nodePublicKey?: string;
  readonly fee?: string;
  readonly accountState?: string;
  readonly aggregateVersion?: string;
  readonly passwordFile?: string;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  /** commander's --no-wait sets this to false. */
  readonly wait?: boolean;
  readonly resend?: boolean;
  readonly confirmationTimeout?: string;
  readonly activationTimeout?: string;
}

/** Registers `harvest delegate`. */
export function registerDelegate(program: Command, invocation: Invocation): void {
  program
    .command('delegate')
    .summary('link fresh remote and VRF keys and ask a node to harvest for the account')
    .description(
      'Builds one aggregate: unlink what must go, link a remote key, a VRF key and the node transport key, and the ' +
        'encrypted delegation request to the node. New keys are stored in the keystore before anything is printed. ' +
        'Offline (--offline) it signs and prints without announcing; --prepare writes an unsigned plan for `harvest sign`.',
    )
    .option(
      '--offline',
      'no node at all: needs --network and --node-public-key; assumes no links unless --account-state',
    )
    .option('--prepare', 'write an unsigned plan (needs only the public key) to --out, for `harvest sign`')
    .option('--out <file>', 'where --prepare writes the plan (or where the signed result is also written)')
    .option(
      '--key-file <path>',
      "main account private key: 64 hex digits or PEM ('-' = stdin; env HARVEST_PRIVATE_KEY)",
    )
    .option('--public-key <hex>', 'main account public key (with --prepare)')
    .option('--address <base32>', 'main account address, instead of --public-key (with --prepare and --node)')
    .option('--node-public-key <hex>', "the node's transport public key (/node/info nodePublicKey)")
    .option(
      '--fee <multiplier>',
      'slow|average|fast or a multiplier N (fee = size × N µXYM); default max(median, node minimum), offline 100',
    )
    .option('--account-state <file>', 'the JSON of GET /accounts/{address}, to plan unlinks offline')
    .option('--aggregate-version <2|3>', 'aggregate version offline (default 3)')
    .option('--password-file <file>', 'keystore password file (env HARVEST_PASSWORD; prompted otherwise)')
    .option('--force', 'send the request even when importance is 0')
    .option('--dry-run', 'sign and print, announce nothing')
    .option('--no-wait', 'return once announced, without waiting for confirmation and activation')
    .option('--resend', 'send a fresh request with the stored keys even if one was confirmed before')
    .option('--confirmation-timeout <seconds>', 'how long to wait for confirmation (default 300)')
    .option(
      '--activation-timeout <seconds>',
      'how long to wait for the node to unlock the account (default 600)',
    )
    .action(async (options: DelegateOptions, command: Command) => {
      const ctx = contextFor(invocation, command.optsWithGlobals<GlobalOptions>());
      ctx.output.result(await delegate(options, ctx), formatDelegateResult);
    });
}

/** Reads flags and keys, runs the delegate flow, writes the plan or signed file. */
export async function delegate(options: DelegateOptions, ctx: Context): Promise<DelegateResult> {
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, '--out file');
  if (options.offline !== true) {
    const { runOnlineSetup } = await import('./onlineSetup.js');
    const { result, network } = await runOnlineSetup('delegate', options, ctx);
    if (options.out === undefined || network === undefined || result.transactions.length === 0) return result;
    return writeResultFile(result, network, options, ctx);
  }
  requireOffline(options, ctx, 'delegation');
  const [{ parsePublicKey }, { decodePrimeOrderPoint }] = await Promise.all([
    import('../core/keys.js'),
    import('../core/crypto/sharedKey.js'),
  ]);
  if (options.nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is required offline", {
      hint: "pass --node-public-key (the node's /node/info nodePublicKey, not publicKey)",
    });
  }
  const nodePublicKey = parsePublicKey(options.nodePublicKey, 'node public key');
  decodePrimeOrderPoint(nodePublicKey, 'node public key'); // user-given unsafe key: INVALID_KEY (docs/commands/delegate.md)
  const setup = await readOfflineSetup(options, ctx);
  const facts: ChainFacts = { ...setup.facts, nodePublicKey };
  const { delegate: runDelegate } = await import('../flows/delegate.js');
  const keystore = await ctx.openKeystore(
    {
      mainAddress: setup.mainAddress,
      networkIdentifier: setup.network.identifier,
      mainPublicKey: setup.mainPublicKey,
    },
    options.passwordFile,
  );
  const { result } = await runDelegate({
    mode: 'delegate',
    facts,
    main: setup.main,
    keystore,
    random: ctx.runtime.random,
    now: ctx.runtime.now,
    // Offline nothing is announced by us: the signed payload goes to stdout or --out, never to the journal that a
    // later online run would resume (announce it with `harvest announce`).
    journal: false,
    confirm: (plan) => Promise.resolve(ctx.output.note(formatDelegatePlan(plan))),
    ...(options.force === true ? { force: true } : {}),
  });
  return writeResultFile(result, setup.network, options, ctx);
}

/** The offline facts and the main key: shared by delegate and link-remote. */
export interface OfflineSetup {
  readonly network: NetworkParameters;
  readonly facts: ChainFacts;
  readonly main: { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };
  readonly mainPublicKey: Uint8Array;
  readonly mainAddress: string;
}

/** Refuses what is not built yet: anything but --offline (online arrives with issue #5). */
export function requireOffline(options: DelegateOptions, ctx: Context, what: string): void {
  if (options.offline === true) return;
  throw new InputError(
    'INVALID_INPUT',
    ctx.nodeUrl === undefined
      ? `online ${what} needs --node, and is not built yet (issue #5); use --offline`
      : `online ${what} with --node is not built yet (issue #5)`,
    { hint: 'use --offline with --network (and --node-public-key for delegate)' },
  );
}

/** Validates every offline flag and reads the main key, before the keystore is touched. */
export async function readOfflineSetup(options: DelegateOptions, ctx: Context): Promise<OfflineSetup> {
  const [{ parseFeeMultiplier, DEFAULT_FEE_MULTIPLIER }, { networkTimeOf }, keys, address, { equalBytes }] =
    await Promise.all([
      import('../core/transactions/parseFeeMultiplier.js'),
      import('../core/transactions/computeDeadline.js'),
      import('../core/keys.js'),
      import('../core/address.js'),
      import('../core/bytes.js'),
    ]);
  const network = ctx.network;
  if (network === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the network is required offline', {
      hint: 'pass --network mainnet or --network testnet',
    });
  }
  const fee = options.fee === undefined ? DEFAULT_FEE_MULTIPLIER : parseFeeMultiplier(options.fee);
  if (typeof fee !== 'bigint') {
    throw new InputError('INVALID_INPUT', `--fee ${fee} needs a node's fee statistics`, {
      hint: 'offline, give a number, e.g. --fee 100',
    });
  }
  const aggregateVersion = parseAggregateVersion(options.aggregateVersion);
  if (options.prepare === true && options.out === undefined) {
    throw new InputError('INPUT_REQUIRED', '--prepare writes a plan file', { hint: 'pass --out plan.json' });
  }
  const account = await readAccountState(options, ctx, network);

  let main: OfflineSetup['main'];
  let mainPublicKey: Uint8Array;
  if (options.prepare === true) {
    if (options.keyFile !== undefined) {
      throw new InputError('INVALID_INPUT', '--prepare takes no private key', {
        hint: 'sign the plan offline with `harvest sign`',
      });
    }
    const given = options.publicKey ?? undefined;
    if (given === undefined && account.publicKey === undefined) {
      throw new InputError('INPUT_REQUIRED', 'the main public key is required', {
        hint: 'pass --public-key (or --account-state with a publicKey)',
      });
    }
    mainPublicKey = given === undefined ? account.publicKey! : keys.parsePublicKey(given, 'main public key');
    main = { publicKey: mainPublicKey };
  } else {
    const privateKey = await ctx.readPrivateKey({
      name: 'main account key',
      file: options.keyFile,
      flag: '--key-file',
      envVar: 'HARVEST_PRIVATE_KEY',
    });
    mainPublicKey = keys.derivePublicKey(privateKey);
    main = { privateKey };
  }
  if (account.publicKey !== undefined && !equalBytes(account.publicKey, mainPublicKey)) {
    throw new InputError(
      'INVALID_INPUT',
      '--account-state is the state of another account (its publicKey differs)',
    );
  }
  return {
    network,
    main,
    mainPublicKey,
    mainAddress: address.encodeAddress(address.deriveAddress(mainPublicKey, network.identifier)),
    facts: {
      network,
      networkTimeMs: networkTimeOf(ctx.runtime.now(), network.epochAdjustmentSeconds),
      aggregateVersion,
      feeMultiplier: fee,
      account: {
        links: account.links,
        ...(account.importance === undefined ? {} : { importance: account.importance }),
        ...(account.balance === undefined ? {} : { balance: account.balance }),
      },
    },
  };
}

/** With --out: writes the plan (--prepare, unsigned) or the signed result, mode 0600; returns what to print. */
export async function writeResultFile(
  result: DelegateResult,
  network: NetworkParameters,
  options: DelegateOptions,
  ctx: Context,
): Promise<DelegateResult> {
  if (options.out === undefined) return result;
  const { toHex } = await import('../core/bytes.js');
  const file: TransactionFile = {
    ...(JSON.parse(toJson(result)) as Record<string, unknown>),
    format: options.prepare === true ? 'harvest-unsigned' : 'harvest-signed',
    version: 1,
    network: {
      name: network.name,
      identifier: network.identifier,
      generationHashSeed: toHex(network.generationHashSeed),
    },
    mainAddress: result.mainAddress,
    mainPublicKey: result.mainPublicKey,
    transactions: result.transactions.map((transaction) => ({
      ...transaction,
      fee: transaction.fee.toString(),
      deadline: transaction.deadline.toString(),
    })),
  };
  const path = ctx.resolvePath(options.out);
  await ctx.writeOutputFile(path, `${toJson(file)}\n`, 0o600, '--out file');
  ctx.output.note(`${options.prepare === true ? 'unsigned plan' : 'signed transactions'} written to ${path}`);
  return result;
}

function parseAggregateVersion(text: string | undefined): AggregateVersion {
  if (text === undefined || text.trim() === '3') return 3;
  if (text.trim() === '2') return 2;
  throw new InputError('INVALID_INPUT', `--aggregate-version must be 2 or 3, got "${text}"`);
}

async function readAccountState(
  options: DelegateOptions,
  ctx: Context,
  network: NetworkParameters,
): Promise<AccountState> {
  if (options.accountState === undefined) return { links: {} };
  const { parseAccountState } = await import('../core/harvesting/parseAccountState.js');
  const bytes = await ctx.readFile(options.accountState, 'account state', 'INVALID_FILE');
  return parseAccountState(new TextDecoder().decode(bytes), network.currencyMosaicId);
}
