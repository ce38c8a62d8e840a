/**
 * Finds the delegation transfers in a signed transaction, top level or embedded in an aggregate. This is a small
 * read-only parser (so that `decrypt-check` does not load symbol-sdk); everything we *build* goes through
 * symbol-sdk's descriptors. Layouts from symbol/symbol catbuffer/schemas/symbol (docs/protocol.md §3.1-§3.2), all
 * integers little-endian:
 *
 *   top-level header (128)  size(4) reserved(4) signature(64) signer(32) reserved(4)
 *                           version(1) network(1) type(2) fee(8) deadline(8)
 *   embedded header (48)    size(4) reserved(4) signer(32) reserved(4) version(1) network(1) type(2)
 *   transfer body           recipient(24) messageSize(2) mosaicsCount(1) reserved(1) reserved(4)
 *                           mosaics(16 each) message(messageSize)
 *   aggregate body          transactionsHash(32) payloadSize(4) reserved(4)
 *                           embedded transactions (each padded to 8 bytes; payloadSize bytes in all)
 *                           cosignatures(104 each)
 */
import { InputError } from '../errors.js';
import { hasDelegationMarker } from '../crypto/delegationFormat.js';

/** Transaction type numbers (catbuffer transaction_type.cats). */
export const TRANSFER_TYPE = 0x4154;
export const AGGREGATE_COMPLETE_TYPE = 0x4141;
export const AGGREGATE_BONDED_TYPE = 0x4241;

const HEADER_SIZE = 128;
const EMBEDDED_HEADER_SIZE = 48;
const AGGREGATE_BODY_HEADER_SIZE = 40;
const TRANSFER_FIXED_BODY_SIZE = 32;

/** A transfer whose message starts with the delegation marker. */
export interface DelegationTransfer {
  /** Signer of the transfer: the embedded signer inside an aggregate; the node takes it as the main account. */
  readonly signerPublicKey: Uint8Array;
  /** The 24-byte (unresolved) recipient address. */
  readonly recipientAddress: Uint8Array;
  /** The whole message, marker included (any length: the caller checks it). */
  readonly message: Uint8Array;
  /** Network byte of the transaction. */
  readonly networkIdentifier: number;
  /** Position inside the aggregate (0-based), or undefined for a top-level transfer. */
  readonly embeddedIndex: number | undefined;
}

/**
 * The delegation transfers of one signed transaction payload, in order.
 * @throws {InputError} INVALID_PAYLOAD when the bytes are not a well-formed transaction (truncated, sizes that do
 *   not add up)
 */
export function findDelegationTransfers(payload: Uint8Array): DelegationTransfer[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload.length < HEADER_SIZE)
    fail(`payload is ${payload.length} bytes, shorter than a transaction header`);
  const size = view.getUint32(0, true);
  if (size !== payload.length) fail(`payload is ${payload.length} bytes but its size field says ${size}`);
  const signerPublicKey = payload.slice(72, 104);
  const networkIdentifier = payload[109]!;
  const type = view.getUint16(110, true);
  if (type === TRANSFER_TYPE) {
    const transfer = readTransfer(
      payload,
      HEADER_SIZE,
      payload.length,
      signerPublicKey,
      networkIdentifier,
      undefined,
    );
    return transfer === undefined ? [] : [transfer];
  }
  if (type !== AGGREGATE_COMPLETE_TYPE && type !== AGGREGATE_BONDED_TYPE) return [];
  if (payload.length < HEADER_SIZE + AGGREGATE_BODY_HEADER_SIZE) fail('aggregate payload is truncated');
  const payloadSize = view.getUint32(HEADER_SIZE + 32, true);
  let offset = HEADER_SIZE + AGGREGATE_BODY_HEADER_SIZE;
  const end = offset + payloadSize;
  if (end > payload.length)
    fail(`aggregate says its transactions take ${payloadSize} bytes, more than there are`);
  if ((payload.length - end) % 104 !== 0) fail('aggregate cosignatures are not whole 104-byte entries');
  const transfers: DelegationTransfer[] = [];
  for (let index = 0; offset < end; index++) {
    if (offset + EMBEDDED_HEADER_SIZE > end) fail(`embedded transaction ${index} is truncated`);
    const embeddedSize = view.getUint32(offset, true);
    if (embeddedSize < EMBEDDED_HEADER_SIZE || offset + embeddedSize > end) {
      fail(`embedded transaction ${index} has an impossible size ${embeddedSize}`);
    }
    if (view.getUint16(offset + 46, true) === TRANSFER_TYPE) {
      const signer = payload.slice(offset + 8, offset + 40);
      const network = payload[offset + 45]!;
      const start = offset + EMBEDDED_HEADER_SIZE;
      const transfer = readTransfer(payload, start, offset + embeddedSize, signer, network, index);
      if (transfer !== undefined) transfers.push(transfer);
    }
    offset += Math.ceil(embeddedSize / 8) * 8;
  }
  return transfers;
}

function readTransfer(
  payload: Uint8Array,
  start: number,
  end: number,
  signerPublicKey: Uint8Array,
  networkIdentifier: number,
  embeddedIndex: number | undefined,
): DelegationTransfer | undefined {
  if (start + TRANSFER_FIXED_BODY_SIZE > end) fail('transfer body is truncated');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const messageSize = view.getUint16(start + 24, true);
  const mosaicsCount = payload[start + 26]!;
  const messageStart = start + TRANSFER_FIXED_BODY_SIZE + 16 * mosaicsCount;
  if (messageStart + messageSize !== end)
    fail('transfer message and mosaics do not fill the transfer exactly');
  const message = payload.slice(messageStart, messageStart + messageSize);
  if (!hasDelegationMarker(message)) return undefined;
  return {
    signerPublicKey,
    recipientAddress: payload.slice(start, start + 24),
    message,
    networkIdentifier,
    embeddedIndex,
  };
}

function fail(message: string): never {
  throw new InputError('INVALID_PAYLOAD', message);
}
