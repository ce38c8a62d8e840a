/**
 * The multisig cache of the chain state (catapult's multisig plugin): for every multisig account its minApproval,
 * minRemoval and cosignatories; the reverse index (the multisig accounts an account cosigns for) is derived from it.
 * Keys are addresses as hex (chainState.addressKey).
 */
import { toHex } from './bytes.js';

/** One multisig account's settings. */
export interface MultisigEntry {
  readonly accountAddress: Uint8Array;
  minApproval: number;
  minRemoval: number;
  /** Addresses of the cosignatories, in the order they were added. */
  cosignatoryAddresses: Uint8Array[];
}

/** The multisig accounts of the chain. */
export class MultisigCache {
  private readonly entries = new Map<string, MultisigEntry>();

  /** The entry of a multisig account (one with at least one cosignatory). */
  get(address: Uint8Array): MultisigEntry | undefined {
    return this.entries.get(toHex(address));
  }

  /** True when the account has cosignatories (it can then sign nothing itself). */
  isMultisig(address: Uint8Array): boolean {
    return this.get(address) !== undefined;
  }

  /** Sets (or replaces) a multisig account; an entry without cosignatories is removed. */
  set(entry: MultisigEntry): void {
    if (entry.cosignatoryAddresses.length === 0) this.entries.delete(toHex(entry.accountAddress));
    else this.entries.set(toHex(entry.accountAddress), entry);
  }

  /** The multisig accounts `address` is a cosignatory of (REST `multisigAddresses`). */
  multisigAddressesOf(address: Uint8Array): Uint8Array[] {
    const key = toHex(address);
    return [...this.entries.values()]
      .filter((entry) => entry.cosignatoryAddresses.some((cosignatory) => toHex(cosignatory) === key))
      .map((entry) => entry.accountAddress);
  }

  /** Every entry (persistence). */
  all(): MultisigEntry[] {
    return [...this.entries.values()];
  }
}
