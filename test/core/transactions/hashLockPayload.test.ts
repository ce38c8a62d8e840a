import { SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { bindHashLock, readHashLock } from '../../../src/core/transactions/hashLockPayload.js';
import { bondedPlanPayloads, CURRENCY, INITIATOR_PUBLIC } from '../../helpers/multisigPlan.js';

describe('readHashLock and bindHashLock (cold signing of a multisig set-up)', () => {
  it('reads the deposit, duration and hash of a lock, and binds a hash leaving every other byte alone', () => {
    const { lock, aggregate } = bondedPlanPayloads();
    expect(readHashLock(lock)).toEqual({
      signerPublicKey: INITIATOR_PUBLIC,
      mosaicId: CURRENCY,
      amount: 10_000_000n,
      durationBlocks: 740n,
      aggregateHash: new Uint8Array(32),
    });
    const hash = new Uint8Array(32).fill(0xab);
    const bound = bindHashLock(lock, hash);
    expect(bound.length).toBe(184);
    // the hash is the last field: only the last 32 bytes change
    expect(bound.subarray(0, 152)).toEqual(lock.subarray(0, 152));
    expect(bound.subarray(152)).toEqual(hash);
    const sdk = SymbolTransactionFactory.deserialize(bound) as any;
    expect(sdk.hash.bytes).toEqual(hash);
    expect(readHashLock(aggregate)).toBeUndefined();
  });

  it('is not fooled by garbage: undefined from readHashLock, INVALID_PAYLOAD from bindHashLock', () => {
    const { lock, aggregate } = bondedPlanPayloads();
    for (const garbage of [new Uint8Array(0), new Uint8Array(184), lock.subarray(0, 100), aggregate]) {
      expect(readHashLock(garbage)).toBeUndefined();
      expect(() => bindHashLock(garbage, new Uint8Array(32))).toThrow(
        expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
      );
    }
    expect(readHashLock(new Uint8Array([...lock, 0]))).toBeUndefined(); // trailing bytes
    expect(() => bindHashLock(lock, new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
