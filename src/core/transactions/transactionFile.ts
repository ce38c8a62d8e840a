/**
 * The cold-signing files (docs/commands/sign.md). `harvest delegate --prepare` writes an unsigned plan; `harvest sign`
 * turns it into a signed file; `harvest announce` (issue #5) reads the signed file (or any delegate --json result,
 * which has the same `transactions[]`). Both carry the network, so that the offline machine signs for the right
 * generation hash seed:
 *
 *   { "format": "harvest-unsigned" | "harvest-signed", "version": 1,
 *     "network": { "name", "identifier", "generationHashSeed" },
 *     "mainAddress", "mainPublicKey", "nodeUrl", "nodePublicKey", "remotePublicKey", "vrfPublicKey",
 *     "transactions": [ { "kind", "hash" (signed only), "payload", "fee", "deadline" } ],
 *     "plan": [ { "kind", "publicKey" } ], "announced": false,
 *     "cosignatures": [ { "signerPublicKey", "signature" } ] }   (signed multisig files only: `sign --cosign`)
 *
 * Unsigned payloads have a zero signature. Fees and deadlines are decimal strings, like every amount we print.
 */
import { parseJsonOr } from '../textInput.js';
import { parseHex, toHex } from '../bytes.js';
import { InputError } from '../errors.js';

/** Which of the two files. */
export type TransactionFileFormat = 'harvest-unsigned' | 'harvest-signed';

/** One transaction in a file. */
export interface FileTransaction {
  readonly kind: string;
  readonly hash?: string;
  readonly payload: string;
  readonly fee: string;
  readonly deadline: string;
}

/** A cosignature of the file's bonded aggregate (transactions[1]), added offline by `harvest sign --cosign`. */
export interface FileCosignature {
  readonly signerPublicKey: string;
  readonly signature: string;
}

/** A whole plan or signed file. Extra fields (plan, public keys) are carried along unchanged. */
export interface TransactionFile {
  readonly format: TransactionFileFormat;
  readonly version: 1;
  readonly network: {
    readonly name: string;
    readonly identifier: number;
    readonly generationHashSeed: string;
  };
  readonly mainAddress: string;
  readonly mainPublicKey: string;
  readonly transactions: readonly FileTransaction[];
  readonly cosignatures?: readonly FileCosignature[];
  readonly [field: string]: unknown;
}

/**
 * Parses a plan or signed file, checking the fields sign and announce rely on.
 * @throws {InputError} INVALID_FILE naming what is missing or malformed
 */
export function parseTransactionFile(text: string, name = 'plan file'): TransactionFile {
  const document = parseJsonOr(text, () => invalid(name, 'is not valid JSON'));
  if (typeof document !== 'object' || document === null) throw invalid(name, 'is not a JSON object');
  const root = document as Record<string, unknown>;
  if (root['format'] !== 'harvest-unsigned' && root['format'] !== 'harvest-signed') {
    throw invalid(name, 'is not a harvest plan (format must be harvest-unsigned or harvest-signed)');
  }
  if (root['version'] !== 1) throw invalid(name, `has version ${String(root['version'])}; expected 1`);
  const network = root['network'] as Record<string, unknown> | null | undefined;
  if (
    typeof network !== 'object' ||
    network === null ||
    typeof network['name'] !== 'string' ||
    typeof network['identifier'] !== 'number' ||
    typeof network['generationHashSeed'] !== 'string'
  ) {
    throw invalid(name, 'has no valid network (name, identifier, generationHashSeed)');
  }
  toHex(
    parseHex(network['generationHashSeed'], {
      name: `${name} generationHashSeed`,
      length: 32,
      code: 'INVALID_FILE',
    }),
  );
  for (const field of ['mainAddress', 'mainPublicKey']) {
    if (typeof root[field] !== 'string') throw invalid(name, `has no ${field}`);
  }
  const transactions = root['transactions'];
  if (!Array.isArray(transactions) || transactions.length === 0) throw invalid(name, 'has no transactions');
  transactions.forEach((entry: unknown, index) => {
    const transaction = entry as Record<string, unknown> | null;
    if (typeof transaction !== 'object' || transaction === null)
      throw invalid(name, `transaction ${index + 1} is not an object`);
    for (const field of ['kind', 'payload', 'fee', 'deadline']) {
      if (typeof transaction[field] !== 'string')
        throw invalid(name, `transaction ${index + 1} has no ${field}`);
    }
    parseHex(transaction['payload'] as string, {
      name: `${name} transaction ${index + 1} payload`,
      code: 'INVALID_FILE',
    });
  });
  checkCosignatures(root['cosignatures'], name);
  return document as TransactionFile;
}

/** `cosignatures`, when present: 32-byte keys and 64-byte signatures in hex (whether they verify is checked later). */
function checkCosignatures(cosignatures: unknown, name: string): void {
  if (cosignatures === undefined) return;
  if (!Array.isArray(cosignatures)) throw invalid(name, 'has cosignatures that are not a list');
  cosignatures.forEach((entry: unknown, index) => {
    const cosignature = entry as Record<string, unknown> | null;
    if (
      typeof cosignature !== 'object' ||
      cosignature === null ||
      typeof cosignature['signerPublicKey'] !== 'string' ||
      typeof cosignature['signature'] !== 'string'
    ) {
      throw invalid(name, `cosignature ${index + 1} has no signerPublicKey and signature`);
    }
    const label = `${name} cosignature ${index + 1}`;
    parseHex(cosignature['signerPublicKey'], {
      name: `${label} signerPublicKey`,
      length: 32,
      code: 'INVALID_FILE',
    });
    parseHex(cosignature['signature'], { name: `${label} signature`, length: 64, code: 'INVALID_FILE' });
  });
}

function invalid(name: string, problem: string): InputError {
  return new InputError('INVALID_FILE', `${name} ${problem}`);
}
