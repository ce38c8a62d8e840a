/**
 * MultisigAccountModificationTransaction (0x4155, embedded only), stateful rules of catapult's multisig plugin: the
 * signer is the account modified; added cosignatories must not be cosignatories already, deleted ones must be; the
 * new minApproval and minRemoval (old + delta) lie from 1 to the number of cosignatories (both 0 when none is left,
 * which makes the account an ordinary one again); at most maxCosignatoriesPerAccount cosignatories; an account may
 * not cosign for itself, directly or through a multisig account it is a cosignatory of. Who must cosign such an
 * aggregate (the added cosignatories among them) is multisigApprovals.ts.
 */
import type { AccountOverlay } from './applyTransaction.js';
import { toHex } from './bytes.js';
import type { AccountState } from './chainState.js';
import type { DecodedBody } from './decodeTransaction.js';
import type { MultisigCache } from './multisigCache.js';
import { MAX_COSIGNATORIES_PER_ACCOUNT } from './settings.js';

type Modification = Extract<DecodedBody, { kind: 'multisigAccountModification' }>;

/** Stateless part: one deletion at most, no address both added and deleted, something to change. */
export function checkModification(body: Modification): string | undefined {
  if (body.addressDeletions.length > 1) return 'Failure_Multisig_Multiple_Deletes';
  const added = new Set(body.addressAdditions.map(toHex));
  if (added.size !== body.addressAdditions.length) return 'Failure_Multisig_Redundant_Modification';
  if (body.addressDeletions.some((address) => added.has(toHex(address)))) {
    return 'Failure_Multisig_Account_In_Both_Sets';
  }
  return undefined;
}

/** Applies the modification to the signer's multisig entry (recorded on commit). */
export function applyMultisigModification(
  overlay: AccountOverlay,
  signer: AccountState,
  body: Modification,
): string | undefined {
  const cache = overlay.chain.multisig;
  const current = cache.get(signer.address);
  const cosignatories = [...(current?.cosignatoryAddresses ?? [])];
  const has = (address: Uint8Array) => cosignatories.some((item) => toHex(item) === toHex(address));
  for (const address of body.addressDeletions) {
    if (!has(address)) return 'Failure_Multisig_Not_A_Cosignatory';
    cosignatories.splice(
      cosignatories.findIndex((item) => toHex(item) === toHex(address)),
      1,
    );
  }
  for (const address of body.addressAdditions) {
    if (has(address)) return 'Failure_Multisig_Already_A_Cosignatory';
    if (createsLoop(cache, signer.address, address)) return 'Failure_Multisig_Loop';
    cosignatories.push(address);
  }
  if (cosignatories.length > MAX_COSIGNATORIES_PER_ACCOUNT) return 'Failure_Multisig_Max_Cosignatories';
  const minApproval = (current?.minApproval ?? 0) + body.minApprovalDelta;
  const minRemoval = (current?.minRemoval ?? 0) + body.minRemovalDelta;
  const count = cosignatories.length;
  if (count > 0 && (minApproval < 1 || minRemoval < 1)) return 'Failure_Multisig_Min_Setting_Out_Of_Range';
  if (minApproval > count || minRemoval > count)
    return 'Failure_Multisig_Min_Setting_Larger_Than_Num_Cosignatories';
  overlay.onCommit(() =>
    cache.set({
      accountAddress: signer.address,
      minApproval,
      minRemoval,
      cosignatoryAddresses: cosignatories,
    }),
  );
  return undefined;
}

/** True when `cosignatory` is `account` or cosigns (at any depth) for a multisig account that `account` cosigns. */
function createsLoop(cache: MultisigCache, account: Uint8Array, cosignatory: Uint8Array): boolean {
  const target = toHex(account);
  const seen = new Set<string>();
  const visit = (address: Uint8Array): boolean => {
    const key = toHex(address);
    if (key === target) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return (cache.get(address)?.cosignatoryAddresses ?? []).some(visit);
  };
  return visit(cosignatory);
}
