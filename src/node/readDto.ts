/**
 * Validation of REST answers (docs/protocol.md §5): every field we use is checked and converted into a core type, and a
 * wrong shape becomes NODE_BAD_RESPONSE naming the endpoint and the field, so nothing untyped leaks past src/node.
 * Gateway formats: uint64 as decimal strings, keys and hashes as hex, addresses as hex of the 24 raw bytes.
 */
import { checkAddressBytes } from '../core/address.js';
import { NodeError } from '../core/errors.js';

/** A value inside a REST answer, with where it came from (for error messages). */
export interface DtoField {
  readonly endpoint: string;
  /** Dotted path inside the answer, e.g. "account.importance"; "" for the root. */
  readonly path: string;
  readonly value: unknown;
}

/**
 * A field of an answer. Its dotted path is only needed for an error message, so it is built on demand from the
 * parent: a search page of 100 transactions reads thousands of fields, and building every path was most of the
 * garbage of reading one (docs/performance.md).
 */
class Field implements DtoField {
  readonly endpoint: string;
  readonly value: unknown;
  private readonly parent: DtoField | undefined;
  private readonly key: string | number;

  constructor(endpoint: string, value: unknown, parent: DtoField | undefined, key: string | number) {
    this.endpoint = endpoint;
    this.value = value;
    this.parent = parent;
    this.key = key;
  }

  get path(): string {
    const { parent, key } = this;
    if (parent === undefined) return '';
    if (typeof key === 'number') return `${parent.path}[${key}]`;
    return parent.path === '' ? key : `${parent.path}.${key}`;
  }
}

/** The root of the answer of `endpoint`. */
export function dtoRoot(endpoint: string, value: unknown): DtoField {
  return new Field(endpoint, value, undefined, '');
}

/** The error of a field that does not have the expected shape. */
export function badField(field: DtoField, expected: string): NodeError {
  const where = field.path === '' ? 'answer' : `field ${field.path}`;
  return new NodeError('NODE_BAD_RESPONSE', `${field.endpoint}: ${where} is not ${expected}`, {
    details: { endpoint: field.endpoint, field: field.path },
    hint: 'the node answers in an unexpected format; try another node',
  });
}

/** The child `key` of an object field (the field itself must be an object). */
export function dtoGet(field: DtoField, key: string): DtoField {
  return new Field(field.endpoint, dtoObject(field)[key], field, key);
}

/** True when the field is present (neither undefined nor null). */
export function dtoHas(field: DtoField): boolean {
  return field.value !== undefined && field.value !== null;
}

/** The field as a plain object. */
export function dtoObject(field: DtoField): Readonly<Record<string, unknown>> {
  const { value } = field;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badField(field, 'an object');
  return value as Record<string, unknown>;
}

/** The field as an array of fields. */
export function dtoArray(field: DtoField): DtoField[] {
  if (!Array.isArray(field.value)) throw badField(field, 'an array');
  return field.value.map((value: unknown, index) => new Field(field.endpoint, value, field, index));
}

/** The field as a string. */
export function dtoString(field: DtoField): string {
  if (typeof field.value !== 'string') throw badField(field, 'a string');
  return field.value;
}

/** The field as a non-negative safe integer (JSON number, or a decimal string as REST writes uint64). */
export function dtoInteger(field: DtoField): number {
  const { value } = field;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw badField(field, 'a non-negative integer');
}

/** The field as a uint64 (REST writes them as decimal strings; small ones may be numbers). */
export function dtoUint64(field: DtoField): bigint {
  const { value } = field;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    const result = BigInt(value);
    if (result < 2n ** 64n) return result;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw badField(field, 'a uint64 decimal string');
}

/** The field as hex bytes of exactly `length` bytes (keys 32, hashes 32, addresses 24). */
export function dtoHex(field: DtoField, length?: number): Uint8Array {
  const { value } = field;
  if (typeof value !== 'string' || value.length % 2 !== 0) throw badField(field, 'hex');
  const bytes = new Uint8Array(value.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = NIBBLE[value.charCodeAt(2 * i)] ?? -1;
    const low = NIBBLE[value.charCodeAt(2 * i + 1)] ?? -1;
    if (high < 0 || low < 0) throw badField(field, 'hex');
    bytes[i] = (high << 4) | low;
  }
  if (length !== undefined && bytes.length !== length) throw badField(field, `hex of ${length} bytes`);
  return bytes;
}

/**
 * The value of each hex digit by character code (-1: not a digit): a table instead of parseInt per byte, as REST
 * answers carry a few hundred hex digits per transaction.
 */
const NIBBLE = Int8Array.from({ length: 128 }, (_, code) => {
  const digit = String.fromCharCode(code);
  return /^[0-9a-fA-F]$/.test(digit) ? Number.parseInt(digit, 16) : -1;
});

/**
 * The field as a 24-byte address in REST's raw-hex form, checksum checked. An alias (namespace) recipient has bit 0
 * of its first byte set and no checksum: it is returned as it is.
 */
export function dtoAddress(field: DtoField): Uint8Array {
  const bytes = dtoHex(field, 24);
  if ((bytes[0]! & 1) === 1) return bytes;
  try {
    return checkAddressBytes(bytes);
  } catch {
    throw badField(field, 'an address with a valid checksum');
  }
}

/** A 32-byte public key; the all-zero key (REST's "unknown") becomes undefined. */
export function dtoPublicKey(field: DtoField): Uint8Array | undefined {
  const bytes = dtoHex(field, 32);
  return bytes.every((byte) => byte === 0) ? undefined : bytes;
}
