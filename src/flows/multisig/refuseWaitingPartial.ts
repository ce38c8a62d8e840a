/**
 * Before a new multisig set-up is planned (`delegate --multisig`, `unlink --multisig`, online or `--prepare`;
 * docs/commands/delegate.md, "Multisig accounts"): a bonded aggregate of the multisig account already waiting in the
 * node's partial cache (GET /transactions/partial?address=, each read to check that the multisig account signs
 * inside) means another set-up is under way. A second one would pay a second lock (fee and 10 XYM deposit) for a
 * competing aggregate, and whichever completes second fails: refused (MULTISIG_PENDING), pointing to
 * `harvest cosign`. The run's own aggregates (the keystore journal's) are left out: the lifecycle resumes those.
 */
import { encodeAddress, deriveAddress } from '../../core/address.js';
import { equalBytes, toHex } from '../../core/bytes.js';
import { RejectedError } from '../../core/errors.js';
import type { NodeClient } from '../../node/createNodeClient.js';

/** Inputs of refuseWaitingPartial. */
export interface RefuseWaitingPartialParameters {
  readonly client: Pick<NodeClient, 'searchPartialTransactions' | 'getPartialTransaction'>;
  readonly networkIdentifier: number;
  readonly multisigPublicKey: Uint8Array;
  /** Hashes (hex) of the keystore journal's entries: never counted as competing. */
  readonly ownHashes: readonly string[];
}

/**
 * Passes when no other bonded aggregate of the multisig account waits for cosignatures.
 * @throws {RejectedError} MULTISIG_PENDING naming the waiting aggregates
 */
export async function refuseWaitingPartial(parameters: RefuseWaitingPartialParameters): Promise<void> {
  const { client, multisigPublicKey } = parameters;
  const address = deriveAddress(multisigPublicKey, parameters.networkIdentifier);
  const own = new Set(parameters.ownHashes.map((hash) => hash.toUpperCase()));
  const waiting: string[] = [];
  for (const hash of await client.searchPartialTransactions({ address })) {
    if (own.has(toHex(hash))) continue;
    const partial = await client.getPartialTransaction(hash);
    if (partial === undefined) continue; // completed or expired since the search
    if (partial.transactions.some((inner) => equalBytes(inner.signerPublicKey, multisigPublicKey))) {
      waiting.push(toHex(hash));
    }
  }
  if (waiting.length === 0) return;
  throw new RejectedError(
    'MULTISIG_PENDING',
    `a bonded aggregate of ${encodeAddress(address)} already waits for cosignatures (${waiting.join(', ')}): ` +
      'a new set-up would pay a second hash lock for a competing aggregate',
    {
      hint:
        'let the other cosignatories complete it with `harvest cosign` (or wait until it expires), then run ' +
        'this command again',
      details: { waiting },
    },
  );
}
