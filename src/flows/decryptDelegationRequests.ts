/**
 * The node operator's check of delegation requests, offline part: open each request with the node's transport key
 * exactly as the node would, and report every one, good or bad, as a value (one bad request never hides the others).
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, wipe } from '../core/bytes.js';
import { DELEGATION_MESSAGE_SIZE, type OpenFailure } from '../core/crypto/delegationFormat.js';
import { derivePublicKey } from '../core/keys.js';
import { openRecordsBatch, type OpenedRecord } from './decrypt/openRecordsBatch.js';
import { openRecordsInParallel, type ParallelOptions } from './decrypt/openRecordsInParallel.js';
import type { DelegationTransfer } from '../core/transactions/findDelegationTransfers.js';
import type {
  RequestErrorCode,
  DelegationRequestReport,
  DecryptCheckResult,
} from '../contract/decryptCheck.js';
export type {
  RequestErrorCode,
  DelegationRequestReport,
  DecryptCheckResult,
} from '../contract/decryptCheck.js';

/** One request to open: its 124-byte record (or the reason it has none) and what is known about it. */
export interface DelegationRequestInput {
  /** Where it came from, for humans: "message", "harvesters.dat record 3", "payload transaction 2". */
  readonly source: string;
  /** The 124-byte record, or undefined when the message was malformed (then `malformed` says why). */
  readonly record: Uint8Array | undefined;
  readonly malformed?: string;
  /** The transfer's signer, when the request came from a transaction. */
  readonly mainPublicKey?: Uint8Array;
  /** The transfer's recipient and network, when the request came from a transaction. */
  readonly recipientAddress?: Uint8Array;
  readonly networkIdentifier?: number;
}

/** Options of decryptDelegationRequests. */
export interface DecryptOptions {
  /** Include the decrypted private keys in the report (--show-secrets). */
  readonly showSecrets: boolean;
}

/** Informational reason: the ephemeral key is invalid and the node's all-zero fallback AES key opened the request. */
export const EPHEMERAL_KEY_INVALID = 'EPHEMERAL_KEY_INVALID';

const FAILURE_MESSAGES: Readonly<Record<OpenFailure, string>> = {
  AUTHENTICATION_FAILED: 'the request was not sealed for this node key, or it was altered',
  INVALID_EPHEMERAL_KEY:
    'the ephemeral key is not a valid prime-order point and the request does not open with the all-zero key the node falls back to',
};

/** Opens every request with the node's private key and reports each, in this thread. */
export function decryptDelegationRequests(
  nodePrivateKey: Uint8Array,
  inputs: readonly DelegationRequestInput[],
  options: DecryptOptions,
): DecryptCheckResult {
  // One batch for all well-formed records: the field inversions are shared (openDelegationRecords.ts).
  return reportDelegationRequests(
    nodePrivateKey,
    inputs,
    openRecordsBatch(nodePrivateKey, recordsOf(inputs)),
    options,
  );
}

/**
 * decryptDelegationRequests with the records opened on several threads when there are enough of them
 * (decrypt/openRecordsInParallel.ts): the same result, sooner, for large harvesters.dat files and request histories.
 */
export async function decryptDelegationRequestsInParallel(
  nodePrivateKey: Uint8Array,
  inputs: readonly DelegationRequestInput[],
  options: DecryptOptions & ParallelOptions,
): Promise<DecryptCheckResult> {
  const opened = await openRecordsInParallel(nodePrivateKey, recordsOf(inputs), options);
  return reportDelegationRequests(nodePrivateKey, inputs, opened, options);
}

function recordsOf(inputs: readonly DelegationRequestInput[]): Uint8Array[] {
  return inputs.flatMap((input) => (input.record === undefined ? [] : [input.record]));
}

/**
 * The report of every input, given the results of opening its records (`opened`: one per input with a record, in
 * input order), for callers that opened them their own way (findDelegationRequests opens them as pages arrive).
 */
export function reportDelegationRequests(
  nodePrivateKey: Uint8Array,
  inputs: readonly DelegationRequestInput[],
  opened: readonly OpenedRecord[],
  options: DecryptOptions,
): DecryptCheckResult {
  const nodePublicKey = derivePublicKey(nodePrivateKey);
  const nodeAddresses = new Map<number, Uint8Array>(); // one derivation per network, not per request
  const nodeAddress = (networkIdentifier: number) => {
    let address = nodeAddresses.get(networkIdentifier);
    if (address === undefined) {
      address = deriveAddress(nodePublicKey, networkIdentifier);
      nodeAddresses.set(networkIdentifier, address);
    }
    return address;
  };
  let next = 0;
  const requests = inputs.map((input, index) =>
    reportOne(nodeAddress, input, index, options, input.record === undefined ? undefined : opened[next++]),
  );
  return { nodePublicKey, requests };
}

/** Turns the delegation transfers of a payload into inputs; malformed messages become failed entries. */
export function inputsFromTransfers(transfers: readonly DelegationTransfer[]): DelegationRequestInput[] {
  return transfers.map((transfer) => {
    const source =
      transfer.embeddedIndex === undefined
        ? 'payload transfer'
        : `payload embedded transaction ${transfer.embeddedIndex + 1}`;
    const known = {
      source,
      mainPublicKey: transfer.signerPublicKey,
      recipientAddress: transfer.recipientAddress,
      networkIdentifier: transfer.networkIdentifier,
    };
    if (transfer.message.length !== DELEGATION_MESSAGE_SIZE) {
      return {
        ...known,
        record: undefined,
        malformed: `delegation message must be ${DELEGATION_MESSAGE_SIZE} bytes, got ${transfer.message.length}`,
      };
    }
    return { ...known, record: transfer.message.subarray(8) };
  });
}

function reportOne(
  nodeAddressOn: (networkIdentifier: number) => Uint8Array,
  input: DelegationRequestInput,
  index: number,
  options: DecryptOptions,
  result: OpenedRecord | undefined,
): DelegationRequestReport {
  const base = {
    index,
    source: input.source,
    mainPublicKey: input.mainPublicKey ?? null,
    verdict: null,
    unlocked: null,
  };
  const failed = (code: RequestErrorCode, message: string, requestId: Uint8Array | undefined) => ({
    ...base,
    requestId: requestId ?? null,
    ok: false,
    remotePublicKey: null,
    vrfPublicKey: null,
    reasons: [],
    error: { code, message },
  });
  if (result === undefined)
    return failed('INVALID_MESSAGE', input.malformed ?? 'malformed request', undefined);
  const { opened } = result;
  if (!opened.ok) return failed('DECRYPT_FAILED', FAILURE_MESSAGES[opened.failure], opened.requestId);

  const { remotePrivateKey, vrfPrivateKey } = opened.keys;
  const report: DelegationRequestReport = {
    ...base,
    requestId: opened.requestId,
    ok: true,
    remotePublicKey: result.remotePublicKey ?? derivePublicKey(remotePrivateKey),
    vrfPublicKey: result.vrfPublicKey ?? derivePublicKey(vrfPrivateKey),
    reasons: opened.zeroKeyFallback ? [EPHEMERAL_KEY_INVALID] : [],
    ...(options.showSecrets
      ? { remotePrivateKey: remotePrivateKey.slice(), vrfPrivateKey: vrfPrivateKey.slice() }
      : {}),
  };
  wipe(remotePrivateKey, vrfPrivateKey);

  if (input.recipientAddress !== undefined && input.networkIdentifier !== undefined) {
    const nodeAddress = nodeAddressOn(input.networkIdentifier);
    if (!equalBytes(nodeAddress, input.recipientAddress)) {
      return {
        ...report,
        ok: false,
        error: {
          code: 'WRONG_RECIPIENT',
          message:
            `sent to ${encodeAddress(input.recipientAddress)}, not to this node's transport address ` +
            `${encodeAddress(nodeAddress)}: the node ignores it`,
        },
      };
    }
  }
  return report;
}
