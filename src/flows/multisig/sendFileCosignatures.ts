/**
 * `harvest announce` of a multisig file with cosignatures added offline (docs/commands/announce.md, "Multisig
 * files"): the cosignatures are sent only once the node HOLDS the bonded aggregate. A catapult node ignores a
 * cosignature whose aggregate is not (yet) in its partial cache, and it adds a partial asynchronously after
 * PUT /transactions/partial answered, so:
 *
 *   1. poll /transactionStatus/{hash} until the node knows the aggregate (group `partial`; `unconfirmed` or
 *      `confirmed`: it is already complete, nothing to send), within the confirmation timeout; a 404 for two block
 *      times announces the same payload to the partial cache again; `failed` → TRANSACTION_REJECTED
 *   2. send the file's cosignatures (PUT /transactions/cosignature; the node keeps one per signer, repeats are harmless)
 *   3. read /transactions/partial/{hash} again and send again those of the file it does not show yet, a few rounds
 *      (the node adds cosignatures asynchronously too); this happens with --no-wait as well
 */
import { equalBytes, toHex } from '../../core/bytes.js';
import { NodeError, RejectedError } from '../../core/errors.js';
import type { DetachedCosignature } from '../../core/transactions/cosignAggregateHash.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { WaitPorts } from '../lifecycle/waitPorts.js';
import { confirmationPollMs } from '../lifecycle/waitForNode.js';
import { pauseUnlessInterrupted } from '../pauseUnlessInterrupted.js';

/** Rounds of "re-read the partial, send again what is missing" after the first sending. */
const RESEND_ROUNDS = 3;

/** Inputs of sendFileCosignatures. */
export interface SendFileCosignaturesParameters extends WaitPorts {
  readonly client: Pick<
    NodeClient,
    'getTransactionStatus' | 'getPartialTransaction' | 'announceCosignature' | 'announcePartialTransaction'
  >;
  /** The signed bonded aggregate, already announced to the partial cache. */
  readonly hash: Uint8Array;
  readonly payload: Uint8Array;
  readonly cosignatures: readonly DetachedCosignature[];
  readonly blockTimeMs: number;
  readonly confirmationTimeoutMs: number;
}

/**
 * Where the file's cosignatures ended: `sent` (the node shows them all, or completed the aggregate), `unconfirmed`
 * (sent, but the node does not show them all yet), `notHeld` (the node did not list the aggregate in time: nothing
 * sent; announcing the file again sends them).
 * @throws {RejectedError} TRANSACTION_REJECTED when the node failed the aggregate
 */
export async function sendFileCosignatures(
  parameters: SendFileCosignaturesParameters,
): Promise<'sent' | 'unconfirmed' | 'notHeld'> {
  const held = await waitUntilHeld(parameters);
  if (held === 'complete') return 'sent';
  if (held === 'unknown') return 'notHeld';
  const { client, cosignatures } = parameters;
  parameters.onProgress?.(`sending ${cosignatures.length} cosignature(s) from the file`);
  for (const cosignature of cosignatures) await client.announceCosignature(cosignature);
  const pollMs = confirmationPollMs(parameters.blockTimeMs);
  for (let round = 0; ; round++) {
    const missing = await missingOnNode(parameters);
    if (missing === undefined || missing.length === 0) return 'sent';
    if (round === RESEND_ROUNDS) return 'unconfirmed';
    if (!(await pauseUnlessInterrupted(parameters.sleep, pollMs, parameters.signal))) return 'unconfirmed';
    parameters.onProgress?.(`sending ${missing.length} cosignature(s) the node does not show yet`);
    for (const cosignature of missing) await client.announceCosignature(cosignature);
  }
}

/** Polls until the node holds the aggregate (`partial`), or has completed it, or time runs out. */
async function waitUntilHeld(
  parameters: SendFileCosignaturesParameters,
): Promise<'partial' | 'complete' | 'unknown'> {
  const { client, hash, now } = parameters;
  const started = now().getTime();
  const pollMs = confirmationPollMs(parameters.blockTimeMs);
  let lastAnnounced = started;
  for (;;) {
    let status: Awaited<ReturnType<typeof client.getTransactionStatus>>;
    try {
      status = await client.getTransactionStatus(hash);
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      status = undefined; // not known yet: keep asking
    }
    if (status?.group === 'partial') return 'partial';
    if (status?.group === 'unconfirmed' || status?.group === 'confirmed') return 'complete';
    if (status?.group === 'failed') {
      throw new RejectedError(
        'TRANSACTION_REJECTED',
        `the node rejected the bonded aggregate: ${status.code}`,
        {
          details: { hash: toHex(hash), status: status.code },
        },
      );
    }
    const elapsed = now().getTime() - started;
    if (elapsed >= parameters.confirmationTimeoutMs) return 'unknown';
    parameters.onProgress?.('waiting for the node to hold the bonded aggregate in its partial cache');
    if (now().getTime() - lastAnnounced >= 2 * parameters.blockTimeMs) {
      // dropped (or never taken): the same payload again, as the confirmation wait does
      lastAnnounced = now().getTime();
      await client.announcePartialTransaction(parameters.payload).catch((error: unknown) => {
        if (!(error instanceof NodeError)) throw error;
      });
    }
    const pause = Math.min(pollMs, parameters.confirmationTimeoutMs - elapsed);
    if (!(await pauseUnlessInterrupted(parameters.sleep, pause, parameters.signal))) return 'unknown';
  }
}

/** The file's cosignatures the partial does not show; undefined when the node no longer lists it (completed). */
async function missingOnNode(
  parameters: SendFileCosignaturesParameters,
): Promise<DetachedCosignature[] | undefined> {
  let partial: Awaited<ReturnType<typeof parameters.client.getPartialTransaction>>;
  try {
    partial = await parameters.client.getPartialTransaction(parameters.hash);
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    return [...parameters.cosignatures]; // not readable now: send them again (harmless)
  }
  if (partial === undefined) return undefined;
  return parameters.cosignatures.filter(
    (cosignature) =>
      !partial.cosignatures.some(
        (shown) =>
          equalBytes(shown.signerPublicKey, cosignature.signerPublicKey) &&
          equalBytes(shown.signature, cosignature.signature),
      ),
  );
}
