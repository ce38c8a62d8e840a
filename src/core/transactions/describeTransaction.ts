/**
 * Reads a serialised transaction back (with symbol-sdk's deserialiser) into a short description: what each inner
 * transaction does, in the words the plan and `harvest sign` show. The delegation request is recognised by shape:
 * a transfer with no mosaics whose message is exactly 132 bytes and starts with the marker (docs/protocol.md §2.1).
 */
import { SymbolFacade, SymbolTransactionFactory as TransactionFactory, models } from 'symbol-sdk/symbol';
import { DELEGATION_MARKER, DELEGATION_MESSAGE_SIZE } from '../crypto/delegationFormat.js';
import { equalBytes } from '../bytes.js';
import { InputError } from '../errors.js';

/** What one (inner or single) transaction does. */
export type TransactionKind =
  | 'remoteLink'
  | 'remoteUnlink'
  | 'vrfLink'
  | 'vrfUnlink'
  | 'nodeLink'
  | 'nodeUnlink'
  | 'delegationRequest'
  | 'transfer'
  | 'other';

/** One transaction inside an aggregate (or the transaction itself when it is not an aggregate). */
export interface InnerDescription {
  readonly kind: TransactionKind;
  /** symbol-sdk's name of the type, e.g. "account_key_link_transaction_v1". */
  readonly typeName: string;
  readonly signerPublicKey: Uint8Array;
  readonly linkedPublicKey?: Uint8Array;
  readonly recipientAddress?: Uint8Array;
  readonly message?: Uint8Array;
  readonly mosaics?: readonly { readonly mosaicId: bigint; readonly amount: bigint }[];
  /** A hash lock (kind `other`: never safe by itself): the deposit, its duration and the aggregate it names. */
  readonly lock?: {
    readonly mosaicId: bigint;
    readonly amount: bigint;
    readonly durationBlocks: bigint;
    readonly aggregateHash: Uint8Array;
  };
}

/** A whole top-level transaction. */
export interface TransactionDescription {
  /** "aggregateComplete", "aggregateBonded", or the kind of a single transaction. */
  readonly kind: 'aggregateComplete' | 'aggregateBonded' | TransactionKind;
  readonly typeName: string;
  readonly version: number;
  readonly networkIdentifier: number;
  readonly signerPublicKey: Uint8Array;
  readonly fee: bigint;
  readonly deadline: bigint;
  readonly size: number;
  /** The embedded transactions of an aggregate; for a single transaction, itself. */
  readonly transactions: readonly InnerDescription[];
  readonly cosignatureCount: number;
}

const KEY_LINK_KINDS: Readonly<Record<number, readonly [TransactionKind, TransactionKind]>> = {
  [models.TransactionType.ACCOUNT_KEY_LINK.value]: ['remoteUnlink', 'remoteLink'],
  [models.TransactionType.VRF_KEY_LINK.value]: ['vrfUnlink', 'vrfLink'],
  [models.TransactionType.NODE_KEY_LINK.value]: ['nodeUnlink', 'nodeLink'],
};

/**
 * Describes a serialised top-level transaction.
 * @throws {InputError} INVALID_PAYLOAD when the bytes are not one whole Symbol transaction
 */
export function describeTransaction(payload: Uint8Array): TransactionDescription {
  let transaction: models.Transaction;
  try {
    transaction = TransactionFactory.deserialize(payload);
  } catch (error) {
    throw new InputError('INVALID_PAYLOAD', 'payload is not a Symbol transaction', { cause: error });
  }
  if (transaction.size !== payload.length) {
    throw new InputError(
      'INVALID_PAYLOAD',
      `payload is ${payload.length} bytes but the transaction inside is ${transaction.size}`,
    );
  }
  // Bytes no field holds (padding) must be what serialising gives back: zero. Neither signature nor hash covers them.
  if (!equalBytes(transaction.serialize(), payload)) {
    throw new InputError(
      'INVALID_PAYLOAD',
      'payload is not in canonical form (non-zero padding or reserved bytes)',
    );
  }
  const typeName: string = TransactionFactory.lookupTransactionName(transaction.type, transaction.version);
  const common = {
    typeName,
    version: transaction.version,
    networkIdentifier: transaction.network.value as number,
    signerPublicKey: transaction.signerPublicKey.bytes,
    fee: BigInt(transaction.fee.value),
    deadline: BigInt(transaction.deadline.value),
    size: payload.length,
  };
  const type = transaction.type.value as number;
  if (
    type === models.TransactionType.AGGREGATE_COMPLETE.value ||
    type === models.TransactionType.AGGREGATE_BONDED.value
  ) {
    const aggregate = transaction as unknown as {
      transactionsHash: models.Hash256;
      transactions: models.EmbeddedTransaction[];
      cosignatures: unknown[];
    };
    // The signature and the hash cover the header and transactionsHash, not the inner transactions themselves:
    // an inner transaction changed after signing shows only as a Merkle root that no longer matches.
    const root = SymbolFacade.hashEmbeddedTransactions(aggregate.transactions);
    if (!equalBytes(root.bytes, aggregate.transactionsHash.bytes)) {
      throw new InputError(
        'INVALID_PAYLOAD',
        "the aggregate's inner transactions do not match its transactions hash: they were altered",
      );
    }
    return {
      ...common,
      kind:
        type === models.TransactionType.AGGREGATE_COMPLETE.value ? 'aggregateComplete' : 'aggregateBonded',
      transactions: aggregate.transactions.map((embedded) =>
        describeInner(embedded, TransactionFactory.lookupTransactionName(embedded.type, embedded.version)),
      ),
      cosignatureCount: aggregate.cosignatures.length,
    };
  }
  const single = describeInner(transaction, typeName);
  return { ...common, kind: single.kind, transactions: [single], cosignatureCount: 0 };
}

function describeInner(
  transaction: models.Transaction | models.EmbeddedTransaction,
  typeName: string,
): InnerDescription {
  const signerPublicKey = transaction.signerPublicKey.bytes;
  const type = transaction.type.value as number;
  const linkKinds = KEY_LINK_KINDS[type];
  if (linkKinds !== undefined && transaction.version === 1) {
    const link = transaction as unknown as {
      linkedPublicKey: models.PublicKey;
      linkAction: models.LinkAction;
    };
    const kind = link.linkAction.value === models.LinkAction.LINK.value ? linkKinds[1] : linkKinds[0];
    return { kind, typeName, signerPublicKey, linkedPublicKey: link.linkedPublicKey.bytes };
  }
  if (type === models.TransactionType.TRANSFER.value && transaction.version === 1) {
    const transfer = transaction as unknown as {
      recipientAddress: models.UnresolvedAddress;
      message: Uint8Array;
      mosaics: { mosaicId: models.UnresolvedMosaicId; amount: models.Amount }[];
    };
    const mosaics = transfer.mosaics.map((mosaic) => ({
      mosaicId: BigInt(mosaic.mosaicId.value),
      amount: BigInt(mosaic.amount.value),
    }));
    const message = transfer.message;
    const isRequest =
      mosaics.length === 0 &&
      message.length === DELEGATION_MESSAGE_SIZE &&
      equalBytes(message.subarray(0, DELEGATION_MARKER.length), DELEGATION_MARKER);
    return {
      kind: isRequest ? 'delegationRequest' : 'transfer',
      typeName,
      signerPublicKey,
      recipientAddress: transfer.recipientAddress.bytes,
      message,
      mosaics,
    };
  }
  if (type === models.TransactionType.HASH_LOCK.value && transaction.version === 1) {
    const lock = transaction as unknown as {
      mosaic: { mosaicId: models.UnresolvedMosaicId; amount: models.Amount };
      duration: models.BlockDuration;
      hash: models.Hash256;
    };
    return {
      kind: 'other',
      typeName,
      signerPublicKey,
      lock: {
        mosaicId: BigInt(lock.mosaic.mosaicId.value),
        amount: BigInt(lock.mosaic.amount.value),
        durationBlocks: BigInt(lock.duration.value),
        aggregateHash: lock.hash.bytes,
      },
    };
  }
  return { kind: 'other', typeName, signerPublicKey };
}
