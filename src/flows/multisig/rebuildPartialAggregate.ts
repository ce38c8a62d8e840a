/**
 * What `harvest cosign` shows must be what it signs. A cosignature signs the aggregate's HASH, and the node's JSON
 * (/transactions/partial/{hash}) says both what the aggregate holds and what its hash is: a node could show key
 * links and hand over the hash of a transfer. So the aggregate is rebuilt from the fields shown (our builders, the
 * initiator's signature put back), and cosigned only when:
 *
 *   rebuilt hash = the node's hash   and   the initiator's signature verifies for this network
 *
 * Inner transactions our builders cannot express (transfers of mosaics, other types, several inner signers) leave
 * the aggregate unverified: it is described from the JSON and refused unless --allow-any, which then signs the
 * node's word.
 */
import { equalBytes } from '../../core/bytes.js';
import type { NetworkParameters } from '../../core/network.js';
import { buildAggregate } from '../../core/transactions/buildAggregate.js';
import {
  describeTransaction,
  type InnerDescription,
  type TransactionDescription,
} from '../../core/transactions/describeTransaction.js';
import { hashTransaction } from '../../core/transactions/hashTransaction.js';
import type { InnerTransaction, KeyLinkRole } from '../../core/transactions/transactionTypes.js';
import { verifyTransactionSignature } from '../../core/transactions/verifyTransactionSignature.js';
import type { PartialAggregate, PartialInner } from '../../node/readPartialAggregate.js';

/** The aggregate described, and whether its hash was checked by rebuilding it. */
export interface RebuiltPartial {
  readonly description: TransactionDescription;
  /** True: rebuilt from what is shown, hash and initiator signature checked. */
  readonly verified: boolean;
  /** False when it was rebuilt and its hash or signature did NOT match: never cosign it. */
  readonly consistent: boolean;
}

const ROLE_OF_TYPE: Readonly<Record<number, KeyLinkRole>> = {
  0x414c: 'remote',
  0x4243: 'vrf',
  0x424c: 'node',
};
const TYPE_NAMES: Readonly<Record<number, string>> = {
  0x414c: 'account_key_link_transaction_v1',
  0x4243: 'vrf_key_link_transaction_v1',
  0x424c: 'node_key_link_transaction_v1',
  0x4154: 'transfer_transaction_v1',
};
const BONDED_TYPE = 0x4241;

/** Rebuilds and checks one partial aggregate for `network`. */
export function rebuildPartialAggregate(
  partial: PartialAggregate,
  network: NetworkParameters,
): RebuiltPartial {
  const inner = partial.transactions.map(toInner);
  const embeddedSigner = partial.transactions[0]?.signerPublicKey;
  const rebuildable =
    partial.type === BONDED_TYPE &&
    (partial.version === 2 || partial.version === 3) &&
    partial.network === network.identifier &&
    embeddedSigner !== undefined &&
    partial.transactions.every((entry) => equalBytes(entry.signerPublicKey, embeddedSigner)) &&
    inner.every((entry) => entry !== undefined);
  if (!rebuildable) return { description: describeFromJson(partial), verified: false, consistent: true };
  const payload = buildAggregate({
    networkIdentifier: partial.network,
    signerPublicKey: partial.signerPublicKey,
    embeddedSignerPublicKey: embeddedSigner,
    deadline: partial.deadline,
    fee: { amount: partial.maxFee },
    transactions: inner,
    version: partial.version,
    bonded: true,
  }).payload;
  payload.set(partial.signature, 8);
  const consistent =
    equalBytes(payload.subarray(128, 160), partial.transactionsHash) &&
    equalBytes(hashTransaction(payload, network.generationHashSeed), partial.hash) &&
    verifyTransactionSignature(payload, network.generationHashSeed);
  return { description: describeTransaction(payload), verified: consistent, consistent };
}

function toInner(entry: PartialInner): InnerTransaction | undefined {
  if (entry.version !== 1) return undefined;
  const role = ROLE_OF_TYPE[entry.type];
  if (role !== undefined && entry.linkedPublicKey !== undefined) {
    return {
      type: 'keyLink',
      role,
      action: entry.linkAction === 1 ? 'link' : 'unlink',
      linkedPublicKey: entry.linkedPublicKey,
    };
  }
  if (entry.recipientAddress !== undefined && entry.mosaics?.length === 0) {
    return {
      type: 'transfer',
      recipientAddress: entry.recipientAddress,
      message: entry.message ?? new Uint8Array(0),
    };
  }
  return undefined;
}

/** What the JSON says, for an aggregate we cannot rebuild: transfers with their mosaics, other types by name. */
function describeFromJson(partial: PartialAggregate): TransactionDescription {
  return {
    kind: partial.type === BONDED_TYPE ? 'aggregateBonded' : 'other',
    typeName:
      partial.type === BONDED_TYPE
        ? `aggregate_bonded_transaction_v${partial.version}`
        : `type 0x${partial.type.toString(16)}`,
    version: partial.version,
    networkIdentifier: partial.network,
    signerPublicKey: partial.signerPublicKey,
    fee: partial.maxFee,
    deadline: partial.deadline,
    size: 0,
    transactions: partial.transactions.map((entry): InnerDescription => ({
      kind: entry.recipientAddress !== undefined ? 'transfer' : 'other',
      typeName: TYPE_NAMES[entry.type] ?? `type 0x${entry.type.toString(16)} v${entry.version}`,
      signerPublicKey: entry.signerPublicKey,
      ...(entry.recipientAddress === undefined ? {} : { recipientAddress: entry.recipientAddress }),
      ...(entry.mosaics === undefined
        ? {}
        : { mosaics: entry.mosaics.map((mosaic) => ({ mosaicId: mosaic.id, amount: mosaic.amount })) }),
    })),
    cosignatureCount: partial.cosignatures.length,
  };
}
