/**
 * Many accounts read by public key, each once: POST /accounts with up to 100 keys per request, a few requests in
 * flight; a gateway without that route is asked one GET /accounts/{publicKey} per account, a few in flight. A
 * node's request history names thousands of accounts, and one GET each, one after another, was most of the time of
 * `harvest requests` (docs/performance.md).
 */
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { NodeError } from '../core/errors.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { AccountInfo } from '../node/getAccount.js';
import { MAX_ACCOUNTS_PER_REQUEST } from '../node/getAccounts.js';

/** Requests in flight at once: enough to keep a gateway busy while we read its answers, few enough to be polite. */
const IN_FLIGHT = 4;

/** The accounts read, by upper-case public key hex; undefined for an account the node does not know. */
export type AccountsByKey = Map<string, AccountInfo | undefined>;

/**
 * Reads the accounts of `publicKeys` not yet in `known` and adds them to it (duplicates are read once).
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function readAccountsByPublicKey(
  client: Pick<NodeClient, 'getAccount' | 'getAccounts'>,
  publicKeys: readonly Uint8Array[],
  known: AccountsByKey = new Map(),
): Promise<AccountsByKey> {
  const wanted = new Map<string, Uint8Array>();
  for (const publicKey of publicKeys) {
    const hex = toHex(publicKey);
    if (!known.has(hex)) wanted.set(hex, publicKey);
  }
  const hexes = [...wanted.keys()];
  // one account is one exchange either way: the GET every gateway has
  if (hexes.length === 1) {
    known.set(hexes[0]!, await client.getAccount({ publicKey: wanted.get(hexes[0]!)! }));
    return known;
  }
  let batched = true; // until the gateway says it has no batch read
  const readOneByOne = (batch: readonly string[]) =>
    inFlight(batch, async (hex) => {
      known.set(hex, await client.getAccount({ publicKey: wanted.get(hex)! }));
    });
  const batches: string[][] = [];
  for (let start = 0; start < hexes.length; start += MAX_ACCOUNTS_PER_REQUEST)
    batches.push(hexes.slice(start, start + MAX_ACCOUNTS_PER_REQUEST));
  await inFlight(batches, async (batch) => {
    const accounts = batched ? await client.getAccounts(batch.map((hex) => wanted.get(hex)!)) : undefined;
    if (accounts === undefined) {
      batched = false;
      await readOneByOne(batch);
      return;
    }
    // an answer names only keys of its own batch, each once; anything else is a node that mixes answers up
    const asked = new Set(batch);
    const answered = new Set<string>();
    for (const account of accounts) {
      const hex =
        account.publicKey === undefined
          ? batch.find((candidate) => sameAddress(wanted.get(candidate)!, account.address))
          : toHex(account.publicKey);
      if (hex === undefined || !asked.has(hex) || answered.has(hex)) {
        throw new NodeError(
          'NODE_BAD_RESPONSE',
          `POST /accounts answered an account that was not asked, or one account twice (${encodeAddress(account.address)})`,
        );
      }
      answered.add(hex);
      known.set(hex, account);
    }
    for (const hex of batch) if (!answered.has(hex)) known.set(hex, undefined); // left out of the answer: unknown
  });
  return known;
}

/**
 * An account the chain knows by address only (its public key not announced) is answered without its key: it is
 * the asked key whose address it has (REST looks public keys up by address). The network is the address's first byte.
 */
function sameAddress(publicKey: Uint8Array, address: Uint8Array): boolean {
  return address.length > 0 && equalBytes(deriveAddress(publicKey, address[0]!), address);
}

/** Runs `task` on every item, at most IN_FLIGHT at a time; rejects with the first failure. */
async function inFlight<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
}
