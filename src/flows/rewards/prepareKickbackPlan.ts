/**
 * `harvest rewards --beneficiary --kickback-percent --kickback-plan` (docs/commands/rewards.md): the kickback owed
 * to each delegate as an unsigned plan for cold signing, never announced here.
 *
 *   1. the node's facts (network, fees, chain height for the aggregate version, clock for the deadline)
 *   2. the beneficiary's public key, which the chain knows once the account has signed anything
 *   3. the aggregates of transfers (buildKickbackPlan), fee at the node's average multiplier, deadline 2 h
 */
import { parseAddress } from '../../core/address.js';
import { InputError } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import type { Clock } from '../../core/ports.js';
import { buildKickbackPlan } from '../../core/rewards/buildKickbackPlan.js';
import type { DelegateRewards } from '../../core/rewards/summarizeBeneficiaryRewards.js';
import { computeDeadline } from '../../core/transactions/computeDeadline.js';
import { resolveFeeMultiplier } from '../../core/transactions/resolveFeeMultiplier.js';
import type { TransactionFile } from '../../core/transactions/transactionFile.js';
import type { NodeClient } from '../connectNode.js';
import { readNodeFacts } from '../lifecycle/readNodeFacts.js';

/** What prepareKickbackPlan needs. */
export interface PrepareKickbackPlanParameters {
  readonly client: NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly now: Clock;
  readonly beneficiary: Uint8Array;
  /** The delegates with their `kickback` (summarizeBeneficiaryRewards with a percentage). */
  readonly delegates: readonly DelegateRewards[];
}

/**
 * The unsigned plan paying each delegate its kickback from the beneficiary.
 * @throws {InputError} INPUT_REQUIRED when the chain does not know the beneficiary's public key; INVALID_INPUT when
 *   nothing is owed
 * @throws {NodeError} NODE_* when the node cannot be read
 */
export async function prepareKickbackPlan(
  parameters: PrepareKickbackPlanParameters,
): Promise<TransactionFile> {
  const { client } = parameters;
  const facts = await readNodeFacts({
    client,
    expectedNetwork: parameters.expectedNetwork,
    now: parameters.now,
  });
  const account = await client.getAccount({ address: parameters.beneficiary });
  if (account?.publicKey === undefined) {
    throw new InputError('INPUT_REQUIRED', 'the chain does not know the public key of the beneficiary', {
      hint: 'the beneficiary account must have signed a transaction before it can pay kickbacks from a plan',
    });
  }
  return buildKickbackPlan({
    network: facts.network,
    signerPublicKey: account.publicKey,
    beneficiaryAddress: parameters.beneficiary,
    kickbacks: parameters.delegates.map((delegate) => ({
      address: parseAddress(delegate.address),
      amount: delegate.kickback ?? 0n,
    })),
    feeMultiplier: resolveFeeMultiplier(undefined, facts.fees),
    deadline: computeDeadline(facts.networkTime()),
    aggregateVersion: facts.aggregateVersion,
  });
}
