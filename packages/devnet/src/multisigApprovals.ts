/**
 * Who must approve an aggregate and who may (catapult MultisigAggregateSufficientCosignatoriesValidator and
 * MultisigAggregateEligibleCosignatoriesValidator). The approvers are the aggregate's signer and its cosigners. An
 * embedded transaction signed by an ordinary account needs that account among the approvers; one signed by a
 * multisig account needs minApproval of its cosignatories approving (each of them in turn by the same rule, for
 * multi-level multisig). A cosigner is eligible when it is an embedded signer or a cosignatory, at any depth, of one.
 */
import { toHex } from './bytes.js';
import type { DecodedTransaction } from './decodeTransaction.js';
import { addressOf } from './keys.js';
import type { MultisigCache } from './multisigCache.js';

/** catapult's maxMultisigDepth: deeper levels are not followed. */
const MAX_MULTISIG_DEPTH = 3;

/**
 * The failure of an aggregate's cosignatures against the multisig state, or undefined. With `requireComplete`
 * false (a partial transaction still collecting cosignatures) only ineligible cosigners fail.
 */
export function approvalFailure(
  multisig: MultisigCache,
  transaction: DecodedTransaction,
  cosignerPublicKeys: readonly Uint8Array[],
  requireComplete: boolean,
): string | undefined {
  const body = transaction.body;
  if (body.kind !== 'aggregate') return undefined;
  const approvers = new Set(
    [transaction.signerPublicKey, ...cosignerPublicKeys].map((key) => toHex(addressOf(key))),
  );
  const signers = body.embedded.map((inner) => addressOf(inner.signerPublicKey));
  const eligible = new Set<string>();
  for (const signer of signers) collectEligible(multisig, signer, eligible, 0);
  for (const cosigner of cosignerPublicKeys) {
    if (!eligible.has(toHex(addressOf(cosigner)))) return 'Failure_Aggregate_Ineligible_Cosignatories';
  }
  if (!requireComplete) return undefined;
  for (const signer of signers) {
    if (!isApproved(multisig, signer, approvers, 0)) return 'Failure_Aggregate_Missing_Cosignatures';
  }
  return undefined;
}

/** True when the cosignatures already meet every requirement (the aggregate can confirm). */
export function isFullyApproved(
  multisig: MultisigCache,
  transaction: DecodedTransaction,
  cosignerPublicKeys: readonly Uint8Array[],
): boolean {
  return approvalFailure(multisig, transaction, cosignerPublicKeys, true) === undefined;
}

/** True when `publicKey` may cosign the aggregate (an embedded signer or one of their cosignatories). */
export function isEligibleCosigner(
  multisig: MultisigCache,
  transaction: DecodedTransaction,
  publicKey: Uint8Array,
): boolean {
  const body = transaction.body;
  if (body.kind !== 'aggregate') return false;
  const eligible = new Set<string>();
  for (const inner of body.embedded) collectEligible(multisig, addressOf(inner.signerPublicKey), eligible, 0);
  return eligible.has(toHex(addressOf(publicKey)));
}

function collectEligible(
  multisig: MultisigCache,
  address: Uint8Array,
  into: Set<string>,
  depth: number,
): void {
  into.add(toHex(address));
  const entry = multisig.get(address);
  if (entry === undefined || depth >= MAX_MULTISIG_DEPTH) return;
  for (const cosignatory of entry.cosignatoryAddresses)
    collectEligible(multisig, cosignatory, into, depth + 1);
}

function isApproved(
  multisig: MultisigCache,
  address: Uint8Array,
  approvers: Set<string>,
  depth: number,
): boolean {
  const entry = multisig.get(address);
  if (entry === undefined || depth >= MAX_MULTISIG_DEPTH) return approvers.has(toHex(address));
  const approving = entry.cosignatoryAddresses.filter((cosignatory) =>
    isApproved(multisig, cosignatory, approvers, depth + 1),
  ).length;
  return approving >= entry.minApproval;
}
