import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/bytes.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { TESTNET } from '../../../src/core/network.js';
import { verifyTransactionSignature } from '../../../src/core/transactions/verifyTransactionSignature.js';
import type { TransactionPlan } from '../../../src/flows/lifecycle/plan.js';
import { signAndStore, type SignAndStoreParameters } from '../../../src/flows/lifecycle/signAndStore.js';
import { keyOf } from '../../helpers/delegationChain.js';
import { MAIN_ADDRESS, MAIN_PRIVATE } from '../../helpers/flowWorld.js';
import { openRecordingKeystore } from '../../helpers/recordingKeystore.js';

async function setUp(
  overrides: Partial<SignAndStoreParameters> = {},
  planOverrides: Partial<TransactionPlan> = {},
) {
  const events: string[] = [];
  const { keystore, recorded } = await openRecordingKeystore(MAIN_ADDRESS, events);

  const plan: TransactionPlan = {
    kind: 'unlink',
    transactions: [{ type: 'keyLink', role: 'node', action: 'unlink', linkedPublicKey: keyOf(0x31) }],
    planned: [],
    confirm: () => Promise.resolve(void events.push('confirm')),
    keys: () => ({ nodePublicKey: null, remotePublicKey: null, vrfPublicKey: null }),
    then: { waitFor: 'nothing' },
    ...planOverrides,
  };
  const parameters: SignAndStoreParameters = {
    plan,
    network: TESTNET,
    main: { privateKey: MAIN_PRIVATE },
    networkTime: 1_000_000n,
    aggregateVersion: 3,
    feeMultiplier: 100n,
    balance: 20_000_000_000n,
    keystore: recorded,
    journal: true,
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
  return { parameters, events, keystore };
}

describe('signAndStore', () => {
  it('confirms, signs, then writes the journal entry (state signed) before returning the transaction', async () => {
    const { parameters, events, keystore } = await setUp();
    const stored = await signAndStore(parameters);
    expect(events).toEqual(['confirm', 'save']);
    expect(verifyTransactionSignature(stored.signed!.payload, TESTNET.generationHashSeed)).toBe(true);
    expect(keystore.file.journal).toEqual([
      expect.objectContaining({ kind: 'unlink', hash: toHex(stored.signed!.hash), state: 'signed' }),
    ]);
    expect(stored.transaction.deadline).toBe(1_000_000n + 2n * 3600n * 1000n);
  });

  it('journals nothing for a dry run, and signs nothing with only the public key (cold signing)', async () => {
    const dry = await setUp({ journal: false });
    await signAndStore(dry.parameters);
    expect(dry.keystore.file.journal).toEqual([]);
    expect(dry.events).toEqual(['confirm']);
    const cold = await setUp({ main: { publicKey: derivePublicKey(MAIN_PRIVATE) } });
    const stored = await signAndStore(cold.parameters);
    expect(stored.signed).toBeUndefined();
    expect(stored.transaction.hash).toBeUndefined();
    expect(cold.keystore.file.journal).toEqual([]);
  });

  it('refuses a fee the balance cannot pay, or leaving the harvesting range, before asking', async () => {
    const poor = await setUp({ balance: 10n });
    await expect(signAndStore(poor.parameters)).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      message: expect.stringMatching(/^balance 0\.000010 XYM does not cover the fee of \d[\d,]*\.\d{6} XYM$/),
    });
    expect(poor.events).toEqual([]);
    const ineligible = await setUp({}, { eligibility: { min: 20_000_000_000n, max: 50_000_000_000_000n } });
    await expect(signAndStore(ineligible.parameters)).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
      message: expect.stringMatching(
        /is outside the harvesting range 20,000\.000000 XYM to 50,000,000\.000000 XYM$/,
      ),
    });
    expect(ineligible.events).toEqual([]);
  });

  it('writes nothing when the confirmation is refused', async () => {
    const { parameters, events } = await setUp({}, { confirm: () => Promise.reject(new Error('declined')) });
    await expect(signAndStore(parameters)).rejects.toThrow('declined');
    expect(events).toEqual([]);
  });
});
