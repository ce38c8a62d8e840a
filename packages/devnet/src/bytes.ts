/**
 * The devnet's own byte helpers (it imports nothing from the product, docs/devnet.md): REST writes keys, hashes and
 * payloads as upper-case hex without a 0x prefix.
 */

const HEX_DIGITS = '0123456789ABCDEF';

/** Upper-case hex of `bytes`, no prefix. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return out;
}

/**
 * Strict hex decoding (even length, 0-9a-fA-F only, surrounding white space ignored).
 * @throws {Error} naming `name` when the text is not hex or, when `length` is given, not that many bytes
 */
export function parseHex(text: string, name: string, length?: number): Uint8Array {
  const hex = text.trim();
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`${name} is not an even number of hex digits`);
  if (length !== undefined && hex.length !== 2 * length) {
    throw new Error(
      `${name} must be ${length} bytes (${2 * length} hex digits), got ${hex.length / 2} bytes`,
    );
  }
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** True when both arrays hold the same bytes (not constant-time). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One array holding all the parts in order. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
