/** A block's harvest record in chain.json (stateStore.ts): hex and decimal strings, read back to the same values. */
import type { BlockHarvest } from './blockHarvest.js';
import { parseHex, toHex } from './bytes.js';

/** BlockHarvest as JSON. */
export interface StoredHarvest {
  signerPublicKey: string;
  beneficiaryAddress: string;
  totalFee: string;
  receipts: { type: number; targetAddress?: string; mosaicId: string; amount: string }[];
}

/** The JSON form of a harvest record. */
export function storeHarvest(harvest: BlockHarvest): StoredHarvest {
  return {
    signerPublicKey: toHex(harvest.signerPublicKey),
    beneficiaryAddress: toHex(harvest.beneficiaryAddress),
    totalFee: harvest.totalFee.toString(),
    receipts: harvest.receipts.map((receipt) => ({
      type: receipt.type,
      ...(receipt.targetAddress === undefined ? {} : { targetAddress: toHex(receipt.targetAddress) }),
      mosaicId: receipt.mosaicId.toString(),
      amount: receipt.amount.toString(),
    })),
  };
}

/** A harvest record read back from chain.json. */
export function loadHarvest(stored: StoredHarvest): BlockHarvest {
  return {
    signerPublicKey: parseHex(stored.signerPublicKey, 'stored signer', 32),
    beneficiaryAddress: parseHex(stored.beneficiaryAddress, 'stored beneficiary', 24),
    totalFee: BigInt(stored.totalFee),
    receipts: stored.receipts.map((receipt) => ({
      type: receipt.type,
      ...(receipt.targetAddress === undefined
        ? {}
        : { targetAddress: parseHex(receipt.targetAddress, 'stored receipt target', 24) }),
      mosaicId: BigInt(receipt.mosaicId),
      amount: BigInt(receipt.amount),
    })),
  };
}
