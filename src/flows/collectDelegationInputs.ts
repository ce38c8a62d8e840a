/**
 * Turns confirmed transactions read from REST into delegation requests to open: every transfer, top level or
 * embedded in an aggregate, whose message starts with the delegation marker (docs/protocol.md §2.2: the node reacts to
 * embedded transfers too, with the embedded signer as the main account).
 */
import { toHex } from '../core/bytes.js';
import { DELEGATION_MESSAGE_SIZE, hasDelegationMarker } from '../core/crypto/delegationFormat.js';
import { TRANSFER_TYPE } from '../core/transactions/findDelegationTransfers.js';
import type { TransactionEntry } from '../node/readTransactionEntry.js';
import type { DelegationRequestInput } from './decryptDelegationRequests.js';

/** One delegation request found on chain, with where it is. */
export interface ChainDelegationInput {
  readonly input: DelegationRequestInput;
  /** Hash of the top-level transaction (the aggregate's for an embedded transfer). */
  readonly hash: Uint8Array | null;
  readonly height: bigint;
}

/** The delegation transfers of these entries (an aggregate's embedded transactions are searched too). */
export function collectDelegationInputs(entries: readonly TransactionEntry[]): ChainDelegationInput[] {
  const found: ChainDelegationInput[] = [];
  const visit = (entry: TransactionEntry, outerHash: Uint8Array | undefined) => {
    const hashBytes = entry.meta.hash ?? entry.meta.aggregateHash ?? outerHash;
    const { transaction } = entry;
    for (const inner of transaction.transactions ?? []) visit(inner, hashBytes);
    if (transaction.type !== TRANSFER_TYPE || transaction.message === undefined) return;
    if (!hasDelegationMarker(transaction.message)) return;
    const embedded = entry.meta.aggregateHash !== undefined || outerHash !== undefined;
    const source = `transaction ${hashBytes === undefined ? '?' : toHex(hashBytes)}${embedded ? ` embedded ${String((entry.meta.index ?? 0) + 1)}` : ''}`;
    const recipient = transaction.recipientAddress;
    // an alias recipient is resolved by the node; it cannot be compared to the transport address here
    const isAlias = recipient !== undefined && (recipient[0]! & 1) === 1;
    const known = {
      source,
      mainPublicKey: transaction.signerPublicKey,
      ...(recipient === undefined || isAlias
        ? {}
        : { recipientAddress: recipient, networkIdentifier: transaction.network }),
    };
    const input: DelegationRequestInput =
      transaction.message.length === DELEGATION_MESSAGE_SIZE
        ? { ...known, record: transaction.message.subarray(8) }
        : {
            ...known,
            record: undefined,
            malformed: `delegation message must be ${DELEGATION_MESSAGE_SIZE} bytes, got ${transaction.message.length}`,
          };
    found.push({ input, hash: hashBytes ?? null, height: entry.meta.height });
  };
  for (const entry of entries) visit(entry, undefined);
  return found;
}
