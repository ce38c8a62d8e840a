/**
 * `--multisig` for the flows that change links (`delegate`, `unlink`; docs/commands/delegate.md, "Multisig
 * accounts"): the multisig setup read and checked (readMultisigSetup), and what the lifecycle needs to go through a
 * hash lock and a bonded aggregate signed by the initiating cosignatory (the `bonded` of a LifecycleSession).
 */
import { derivePublicKey } from '../../core/keys.js';
import { MAX_LIFETIME_MS } from '../../core/transactions/computeDeadline.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { accountBalance } from '../../node/getAccount.js';
import type { MainKey } from '../lifecycle/plan.js';
import type { NodeFacts } from '../lifecycle/readNodeFacts.js';
import type { MultisigSession } from '../lifecycle/runLifecycle.js';
import { describeMultisigSetup } from './describeMultisigSetup.js';
import { readMultisigSetup, type MultisigSetup } from './readMultisigSetup.js';

/** lockedFundsPerAggregate and maxHashLockDuration of the public networks, when the node does not say. */
const DEFAULT_LOCKED_FUNDS = 10_000_000n;
const DEFAULT_MAX_LOCK_MS = 2 * 24 * 3600 * 1000;
/** Kept off the bonded aggregate's longest lifetime. */
const LIFETIME_MARGIN_MS = 5 * 60 * 1000;

/** Inputs of createMultisigSession. */
export interface CreateMultisigSessionParameters {
  readonly client: NodeClient;
  readonly facts: NodeFacts;
  readonly multisigAddress: Uint8Array;
  /** The initiating cosignatory's key (--key-file). */
  readonly main: MainKey;
  readonly onNote?: ((text: string) => void) | undefined;
}

/**
 * Reads the setup and builds the lifecycle's multisig session.
 * @throws {InputError} NOT_MULTISIG, NOT_COSIGNATORY
 * @throws {RejectedError} NOT_ELIGIBLE when the chain does not know the multisig account's public key
 */
export async function createMultisigSession(
  parameters: CreateMultisigSessionParameters,
): Promise<{ readonly setup: MultisigSetup; readonly session: MultisigSession }> {
  const { main, facts, client } = parameters;
  // the public key alone (`--prepare`): the lifecycle leaves both transactions unsigned for `harvest sign`
  const initiatorPublicKey = 'privateKey' in main ? derivePublicKey(main.privateKey) : main.publicKey;
  const { properties } = facts;
  const setup = await readMultisigSetup({
    client,
    networkIdentifier: facts.network.identifier,
    currencyMosaicId: properties.currencyMosaicId,
    multisigAddress: parameters.multisigAddress,
    initiatorPublicKey,
  });
  const lockAmount = properties.hashLock?.lockedFundsPerAggregate ?? DEFAULT_LOCKED_FUNDS;
  const maxLockMs = properties.hashLock?.maxHashLockDurationMs ?? DEFAULT_MAX_LOCK_MS;
  // the aggregate waits for people: nearly the longest lifetime the node allows (6 h on the public networks), less a
  // margin so that a clock offset measured a little wrong cannot make it Failure_Core_Future_Deadline
  const maxLifetimeMs = Math.min(Number(MAX_LIFETIME_MS), properties.maxTransactionLifetimeMs ?? Infinity);
  const lifetimeMs = BigInt(Math.max(maxLifetimeMs - LIFETIME_MARGIN_MS, Math.floor(maxLifetimeMs / 2)));
  const session: MultisigSession = {
    signing: (account) => ({
      initiator: main,
      multisigPublicKey: setup.multisigPublicKey,
      minApproval: setup.info.minApproval,
      cosignerBalance: setup.initiatorBalance,
      multisigBalance:
        account === undefined ? undefined : accountBalance(account, properties.harvestingMosaicId),
      lockMosaicId: properties.currencyMosaicId,
      lockAmount,
      maxLockDurationBlocks: BigInt(Math.floor(maxLockMs / facts.blockTimeMs)),
      blockTimeMs: facts.blockTimeMs,
      lifetimeMs,
    }),
    describe: (hashes) =>
      describeMultisigSetup({
        client,
        networkIdentifier: facts.network.identifier,
        setup,
        lockDeposit: lockAmount,
        ...hashes,
        onNote: parameters.onNote,
      }),
  };
  return { setup, session };
}
