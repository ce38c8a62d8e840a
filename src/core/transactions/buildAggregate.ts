/**
 * An aggregate of embedded transactions, all signed by `signerPublicKey` (docs/protocol.md §3.1–3.4):
 *
 *   header(128) | transactions_hash(32) | payload_size(4) | reserved(4) | embedded…(each padded to 8) | cosignatures
 *
 * Embedded: size(4) reserved(4) signer(32) reserved(4) version(1) network(1) type(2) body — 48 + body bytes.
 * transactions_hash is the Merkle root of SHA3-256 of each embedded transaction without its padding
 * (SymbolFacade.hashEmbeddedTransactions). Version 3 differs from 2 only in its version byte, but its signature and
 * hash also cover payload_size (see hashTransaction.ts). Complete by default; bonded exists for the official vectors.
 */
import { PublicKey } from 'symbol-sdk';
import { descriptors, SymbolFacade } from 'symbol-sdk/symbol';
import { InputError } from '../errors.js';
import { buildTopLevelTransaction } from './buildTopLevelTransaction.js';
import { createSdkDescriptor } from './createSdkDescriptor.js';
import { createTransactionFactory } from './createTransactionFactory.js';
import type {
  AggregateVersion,
  InnerTransaction,
  TopLevelParameters,
  UnsignedTransaction,
} from './transactionTypes.js';

/** The embedded transactions and the aggregate's kind and version. */
export interface AggregateParameters extends TopLevelParameters {
  readonly transactions: readonly InnerTransaction[];
  readonly version: AggregateVersion;
  /** Bonded aggregates need a hash lock; we build complete ones (default) and bonded only for test vectors. */
  readonly bonded?: boolean;
  /** Signer of the embedded transactions; the aggregate's signer by default. */
  readonly embeddedSignerPublicKey?: Uint8Array;
}

/** The unsigned aggregate (fee = size × multiplier, no cosignatures). */
export function buildAggregate(parameters: AggregateParameters): UnsignedTransaction {
  if (parameters.transactions.length === 0) {
    throw new InputError('INVALID_INPUT', 'an aggregate needs at least one transaction');
  }
  const facade = createTransactionFactory(parameters.networkIdentifier);
  const embeddedSigner = new PublicKey(parameters.embeddedSignerPublicKey ?? parameters.signerPublicKey);
  const embedded = parameters.transactions.map((transaction) =>
    facade.createEmbeddedTransactionFromTypedDescriptor(createSdkDescriptor(transaction), embeddedSigner),
  );
  const transactionsHash = SymbolFacade.hashEmbeddedTransactions(embedded);
  return buildTopLevelTransaction(aggregateDescriptor(parameters, transactionsHash, embedded), parameters);
}

function aggregateDescriptor(
  parameters: AggregateParameters,
  transactionsHash: ReturnType<typeof SymbolFacade.hashEmbeddedTransactions>,
  embedded: ReturnType<SymbolFacade['createEmbeddedTransactionFromTypedDescriptor']>[],
): { toMap(): object } {
  if (parameters.bonded === true) {
    return parameters.version === 3
      ? new descriptors.AggregateBondedTransactionV3Descriptor(transactionsHash, embedded)
      : new descriptors.AggregateBondedTransactionV2Descriptor(transactionsHash, embedded);
  }
  return parameters.version === 3
    ? new descriptors.AggregateCompleteTransactionV3Descriptor(transactionsHash, embedded)
    : new descriptors.AggregateCompleteTransactionV2Descriptor(transactionsHash, embedded);
}
