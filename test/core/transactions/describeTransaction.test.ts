import { describe, expect, it } from 'vitest';
import { buildAggregate } from '../../../src/core/transactions/buildAggregate.js';
import { describeTransaction } from '../../../src/core/transactions/describeTransaction.js';
import { signTransaction } from '../../../src/core/transactions/signTransaction.js';
import { verifyTransactionSignature } from '../../../src/core/transactions/verifyTransactionSignature.js';
import { derivePublicKey } from '../../../src/core/keys.js';
import { seededRandom } from '../../helpers/seededRandom.js';

const random = seededRandom(7);
const mainPrivate = random(32);
const seed = random(32);

/** A signed aggregate of two key links, and the offset of the second linked key inside it. */
function signedAggregate() {
  const linked = [random(32), random(32)];
  const { payload } = buildAggregate({
    networkIdentifier: 152,
    signerPublicKey: derivePublicKey(mainPrivate),
    deadline: 10_000_000n,
    fee: { multiplier: 100n },
    version: 3,
    transactions: linked.map((key) => ({
      type: 'keyLink',
      role: 'remote',
      action: 'link',
      linkedPublicKey: key,
    })),
  });
  return signTransaction(payload, mainPrivate, seed).payload;
}

describe('describeTransaction', () => {
  it('describes an untouched signed aggregate', () => {
    const payload = signedAggregate();
    expect(describeTransaction(payload).transactions).toHaveLength(2);
  });

  it('refuses an aggregate whose inner transaction was changed after signing, though its signature verifies', () => {
    for (const offset of [168 + 8 + 40, 168 + 80, 168 + 100]) {
      const tampered = signedAggregate();
      tampered[offset]! ^= 0x01; // a byte of an embedded transaction: the header and its signature are untouched
      expect(verifyTransactionSignature(tampered, seed)).toBe(true);
      expect(() => describeTransaction(tampered)).toThrow(
        expect.objectContaining({ code: 'INVALID_PAYLOAD' }) as Error,
      );
    }
  });
});
