/**
 * Stateless checks the node runs when a transaction arrives, before it enters the unconfirmed cache. The order
 * follows catapult: the fee filter of the UT updater first (a silent drop), then network, signature, deadline and
 * the aggregate rules (each a failed status).
 */
import { equalBytes, toHex } from './bytes.js';
import type { DecodedBody, DecodedTransaction } from './decodeTransaction.js';
import { checkModification } from './multisigModification.js';
import {
  DEVNET_NETWORK_IDENTIFIER,
  MAX_BONDED_TRANSACTION_LIFETIME_MS,
  MAX_MESSAGE_SIZE,
  MAX_TRANSACTION_LIFETIME_MS,
} from './settings.js';

/** What to do with an announced transaction. */
export type StatelessVerdict =
  /** maxFee < size × minFeeMultiplier: dropped without a status (catapult UtUpdater.cpp). */
  | { readonly outcome: 'drop' }
  | { readonly outcome: 'fail'; readonly code: string }
  | { readonly outcome: 'accept' };

/** Runs the stateless checks against the network time `nowMs` (ms since the devnet epoch). */
export function validateTransaction(
  transaction: DecodedTransaction,
  nowMs: bigint,
  minFeeMultiplier: number,
): StatelessVerdict {
  if (transaction.maxFee < BigInt(transaction.size) * BigInt(minFeeMultiplier)) return { outcome: 'drop' };
  const code = findStatelessFailure(transaction, nowMs);
  return code === undefined ? { outcome: 'accept' } : { outcome: 'fail', code };
}

function findStatelessFailure(transaction: DecodedTransaction, nowMs: bigint): string | undefined {
  if (transaction.network !== DEVNET_NETWORK_IDENTIFIER) return 'Failure_Core_Wrong_Network';
  if (!transaction.signatureValid) return 'Failure_Signature_Not_Verifiable';
  if (transaction.deadline < nowMs) return 'Failure_Core_Past_Deadline';
  const body = transaction.body;
  // A bonded aggregate waits for cosignatures: maxBondedTransactionLifetime (48 h) instead of 6 h.
  const lifetime =
    body.kind === 'aggregate' && body.bonded
      ? MAX_BONDED_TRANSACTION_LIFETIME_MS
      : MAX_TRANSACTION_LIFETIME_MS;
  if (transaction.deadline > nowMs + lifetime) return 'Failure_Core_Future_Deadline';
  // A multisig account modification is only embeddable (catapult registers it so).
  if (body.kind === 'unsupported' || body.kind === 'multisigAccountModification')
    return 'Failure_Core_Invalid_Transaction_Type';
  if (body.kind !== 'aggregate') return checkBody(body);
  // uniqueAggregateTransactionHash is passed at height 1: only V3 is accepted.
  if (transaction.version === 1) return 'Failure_Aggregate_V1_Prohibited';
  if (transaction.version === 2) return 'Failure_Aggregate_V2_Prohibited';
  if (!equalBytes(body.transactionsHash, body.computedTransactionsHash)) {
    return 'Failure_Aggregate_Transactions_Hash_Mismatch';
  }
  if (body.embedded.length === 0) return 'Failure_Aggregate_No_Transactions';
  if (body.embedded.length > 100) return 'Failure_Aggregate_Too_Many_Transactions';
  for (const inner of body.embedded) {
    if (inner.network !== DEVNET_NETWORK_IDENTIFIER) return 'Failure_Core_Wrong_Network';
    if (inner.body.kind === 'unsupported' || inner.body.kind === 'aggregate') {
      return 'Failure_Aggregate_Unsupported_Transaction';
    }
    const failure = checkBody(inner.body);
    if (failure !== undefined) return failure;
  }
  return checkCosignatures(transaction, body);
}

function checkBody(body: DecodedBody): string | undefined {
  if (body.kind === 'transfer' && body.message.length > MAX_MESSAGE_SIZE)
    return 'Failure_Transfer_Message_Too_Large';
  if (
    (body.kind === 'accountKeyLink' || body.kind === 'vrfKeyLink' || body.kind === 'nodeKeyLink') &&
    body.linkAction > 1
  ) {
    return 'Failure_Core_Invalid_Link_Action';
  }
  if (body.kind === 'multisigAccountModification') return checkModification(body);
  return undefined;
}

/**
 * Cosignatures must verify, and none may repeat or be the signer's own (catapult aggregate plugin). Whether they are
 * enough, and from whom, depends on the multisig state: multisigApprovals.ts, checked by the chain.
 */
function checkCosignatures(
  transaction: DecodedTransaction,
  body: Extract<DecodedBody, { kind: 'aggregate' }>,
): string | undefined {
  if (body.cosignatures.some((cosignature) => !cosignature.valid)) return 'Failure_Signature_Not_Verifiable';
  const signer = toHex(transaction.signerPublicKey);
  const cosigners = new Set(body.cosignatures.map((cosignature) => toHex(cosignature.signerPublicKey)));
  if (cosigners.size !== body.cosignatures.length || cosigners.has(signer)) {
    return 'Failure_Aggregate_Redundant_Cosignatures';
  }
  return undefined;
}
