import { PrivateKey } from 'symbol-sdk';
import { descriptors, KeyPair, models, SymbolFacade } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { parseHex } from '../../../src/core/bytes.js';
import { MAINNET, TESTNET } from '../../../src/core/network.js';
import { parseAnnounceFile } from '../../../src/core/transactions/parseAnnounceFile.js';
import {
  isUnsigned,
  verifyTransactionSignature,
} from '../../../src/core/transactions/verifyTransactionSignature.js';

const signer = new KeyPair(new PrivateKey('A'.repeat(64)));

/** symbol-sdk signs (the oracle): a v3 aggregate and a plain key link on testnet. */
function sdkSigned(kind: 'aggregate' | 'single'): Uint8Array {
  const facade = new SymbolFacade('testnet');
  const link = new descriptors.VrfKeyLinkTransactionV1Descriptor(signer.publicKey, models.LinkAction.LINK);
  let transaction: models.Transaction;
  if (kind === 'single') {
    transaction = facade.createTransactionFromTypedDescriptor(link, signer.publicKey, 100, 3600);
  } else {
    const inner = [facade.createEmbeddedTransactionFromTypedDescriptor(link, signer.publicKey)];
    transaction = facade.createTransactionFromTypedDescriptor(
      new descriptors.AggregateCompleteTransactionV3Descriptor(
        SymbolFacade.hashEmbeddedTransactions(inner),
        inner,
      ),
      signer.publicKey,
      100,
      3600,
    );
  }
  const body = facade.transactionFactory.static.attachSignature(
    transaction,
    facade.signTransaction(signer, transaction),
  );
  return parseHex(JSON.parse(body).payload as string, { name: 'payload' });
}

describe('verifyTransactionSignature (symbol-sdk signs)', () => {
  for (const kind of ['aggregate', 'single'] as const) {
    it(`accepts a ${kind} signed for its network and refuses it for another or altered`, () => {
      const payload = sdkSigned(kind);
      expect(verifyTransactionSignature(payload, TESTNET.generationHashSeed)).toBe(true);
      expect(verifyTransactionSignature(payload, MAINNET.generationHashSeed)).toBe(false);
      const altered = payload.slice();
      altered[112] = altered[112]! ^ 1; // the fee, covered by the signature
      expect(verifyTransactionSignature(altered, TESTNET.generationHashSeed)).toBe(false);
      expect(isUnsigned(payload)).toBe(false);
      const unsigned = payload.slice();
      unsigned.fill(0, 8, 72);
      expect(isUnsigned(unsigned)).toBe(true);
      expect(verifyTransactionSignature(unsigned, TESTNET.generationHashSeed)).toBe(false);
    });
  }

  it('is false for a signer that is not a curve point', () => {
    const payload = sdkSigned('single');
    payload.fill(0xff, 72, 104);
    expect(verifyTransactionSignature(payload, TESTNET.generationHashSeed)).toBe(false);
  });
});

describe('parseAnnounceFile', () => {
  const hex = 'AB'.repeat(10);
  it('reads bare hex, {payload}, a delegate result and a signed file with its network', () => {
    expect(parseAnnounceFile(hex, 'f').transactions).toEqual([{ payload: parseHex(hex, { name: 'x' }) }]);
    expect(parseAnnounceFile(JSON.stringify({ payload: hex }), 'f').network).toBeUndefined();
    expect(
      parseAnnounceFile(JSON.stringify({ transactions: [{ payload: hex }, { payload: hex }] }), 'f')
        .transactions,
    ).toHaveLength(2);
    const signed = parseAnnounceFile(
      JSON.stringify({
        format: 'harvest-signed',
        version: 1,
        network: {
          name: 'testnet',
          identifier: 152,
          generationHashSeed: '49D6E1CE276A85B70EAFE52349AACCA389302E7A9754BCF1221E79494FC665A4',
        },
        mainAddress: 'T',
        mainPublicKey: 'P',
        transactions: [{ kind: 'delegate', hash: 'ab'.repeat(32), payload: hex, fee: '1', deadline: '2' }],
      }),
      'f',
    );
    expect(signed.network).toMatchObject({ identifier: 152, generationHashSeed: TESTNET.generationHashSeed });
    expect(signed.transactions[0]).toMatchObject({ kind: 'delegate', hash: 'AB'.repeat(32) });
  });

  it('refuses an unsigned plan (INVALID_FILE) and garbage (INVALID_PAYLOAD)', () => {
    expect(() => parseAnnounceFile(JSON.stringify({ format: 'harvest-unsigned', version: 1 }), 'f')).toThrow(
      expect.objectContaining({ code: 'INVALID_FILE' }),
    );
    expect(() => parseAnnounceFile('hello', 'f')).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    );
    expect(() => parseAnnounceFile('{ nope', 'f')).toThrow(
      expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
    );
    expect(() => parseAnnounceFile('', 'f')).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
  });
});
