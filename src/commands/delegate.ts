/** `harvest delegate` (docs/commands/delegate.md): link fresh remote and VRF keys and ask a node to harvest. */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { NO_LINKS } from '../core/harvesting/accountLinks.js';
import { nodeKeyFromUser } from '../core/harvesting/nodeTransportKey.js';
import { parseAccountState, type AccountState } from '../core/harvesting/parseAccountState.js';
import { derivePublicKey, parsePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import { networkTimeOf } from '../core/networkTime.js';
import { DEFAULT_FEE_MULTIPLIER, parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import type { TransactionFile } from '../core/transactions/transactionFile.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';
import type { DelegateResult } from '../contract/setupResult.js';
import { delegate as runDelegate, type ChainFacts } from '../flows/delegate.js';
import { formatDelegatePlan, formatDelegateResult } from '../ui/format/delegate.js';
import { toJson } from '../ui/output.js';
import type { Context } from './context/context.js';
import { outcome, type CommandInput, type CommandOutcome } from './context/outcome.js';
import type { DelegateOptions } from './definitions/delegate.js';
import { pendingExit, runOnlineSetup } from './onlineSetup.js';

/** Reads flags and keys, runs the delegate flow, writes the plan or signed file; pending while unconfirmed. */
export async function run({ options }: CommandInput<DelegateOptions>, ctx: Context): Promise<CommandOutcome> {
  if (options.out !== undefined) await ctx.checkOutputPath(options.out, '--out file');
  if (options.offline === true) return outcome(await delegateOffline(options, ctx), formatDelegateResult);
  const { result, network } = await runOnlineSetup('delegate', options, ctx);
  const exit = pendingExit(options, result);
  if (options.out === undefined || network === undefined || result.transactions.length === 0) {
    return outcome(result, formatDelegateResult, exit);
  }
  return outcome(await writeResultFile(result, network, options, ctx), formatDelegateResult, exit);
}

/** --offline: signs (or with --prepare, plans) from the flags alone, and announces nothing. */
async function delegateOffline(options: DelegateOptions, ctx: Context): Promise<DelegateResult> {
  requireOffline(options, ctx, 'delegation');
  if (options.nodePublicKey === undefined) {
    throw new InputError('NODE_KEY_UNKNOWN', "the node's transport public key is required offline", {
      hint: "pass --node-public-key (the node's /node/info nodePublicKey, not publicKey)",
    });
  }
  const nodePublicKey = nodeKeyFromUser(options.nodePublicKey); // an unsafe key given by the user is INVALID_KEY
  const setup = await readOfflineSetup(options, ctx);
  const facts: ChainFacts = { ...setup.facts, nodePublicKey };
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
    mainPublicKey = given === undefined ? account.publicKey! : parsePublicKey(given, 'main public key');
    main = { publicKey: mainPublicKey };
  } else {
    const privateKey = await ctx.readPrivateKey({
      name: 'main account key',
      file: options.keyFile,
      flag: '--key-file',
      envVar: 'HARVEST_PRIVATE_KEY',
    });
    mainPublicKey = derivePublicKey(privateKey);
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
    mainAddress: encodeAddress(deriveAddress(mainPublicKey, network.identifier)),
    facts: {
      network,
      networkTime: networkTimeOf(ctx.runtime.now(), network.epochAdjustmentSeconds),
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
  // the file is the --json result (bytes as hex, bigints as strings) with the header `harvest sign` checks
  const asJson = JSON.parse(toJson(result)) as Pick<TransactionFile, 'mainPublicKey' | 'transactions'>;
  const file: TransactionFile = {
    ...asJson,
    format: options.prepare === true ? 'harvest-unsigned' : 'harvest-signed',
    version: 1,
    network: {
      name: network.name,
      identifier: network.identifier,
      generationHashSeed: toHex(network.generationHashSeed),
    },
    mainAddress: result.mainAddress,
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
  if (options.accountState === undefined) return { links: NO_LINKS };
  const bytes = await ctx.readFile(options.accountState, 'account state', 'INVALID_FILE');
  return parseAccountState(new TextDecoder().decode(bytes), network.currencyMosaicId);
}
