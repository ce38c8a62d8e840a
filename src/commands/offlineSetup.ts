/**
 * Offline `delegate` and `link-remote` (docs/commands/delegate.md, "Offline"): the chain facts from flags and files
 * instead of a node, then the flow's sign-and-store alone. Nothing is announced by us.
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes } from '../core/bytes.js';
import { InputError } from '../core/errors.js';
import { NO_LINKS } from '../core/harvesting/accountLinks.js';
import { parseAccountState, type AccountState } from '../core/harvesting/parseAccountState.js';
import { derivePublicKey } from '../core/keys.js';
import { parseAccountPublicKey } from '../core/parseAccountPublicKey.js';
import type { NetworkParameters } from '../core/network.js';
import { networkTimeOf } from '../core/networkTime.js';
import { DEFAULT_FEE_MULTIPLIER, parseFeeMultiplier } from '../core/transactions/parseFeeMultiplier.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';
import { delegate, type ChainFacts, type DelegateOutcome } from '../flows/delegate.js';
import { formatDelegatePlan } from '../ui/format/delegate.js';
import type { Context } from './context/context.js';
import type { DelegateOptions } from './definitions/delegate.js';
import { readMainKey } from './mainKey.js';

/** The offline facts and the main key: shared by delegate and link-remote. */
export interface OfflineSetup {
  readonly network: NetworkParameters;
  readonly facts: ChainFacts;
  readonly main: { readonly privateKey: Uint8Array } | { readonly publicKey: Uint8Array };
  readonly mainPublicKey: Uint8Array;
  readonly mainAddress: string;
}

/** Validates every offline flag and reads the main key, before the keystore is touched. */
export async function readOfflineSetup(options: DelegateOptions, ctx: Context): Promise<OfflineSetup> {
  const network = ctx.network;
  if (network === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the network is required offline', {
      hint: 'pass --network mainnet, --network testnet, or --network <file> for a private network (docs/cli.md)',
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
    mainPublicKey =
      given === undefined ? account.publicKey! : parseAccountPublicKey(given, 'main public key');
    main = { publicKey: mainPublicKey };
  } else {
    const privateKey = await readMainKey(options.keyFile, ctx);
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

/**
 * Opens the account's keystore and signs (or plans) with the offline facts. The signed payload goes to stdout or
 * --out, never to the journal that a later online run would resume (announce it with `harvest announce`).
 */
export async function signOffline(
  mode: 'delegate' | 'linkRemote',
  setup: OfflineSetup,
  passwordFile: string | undefined,
  ctx: Context,
  flags: { readonly force?: boolean; readonly keepKeys?: boolean } = {},
): Promise<DelegateOutcome> {
  const keystore = await ctx.openKeystore(
    {
      mainAddress: setup.mainAddress,
      networkIdentifier: setup.network.identifier,
      mainPublicKey: setup.mainPublicKey,
    },
    passwordFile,
  );
  return delegate({
    mode,
    facts: setup.facts,
    main: setup.main,
    keystore,
    random: ctx.runtime.random,
    now: ctx.runtime.now,
    journal: false,
    confirm: (plan) => Promise.resolve(ctx.output.note(formatDelegatePlan(plan))),
    force: flags.force === true,
    keepKeys: flags.keepKeys === true,
  });
}

/** --aggregate-version offline: 3 unless 2 is asked. */
export function parseAggregateVersion(text: string | undefined): AggregateVersion {
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
