/**
 * The rule `harvest sign` and `harvest announce` apply before touching a transaction they did not build: it may
 * hold only key links (remote, VRF, node) and delegation requests, all signed by the same account, and no
 * cosignature is expected from anyone else. The "sweeping" scams hide mosaic transfers (or account restrictions,
 * multisig changes…) inside aggregates presented as harvesting activation (docs/commands/sign.md).
 */
import { toHex } from '../bytes.js';
import { RejectedError } from '../errors.js';
import type { TransactionDescription, TransactionKind } from './describeTransaction.js';

const SAFE_KINDS: ReadonlySet<TransactionKind> = new Set([
  'remoteLink',
  'remoteUnlink',
  'vrfLink',
  'vrfUnlink',
  'nodeLink',
  'nodeUnlink',
  'delegationRequest',
]);

/**
 * Passes when the transaction is safe to sign for a harvesting set-up. `cosigning` (`harvest cosign`): a bonded
 * aggregate whose inner transactions are all signed by ONE account (the multisig account being set up), not by its
 * outer signer (the cosignatory who initiated it).
 * @throws {RejectedError} UNSAFE_TRANSACTION naming every transaction that is not a key link or delegation request
 */
export function checkAggregateSafety(
  description: TransactionDescription,
  options: { readonly cosigning?: boolean } = {},
): void {
  const problems: string[] = [];
  const cosigning = options.cosigning === true;
  if (description.kind === 'aggregateBonded' && !cosigning) {
    problems.push('it is a bonded aggregate (others would cosign it later)');
  }
  if (cosigning && description.kind !== 'aggregateBonded') problems.push('it is not a bonded aggregate');
  const expectedSigner = cosigning
    ? (description.transactions[0]?.signerPublicKey ?? description.signerPublicKey)
    : description.signerPublicKey;
  description.transactions.forEach((inner, index) => {
    if (!SAFE_KINDS.has(inner.kind)) {
      problems.push(`transaction ${index + 1} is ${inner.typeName} (${inner.kind})`);
    } else if (toHex(inner.signerPublicKey) !== toHex(expectedSigner)) {
      problems.push(
        `transaction ${index + 1} is signed by another account (${toHex(inner.signerPublicKey)})`,
      );
    }
  });
  if (problems.length > 0) {
    throw new RejectedError(
      'UNSAFE_TRANSACTION',
      `refusing a transaction that holds more than key links and delegation requests: ${problems.join('; ')}`,
      {
        hint: 'only pass --allow-any if you know exactly what every inner transaction does',
        details: { problems },
      },
    );
  }
}
