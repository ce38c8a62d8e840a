/**
 * A journal entry as a `transactions[]` item of the --json result, so that a run that stops on an earlier
 * unconfirmed transaction still prints its hash and payload (docs/cli.md: exit 5 keeps what was announced).
 */
import { parseHex } from '../bytes.js';
import type { JournalEntry } from './keystoreFormat.js';

/** Byte offset of the max fee in a top-level transaction header (docs/protocol.md, "Transaction header"). */
const FEE_OFFSET = 112;

/** The result's view of a journal entry: kind, hash, payload, fee (read from the payload) and deadline. */
export function describePendingEntry(entry: JournalEntry): {
  readonly kind: string;
  readonly hash: Uint8Array;
  readonly payload: Uint8Array;
  readonly fee: bigint;
  readonly deadline: bigint;
} {
  const payload = parseHex(entry.payload, { name: 'journal payload' });
  const fee =
    payload.length >= FEE_OFFSET + 8
      ? new DataView(payload.buffer, payload.byteOffset).getBigUint64(FEE_OFFSET, true)
      : 0n;
  return {
    kind: entry.kind,
    hash: parseHex(entry.hash, { name: 'journal hash' }),
    payload,
    fee,
    deadline: entry.deadline,
  };
}
