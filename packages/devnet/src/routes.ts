/**
 * The REST routes of one devnet node, with catapult-rest's status codes and error bodies: 404
 * `{"code":"ResourceNotFound"}`, 409 `{"code":"InvalidArgument"}`, 400 `{"code":"InvalidContent"}` for a body that is
 * not JSON or not a transaction. POST /devnet/* are the devnet's test routes (adminRoutes.ts).
 */
import { adminRoute } from './adminRoutes.js';
import { multisigRoute } from './multisigRoutes.js';
import { blockRoute } from './blockRoutes.js';
import { restError, type RestResponse } from './restResponse.js';
import { toHex } from './bytes.js';
import { addressOf, type ConfirmedTransaction } from './chainState.js';
import { PayloadDecodeError } from './decodeTransaction.js';
import type { DevnetChain } from './devnetChain.js';
import {
  embeddedId,
  formatAccount,
  formatConfirmed,
  formatEmbedded,
  formatNetworkProperties,
  formatStatus,
  type Json,
  type NetworkPropertiesInput,
} from './formatRest.js';
import type { HarvestingExtension } from './harvestingExtension.js';
import { parseAddress } from './keys.js';
import { nodewatchRoute, type NodeDirectory } from './nodewatchRoutes.js';
import { DEVNET_NETWORK_IDENTIFIER, DEFAULT_DYNAMIC_FEE_MULTIPLIER, NODE_VERSION } from './settings.js';

/** One node's identity and view of the shared chain. */
export interface NodeRouteContext {
  readonly index: number;
  readonly chain: DevnetChain;
  readonly extension: HarvestingExtension;
  readonly ownerPublicKey: Uint8Array;
  readonly properties: NetworkPropertiesInput;
  readonly host: string;
  readonly port: () => number;
  readonly minFeeMultiplier: number;
  /** True when this announcement should be answered 202 and dropped (fault injection). */
  readonly dropAnnouncement: () => boolean;
  /** The nodewatch-compatible directory of every devnet node (nodewatchRoutes.ts). */
  readonly directory?: NodeDirectory;
}

const notFound = (id: string) => restError(404, 'ResourceNotFound', `no resource exists with id '${id}'`);
const invalidArgument = (message: string) => restError(409, 'InvalidArgument', message);

/** Routes one request. `body` is the raw request body (PUT and POST only). */
export function routeRequest(
  context: NodeRouteContext,
  method: string,
  url: URL,
  body: string,
): RestResponse {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter((part) => part !== '');
  // A bonded aggregate goes to the partial cache whichever of the two it is announced on (devnetChain.ts).
  if (method === 'PUT' && (path === '/transactions' || path === '/transactions/partial'))
    return announce(context, body);
  const multisig = multisigRoute(context, method, parts, url.searchParams, body);
  if (multisig !== undefined) return multisig;
  if (method === 'POST' && parts[0] === 'devnet' && parts.length === 2)
    return adminRoute(context, parts[1], body);
  if (method === 'POST' && path === '/accounts') return accountsByPublicKeys(context, body);
  if (method !== 'GET') return restError(405, 'MethodNotAllowed', `${method} is not allowed`);
  const [first, second, third] = parts;
  const listed =
    context.directory === undefined ? undefined : nodewatchRoute(context.directory, parts, url.searchParams);
  if (listed !== undefined) return listed;
  const blockAnswer = blockRoute(context, parts, url.searchParams);
  if (blockAnswer !== undefined) return blockAnswer;
  if (parts.length === 2 && first === 'node') return nodeRoute(context, second!);
  if (parts.length === 2 && first === 'network' && second === 'properties') {
    return { status: 200, body: formatNetworkProperties(context.properties) };
  }
  if (parts.length === 3 && first === 'network' && second === 'fees' && third === 'transaction') {
    const fee = DEFAULT_DYNAMIC_FEE_MULTIPLIER;
    return {
      status: 200,
      body: {
        averageFeeMultiplier: fee,
        medianFeeMultiplier: fee,
        highestFeeMultiplier: fee,
        lowestFeeMultiplier: fee,
        minFeeMultiplier: context.minFeeMultiplier,
      },
    };
  }
  if (parts.length === 2 && first === 'chain' && second === 'info') return chainInfo(context);
  if (parts.length === 2 && first === 'accounts') return account(context, decodeURIComponent(second!));
  if (parts.length === 2 && first === 'transactionStatus')
    return status(context, decodeURIComponent(second!));
  if (parts.length === 2 && first === 'transactions' && second === 'confirmed')
    return search(context, url.searchParams);
  if (parts.length === 3 && first === 'transactions' && second === 'confirmed') {
    return confirmedById(context, decodeURIComponent(third!));
  }
  return restError(404, 'ResourceNotFound', `${path} does not exist`);
}

function nodeRoute(context: NodeRouteContext, name: string): RestResponse {
  const { properties, extension } = context;
  switch (name) {
    case 'info':
      return {
        status: 200,
        body: {
          version: NODE_VERSION,
          publicKey: toHex(context.ownerPublicKey),
          networkGenerationHashSeed: toHex(properties.generationHashSeed),
          roles: 3,
          port: 7900 + context.index,
          networkIdentifier: DEVNET_NETWORK_IDENTIFIER,
          friendlyName: `devnet-node-${context.index}`,
          host: context.host,
          nodePublicKey: toHex(extension.nodePublicKey),
        },
      };
    case 'server':
      return {
        status: 200,
        body: {
          serverInfo: {
            restVersion: '2.5.0',
            deployment: {
              deploymentTool: 'harvest-devnet',
              deploymentToolVersion: '0.1.0',
              lastUpdatedDate: '2026-01-01',
            },
          },
        },
      };
    case 'time': {
      const now = context.chain.networkTime().toString();
      return {
        status: 200,
        body: { communicationTimestamps: { sendTimestamp: now, receiveTimestamp: now } },
      };
    }
    case 'unlockedaccount':
      return { status: 200, body: { unlockedAccount: extension.unlockedPublicKeys().map(toHex) } };
    case 'health':
      return { status: 200, body: { status: { apiNode: 'up', db: 'up' } } };
    default:
      return restError(404, 'ResourceNotFound', `/node/${name} does not exist`);
  }
}

function chainInfo(context: NodeRouteContext): RestResponse {
  const state = context.chain.state;
  const last = state.blocks.at(-1);
  const height = state.height.toString();
  return {
    status: 200,
    body: {
      height,
      scoreHigh: '0',
      scoreLow: (state.height * 1_000_000n).toString(),
      latestFinalizedBlock: {
        finalizationEpoch: 1,
        finalizationPoint: 1,
        height,
        hash: last === undefined ? '0'.repeat(64) : toHex(last.hash),
      },
    },
  };
}

function announce(context: NodeRouteContext, text: string): RestResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return restError(
      400,
      'InvalidContent',
      `Invalid JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
  }
  const payload = (parsed as { payload?: unknown } | null)?.payload;
  if (typeof payload !== 'string' || !/^([0-9a-fA-F]{2})+$/.test(payload)) {
    return invalidArgument('payload has an invalid format');
  }
  const accepted = restResponseAccepted();
  if (context.dropAnnouncement()) return accepted;
  try {
    context.chain.announce(Uint8Array.from(Buffer.from(payload, 'hex')));
  } catch (error) {
    if (error instanceof PayloadDecodeError)
      return restError(400, 'InvalidContent', `payload ${error.message}`);
    throw error;
  }
  return accepted;
}

function restResponseAccepted(): RestResponse {
  return { status: 202, body: { message: 'packet 9 was pushed to the network via /transactions' } };
}

function account(context: NodeRouteContext, id: string): RestResponse {
  let address: Uint8Array;
  if (/^[0-9a-fA-F]{64}$/.test(id)) {
    address = addressOf(Uint8Array.from(Buffer.from(id, 'hex')));
  } else {
    try {
      address = parseAddress(id.toUpperCase());
    } catch {
      return invalidArgument('accountId has an invalid format');
    }
  }
  const found = context.chain.state.getAccount(address);
  if (found === undefined) return notFound(id);
  return { status: 200, body: formatAccount(found, accountDocumentId(address)) };
}

/**
 * POST /accounts `{"publicKeys": [hex…]}`: the accounts the chain knows, in catapult-rest's shape (an array, the
 * unknown ones left out). Addresses (`{"addresses": […]}`) are not served: nothing here asks for them.
 */
function accountsByPublicKeys(context: NodeRouteContext, body: string): RestResponse {
  let parsed: { publicKeys?: unknown; addresses?: unknown };
  try {
    parsed = JSON.parse(body) as { publicKeys?: unknown; addresses?: unknown };
  } catch {
    return restError(400, 'InvalidContent', 'body is not JSON');
  }
  const keys = parsed.publicKeys;
  if (parsed.addresses !== undefined && keys !== undefined)
    return invalidArgument('publicKeys and addresses cannot both be provided');
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string' && /^[0-9a-fA-F]{64}$/.test(key)))
    return invalidArgument('publicKeys has an invalid format');
  const found: Json[] = [];
  // one answer per account, as catapult-rest's `$in` query gives it, however often a key is asked
  for (const key of new Set((keys as string[]).map((hex) => hex.toUpperCase()))) {
    const address = addressOf(Uint8Array.from(Buffer.from(key, 'hex')));
    const account = context.chain.state.getAccount(address);
    if (account !== undefined) found.push(formatAccount(account, accountDocumentId(address)));
  }
  return { status: 200, body: found };
}

function accountDocumentId(address: Uint8Array): string {
  return toHex(address.subarray(12, 24));
}

function status(context: NodeRouteContext, hash: string): RestResponse {
  if (!/^[0-9a-fA-F]{64}$/.test(hash)) return invalidArgument('hash has an invalid format');
  const found = context.chain.state.statuses.get(hash.toUpperCase());
  return found === undefined ? notFound(hash) : { status: 200, body: formatStatus(found) };
}

function confirmedById(context: NodeRouteContext, id: string): RestResponse {
  const state = context.chain.state;
  let entry: ConfirmedTransaction | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(id)) entry = state.confirmedByHash.get(id.toUpperCase());
  else if (/^[0-9a-fA-F]{24}$/.test(id)) entry = state.confirmed.find((item) => item.id === id.toUpperCase());
  else return invalidArgument('transactionId has an invalid format');
  return entry === undefined ? notFound(id) : { status: 200, body: formatConfirmed(entry, true) };
}

/** GET /transactions/confirmed with the gateway's filters and paging. */
function search(context: NodeRouteContext, query: URLSearchParams): RestResponse {
  const filters = parseSearchFilters(query);
  if (typeof filters === 'string') return invalidArgument(filters);
  const results: Json[] = [];
  const entries = context.chain.state.confirmed;
  for (const entry of entries) {
    if (entry.height < filters.fromHeight || entry.height > filters.toHeight) continue;
    const top = entry.transaction;
    if (matches(filters, top.signerPublicKey, top.type, top.body))
      results.push(formatConfirmed(entry, false));
    if (filters.embedded && top.body.kind === 'aggregate') {
      top.body.embedded.forEach((inner, index) => {
        if (matches(filters, inner.signerPublicKey, inner.type, inner.body)) {
          results.push(formatEmbedded(entry, index, embeddedId(entry.id, index)));
        }
      });
    }
  }
  if (filters.order === 'desc') results.reverse();
  const start = (filters.pageNumber - 1) * filters.pageSize;
  return {
    status: 200,
    body: {
      data: results.slice(start, start + filters.pageSize),
      pagination: { pageNumber: filters.pageNumber, pageSize: filters.pageSize },
    },
  };
}

interface SearchFilters {
  readonly recipient: Uint8Array | undefined;
  readonly signer: string | undefined;
  readonly types: readonly number[];
  readonly embedded: boolean;
  readonly fromHeight: bigint;
  readonly toHeight: bigint;
  readonly pageSize: number;
  readonly pageNumber: number;
  readonly order: 'asc' | 'desc';
}

function parseSearchFilters(query: URLSearchParams): SearchFilters | string {
  let recipient: Uint8Array | undefined;
  const recipientText = query.get('recipientAddress');
  if (recipientText !== null) {
    try {
      recipient = parseAddress(recipientText);
    } catch {
      return 'recipientAddress has an invalid format';
    }
  }
  const signer = query.get('signerPublicKey');
  if (signer !== null && !/^[0-9a-fA-F]{64}$/.test(signer)) return 'signerPublicKey has an invalid format';
  const types = query.getAll('type').flatMap((value) => value.split(','));
  if (types.some((value) => !/^\d+$/.test(value))) return 'type has an invalid format';
  const embedded = query.get('embedded');
  if (embedded !== null && embedded !== 'true' && embedded !== 'false')
    return 'embedded has an invalid format';
  const numbers: Record<string, bigint> = {};
  for (const name of ['fromHeight', 'toHeight', 'pageSize', 'pageNumber']) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d+$/.test(value)) return `${name} has an invalid format`;
    numbers[name] = BigInt(value);
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') return 'order has an invalid format';
  const pageSize = Number(numbers['pageSize'] ?? 10n);
  return {
    recipient,
    signer: signer?.toUpperCase(),
    types: types.map(Number),
    embedded: embedded === 'true',
    fromHeight: numbers['fromHeight'] ?? 0n,
    toHeight: numbers['toHeight'] ?? BigInt(Number.MAX_SAFE_INTEGER),
    // catapult-rest: page sizes outside [10, 100] fall back to the default of 10.
    pageSize: pageSize >= 10 && pageSize <= 100 ? pageSize : 10,
    pageNumber: Math.max(1, Number(numbers['pageNumber'] ?? 1n)),
    order,
  };
}

function matches(
  filters: SearchFilters,
  signerPublicKey: Uint8Array,
  type: number,
  body: { readonly kind: string; readonly recipientAddress?: Uint8Array },
): boolean {
  if (filters.types.length > 0 && !filters.types.includes(type)) return false;
  if (filters.signer !== undefined && toHex(signerPublicKey) !== filters.signer) return false;
  if (filters.recipient !== undefined) {
    if (body.kind !== 'transfer' || body.recipientAddress === undefined) return false;
    if (toHex(body.recipientAddress) !== toHex(filters.recipient)) return false;
  }
  return true;
}
