import { describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { readMultisigSetup } from '../../src/flows/multisig/readMultisigSetup.js';
import { accountDto, keyOf } from '../helpers/delegationChain.js';
import { flowWorld } from '../helpers/flowWorld.js';
import { notFound, type StubRequest } from '../helpers/stubNode.js';

const MULTISIG_PUBLIC = derivePublicKey(keyOf(0x51));
const MULTISIG = deriveAddress(MULTISIG_PUBLIC, TESTNET.identifier);
const INITIATOR_PRIVATE = keyOf(0x52);
const INITIATOR_PUBLIC = derivePublicKey(INITIATOR_PRIVATE);
const INITIATOR = deriveAddress(INITIATOR_PUBLIC, TESTNET.identifier);
const OTHER = deriveAddress(derivePublicKey(keyOf(0x53)), TESTNET.identifier);
const CURRENCY = 0x72c0212e67a08bcen;

function world(options: { cosignatories?: Uint8Array[]; multisigKnown?: boolean; noEntry?: boolean }) {
  const w = flowWorld();
  w.node.on('GET', '/account/:id/multisig', () =>
    options.noEntry === true
      ? notFound()
      : {
          multisig: {
            accountAddress: toHex(MULTISIG),
            minApproval: 2,
            minRemoval: 2,
            cosignatoryAddresses: (options.cosignatories ?? [INITIATOR, OTHER]).map(toHex),
            multisigAddresses: [],
          },
        },
  );
  w.node.on(
    'GET',
    '/accounts/:id',
    (request: StubRequest) => {
      if (request.params['id'] === toHex(INITIATOR_PUBLIC)) {
        return accountDto({ publicKey: INITIATOR_PUBLIC, balance: 50_000_000n });
      }
      if (request.params['id'] === encodeAddress(MULTISIG) && options.multisigKnown !== false) {
        return accountDto({ publicKey: MULTISIG_PUBLIC, balance: 20_000_000_000n });
      }
      return notFound();
    },
    { optional: true },
  );
  return readMultisigSetup({
    client: w.client,
    networkIdentifier: TESTNET.identifier,
    currencyMosaicId: CURRENCY,
    multisigAddress: MULTISIG,
    initiatorPublicKey: derivePublicKey(INITIATOR_PRIVATE),
  });
}

describe('readMultisigSetup (delegate --multisig)', () => {
  it('reads the setup, the multisig public key and the initiator balance', async () => {
    const setup = await world({});
    expect(setup.multisigPublicKey).toEqual(MULTISIG_PUBLIC);
    expect(setup.multisigAddress).toBe(encodeAddress(MULTISIG));
    expect(setup.info.minApproval).toBe(2);
    expect(setup.initiatorBalance).toBe(50_000_000n);
  });

  it('NOT_MULTISIG for an account without a multisig entry or without cosignatories', async () => {
    await expect(world({ noEntry: true })).rejects.toMatchObject({ code: 'NOT_MULTISIG' });
    await expect(world({ cosignatories: [] })).rejects.toMatchObject({ code: 'NOT_MULTISIG' });
  });

  it('NOT_COSIGNATORY naming the cosignatories when the key is not one of them', async () => {
    await expect(world({ cosignatories: [OTHER] })).rejects.toMatchObject({
      code: 'NOT_COSIGNATORY',
      hint: expect.stringContaining(encodeAddress(OTHER)),
    });
  });

  it('NOT_ELIGIBLE when the chain does not know the multisig account', async () => {
    await expect(world({ multisigKnown: false })).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
  });
});
