import { describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { cosignAggregateHash } from '../../src/core/transactions/cosignAggregateHash.js';
import { describeMultisigSetup } from '../../src/flows/multisig/describeMultisigSetup.js';
import type { MultisigSetup } from '../../src/flows/multisig/readMultisigSetup.js';
import { keyOf } from '../helpers/delegationChain.js';
import { flowWorld } from '../helpers/flowWorld.js';
import { notFound } from '../helpers/stubNode.js';

const address = (byte: number) => deriveAddress(derivePublicKey(keyOf(byte)), TESTNET.identifier);
const MULTISIG = address(0x61);
const INITIATOR = address(0x62);
const SECOND_PRIVATE = keyOf(0x63);
const SECOND = address(0x63);
const THIRD = address(0x64);
const AGGREGATE = new Uint8Array(32).fill(0xab);
const LOCK = new Uint8Array(32).fill(0xcd);

const setup: MultisigSetup = {
  info: {
    accountAddress: MULTISIG,
    minApproval: 3,
    minRemoval: 3,
    cosignatoryAddresses: [INITIATOR, SECOND, THIRD],
    multisigAddresses: [],
  },
  multisigPublicKey: derivePublicKey(keyOf(0x61)),
  multisigAddress: encodeAddress(MULTISIG),
  initiatorAddress: INITIATOR,
  initiatorBalance: 0n,
};

function arrange(options: { endHeight: bigint; height: bigint; status?: string; partial?: boolean }) {
  const world = flowWorld({ height: options.height });
  const cosignature = cosignAggregateHash(AGGREGATE, SECOND_PRIVATE);
  world.node
    .on('GET', '/transactionStatus/:hash', {
      group: options.status ?? 'partial',
      code: 'Success',
      hash: toHex(AGGREGATE),
    })
    .on(
      'GET',
      '/transactions/partial/:hash',
      () =>
        options.partial === false
          ? notFound()
          : {
              meta: { hash: toHex(AGGREGATE) },
              transaction: {
                signature: '00'.repeat(64),
                signerPublicKey: toHex(derivePublicKey(keyOf(0x62))),
                version: 3,
                network: 152,
                type: 0x4241,
                maxFee: '1',
                deadline: '1',
                transactionsHash: '00'.repeat(32),
                transactions: [],
                cosignatures: [
                  // one valid cosignature, and one that does not verify (not counted)
                  {
                    version: '0',
                    signerPublicKey: toHex(cosignature.signerPublicKey),
                    signature: toHex(cosignature.signature),
                  },
                  {
                    version: '0',
                    signerPublicKey: toHex(derivePublicKey(keyOf(0x64))),
                    signature: '11'.repeat(64),
                  },
                ],
              },
            },
      { optional: true },
    )
    .on('GET', '/lock/hash', {
      data: [
        {
          lock: {
            ownerAddress: toHex(INITIATOR),
            mosaicId: '72C0212E67A08BCE',
            amount: '10000000',
            endHeight: options.endHeight.toString(),
            status: options.status === 'confirmed' ? 1 : 0,
            hash: toHex(AGGREGATE),
          },
        },
      ],
    });
  const notes: string[] = [];
  const run = () =>
    describeMultisigSetup({
      client: world.client,
      networkIdentifier: TESTNET.identifier,
      setup,
      lockDeposit: 10_000_000n,
      lock: LOCK,
      aggregate: AGGREGATE,
      onNote: (text) => notes.push(text),
    });
  return { run, notes };
}

describe("describeMultisigSetup (the result's multisig)", () => {
  it('counts the valid cosignatures, names the missing cosignatories and the lock end height', async () => {
    const { run, notes } = arrange({ endHeight: 5000n, height: 1000n });
    expect(await run()).toEqual({
      address: encodeAddress(MULTISIG),
      minApproval: 3,
      initiatorAddress: encodeAddress(INITIATOR),
      lockHash: LOCK,
      aggregateHash: AGGREGATE,
      lockDeposit: 10_000_000n,
      lockEndHeight: 5000n,
      missingCosignatories: [encodeAddress(THIRD)],
      cosignaturesNeeded: 1,
    });
    expect(notes).toEqual([]);
  });

  it('says, with its height, that a lock about to end leaves the deposit to a harvester', async () => {
    const { run, notes } = arrange({ endHeight: 1100n, height: 1000n });
    await run();
    expect(notes).toEqual([expect.stringMatching(/ends at height 1100 \(now 1000\).*harvester/)]);
  });

  it('is complete once the aggregate is confirmed', async () => {
    const { run, notes } = arrange({ endHeight: 1100n, height: 1000n, status: 'confirmed' });
    expect(await run()).toMatchObject({ cosignaturesNeeded: 0, missingCosignatories: [] });
    expect(notes).toEqual([]);
  });
});
