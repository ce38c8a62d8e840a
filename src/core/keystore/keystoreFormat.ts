/**
 * The keystore file: `<home>/keystore/<MAIN ADDRESS>.json`, one per main account, mode 0600 (docs/keystore.md).
 * Versioned JSON; only the private keys are encrypted, so that public facts (which keys, which node, the journal)
 * can be read and updated without the password, and so that no private key is ever in the file in plain text.
 *
 *   {
 *     "format": "harvest-keystore", "version": 1,
 *     "mainAddress": "T…(39)", "networkIdentifier": 152, "mainPublicKey": "…" (when known),
 *     "kdf": { "name": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": hex(32),
 *              "check": hex(tag16 | iv12 | AES-GCM(KEY_CHECK_PLAINTEXT)) },
 *     "keys": [ { "role": "remote" | "vrf", "publicKey": hex(32), "status": "pending" | "linked" | "unlinked",
 *                 "createdAt": ISO-8601, "sealed": hex(tag16 | iv12 | AES-GCM(private key 32)) } ],
 *     "node": { "url": "…" (optional), "publicKey": hex(32) } (optional),
 *     "remoteHarvesting": { "recordedAt": ISO-8601 } (optional: link-remote was used for this account),
 *     "journal": [ { "kind", "hash", "payload", "deadline" (decimal ms since the network epoch),
 *                    "createdAt", "state": "signed" | "announced" | "confirmed" | "failed",
 *                    "announceAs": "partial" (optional: a bonded aggregate, announced to /transactions/partial) } ]
 *   }
 *
 * Encryption key = scrypt(password as UTF-8 NFC, salt, N, r, p, 32 bytes); AES-256-GCM with a fresh 12-byte IV
 * per sealed value (keystoreCrypto.ts). `check` lets a wrong password be told apart from a damaged entry even when
 * no key is stored yet. Keys are append-only: nothing here removes a key, so a key that may be linked on chain is
 * never lost (docs/ARCHITECTURE.md#safety-rules); its status changes instead.
 */
import { parseJsonOr } from '../textInput.js';
import { parseHex, toHex } from '../bytes.js';
import { InputError } from '../errors.js';

/** The on-disk format version this code writes and reads. */
export const KEYSTORE_VERSION = 1;

/** Role of a stored private key. */
export type StoredKeyRole = 'remote' | 'vrf';
/** pending: created, maybe announced, not known to be linked; linked: seen on chain; unlinked: replaced. */
export type StoredKeyStatus = 'pending' | 'linked' | 'unlinked';
/** Where a journal entry is in its life. */
export type JournalState = 'signed' | 'announced' | 'confirmed' | 'failed';

/** scrypt parameters and the password check. */
export interface KeystoreKdf {
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
  readonly check: Uint8Array;
}

/** One stored private key, sealed. */
export interface StoredKey {
  readonly role: StoredKeyRole;
  readonly publicKey: Uint8Array;
  readonly status: StoredKeyStatus;
  readonly createdAt: string;
  readonly sealed: Uint8Array;
}

/** A signed transaction that may not be confirmed yet (the write-ahead record). */
export interface JournalEntry {
  readonly kind: string;
  readonly hash: string;
  readonly payload: string;
  readonly deadline: bigint;
  readonly createdAt: string;
  readonly state: JournalState;
  /** The entry holds a delegation request sent while importance was 0 (`--force`): the node drops such a request. */
  readonly requestAtZeroImportance?: true;
  /**
   * A bonded aggregate (a multisig account's set-up): announced with PUT /transactions/partial, after the hash lock
   * journalled before it is confirmed (docs/keystore.md, "Journal").
   */
  readonly announceAs?: 'partial';
}

/** The chosen node. */
export interface KeystoreNode {
  readonly url?: string;
  readonly publicKey: Uint8Array;
}

/** A whole keystore file, parsed. */
export interface KeystoreFile {
  readonly mainAddress: string;
  readonly networkIdentifier: number;
  readonly mainPublicKey?: Uint8Array;
  readonly kdf: KeystoreKdf;
  readonly keys: readonly StoredKey[];
  readonly node?: KeystoreNode;
  readonly remoteHarvesting?: { readonly recordedAt: string };
  readonly journal: readonly JournalEntry[];
}

/** The JSON text of a keystore file. */
export function serializeKeystore(file: KeystoreFile): string {
  const document = {
    format: 'harvest-keystore',
    version: KEYSTORE_VERSION,
    mainAddress: file.mainAddress,
    networkIdentifier: file.networkIdentifier,
    ...(file.mainPublicKey === undefined ? {} : { mainPublicKey: toHex(file.mainPublicKey) }),
    kdf: {
      name: 'scrypt',
      n: file.kdf.n,
      r: file.kdf.r,
      p: file.kdf.p,
      salt: toHex(file.kdf.salt),
      check: toHex(file.kdf.check),
    },
    keys: file.keys.map((key) => ({
      role: key.role,
      publicKey: toHex(key.publicKey),
      status: key.status,
      createdAt: key.createdAt,
      sealed: toHex(key.sealed),
    })),
    ...(file.node === undefined
      ? {}
      : {
          node: {
            ...(file.node.url === undefined ? {} : { url: file.node.url }),
            publicKey: toHex(file.node.publicKey),
          },
        }),
    ...(file.remoteHarvesting === undefined ? {} : { remoteHarvesting: file.remoteHarvesting }),
    journal: file.journal.map((entry) => ({ ...entry, deadline: entry.deadline.toString() })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Parses the text of a keystore file, checking every field.
 * @throws {InputError} KEYSTORE_CORRUPT naming the first problem (never echoing secret material)
 */
export function parseKeystore(text: string, path = 'keystore'): KeystoreFile {
  const document = parseJsonOr(text, () => corrupt(path, 'is not valid JSON (truncated or damaged)'));
  const root = asRecord(document, path, 'the document');
  if (root['format'] !== 'harvest-keystore') throw corrupt(path, 'is not a harvest keystore');
  if (root['version'] !== KEYSTORE_VERSION) {
    throw corrupt(
      path,
      `has version ${String(root['version'])}; this program reads version ${KEYSTORE_VERSION}`,
    );
  }
  const kdf = asRecord(root['kdf'], path, 'kdf');
  if (kdf['name'] !== 'scrypt') throw corrupt(path, 'kdf.name must be scrypt');
  const n = asInteger(kdf['n'], path, 'kdf.n', 2, 2 ** 22);
  if ((n & (n - 1)) !== 0) throw corrupt(path, 'kdf.n must be a power of 2');
  const mainPublicKey = root['mainPublicKey'];
  const node = root['node'] === undefined ? undefined : asRecord(root['node'], path, 'node');
  const remoteHarvesting =
    root['remoteHarvesting'] === undefined
      ? undefined
      : asRecord(root['remoteHarvesting'], path, 'remoteHarvesting');
  return {
    mainAddress: asString(root['mainAddress'], path, 'mainAddress'),
    networkIdentifier: asInteger(root['networkIdentifier'], path, 'networkIdentifier', 0, 255),
    ...(mainPublicKey === undefined
      ? {}
      : { mainPublicKey: asHex(mainPublicKey, path, 'mainPublicKey', 32) }),
    kdf: {
      n,
      r: asInteger(kdf['r'], path, 'kdf.r', 1, 64),
      p: asInteger(kdf['p'], path, 'kdf.p', 1, 64),
      salt: asHex(kdf['salt'], path, 'kdf.salt', 32),
      check: asHex(kdf['check'], path, 'kdf.check'),
    },
    keys: asArray(root['keys'], path, 'keys').map((value, index) => {
      const key = asRecord(value, path, `keys[${index}]`);
      return {
        role: asOneOf(key['role'], ['remote', 'vrf'] as const, path, `keys[${index}].role`),
        publicKey: asHex(key['publicKey'], path, `keys[${index}].publicKey`, 32),
        status: asOneOf(
          key['status'],
          ['pending', 'linked', 'unlinked'] as const,
          path,
          `keys[${index}].status`,
        ),
        createdAt: asString(key['createdAt'], path, `keys[${index}].createdAt`),
        sealed: asHex(key['sealed'], path, `keys[${index}].sealed`, 16 + 12 + 32),
      };
    }),
    ...(node === undefined
      ? {}
      : {
          node: {
            ...(node['url'] === undefined ? {} : { url: asString(node['url'], path, 'node.url') }),
            publicKey: asHex(node['publicKey'], path, 'node.publicKey', 32),
          },
        }),
    ...(remoteHarvesting === undefined
      ? {}
      : {
          remoteHarvesting: {
            recordedAt: asString(remoteHarvesting['recordedAt'], path, 'remoteHarvesting.recordedAt'),
          },
        }),
    journal: asArray(root['journal'], path, 'journal').map((value, index) => {
      const entry = asRecord(value, path, `journal[${index}]`);
      const deadline = asString(entry['deadline'], path, `journal[${index}].deadline`);
      if (!/^\d{1,20}$/.test(deadline))
        throw corrupt(path, `journal[${index}].deadline is not a decimal integer`);
      return {
        kind: asString(entry['kind'], path, `journal[${index}].kind`),
        hash: toHex(asHex(entry['hash'], path, `journal[${index}].hash`, 32)),
        payload: toHex(asHex(entry['payload'], path, `journal[${index}].payload`)),
        deadline: BigInt(deadline),
        createdAt: asString(entry['createdAt'], path, `journal[${index}].createdAt`),
        state: asOneOf(
          entry['state'],
          ['signed', 'announced', 'confirmed', 'failed'] as const,
          path,
          `journal[${index}].state`,
        ),
        ...(entry['requestAtZeroImportance'] === true ? { requestAtZeroImportance: true as const } : {}),
        ...(entry['announceAs'] === undefined
          ? {}
          : {
              announceAs: asOneOf(
                entry['announceAs'],
                ['partial'] as const,
                path,
                `journal[${index}].announceAs`,
              ),
            }),
      };
    }),
  };
}

function corrupt(path: string, problem: string): InputError {
  return new InputError('KEYSTORE_CORRUPT', `keystore ${path} ${problem}`, {
    hint: 'restore the file from a backup; it was not changed',
  });
}

function asRecord(value: unknown, path: string, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw corrupt(path, `field ${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

function asArray(value: unknown, path: string, name: string): unknown[] {
  if (!Array.isArray(value)) throw corrupt(path, `field ${name} must be a list`);
  return value;
}

function asString(value: unknown, path: string, name: string): string {
  if (typeof value !== 'string') throw corrupt(path, `field ${name} must be a string`);
  return value;
}

function asInteger(value: unknown, path: string, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw corrupt(path, `field ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function asHex(value: unknown, path: string, name: string, length?: number): Uint8Array {
  const text = asString(value, path, name);
  try {
    return parseHex(text, { name, ...(length === undefined ? {} : { length }) });
  } catch {
    throw corrupt(path, `field ${name} is not ${length === undefined ? 'hex' : `${length} bytes of hex`}`);
  }
}

function asOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string, name: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw corrupt(path, `field ${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
