/**
 * Byte helpers. Inside core everything is Uint8Array; hex exists only at the edges (flags, JSON, REST).
 * Symbol writes keys, hashes and payloads as upper-case hex without a 0x prefix, and so do we.
 */
import { InputError, type InputErrorCode } from './errors.js';

/** The two upper-case hex digits of every byte: one string append per byte (JSON output writes many keys). */
const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0').toUpperCase());

/** Upper-case hex of `bytes`, no prefix. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 1) out += HEX_PAIRS[bytes[index]!]!;
  return out;
}

/** Options of parseHex: what the value is called in error messages, and its required size. */
export interface ParseHexOptions {
  /** Name used in error messages, e.g. "node public key". */
  readonly name: string;
  /** Required length in bytes; any length when omitted. */
  readonly length?: number;
  /** Error code when the text is not valid; INVALID_INPUT by default. */
  readonly code?: InputErrorCode;
}

/**
 * Strict hex decoding: even length, 0-9a-fA-F only, surrounding white space ignored.
 * @throws {InputError} with `options.code` when the text is not hex or not of the required length
 */
export function parseHex(text: string, options: ParseHexOptions): Uint8Array {
  const hex = text.trim();
  const code = options.code ?? 'INVALID_INPUT';
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    throw new InputError(code, `${options.name} is not hexadecimal`);
  }
  if (hex.length % 2 !== 0) {
    throw new InputError(code, `${options.name} has an odd number of hex digits (${hex.length})`);
  }
  const length = hex.length / 2;
  if (options.length !== undefined && length !== options.length) {
    throw new InputError(
      code,
      `${options.name} must be ${options.length} bytes (${options.length * 2} hex digits), got ${length} bytes`,
    );
  }
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** True when both arrays hold the same bytes. Not constant-time: never use it on secrets. */
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

/** Overwrites a secret buffer with zeros (best effort: JavaScript may have copied it already). */
export function wipe(...secrets: readonly Uint8Array[]): void {
  for (const secret of secrets) secret.fill(0);
}
