/** Step 1 of onboarding: every row's key, read once; a row whose key cannot be read is FAILED, the others go on. */
import type { OnboardAccountResult } from '../../contract/onboard.js';
import { toHex } from '../../core/bytes.js';
import { derivePublicKeyNatively } from '../../core/crypto/derivePublicKeyNatively.js';
import { HarvestError, InputError } from '../../core/errors.js';
import type { OnboardAccountInput, Prepared } from './onboardTypes.js';

/**
 * Reads every key; the same account twice is INVALID_FILE for the whole file. `publicOnly` (`--prepare`): each row's
 * public key, and no private key is read at all.
 */
export async function readKeys(
  accounts: readonly OnboardAccountInput[],
  publicOnly = false,
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const input of accounts) {
    if (publicOnly) {
      prepared.push({ input, ...(input.publicKey === undefined ? {} : { publicKey: input.publicKey }) });
      continue;
    }
    try {
      prepared.push({ input, privateKey: await input.readKey() });
    } catch (error) {
      if (!(error instanceof HarvestError)) throw error;
      prepared.push({ input, failure: failedRow({ input }, error, input.node ?? null) });
    }
  }
  const seen = new Map<string, number>();
  for (const entry of prepared) {
    if (entry.privateKey !== undefined) {
      // OpenSSL's derivation: 5–8× noble's, and a batch derives a thousand (docs/performance.md)
      entry.publicKey = derivePublicKeyNatively(entry.privateKey);
    }
    const publicKey = entry.publicKey;
    if (publicKey === undefined) continue;
    const earlier = seen.get(toHex(publicKey));
    if (earlier !== undefined) {
      throw new InputError(
        'INVALID_FILE',
        `accounts file lines ${earlier} and ${entry.input.line} hold the same account (${toHex(publicKey)})`,
        { hint: 'each account once per file' },
      );
    }
    seen.set(toHex(publicKey), entry.input.line);
  }
  return prepared;
}

/** How a row is named in notes. */
export function labelOf(entry: Prepared): string {
  return entry.mainAddress ?? `line ${entry.input.line}`;
}

/** A FAILED row: the typed error's code and message (never a stack, and our messages never hold a key). */
export function failedRow(
  entry: Pick<Prepared, 'input' | 'mainAddress'>,
  error: unknown,
  nodeUrl: string | null,
): OnboardAccountResult {
  const described =
    error instanceof HarvestError
      ? {
          code: error.code,
          message: error.message,
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          ...(error.journal === undefined ? {} : { journal: error.journal }),
        }
      : {
          code: 'INTERNAL',
          message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        };
  return {
    line: entry.input.line,
    mainAddress: entry.mainAddress ?? null,
    state: 'FAILED',
    nodeUrl,
    error: described,
  };
}
