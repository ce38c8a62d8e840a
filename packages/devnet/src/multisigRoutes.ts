/**
 * The REST routes of multisig accounts, hash locks and partial transactions, in catapult-rest's shapes:
 *   GET /account/{address}/multisig          {"multisig": {version, accountAddress, minApproval, minRemoval,
 *                                             cosignatoryAddresses, multisigAddresses}} (addresses as hex)
 *   GET /lock/hash?address=, /lock/hash/{h}  {"id", "lock": {version, ownerAddress, mosaicId, amount, endHeight,
 *                                             status, hash}} (searches: {data, pagination})
 *   GET /transactions/partial?address=|signerPublicKey=, /transactions/partial/{hash}
 *   PUT /transactions/cosignature            {version, signerPublicKey, signature, parentHash} → 202
 * PUT /transactions/partial is the announcement route of routes.ts.
 */
import { toHex } from './bytes.js';
import { withCosignatures, type PartialTransaction } from './bondedAggregates.js';
import { addressOf } from './chainState.js';
import { formatConfirmed, formatMosaicId, type Json } from './formatRest.js';
import type { HashLock } from './hashLocks.js';
import { parseAddress } from './keys.js';
import { restError, type RestResponse } from './restResponse.js';
import type { NodeRouteContext } from './routes.js';

const invalidArgument = (message: string) => restError(409, 'InvalidArgument', message);
const notFound = (id: string) => restError(404, 'ResourceNotFound', `no resource exists with id '${id}'`);
const HASH = /^[0-9a-fA-F]{64}$/;

/** Answers the request when it is one of these routes, else undefined. */
export function multisigRoute(
  context: NodeRouteContext,
  method: string,
  parts: readonly string[],
  query: URLSearchParams,
  body: string,
): RestResponse | undefined {
  const [first, second, third] = parts.map((part) => decodeURIComponent(part));
  if (method === 'PUT' && parts.length === 2 && first === 'transactions' && second === 'cosignature') {
    return cosignature(context, body);
  }
  if (method !== 'GET') return undefined;
  if (parts.length === 3 && first === 'account' && third === 'multisig') return multisig(context, second!);
  if (first === 'lock' && second === 'hash') {
    if (parts.length === 2) return searchLocks(context, query);
    if (parts.length === 3) return lockByHash(context, third!);
  }
  if (first === 'transactions' && second === 'partial') {
    if (parts.length === 2) return searchPartials(context, query);
    if (parts.length === 3) return partialByHash(context, third!);
  }
  return undefined;
}

function multisig(context: NodeRouteContext, id: string): RestResponse {
  const address = readAddress(id);
  if (address === undefined) return invalidArgument('address has an invalid format');
  const cache = context.chain.state.multisig;
  const entry = cache.get(address);
  const multisigAddresses = cache.multisigAddressesOf(address);
  // catapult keeps an entry for a multisig account and for each of its cosignatories; other accounts have none.
  if (entry === undefined && multisigAddresses.length === 0) return notFound(id);
  return {
    status: 200,
    body: {
      multisig: {
        version: 1,
        accountAddress: toHex(address),
        minApproval: entry?.minApproval ?? 0,
        minRemoval: entry?.minRemoval ?? 0,
        cosignatoryAddresses: (entry?.cosignatoryAddresses ?? []).map(toHex),
        multisigAddresses: multisigAddresses.map(toHex),
      },
    },
  };
}

function formatLock(lock: HashLock): Json {
  return {
    id: lock.id,
    lock: {
      version: 1,
      ownerAddress: toHex(lock.ownerAddress),
      mosaicId: formatMosaicId(lock.mosaicId),
      amount: lock.amount.toString(),
      endHeight: lock.endHeight.toString(),
      status: lock.status,
      hash: toHex(lock.hash),
    },
  };
}

function lockByHash(context: NodeRouteContext, hash: string): RestResponse {
  if (!HASH.test(hash)) return invalidArgument('hash has an invalid format');
  const lock = context.chain.state.hashLocks.get(Buffer.from(hash, 'hex'));
  return lock === undefined ? notFound(hash) : { status: 200, body: formatLock(lock) };
}

function searchLocks(context: NodeRouteContext, query: URLSearchParams): RestResponse {
  const paging = readPaging(query);
  if (typeof paging === 'string') return invalidArgument(paging);
  const addressText = query.get('address');
  const address = addressText === null ? undefined : readAddress(addressText);
  if (addressText !== null && address === undefined) return invalidArgument('address has an invalid format');
  const locks = context.chain.state.hashLocks
    .all()
    .filter((lock) => address === undefined || toHex(lock.ownerAddress) === toHex(address))
    .map(formatLock);
  return page(locks, paging);
}

function formatPartial(partial: PartialTransaction, withEmbedded: boolean, context: NodeRouteContext): Json {
  const transaction = withCosignatures(context.chain.parameters.facade, partial);
  const document = formatConfirmed(
    { id: partial.id, transaction, height: 0n, index: 0, timestamp: 0n, feeMultiplier: 0 },
    withEmbedded,
  );
  // Unconfirmed and partial documents carry no block: height 0, no timestamp or fee multiplier.
  return {
    ...document,
    meta: {
      height: '0',
      hash: toHex(transaction.hash),
      merkleComponentHash: toHex(transaction.merkleComponentHash),
      index: 0,
    },
  };
}

function partialByHash(context: NodeRouteContext, hash: string): RestResponse {
  if (!HASH.test(hash)) return invalidArgument('transactionId has an invalid format');
  const partial = context.chain.bonded.get(hash.toUpperCase());
  return partial === undefined
    ? notFound(hash)
    : { status: 200, body: formatPartial(partial, true, context) };
}

/** GET /transactions/partial: `address` matches any account the aggregate involves, `signerPublicKey` its signer. */
function searchPartials(context: NodeRouteContext, query: URLSearchParams): RestResponse {
  const paging = readPaging(query);
  if (typeof paging === 'string') return invalidArgument(paging);
  const addressText = query.get('address');
  const address = addressText === null ? undefined : readAddress(addressText);
  if (addressText !== null && address === undefined) return invalidArgument('address has an invalid format');
  const signer = query.get('signerPublicKey');
  if (signer !== null && !HASH.test(signer)) return invalidArgument('signerPublicKey has an invalid format');
  const found = context.chain.bonded
    .list()
    .filter(
      (partial) => signer === null || toHex(partial.transaction.signerPublicKey) === signer.toUpperCase(),
    )
    .filter((partial) => address === undefined || involvedAddresses(partial).has(toHex(address)))
    .map((partial) => formatPartial(partial, false, context));
  return page(found, paging);
}

/**
 * The addresses an aggregate involves (catapult-rest's `meta.addresses`): its signer, the embedded signers, the
 * transfer recipients and the cosigners so far. The cosignatories of a multisig embedded signer are not among them
 * until they cosign: a cosigner finds what waits for it by the multisig account's address.
 */
function involvedAddresses(partial: PartialTransaction): Set<string> {
  const keys = [
    partial.transaction.signerPublicKey,
    ...partial.cosignatures.map((item) => item.signerPublicKey),
  ];
  const addresses = new Set(keys.map((key) => toHex(addressOf(key))));
  const body = partial.transaction.body;
  if (body.kind === 'aggregate') {
    for (const inner of body.embedded) {
      addresses.add(toHex(addressOf(inner.signerPublicKey)));
      if (inner.body.kind === 'transfer') addresses.add(toHex(inner.body.recipientAddress));
    }
  }
  return addresses;
}

function cosignature(context: NodeRouteContext, text: string): RestResponse {
  let parsed: Record<string, unknown> | null;
  try {
    parsed = JSON.parse(text) as Record<string, unknown> | null;
  } catch (error) {
    return restError(
      400,
      'InvalidContent',
      `Invalid JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object')
    return invalidArgument('cosignature has an invalid format');
  const { version, signerPublicKey, signature, parentHash } = parsed;
  const versionOk =
    version === undefined ||
    (typeof version === 'string' && /^\d+$/.test(version)) ||
    (typeof version === 'number' && Number.isInteger(version) && version >= 0);
  if (!versionOk) return invalidArgument('version has an invalid format');
  if (typeof signerPublicKey !== 'string' || !HASH.test(signerPublicKey)) {
    return invalidArgument('signerPublicKey has an invalid format');
  }
  if (typeof signature !== 'string' || !/^[0-9a-fA-F]{128}$/.test(signature)) {
    return invalidArgument('signature has an invalid format');
  }
  if (typeof parentHash !== 'string' || !HASH.test(parentHash))
    return invalidArgument('parentHash has an invalid format');
  const accepted: RestResponse = {
    status: 202,
    body: { message: 'packet 501 was pushed to the network via /transactions/cosignature' },
  };
  if (context.dropAnnouncement()) return accepted;
  // Like a node, the devnet answers 202 at once; a cosignature that does not verify, or whose signer may not cosign,
  // is dropped without a status (the partial transaction simply does not show it).
  context.chain.bonded.cosign({
    signerPublicKey: Buffer.from(signerPublicKey, 'hex'),
    signature: Buffer.from(signature, 'hex'),
    parentHash: Buffer.from(parentHash, 'hex'),
  });
  return accepted;
}

function readAddress(text: string): Uint8Array | undefined {
  if (/^[0-9a-fA-F]{48}$/.test(text)) return new Uint8Array(Buffer.from(text, 'hex'));
  try {
    return parseAddress(text.toUpperCase());
  } catch {
    return undefined;
  }
}

interface Paging {
  readonly pageSize: number;
  readonly pageNumber: number;
  readonly order: 'asc' | 'desc';
}

function readPaging(query: URLSearchParams): Paging | string {
  const numbers: Record<string, number> = {};
  for (const name of ['pageSize', 'pageNumber']) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d+$/.test(value)) return `${name} has an invalid format`;
    numbers[name] = Number(value);
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return 'order has an invalid format';
  const pageSize = numbers['pageSize'] ?? 10;
  return {
    // catapult-rest: page sizes outside [10, 100] fall back to the default of 10.
    pageSize: pageSize >= 10 && pageSize <= 100 ? pageSize : 10,
    pageNumber: Math.max(1, numbers['pageNumber'] ?? 1),
    order,
  };
}

function page(items: Json[], paging: Paging): RestResponse {
  const ordered = paging.order === 'desc' ? [...items].reverse() : items;
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return {
    status: 200,
    body: {
      data: ordered.slice(start, start + paging.pageSize),
      pagination: { pageNumber: paging.pageNumber, pageSize: paging.pageSize },
    },
  };
}
