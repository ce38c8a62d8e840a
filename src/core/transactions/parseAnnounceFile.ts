/**
 * What `harvest announce` accepts: a signed file of `harvest sign` / `delegate --out` (format harvest-signed, with
 * the network it was signed for), a delegate `--json` result (`transactions[].payload`), the REST body
 * `{"payload": …}`, or bare hex. Only the signed file names its network; for the others the signature itself tells
 * (verifyTransactionSignature against the node's generation hash seed).
 */
import { parseHex } from '../bytes.js';
import { InputError } from '../errors.js';
import { parseSignedPayloadFile } from './parseSignedPayloadFile.js';
import { parseTransactionFile } from './transactionFile.js';

/** One transaction to announce. */
export interface AnnounceFileTransaction {
  readonly payload: Uint8Array;
  /** The kind written by harvest (e.g. "delegate"), when the file says. */
  readonly kind?: string;
  /** The hash written in the file (upper-case hex), when it says: it must match the payload's. */
  readonly hash?: string;
}

/** The parsed file. */
export interface AnnounceFile {
  readonly transactions: readonly AnnounceFileTransaction[];
  /** The network a harvest-signed file names. */
  readonly network?: {
    readonly name: string;
    readonly identifier: number;
    readonly generationHashSeed: Uint8Array;
  };
  readonly mainAddress?: string;
  /** Cosignatures of the file's bonded aggregate added offline (`harvest sign --cosign`), not yet verified. */
  readonly cosignatures?: readonly {
    readonly signerPublicKey: Uint8Array;
    readonly signature: Uint8Array;
  }[];
}

/**
 * Parses the file's text.
 * @throws {InputError} INVALID_FILE (an unsigned plan, a damaged signed file), INVALID_PAYLOAD (anything else)
 */
export function parseAnnounceFile(text: string, name: string): AnnounceFile {
  const format = formatOf(text);
  if (format === 'harvest-unsigned') {
    throw new InputError('INVALID_FILE', `${name} is an unsigned plan`, {
      hint: 'sign it first with `harvest sign` on the offline machine',
    });
  }
  if (format !== 'harvest-signed') {
    return { transactions: parseSignedPayloadFile(text).map((payload) => ({ payload })) };
  }
  const file = parseTransactionFile(text, name);
  return {
    network: {
      name: file.network.name,
      identifier: file.network.identifier,
      generationHashSeed: parseHex(file.network.generationHashSeed, {
        name: 'generationHashSeed',
        length: 32,
      }),
    },
    mainAddress: file.mainAddress,
    ...(file.cosignatures === undefined
      ? {}
      : {
          cosignatures: file.cosignatures.map((entry) => ({
            signerPublicKey: parseHex(entry.signerPublicKey, {
              name: 'signerPublicKey',
              code: 'INVALID_FILE',
            }),
            signature: parseHex(entry.signature, { name: 'signature', code: 'INVALID_FILE' }),
          })),
        }),
    transactions: file.transactions.map((transaction, index) => ({
      payload: parseHex(transaction.payload, {
        name: `transaction ${index + 1} payload`,
        code: 'INVALID_FILE',
      }),
      kind: transaction.kind,
      ...(typeof transaction.hash === 'string' ? { hash: transaction.hash.toUpperCase() } : {}),
    })),
  };
}

function formatOf(text: string): unknown {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const document = JSON.parse(text) as unknown;
    return typeof document === 'object' && document !== null
      ? (document as { format?: unknown }).format
      : undefined;
  } catch {
    return undefined; // parseSignedPayloadFile says what is wrong
  }
}
