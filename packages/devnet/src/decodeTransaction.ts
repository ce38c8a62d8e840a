/**
 * Turns a signed payload into the devnet's plain transaction model, with symbol-sdk as the parser. Everything the
 * node would compute statelessly (hash, signature validity, aggregate transactions hash) is computed here once.
 */
import { createHash } from 'node:crypto';
import { PublicKey, Signature } from 'symbol-sdk';
import { SymbolFacade, SymbolTransactionFactory, type models } from 'symbol-sdk/symbol';
import { equalBytes } from './bytes.js';

/** Transaction types the devnet models (catbuffer `transaction_type.cats`). */
export const TRANSACTION_TYPE = {
  transfer: 0x4154,
  accountKeyLink: 0x414c,
  nodeKeyLink: 0x424c,
  vrfKeyLink: 0x4243,
  aggregateComplete: 0x4141,
  aggregateBonded: 0x4241,
  hashLock: 0x4148,
  multisigAccountModification: 0x4155,
} as const;

/** One mosaic of a transfer. */
export interface DecodedMosaic {
  readonly id: bigint;
  readonly amount: bigint;
}

/** The body of a transaction, by kind. */
export type DecodedBody =
  | {
      readonly kind: 'transfer';
      readonly recipientAddress: Uint8Array;
      readonly mosaics: readonly DecodedMosaic[];
      readonly message: Uint8Array;
    }
  | {
      readonly kind: 'accountKeyLink' | 'vrfKeyLink' | 'nodeKeyLink';
      readonly linkedPublicKey: Uint8Array;
      /** 0 unlink, 1 link. */
      readonly linkAction: number;
    }
  | {
      readonly kind: 'aggregate';
      readonly bonded: boolean;
      readonly transactionsHash: Uint8Array;
      /** The Merkle root the node computes over the embedded transactions. */
      readonly computedTransactionsHash: Uint8Array;
      readonly embedded: readonly DecodedEmbedded[];
      readonly cosignatures: readonly DecodedCosignature[];
    }
  | {
      readonly kind: 'hashLock';
      readonly mosaic: DecodedMosaic;
      /** Blocks the lock lives. */
      readonly duration: bigint;
      /** Hash of the bonded aggregate it guards. */
      readonly hash: Uint8Array;
    }
  | {
      readonly kind: 'multisigAccountModification';
      readonly minRemovalDelta: number;
      readonly minApprovalDelta: number;
      readonly addressAdditions: readonly Uint8Array[];
      readonly addressDeletions: readonly Uint8Array[];
    }
  | { readonly kind: 'unsupported' };

/** Fields shared by top-level and embedded transactions. */
export interface DecodedHeader {
  readonly type: number;
  readonly version: number;
  readonly network: number;
  readonly signerPublicKey: Uint8Array;
  readonly body: DecodedBody;
}

/** An embedded transaction (inside an aggregate). */
export interface DecodedEmbedded extends DecodedHeader {
  /** Serialized bytes without padding (what the Merkle hash covers). */
  readonly bytes: Uint8Array;
}

/** A cosignature and whether it verifies over the aggregate hash. */
export interface DecodedCosignature {
  readonly signerPublicKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly valid: boolean;
}

/** A top-level transaction, as announced. */
export interface DecodedTransaction extends DecodedHeader {
  readonly size: number;
  readonly signature: Uint8Array;
  readonly maxFee: bigint;
  readonly deadline: bigint;
  readonly hash: Uint8Array;
  readonly merkleComponentHash: Uint8Array;
  /** Signature over generationHashSeed ‖ signed data, verified with the devnet's seed. */
  readonly signatureValid: boolean;
  readonly payload: Uint8Array;
}

/** Why a payload could not be decoded at all (answered 400 by the devnet). */
export class PayloadDecodeError extends Error {}

interface SdkEmbedded {
  readonly type: { readonly value: number };
  readonly version: number;
  readonly network: { readonly value: number };
  readonly signerPublicKey: { readonly bytes: Uint8Array };
  readonly size: number;
  serialize(): Uint8Array;
  readonly recipientAddress?: { readonly bytes: Uint8Array };
  readonly mosaics?: readonly {
    readonly mosaicId: { readonly value: bigint };
    readonly amount: { readonly value: bigint };
  }[];
  readonly message?: Uint8Array;
  readonly linkedPublicKey?: { readonly bytes: Uint8Array };
  readonly linkAction?: { readonly value: number };
  readonly transactionsHash?: { readonly bytes: Uint8Array };
  readonly transactions?: readonly SdkEmbedded[];
  readonly mosaic?: {
    readonly mosaicId: { readonly value: bigint };
    readonly amount: { readonly value: bigint };
  };
  readonly duration?: { readonly value: bigint };
  readonly hash?: { readonly bytes: Uint8Array };
  readonly minRemovalDelta?: number;
  readonly minApprovalDelta?: number;
  readonly addressAdditions?: readonly { readonly bytes: Uint8Array }[];
  readonly addressDeletions?: readonly { readonly bytes: Uint8Array }[];
  readonly cosignatures?: readonly {
    readonly signerPublicKey: { readonly bytes: Uint8Array };
    readonly signature: { readonly bytes: Uint8Array };
  }[];
}

interface SdkTransaction extends SdkEmbedded {
  readonly signature: { readonly bytes: Uint8Array };
  readonly fee: { readonly value: bigint };
  readonly deadline: { readonly value: bigint };
}

/**
 * Parses and re-serialises the payload (a payload that does not round-trip is malformed), then hashes it and checks
 * the signature and cosignatures with the devnet facade.
 * @throws {PayloadDecodeError} when the bytes are not a transaction.
 */
export function decodeTransaction(facade: SymbolFacade, payload: Uint8Array): DecodedTransaction {
  let sdk: SdkTransaction | undefined;
  try {
    sdk = SymbolTransactionFactory.deserialize(payload) as unknown as SdkTransaction | undefined;
  } catch (error) {
    throw new PayloadDecodeError(`not a transaction: ${error instanceof Error ? error.message : 'unknown'}`);
  }
  if (sdk === undefined || !equalBytes(sdk.serialize(), payload)) {
    throw new PayloadDecodeError('not a transaction: the bytes do not match their own size and layout');
  }
  const transaction = sdk as unknown as models.Transaction;
  const hash = facade.hashTransaction(transaction);
  const signatureValid = safeVerify(facade, transaction);
  const header = decodeHeader(sdk, hash.bytes);
  const cosigners =
    header.body.kind === 'aggregate' ? header.body.cosignatures.map((item) => item.signerPublicKey) : [];
  return {
    ...header,
    size: sdk.size,
    signature: sdk.signature.bytes,
    maxFee: sdk.fee.value,
    deadline: sdk.deadline.value,
    hash: hash.bytes,
    merkleComponentHash: merkleComponentHash(hash.bytes, cosigners),
    signatureValid,
    payload,
  };
}

function safeVerify(facade: SymbolFacade, transaction: models.Transaction): boolean {
  try {
    return facade.verifyTransaction(transaction, new Signature(transaction.signature.bytes));
  } catch {
    return false;
  }
}

function decodeHeader(sdk: SdkEmbedded, aggregateHash: Uint8Array): DecodedHeader {
  return {
    type: sdk.type.value,
    version: sdk.version,
    network: sdk.network.value,
    signerPublicKey: sdk.signerPublicKey.bytes,
    body: decodeBody(sdk, aggregateHash),
  };
}

function decodeBody(sdk: SdkEmbedded, aggregateHash: Uint8Array): DecodedBody {
  switch (sdk.type.value) {
    case TRANSACTION_TYPE.transfer:
      return {
        kind: 'transfer',
        recipientAddress: sdk.recipientAddress!.bytes,
        mosaics: (sdk.mosaics ?? []).map((mosaic) => ({
          id: mosaic.mosaicId.value,
          amount: mosaic.amount.value,
        })),
        message: sdk.message ?? new Uint8Array(0),
      };
    case TRANSACTION_TYPE.accountKeyLink:
    case TRANSACTION_TYPE.vrfKeyLink:
    case TRANSACTION_TYPE.nodeKeyLink:
      return {
        kind:
          sdk.type.value === TRANSACTION_TYPE.accountKeyLink
            ? 'accountKeyLink'
            : sdk.type.value === TRANSACTION_TYPE.vrfKeyLink
              ? 'vrfKeyLink'
              : 'nodeKeyLink',
        linkedPublicKey: sdk.linkedPublicKey!.bytes,
        linkAction: sdk.linkAction!.value,
      };
    case TRANSACTION_TYPE.aggregateComplete:
    case TRANSACTION_TYPE.aggregateBonded: {
      const inner = sdk.transactions ?? [];
      const computed = SymbolFacade.hashEmbeddedTransactions(
        inner as unknown as models.EmbeddedTransaction[],
      );
      return {
        kind: 'aggregate',
        bonded: sdk.type.value === TRANSACTION_TYPE.aggregateBonded,
        transactionsHash: sdk.transactionsHash!.bytes,
        computedTransactionsHash: computed.bytes,
        embedded: inner.map((item) => ({ ...decodeHeader(item, aggregateHash), bytes: item.serialize() })),
        cosignatures: (sdk.cosignatures ?? []).map((cosignature) => ({
          signerPublicKey: cosignature.signerPublicKey.bytes,
          signature: cosignature.signature.bytes,
          valid: verifyCosignature(
            cosignature.signerPublicKey.bytes,
            aggregateHash,
            cosignature.signature.bytes,
          ),
        })),
      };
    }
    case TRANSACTION_TYPE.hashLock:
      return {
        kind: 'hashLock',
        mosaic: { id: sdk.mosaic!.mosaicId.value, amount: sdk.mosaic!.amount.value },
        duration: sdk.duration!.value,
        hash: sdk.hash!.bytes,
      };
    case TRANSACTION_TYPE.multisigAccountModification:
      return {
        kind: 'multisigAccountModification',
        minRemovalDelta: sdk.minRemovalDelta!,
        minApprovalDelta: sdk.minApprovalDelta!,
        addressAdditions: (sdk.addressAdditions ?? []).map((address) => address.bytes),
        addressDeletions: (sdk.addressDeletions ?? []).map((address) => address.bytes),
      };
    default:
      return { kind: 'unsupported' };
  }
}

/** Whether `signature` is the key's Ed25519 signature of the aggregate hash (a cosignature). */
export function verifyCosignature(publicKey: Uint8Array, hash: Uint8Array, signature: Uint8Array): boolean {
  try {
    return new SymbolFacade.Verifier(new PublicKey(publicKey)).verify(hash, new Signature(signature));
  } catch {
    return false;
  }
}

/**
 * meta.merkleComponentHash as catapult-rest reports it: the hash itself without cosignatures, else
 * SHA3-256(hash ‖ cosigner public keys) (catapult `CalculateMerkleComponentHash`).
 */
function merkleComponentHash(hash: Uint8Array, cosigners: readonly Uint8Array[]): Uint8Array {
  if (cosigners.length === 0) return hash;
  const bytes = new Uint8Array(32 * (cosigners.length + 1));
  bytes.set(hash, 0);
  cosigners.forEach((key, index) => bytes.set(key, 32 * (index + 1)));
  return new Uint8Array(createHash('sha3-256').update(bytes).digest());
}
