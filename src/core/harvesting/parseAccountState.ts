/**
 * The parts of a REST `/accounts/{id}` document (docs/protocol.md §5, AccountDTO) that planning needs: the public key,
 * the linked keys (`supplementalPublicKeys.linked|vrf|node`, present only when linked), the raw importance and the
 * balance of the currency mosaic. `--account-state <file>` feeds it offline; the node client can reuse it online.
 */
import { parseJsonOr } from '../textInput.js';
import { parseHex } from '../bytes.js';
import { InputError } from '../errors.js';
import type { AccountLinks } from './accountLinks.js';

/** What we read from an account document. */
export interface AccountState {
  readonly publicKey?: Uint8Array;
  readonly links: AccountLinks;
  readonly importance?: bigint;
  /** Amount of `currencyMosaicId` (µXYM), 0 when the account holds none. */
  readonly balance?: bigint;
}

/**
 * Parses the JSON text of `/accounts/{id}` (the whole document, or its `account` object).
 * @throws {InputError} INVALID_FILE when it is not an account document
 */
export function parseAccountState(text: string, currencyMosaicId: bigint): AccountState {
  const document = parseJsonOr(text, () => invalid('is not valid JSON'));
  const root = record(document) ?? {};
  const account = record(root['account']) ?? root;
  if (account['supplementalPublicKeys'] === undefined && account['address'] === undefined) {
    throw invalid('is not an /accounts document (no account.address, no supplementalPublicKeys)');
  }
  const supplemental = record(account['supplementalPublicKeys']) ?? {};
  const key = (value: unknown, name: string): Uint8Array | undefined => {
    const text = record(value)?.['publicKey'] ?? value;
    if (text === undefined) return undefined;
    if (typeof text !== 'string') throw invalid(`${name} is not a hex string`);
    const bytes = parseHex(text, { name: `account state ${name}`, length: 32, code: 'INVALID_FILE' });
    return bytes.every((byte) => byte === 0) ? undefined : bytes;
  };
  const remote = key(supplemental['linked'], 'linked public key');
  const vrf = key(supplemental['vrf'], 'vrf public key');
  const node = key(supplemental['node'], 'node public key');
  const publicKey = key(account['publicKey'], 'publicKey');
  const importance = decimal(account['importance'], 'importance');
  const mosaics = Array.isArray(account['mosaics']) ? (account['mosaics'] as unknown[]) : undefined;
  let balance: bigint | undefined;
  if (mosaics !== undefined) {
    balance = 0n;
    for (const mosaic of mosaics) {
      const entry = record(mosaic);
      if (typeof entry?.['id'] === 'string' && BigInt(`0x${entry['id']}`) === currencyMosaicId) {
        balance = decimal(entry['amount'], 'mosaic amount') ?? 0n;
      }
    }
  }
  return {
    ...(publicKey === undefined ? {} : { publicKey }),
    links: { remote, vrf, node },
    ...(importance === undefined ? {} : { importance }),
    ...(balance === undefined ? {} : { balance }),
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function decimal(value: unknown, name: string): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return BigInt(value);
  throw invalid(`${name} is not a non-negative integer`);
}

function invalid(problem: string): InputError {
  return new InputError('INVALID_FILE', `account state file ${problem}`, {
    hint: 'save the JSON of GET /accounts/{address} from a node',
  });
}
