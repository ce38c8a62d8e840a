/**
 * The kickback of `harvest rewards --beneficiary --kickback-percent --kickback-plan` as an unsigned plan for cold
 * signing (docs/commands/rewards.md, docs/commands/sign.md): complete aggregates of currency transfers from the
 * beneficiary to each delegate, at most 100 per aggregate (maxTransactionsPerAggregate), in the harvest-unsigned file
 * format `harvest sign --allow-any` signs and `harvest announce --allow-any` announces.
 */
import { encodeAddress } from '../address.js';
import { toHex } from '../bytes.js';
import { InputError } from '../errors.js';
import type { NetworkParameters } from '../network.js';
import { buildAggregate } from '../transactions/buildAggregate.js';
import type { TransactionFile } from '../transactions/transactionFile.js';
import type { AggregateVersion } from '../transactions/transactionTypes.js';

/** Inner transactions per aggregate (the public networks' maxTransactionsPerAggregate). */
export const MAX_TRANSFERS_PER_AGGREGATE = 100;

/** What buildKickbackPlan needs; nothing is read from a clock. */
export interface KickbackPlanParameters {
  readonly network: NetworkParameters;
  /** The beneficiary's public key: it signs and pays. */
  readonly signerPublicKey: Uint8Array;
  readonly beneficiaryAddress: Uint8Array;
  readonly kickbacks: readonly { readonly address: Uint8Array; readonly amount: bigint }[];
  readonly feeMultiplier: bigint;
  /** ms since the network epoch. */
  readonly deadline: bigint;
  readonly aggregateVersion: AggregateVersion;
}

/**
 * The unsigned plan file.
 * @throws {InputError} INVALID_INPUT when no delegate is owed anything
 */
export function buildKickbackPlan(parameters: KickbackPlanParameters): TransactionFile {
  // the beneficiary's own blocks owe it nothing: no transfer to itself
  const own = encodeAddress(parameters.beneficiaryAddress);
  const owed = parameters.kickbacks.filter(
    (kickback) => kickback.amount > 0n && encodeAddress(kickback.address) !== own,
  );
  if (owed.length === 0) {
    throw new InputError('INVALID_INPUT', 'no delegate is owed a kickback in this range', {
      hint: 'nothing to transfer: no plan written',
    });
  }
  const transactions = [];
  for (let index = 0; index < owed.length; index += MAX_TRANSFERS_PER_AGGREGATE) {
    const aggregate = buildAggregate({
      networkIdentifier: parameters.network.identifier,
      signerPublicKey: parameters.signerPublicKey,
      deadline: parameters.deadline,
      fee: { multiplier: parameters.feeMultiplier },
      version: parameters.aggregateVersion,
      transactions: owed.slice(index, index + MAX_TRANSFERS_PER_AGGREGATE).map((kickback) => ({
        type: 'transfer' as const,
        recipientAddress: kickback.address,
        message: new Uint8Array(0),
        mosaics: [{ mosaicId: parameters.network.currencyMosaicId, amount: kickback.amount }],
      })),
    });
    transactions.push({
      kind: 'kickback',
      payload: toHex(aggregate.payload),
      fee: aggregate.fee.toString(),
      deadline: aggregate.deadline.toString(),
    });
  }
  return {
    format: 'harvest-unsigned',
    version: 1,
    network: {
      name: parameters.network.name,
      identifier: parameters.network.identifier,
      generationHashSeed: toHex(parameters.network.generationHashSeed),
    },
    mainAddress: encodeAddress(parameters.beneficiaryAddress),
    mainPublicKey: toHex(parameters.signerPublicKey),
    transactions,
    kickbacks: owed.map((kickback) => ({
      address: encodeAddress(kickback.address),
      amount: kickback.amount.toString(),
    })),
    announced: false,
  };
}
