/**
 * The devnet's chain state: accounts (balance of the currency mosaic, public key, links, importance), blocks,
 * confirmed transactions with the indexes REST searches need, and transaction statuses.
 */
import { toHex } from './bytes.js';
import type { DecodedTransaction } from './decodeTransaction.js';
import { HashLockCache } from './hashLocks.js';
import { addressOf } from './keys.js';
import { MultisigCache } from './multisigCache.js';
import { MAX_HARVESTER_BALANCE, MIN_HARVESTER_BALANCE } from './settings.js';

/** catapult `state::AccountType`: 0 unlinked, 1 main, 2 remote, 3 remote unlinked. */
export const ACCOUNT_TYPE = { unlinked: 0, main: 1, remote: 2, remoteUnlinked: 3 } as const;

/** Linked keys of an account (`supplementalPublicKeys`). */
export interface AccountLinks {
  linked?: Uint8Array | undefined;
  vrf?: Uint8Array | undefined;
  node?: Uint8Array | undefined;
}

/** One account as the node's account state cache holds it. */
export interface AccountState {
  readonly address: Uint8Array;
  addressHeight: bigint;
  publicKey: Uint8Array | undefined;
  publicKeyHeight: bigint;
  accountType: number;
  links: AccountLinks;
  balance: bigint;
  importance: bigint;
  importanceHeight: bigint;
}

/** A confirmed top-level transaction and its block metadata. */
export interface ConfirmedTransaction {
  readonly id: string;
  readonly transaction: DecodedTransaction;
  readonly height: bigint;
  readonly index: number;
  readonly timestamp: bigint;
  readonly feeMultiplier: number;
}

/** What /transactionStatus answers. */
export interface TransactionStatus {
  readonly group: 'confirmed' | 'unconfirmed' | 'partial' | 'failed';
  readonly code: string;
  readonly hash: string;
  readonly deadline: bigint;
  readonly height: bigint;
}

/** One block header. */
export interface BlockInfo {
  readonly height: bigint;
  readonly timestamp: bigint;
  readonly hash: Uint8Array;
}

/** Key of an address in the account map. */
export function addressKey(address: Uint8Array): string {
  return toHex(address);
}

export { addressOf };

/** Copies an account (so an aggregate can be applied on copies and thrown away on failure). */
export function cloneAccount(account: AccountState): AccountState {
  return { ...account, links: { ...account.links } };
}

/** Failed statuses are kept in a capped collection, as catapult-rest's MongoDB does. */
const MAX_FAILED_STATUSES = 10_000;

/** The mutable chain state. */
export class ChainState {
  readonly accounts = new Map<string, AccountState>();
  readonly blocks: BlockInfo[] = [];
  readonly confirmed: ConfirmedTransaction[] = [];
  readonly confirmedByHash = new Map<string, ConfirmedTransaction>();
  readonly statuses = new Map<string, TransactionStatus>();
  readonly multisig = new MultisigCache();
  readonly hashLocks = new HashLockCache();
  /** maxHashLockDuration (2 days) in blocks of this devnet's block time; set by startDevnet. */
  maxHashLockDuration = 172_800n;
  private nextId = 1;

  /** Current chain height. */
  get height(): bigint {
    return this.blocks.at(-1)?.height ?? 0n;
  }

  /** A MongoDB-style 24-hex-digit document id. */
  newId(): string {
    const id = this.nextId.toString(16).toUpperCase().padStart(24, '0');
    this.nextId += 1;
    return id;
  }

  /** The id counter, for persistence. */
  get idCounter(): number {
    return this.nextId;
  }

  set idCounter(value: number) {
    this.nextId = value;
  }

  /** The account at an address, if the chain knows it. */
  getAccount(address: Uint8Array): AccountState | undefined {
    return this.accounts.get(addressKey(address));
  }

  /** The account of a public key, if the chain knows its address. */
  getAccountByPublicKey(publicKey: Uint8Array): AccountState | undefined {
    return this.getAccount(addressOf(publicKey));
  }

  /** Records a status; failed ones beyond the cap push out the oldest failed ones. */
  setStatus(status: TransactionStatus): void {
    this.statuses.delete(status.hash);
    this.statuses.set(status.hash, status);
    if (status.group === 'failed' && this.statuses.size > MAX_FAILED_STATUSES) {
      for (const [key, value] of this.statuses) {
        if (value.group === 'failed') {
          this.statuses.delete(key);
          break;
        }
      }
    }
  }

  /** Adds a confirmed transaction to the indexes. */
  addConfirmed(entry: ConfirmedTransaction): void {
    this.confirmed.push(entry);
    this.confirmedByHash.set(toHex(entry.transaction.hash), entry);
  }

  /**
   * Importance recalculation: an eligible account (balance within the harvester bounds) gets its balance in µXYM as
   * importance, every other account 0. The devnet publishes its initial supply as totalChainImportance (as a private
   * network set up like the public ones does), so importances read as the XYM of stake behind them and add up to at
   * most that total. All snapshots move to `height`.
   */
  recalculateImportances(height: bigint): void {
    for (const account of this.accounts.values()) {
      account.importance = isWithinHarvesterBounds(account.balance) ? account.balance : 0n;
      account.importanceHeight = height;
    }
  }
}

/** minHarvesterBalance ≤ balance ≤ maxHarvesterBalance. */
export function isWithinHarvesterBounds(balance: bigint): boolean {
  return balance >= MIN_HARVESTER_BALANCE && balance <= MAX_HARVESTER_BALANCE;
}

/** A fresh account record for an address first seen at `height`. */
export function newAccount(address: Uint8Array, height: bigint): AccountState {
  return {
    address,
    addressHeight: height,
    publicKey: undefined,
    publicKeyHeight: 0n,
    accountType: ACCOUNT_TYPE.unlinked,
    links: {},
    balance: 0n,
    importance: 0n,
    importanceHeight: 0n,
  };
}
