import { toHex } from '../../core/bytes.js';
import type { TransactionDescription } from '../../core/transactions/describeTransaction.js';
import type { CosignResult } from '../../contract/cosign.js';
import { formatTransactionReview } from './sign.js';

const ACTION_TEXT: Readonly<Record<string, string>> = {
  cosigned: 'cosigned now',
  listed: 'waiting for this cosignatory',
  alreadySigned: 'already signed by this cosignatory',
  refused: 'REFUSED',
  declined: 'declined',
};

/** One aggregate, as shown before cosigning it. */
export function formatPartialReview(
  description: TransactionDescription,
  hash: Uint8Array,
  verified: boolean,
): string {
  return [
    `partial aggregate ${toHex(hash)}`,
    formatTransactionReview([description]),
    ...(verified
      ? []
      : [
          "WARNING: this aggregate could not be rebuilt from what the node shows: its hash is the node's word",
        ]),
  ].join('\n');
}

/** Human text of a cosign result. */
export function formatCosignResult(result: CosignResult): string {
  if (result.partials.length === 0)
    return `nothing waits for ${result.cosignatoryAddress} on ${result.nodeUrl}`;
  const lines = [`cosignatory ${result.cosignatoryAddress} on ${result.network}`];
  for (const partial of result.partials) {
    lines.push(
      '',
      `${toHex(partial.hash)}  ${ACTION_TEXT[partial.action] ?? partial.action}`,
      `  account ${partial.multisigAddress ?? '(several)'}, initiated by ${toHex(partial.initiatorPublicKey)}`,
      `  cosignatures ${partial.cosignatures}${partial.minApproval === null ? '' : ` (needs ${partial.minApproval} approvals)`}${partial.verified ? '' : ', hash not checked'}`,
      ...partial.plan.map((entry, index) =>
        `  ${index + 1}. ${entry.kind} ${entry.publicKey === null ? (entry.recipientAddress ?? '') : toHex(entry.publicKey)}`.trimEnd(),
      ),
      ...partial.problems.map((problem) => `  refused: ${problem}`),
    );
  }
  return lines.join('\n');
}
