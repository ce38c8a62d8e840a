/**
 * The text forms a signed transaction reaches us in: bare hex; the REST announce body `{"payload": "…"}`
 * (what symbol-sdk's attachSignature returns); or a harvest result / signed file with `transactions[].payload`.
 */
import { parseHex } from '../bytes.js';
import { InputError } from '../errors.js';

/**
 * The signed payloads in a file's text.
 * @throws {InputError} INVALID_PAYLOAD when the text is neither hex nor one of the JSON shapes
 */
export function parseSignedPayloadFile(text: string): Uint8Array[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('INVALID_PAYLOAD', 'payload file is empty');
  if (!trimmed.startsWith('{')) return [parseHex(trimmed, { name: 'payload', code: 'INVALID_PAYLOAD' })];
  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch {
    throw new InputError('INVALID_PAYLOAD', 'payload file starts with { but is not valid JSON');
  }
  const payloads = payloadStrings(document);
  if (payloads.length === 0) {
    throw new InputError(
      'INVALID_PAYLOAD',
      'payload JSON has no "payload" nor "transactions[].payload" field',
    );
  }
  return payloads.map((payload, index) =>
    parseHex(payload, {
      name: payloads.length === 1 ? 'payload' : `payload ${index + 1}`,
      code: 'INVALID_PAYLOAD',
    }),
  );
}

function payloadStrings(document: unknown): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const record = document as { payload?: unknown; transactions?: unknown };
  if (typeof record.payload === 'string') return [record.payload];
  if (!Array.isArray(record.transactions)) return [];
  return record.transactions.flatMap((entry: unknown) => {
    const payload = (entry as { payload?: unknown } | null)?.payload;
    return typeof payload === 'string' ? [payload] : [];
  });
}
