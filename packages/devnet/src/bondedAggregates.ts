/**
 * The partial transaction cache of a node (catapult's PT cache): bonded aggregates waiting for cosignatures. One
 * enters only with an active hash lock for its hash; cosignatures arrive one by one (PUT /transactions/cosignature)
 * and are kept when they verify over the aggregate hash and come from an eligible cosigner; once every embedded
 * signer is approved (multisig accounts by minApproval of their cosignatories) the aggregate, with its cosignatures
 * appended, goes to the unconfirmed cache and confirms at the next block. Like catapult's, this cache is not saved:
 * a restarted devnet has no partial transactions.
 */
import { concatBytes, equalBytes, toHex } from './bytes.js';
import { newAccount, type ChainState } from './chainState.js';
import {
  decodeTransaction,
  verifyCosignature,
  type DecodedCosignature,
  type DecodedTransaction,
} from './decodeTransaction.js';
import { expireHashLocks } from './hashLockRules.js';
import { HashLockCache } from './hashLocks.js';
import { approvalFailure, isEligibleCosigner, isFullyApproved } from './multisigApprovals.js';
import type { SymbolFacade } from 'symbol-sdk/symbol';

/** One partial transaction and the cosignatures collected so far (those in its payload first). */
export interface PartialTransaction {
  /** A MongoDB-style document id, as REST returns it. */
  readonly id: string;
  readonly transaction: DecodedTransaction;
  readonly cosignatures: DecodedCosignature[];
}

/** A detached cosignature as PUT /transactions/cosignature carries it. */
export interface DetachedCosignature {
  readonly signerPublicKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly parentHash: Uint8Array;
}

/** What became of a cosignature (the REST answer is 202 whatever it is, as the gateway's). */
export type CosignatureOutcome =
  'added' | 'completed' | 'unknown parent' | 'invalid signature' | 'redundant' | 'ineligible';

/** What the pool needs from the chain. */
export interface BondedPoolHost {
  readonly state: ChainState;
  readonly facade: SymbolFacade;
  /** Puts a complete aggregate in the unconfirmed cache (status unconfirmed). */
  readonly enqueue: (transaction: DecodedTransaction) => void;
  /** Records a failed status for a transaction. */
  readonly fail: (transaction: DecodedTransaction, code: string) => void;
}

/** The bonded aggregates of the devnet between announcement and confirmation. */
export class BondedAggregates {
  private readonly partials = new Map<string, PartialTransaction>();
  private readonly host: BondedPoolHost;

  constructor(host: BondedPoolHost) {
    this.host = host;
  }

  /** A partial transaction by hash (upper-case hex). */
  get(hash: string): PartialTransaction | undefined {
    return this.partials.get(hash);
  }

  /** Every partial transaction, oldest first. */
  list(): PartialTransaction[] {
    return [...this.partials.values()];
  }

  /**
   * A bonded aggregate that passed the stateless checks: it needs an active hash lock for its hash (else
   * Failure_LockHash_Unknown_Hash, or …_Inactive_Hash for a used or expired lock) and eligible cosigners.
   */
  receive(transaction: DecodedTransaction): 'partial' | 'unconfirmed' | 'failed' | 'known' {
    const { state } = this.host;
    const hash = toHex(transaction.hash);
    if (this.partials.has(hash)) return 'known';
    const lock = state.hashLocks.get(transaction.hash);
    const cosigners = cosignaturesOf(transaction);
    const code =
      lock === undefined
        ? 'Failure_LockHash_Unknown_Hash'
        : !HashLockCache.isActive(lock, state.height)
          ? 'Failure_LockHash_Inactive_Hash'
          : approvalFailure(
              state.multisig,
              transaction,
              cosigners.map((item) => item.signerPublicKey),
              false,
            );
    if (code !== undefined) {
      this.host.fail(transaction, code);
      return 'failed';
    }
    const partial = { id: state.newId(), transaction, cosignatures: [...cosigners] };
    if (this.complete(partial)) return 'unconfirmed';
    this.partials.set(hash, partial);
    state.setStatus({ group: 'partial', code: 'Success', hash, deadline: transaction.deadline, height: 0n });
    return 'partial';
  }

  /** A detached cosignature: kept when it verifies over the parent hash and its signer is eligible. */
  cosign(cosignature: DetachedCosignature): CosignatureOutcome {
    const partial = this.partials.get(toHex(cosignature.parentHash));
    if (partial === undefined) return 'unknown parent';
    if (!verifyCosignature(cosignature.signerPublicKey, cosignature.parentHash, cosignature.signature)) {
      return 'invalid signature';
    }
    const signer = cosignature.signerPublicKey;
    if (
      equalBytes(signer, partial.transaction.signerPublicKey) ||
      partial.cosignatures.some((item) => equalBytes(item.signerPublicKey, signer))
    ) {
      return 'redundant';
    }
    if (!isEligibleCosigner(this.host.state.multisig, partial.transaction, signer)) return 'ineligible';
    partial.cosignatures.push({ signerPublicKey: signer, signature: cosignature.signature, valid: true });
    if (!this.complete(partial)) return 'added';
    this.partials.delete(toHex(partial.transaction.hash));
    return 'completed';
  }

  /**
   * After a block: locks reaching their end height expire (funds to `beneficiary`) and their partial transactions are
   * dropped (failed, Failure_LockHash_Inactive_Hash); partial transactions past their deadline are dropped
   * (Failure_Core_Past_Deadline).
   */
  afterBlock(height: bigint, timestamp: bigint, beneficiary: Uint8Array): void {
    const { state } = this.host;
    let account = state.getAccount(beneficiary);
    if (account === undefined) {
      account = newAccount(beneficiary, height);
      state.accounts.set(toHex(beneficiary), account);
    }
    for (const hash of expireHashLocks(state, height, account)) {
      const partial = this.partials.get(toHex(hash));
      if (partial === undefined) continue;
      this.partials.delete(toHex(hash));
      this.host.fail(partial.transaction, 'Failure_LockHash_Inactive_Hash');
    }
    for (const [hash, partial] of this.partials) {
      if (partial.transaction.deadline >= timestamp) continue;
      this.partials.delete(hash);
      this.host.fail(partial.transaction, 'Failure_Core_Past_Deadline');
    }
  }

  /** Sends the aggregate on when its cosignatures suffice; true when it did. */
  private complete(partial: PartialTransaction): boolean {
    const cosigners = partial.cosignatures.map((item) => item.signerPublicKey);
    if (!isFullyApproved(this.host.state.multisig, partial.transaction, cosigners)) return false;
    this.host.enqueue(withCosignatures(this.host.facade, partial));
    return true;
  }
}

function cosignaturesOf(transaction: DecodedTransaction): readonly DecodedCosignature[] {
  return transaction.body.kind === 'aggregate' ? transaction.body.cosignatures : [];
}

/**
 * The aggregate with every collected cosignature: the cosignatures are the last part of an aggregate's payload, each
 * 104 bytes, and the size (the first 4 bytes, little-endian) grows with them. The hash does not change (it covers
 * neither), so the result decodes to the same transaction with its cosignatures.
 *
 *   | size u32 | … header, transactions … | cosignature 0 | … | cosignature n-1 |
 *   cosignature: | version u64 (0) | signer public key (32) | signature (64) |
 */
export function withCosignatures(facade: SymbolFacade, partial: PartialTransaction): DecodedTransaction {
  const already = cosignaturesOf(partial.transaction).length;
  const added = partial.cosignatures
    .slice(already)
    .map((item) => concatBytes(new Uint8Array(8), item.signerPublicKey, item.signature));
  if (added.length === 0) return partial.transaction;
  const payload = concatBytes(partial.transaction.payload, ...added);
  new DataView(payload.buffer, payload.byteOffset).setUint32(0, payload.length, true);
  return decodeTransaction(facade, payload);
}
