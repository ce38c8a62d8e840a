/**
 * Waits until an announced transaction is confirmed (docs/ARCHITECTURE.md, "The transaction lifecycle"):
 *
 * 1. poll /transactionStatus/{hash};
 * 2. `confirmed` → done; `failed` → TRANSACTION_REJECTED with the node's code;
 * 3. unknown (404) for more than two block times → the node dropped the announcement: announce the **same** signed
 *    payload again, while its deadline allows (never a new plan while the old one could still confirm);
 *    (at the first 404 when the first announcement itself failed);
 * 4. deadline passed and still unknown → it can never confirm: TRANSACTION_REJECTED (expired);
 * 5. a poll or a re-announcement that fails (NODE_*, after the client's own retries) is "not known yet": the wait
 *    goes on; only when time runs out right after such a failure is that error thrown (docs/cli.md, "Retries");
 * 6. out of time, or interrupted (SIGINT/SIGTERM aborts `signal`) → `pending` (the caller reports
 *    CONFIRMATION_PENDING with the hash kept; the journal entry stays open for a re-run).
 */
import { toHex } from '../../core/bytes.js';
import { isTransientNodeError, NodeError, RejectedError } from '../../core/errors.js';
import type { NetworkClock } from '../../core/networkTime.js';
import type { WaitPorts } from './waitPorts.js';
import { confirmationPollMs } from './waitForNode.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { pauseUnlessInterrupted } from '../pauseUnlessInterrupted.js';

/** Inputs of waitForConfirmation. */
export interface WaitForConfirmationParameters extends WaitPorts {
  readonly client: Pick<NodeClient, 'getTransactionStatus' | 'announceTransaction'>;
  readonly hash: Uint8Array;
  /** The signed payload, announced again if the node forgets it. */
  readonly payload: Uint8Array;
  /** The transaction's deadline, in network milliseconds. */
  readonly deadlineMs: bigint;
  /** Network time now (clock-skew corrected). */
  readonly networkTime: NetworkClock;
  readonly blockTimeMs: number;
  /** How long to wait in all. */
  readonly timeoutMs: number;
  /** False when the first announcement failed: announce again at the first 404 (true by default). */
  readonly announced?: boolean;
  /** Called after each announcement that the node took (202). */
  readonly onAnnounced?: () => Promise<void>;
}

/** How the wait ended (rejections are thrown). */
export type ConfirmationOutcome =
  { readonly kind: 'confirmed'; readonly height: bigint | undefined } | { readonly kind: 'pending' };

/**
 * Polls until confirmed, rejected, expired or out of time.
 * @throws {RejectedError} TRANSACTION_REJECTED with `details.status` = the node's Failure_* code, or expiry
 * @throws {NodeError} when time ran out and the last poll had failed (after the client's own retries)
 */
export async function waitForConfirmation(
  parameters: WaitForConfirmationParameters,
): Promise<ConfirmationOutcome> {
  const { client, hash, now, sleep } = parameters;
  const started = now().getTime();
  const pollMs = confirmationPollMs(parameters.blockTimeMs);
  const dropAfterMs = 2 * parameters.blockTimeMs;
  // the first announcement failed: announce at the first 404
  let lastAnnounced = parameters.announced === false ? -Infinity : started;
  for (;;) {
    let failure: NodeError | undefined;
    let status: Awaited<ReturnType<typeof client.getTransactionStatus>>;
    try {
      status = await client.getTransactionStatus(hash);
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      failure = error;
      status = undefined;
    }
    if (status?.group === 'confirmed') return { kind: 'confirmed', height: status.height };
    // the node knows it (our announcement went through though its answer was lost): the journal says so
    if (status !== undefined && lastAnnounced === -Infinity) {
      lastAnnounced = now().getTime();
      await parameters.onAnnounced?.();
    }
    if (status?.group === 'failed') {
      throw new RejectedError('TRANSACTION_REJECTED', `the node rejected the transaction: ${status.code}`, {
        details: { hash: toHex(hash), status: status.code },
        hint: hintFor(status.code),
      });
    }
    const elapsed = now().getTime() - started;
    if (status === undefined && failure === undefined) {
      const expired = parameters.networkTime() > parameters.deadlineMs;
      if (expired) {
        throw new RejectedError('TRANSACTION_REJECTED', 'the transaction expired without being confirmed', {
          details: { hash: toHex(hash), status: 'Expired' },
          hint: 'the node dropped it (a fee below its minimum does that silently); run the command again to re-plan',
        });
      }
      if (now().getTime() - lastAnnounced > dropAfterMs) {
        parameters.onProgress?.('not seen by the node: announcing the same transaction again');
        try {
          await client.announceTransaction(parameters.payload);
          lastAnnounced = now().getTime();
          await parameters.onAnnounced?.();
        } catch (error) {
          if (!isTransientNodeError(error)) throw error;
          failure = error;
        }
      }
    }
    const seen = failure === undefined ? (status?.group ?? 'not seen yet') : 'the node did not answer';
    parameters.onProgress?.(
      `waiting for confirmation of ${toHex(hash).slice(0, 8)}… (${seen}, ${Math.round(elapsed / 1000)} s)`,
    );
    if (elapsed >= parameters.timeoutMs || parameters.signal?.aborted === true) {
      // out of time: a node that failed the last look is the error; else the transaction is still pending
      if (failure !== undefined && parameters.signal?.aborted !== true) throw failure;
      return { kind: 'pending' };
    }
    await pauseUnlessInterrupted(
      sleep,
      Math.min(pollMs, Math.max(1, parameters.timeoutMs - elapsed)),
      parameters.signal,
    );
  }
}

function hintFor(code: string): string | undefined {
  if (code === 'Failure_AccountLink_Remote_Account_Ineligible') {
    return 'the remote key is already known to the chain; a fresh key is needed (run again to re-plan)';
  }
  if (code.endsWith('_Link_Already_Exists'))
    return 'a key is already linked: run `harvest status` and re-plan';
  if (code === 'Failure_Core_Insufficient_Balance') return 'the account cannot pay the fee';
  if (code === 'Failure_Core_Past_Deadline' || code === 'Failure_Core_Future_Deadline') {
    return "check the computer's clock";
  }
  return undefined;
}
