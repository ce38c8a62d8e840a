/**
 * Multisig plan files (`delegate --multisig --prepare`) made with the product's own builders (src/core): an unsigned
 * hash lock naming a zero hash and an unsigned bonded aggregate whose inner transactions the multisig account signs.
 */
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { buildAggregate } from '../../src/core/transactions/buildAggregate.js';
import { buildHashLock } from '../../src/core/transactions/buildHashLock.js';
import type { TransactionFile } from '../../src/core/transactions/transactionFile.js';
import type { InnerTransaction } from '../../src/core/transactions/transactionTypes.js';
import { keyOf, NODE_PUBLIC } from './delegationChain.js';

export const MULTISIG_PUBLIC = derivePublicKey(keyOf(0x61));
export const MULTISIG_ADDRESS = encodeAddress(deriveAddress(MULTISIG_PUBLIC, TESTNET.identifier));
export const INITIATOR_PRIVATE = keyOf(0x62);
export const INITIATOR_PUBLIC = derivePublicKey(INITIATOR_PRIVATE);
export const CURRENCY = 0x72c0212e67a08bcen;
export const NODE_LINK: InnerTransaction = {
  type: 'keyLink',
  role: 'node',
  action: 'link',
  linkedPublicKey: NODE_PUBLIC,
};

/** The unsigned lock and aggregate of a multisig plan, deadline `deadline` (network ms). */
export function bondedPlanPayloads(
  options: {
    readonly inner?: readonly InnerTransaction[];
    readonly deadline?: bigint;
    readonly initiator?: Uint8Array;
    readonly multisig?: Uint8Array;
  } = {},
): { readonly lock: Uint8Array; readonly aggregate: Uint8Array } {
  const deadline = options.deadline ?? 10_000_000n;
  const signerPublicKey = options.initiator ?? INITIATOR_PUBLIC;
  const common = { networkIdentifier: TESTNET.identifier, signerPublicKey, deadline };
  const aggregate = buildAggregate({
    ...common,
    embeddedSignerPublicKey: options.multisig ?? MULTISIG_PUBLIC,
    fee: { amount: 50_000n },
    transactions: options.inner ?? [NODE_LINK],
    version: 3,
    bonded: true,
  });
  const lock = buildHashLock({
    ...common,
    fee: { amount: 18_400n },
    mosaicId: CURRENCY,
    amount: 10_000_000n,
    durationBlocks: 740n,
    aggregateHash: new Uint8Array(32),
  });
  return { lock: lock.payload, aggregate: aggregate.payload };
}

/** The plan file `delegate --multisig --prepare` writes around those payloads. */
export function bondedPlanFile(
  payloads: { readonly lock: Uint8Array; readonly aggregate: Uint8Array } = bondedPlanPayloads(),
): TransactionFile {
  return {
    format: 'harvest-unsigned',
    version: 1,
    network: {
      name: TESTNET.name,
      identifier: TESTNET.identifier,
      generationHashSeed: toHex(TESTNET.generationHashSeed),
    },
    mainAddress: MULTISIG_ADDRESS,
    mainPublicKey: toHex(MULTISIG_PUBLIC),
    transactions: [
      { kind: 'hashLock', payload: toHex(payloads.lock), fee: '18400', deadline: '10000000' },
      { kind: 'delegate', payload: toHex(payloads.aggregate), fee: '50000', deadline: '10000000' },
    ],
    multisig: { address: MULTISIG_ADDRESS, minApproval: 2, lockHash: null, aggregateHash: null },
  };
}
