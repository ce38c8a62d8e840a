/**
 * Offline delegate and link-remote (docs/commands/delegate.md, "Offline"), and the library's one-call set-up: the
 * plan (planDelegation), then the lifecycle's sign-and-store step — confirm, sign (or leave unsigned when only the
 * public key is known: cold signing), WRITE AHEAD. Nothing is announced: no node is asked, so the state is only
 * INACTIVE or UNKNOWN.
 */
import type { DelegatePlan, SetupResult } from '../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import type { AccountLinks } from '../core/harvesting/accountLinks.js';
import type { NodeTransportKey } from '../core/harvesting/nodeTransportKey.js';
import { summarizeHarvesting } from '../core/harvesting/summarizeHarvesting.js';
import { derivePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import type { NetworkTime } from '../core/networkTime.js';
import type { Clock, RandomBytes } from '../core/ports.js';
import type { AggregateVersion } from '../core/transactions/transactionTypes.js';
import type { KeystoreSession } from './keystore/openKeystore.js';
import type { MainKey } from './lifecycle/plan.js';
import { signAndStore } from './lifecycle/signAndStore.js';
import { planDelegation, type HarvestingSecrets } from './plans/planDelegation.js';

/** What the chain (or the offline flags standing in for it) says. */
export interface ChainFacts {
  readonly network: NetworkParameters;
  /** Now, from the clock offline. */
  readonly networkTime: NetworkTime;
  /** 3 once the chain height reached forkHeights.uniqueAggregateTransactionHash, else 2. */
  readonly aggregateVersion: AggregateVersion;
  readonly feeMultiplier: bigint;
  /** The account's links, and what else is known of it. */
  readonly account: {
    readonly links: AccountLinks;
    readonly importance?: bigint;
    readonly balance?: bigint;
  };
  /** Harvesting balance bounds (µXYM), when known. */
  readonly harvesterBalance?: { readonly min: bigint; readonly max: bigint };
  /** The node's transport key (delegate only), validated where it entered. */
  readonly nodePublicKey?: NodeTransportKey;
  readonly nodeUrl?: string;
}

/** Inputs of the flow. */
export interface DelegateParameters {
  readonly mode: 'delegate' | 'linkRemote';
  readonly facts: ChainFacts;
  /** The main private key signs; with only the public key the result is unsigned (for `harvest sign`). */
  readonly main: MainKey;
  readonly keystore: KeystoreSession;
  readonly random: RandomBytes;
  readonly now: Clock;
  readonly confirm: (plan: DelegatePlan) => Promise<void>;
  /** Send the request even with importance 0. */
  readonly force?: boolean;
  /** Keep held remote and VRF keys on a switch of node (default: rotate them). */
  readonly keepKeys?: boolean;
  /**
   * Record the signed transaction in the keystore journal (default true). False offline and for --dry-run: a payload
   * the user did not confirm for announcing must never be resumed (announced) by a later run.
   */
  readonly journal?: boolean;
}

/** The flow's result, plus the remote and VRF private keys for link-remote's config file (never printed). */
export interface DelegateOutcome {
  readonly result: SetupResult;
  readonly secrets: HarvestingSecrets;
}

/** Plans, confirms, signs and stores (write-ahead) one harvesting set-up aggregate; announces nothing. */
export async function delegate(parameters: DelegateParameters): Promise<DelegateOutcome> {
  const { facts, mode } = parameters;
  const { network, account } = facts;
  const main = parameters.main;
  const mainPublicKey = 'privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey;
  const { plan, secrets } = planDelegation({
    mode,
    network,
    mainPublicKey,
    links: account.links,
    importance: account.importance,
    eligibility: facts.harvesterBalance,
    keystore: parameters.keystore,
    nodePublicKey: mode === 'delegate' ? facts.nodePublicKey : undefined,
    nodeUrl: facts.nodeUrl,
    random: parameters.random,
    force: parameters.force === true,
    keepKeys: parameters.keepKeys,
    confirm: parameters.confirm,
  });
  const { transaction } = await signAndStore({
    plan,
    network,
    main,
    networkTime: facts.networkTime,
    aggregateVersion: facts.aggregateVersion,
    feeMultiplier: facts.feeMultiplier,
    balance: account.balance,
    keystore: parameters.keystore,
    journal: parameters.journal !== false,
    now: parameters.now,
  });
  const summary = summarizeHarvesting({
    account: { links: account.links, balance: account.balance, importance: account.importance },
    minHarvesterBalance: facts.harvesterBalance?.min ?? 0n,
    maxHarvesterBalance: facts.harvesterBalance?.max ?? 2n ** 64n, // offline the bounds are not known
    linkedNode: { kind: 'none' },
    isNodeOwner: false,
    keystore: { holdsRemoteKey: false, linkRemoteRecorded: false, pending: undefined },
    requestConfirmedBlocksAgo: undefined,
    run: { offline: true },
  });
  return {
    result: {
      network: network.name,
      mainAddress: encodeAddress(deriveAddress(mainPublicKey, network.identifier)),
      mainPublicKey,
      nodeUrl: facts.nodeUrl ?? null,
      ...plan.keys(account.links),
      transactions: [transaction],
      plan: plan.planned,
      announced: false,
      state: summary.state,
      reasons: summary.reasons,
    },
    secrets,
  };
}
