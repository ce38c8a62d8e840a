/**
 * The multisig accounts and hash locks in chain.json (optional fields, so that a chain file written before them
 * still loads). Partial transactions are not saved, as a node's partial cache is not.
 */
import { parseHex, toHex } from './bytes.js';
import type { ChainState } from './chainState.js';

/** The part of chain.json these caches take. */
export interface StoredLocksAndMultisig {
  multisig?: { account: string; minApproval: number; minRemoval: number; cosignatories: string[] }[];
  hashLocks?: {
    id: string;
    owner: string;
    mosaicId: string;
    amount: string;
    endHeight: string;
    status: number;
    expired: boolean;
    hash: string;
  }[];
}

/** The caches as chain.json stores them. */
export function storeLocksAndMultisig(state: ChainState): StoredLocksAndMultisig {
  return {
    multisig: state.multisig.all().map((entry) => ({
      account: toHex(entry.accountAddress),
      minApproval: entry.minApproval,
      minRemoval: entry.minRemoval,
      cosignatories: entry.cosignatoryAddresses.map(toHex),
    })),
    hashLocks: state.hashLocks.all().map((lock) => ({
      id: lock.id,
      owner: toHex(lock.ownerAddress),
      mosaicId: lock.mosaicId.toString(),
      amount: lock.amount.toString(),
      endHeight: lock.endHeight.toString(),
      status: lock.status,
      expired: lock.expired,
      hash: toHex(lock.hash),
    })),
  };
}

/** Puts the stored caches back into `state`. */
export function loadLocksAndMultisig(stored: StoredLocksAndMultisig, state: ChainState): void {
  const hex = (text: string) => parseHex(text, 'stored value');
  for (const entry of stored.multisig ?? []) {
    state.multisig.set({
      accountAddress: hex(entry.account),
      minApproval: entry.minApproval,
      minRemoval: entry.minRemoval,
      cosignatoryAddresses: entry.cosignatories.map(hex),
    });
  }
  for (const lock of stored.hashLocks ?? []) {
    state.hashLocks.add({
      id: lock.id,
      ownerAddress: hex(lock.owner),
      mosaicId: BigInt(lock.mosaicId),
      amount: BigInt(lock.amount),
      endHeight: BigInt(lock.endHeight),
      status: lock.status,
      expired: lock.expired,
      hash: hex(lock.hash),
    });
  }
}
