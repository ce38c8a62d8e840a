/**
 * Who must approve an aggregate and who may (catapult MultisigAggregateSufficientCosignatoriesValidator and
 * MultisigAggregateEligibleCosignatoriesValidator). The approvers are the aggregate's signer and its cosigners. An
 * embedded transaction signed by an ordinary account needs that account among the approvers; one signed by a
 * multisig account needs minApproval of its cosignatories approving (each of them in turn by the same rule, for
 * multi-level multisig); for a multisig account modification that deletes a cosignatory, minRemoval instead. The
 * cosignatories a modification adds must approve it themselves. A cosigner is eligible when it is an embedded signer,
 * an added cosignatory, or a cosignatory, at any depth, of one of them.
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
  const eligible = eligibleAddresses(multisig, transaction);
  for (const cosigner of cosignerPublicKeys) {
    if (!eligible.has(toHex(addressOf(cosigner)))) return 'Failure_Aggregate_Ineligible_Cosignatories';
  }
  if (!requireComplete) return undefined;
  for (const inner of body.embedded) {
    const removal =
      inner.body.kind === 'multisigAccountModification' && inner.body.addressDeletions.length > 0;
    if (!isApproved(multisig, addressOf(inner.signerPublicKey), approvers, 0, removal)) {
      return 'Failure_Aggregate_Missing_Cosignatures';
    }
    for (const added of additionsOf(inner.body)) {
      if (!approvers.has(toHex(added))) return 'Failure_Aggregate_Missing_Cosignatures';
    }
  }
  return undefined;
}

function additionsOf(body: DecodedTransaction['body']): readonly Uint8Array[] {
  return body.kind === 'multisigAccountModification' ? body.addressAdditions : [];
}

function eligibleAddresses(multisig: MultisigCache, transaction: DecodedTransaction): Set<string> {
  const eligible = new Set<string>();
  const body = transaction.body;
  if (body.kind !== 'aggregate') return eligible;
  for (const inner of body.embedded) {
    collectEligible(multisig, addressOf(inner.signerPublicKey), eligible, 0);
    for (const added of additionsOf(inner.body)) collectEligible(multisig, added, eligible, 0);
  }
  return eligible;
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
  return eligibleAddresses(multisig, transaction).has(toHex(addressOf(publicKey)));
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
  removal = false,
): boolean {
  const entry = multisig.get(address);
  if (entry === undefined || depth >= MAX_MULTISIG_DEPTH) return approvers.has(toHex(address));
  const approving = entry.cosignatoryAddresses.filter((cosignatory) =>
    isApproved(multisig, cosignatory, approvers, depth + 1),
  ).length;
  return approving >= (removal ? entry.minRemoval : entry.minApproval);
}
