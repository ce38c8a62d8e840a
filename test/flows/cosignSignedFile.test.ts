/**
 * `harvest sign --cosign` (cosignSignedFile) and the file's `cosignatures` (parseTransactionFile): a cosignature that
 * symbol-sdk verifies over the aggregate's hash; garbage, tampered files and the initiator's key are refused.
 */
import { PublicKey, Signature } from 'symbol-sdk';
import { Verifier } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { parseTransactionFile, type TransactionFile } from '../../src/core/transactions/transactionFile.js';
import { cosignSignedFile } from '../../src/flows/cosignSignedFile.js';
import { signPlan } from '../../src/flows/signPlan.js';
import { keyOf } from '../helpers/delegationChain.js';
import { bondedPlanFile, INITIATOR_PRIVATE } from '../helpers/multisigPlan.js';

const SECOND = keyOf(0x71);
const THIRD = keyOf(0x72);

async function signedFile(): Promise<TransactionFile> {
  return signPlan({
    file: bondedPlanFile(),
    privateKey: INITIATOR_PRIVATE,
    allowAny: false,
    review: () => Promise.resolve(),
  });
}

function cosign(file: TransactionFile, privateKey: Uint8Array, notes: string[] = []) {
  return cosignSignedFile({
    file,
    privateKey,
    allowAny: false,
    review: () => Promise.resolve(),
    onNote: (text) => notes.push(text),
  });
}

describe('harvest sign --cosign', () => {
  it('adds cosignatures symbol-sdk verifies over the aggregate hash, leaves the transactions alone, adds none twice', async () => {
    const signed = await signedFile();
    const once = await cosign(signed, SECOND);
    const twice = await cosign(once, THIRD);
    expect(twice.transactions).toEqual(signed.transactions);
    const aggregateHash = Buffer.from(signed.transactions[1]!.hash!, 'hex');
    expect(twice.cosignatures!.map((entry) => entry.signerPublicKey)).toEqual([
      toHex(derivePublicKey(SECOND)),
      toHex(derivePublicKey(THIRD)),
    ]);
    for (const entry of twice.cosignatures!) {
      const verifier = new Verifier(new PublicKey(entry.signerPublicKey));
      expect(verifier.verify(aggregateHash, new Signature(entry.signature))).toBe(true);
    }
    const notes: string[] = [];
    expect(await cosign(twice, SECOND, notes)).toBe(twice);
    expect(notes.join()).toMatch(/already cosigned/);
    // the file round-trips through the parser
    expect(parseTransactionFile(JSON.stringify(twice)).cosignatures).toEqual(twice.cosignatures);
  });

  it('INVALID_KEY for the initiator, INVALID_FILE for an unsigned plan or a tampered file', async () => {
    const signed = await signedFile();
    await expect(cosign(signed, INITIATOR_PRIVATE)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(cosign(bondedPlanFile(), SECOND)).rejects.toMatchObject({ code: 'INVALID_FILE' });
    const [lock, aggregate] = signed.transactions;
    // a lock from another signing (it names another aggregate hash)
    await expect(
      cosign(
        {
          ...signed,
          transactions: [{ ...lock!, payload: lock!.payload.replace(/.{2}$/, '00') }, aggregate!],
        },
        SECOND,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_FILE' });
    // the aggregate's signature altered
    const flipped =
      aggregate!.payload.slice(0, 16) +
      (aggregate!.payload[16] === '0' ? '1' : '0') +
      aggregate!.payload.slice(17);
    await expect(
      cosign({ ...signed, transactions: [lock!, { ...aggregate!, payload: flipped }] }, SECOND),
    ).rejects.toMatchObject({ code: 'INVALID_FILE' });
    // a cosignature already in the file that does not verify
    const once = await cosign(signed, SECOND);
    const forged = { ...once, cosignatures: [{ ...once.cosignatures![0]!, signature: '11'.repeat(64) }] };
    await expect(cosign(forged, THIRD)).rejects.toMatchObject({ code: 'INVALID_FILE' });
  });

  it.each([
    ['not a list', { cosignatures: 'x' }],
    ['an entry without fields', { cosignatures: [{}] }],
    ['a short key', { cosignatures: [{ signerPublicKey: 'AB', signature: '11'.repeat(64) }] }],
    ['a short signature', { cosignatures: [{ signerPublicKey: '22'.repeat(32), signature: '11' }] }],
    [
      'a signature that is not hex',
      { cosignatures: [{ signerPublicKey: '22'.repeat(32), signature: 'zz'.repeat(64) }] },
    ],
  ])('parseTransactionFile refuses cosignatures that are %s (INVALID_FILE)', async (_name, extra) => {
    const signed = await signedFile();
    expect(() => parseTransactionFile(JSON.stringify({ ...signed, ...extra }))).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    );
  });
});
