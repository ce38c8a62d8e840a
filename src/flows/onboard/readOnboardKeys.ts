/** Step 1 of onboarding: every row's key, read once; a row whose key cannot be read is FAILED, the others go on. */
import type { OnboardAccountResult } from '../../contract/onboard.js';
import { equalBytes, toHex } from '../../core/bytes.js';
import { HarvestError, InputError } from '../../core/errors.js';
import { derivePublicKey } from '../../core/keys.js';
import type { OnboardAccountInput, Prepared } from './onboardTypes.js';

/** Reads every key; the same account twice is INVALID_FILE for the whole file. */
export async function readKeys(accounts: readonly OnboardAccountInput[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const input of accounts) {
    try {
      prepared.push({ input, privateKey: await input.readKey() });
    } catch (error) {
      if (!(error instanceof HarvestError)) throw error;
      prepared.push({ input, failure: failedRow({ input }, error, input.node ?? null) });
    }
  }
  const seen: { publicKey: Uint8Array; line: number }[] = [];
  for (const entry of prepared) {
    if (entry.privateKey === undefined) continue;
    const publicKey = derivePublicKey(entry.privateKey);
    const earlier = seen.find((other) => equalBytes(other.publicKey, publicKey));
    if (earlier !== undefined) {
      throw new InputError(
        'INVALID_FILE',
        `accounts file lines ${earlier.line} and ${entry.input.line} hold the same account (${toHex(publicKey)})`,
        { hint: 'each account once per file' },
      );
    }
    seen.push({ publicKey, line: entry.input.line });
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
