/**
 * A nodewatch-compatible node directory (docs/devnet.md, "Node directory"), served by every devnet node under
 * /api/symbol/nodes/…, so that node discovery (`harvest nodes`, `--node auto`) can be rehearsed on loopback. The
 * shapes follow the public nodewatch service (symbol/product, nodewatch: `/api/symbol/nodes/api`, `/peer` with
 * `only_ssl` and `limit`, lookups by `mainPublicKey` / `nodePublicKey`, 404 `{status, message}` when unknown).
 */
import { toHex } from './bytes.js';
import type { ChainState } from './chainState.js';
import type { RestResponse } from './restResponse.js';

/** What the directory knows of one devnet node (filled once every node listens). */
export interface DirectoryNode {
  readonly index: number;
  readonly url: string;
  readonly ownerPublicKey: Uint8Array;
  readonly nodePublicKey: Uint8Array;
}

/** The directory's view: the nodes and the chain they share. */
export interface NodeDirectory {
  readonly nodes: () => readonly DirectoryNode[];
  readonly state: ChainState;
  readonly version: string;
  readonly restVersion: string;
  /** catapult's role bits of a devnet node: 1 peer + 2 api. */
  readonly roles: number;
}

const MICROS_PER_XYM = 1_000_000;

/** Answers GET /api/symbol/nodes/{api | peer | mainPublicKey/{key} | nodePublicKey/{key}}; undefined otherwise. */
export function nodewatchRoute(
  directory: NodeDirectory,
  parts: readonly string[],
  query: URLSearchParams,
): RestResponse | undefined {
  if (parts[0] !== 'api' || parts[1] !== 'symbol' || parts[2] !== 'nodes') return undefined;
  const [, , , kind, key] = parts;
  if (parts.length === 4 && (kind === 'api' || kind === 'peer')) return listNodes(directory, query);
  if (parts.length === 5 && (kind === 'mainPublicKey' || kind === 'nodePublicKey')) {
    if (!/^[0-9a-fA-F]{64}$/.test(key!))
      return { status: 400, body: { status: 400, message: 'Bad request' } };
    const wanted = key!.toUpperCase();
    const found = directory
      .nodes()
      .find((node) => toHex(kind === 'mainPublicKey' ? node.ownerPublicKey : node.nodePublicKey) === wanted);
    if (found === undefined) return { status: 404, body: { status: 404, message: 'Resource not found' } };
    return { status: 200, body: describeNode(directory, found) };
  }
  return undefined;
}

/** Every devnet node is an API node without SSL: `only_ssl=true` lists none; `limit=0` means all. */
function listNodes(directory: NodeDirectory, query: URLSearchParams): RestResponse {
  const onlySsl = ['', 'true'].includes((query.get('only_ssl') ?? 'false').toLowerCase());
  const limit = Number.parseInt(query.get('limit') ?? '0', 10);
  const nodes = onlySsl ? [] : directory.nodes().map((node) => describeNode(directory, node));
  return { status: 200, body: Number.isFinite(limit) && limit > 0 ? nodes.slice(0, limit) : nodes };
}

function describeNode(directory: NodeDirectory, node: DirectoryNode): unknown {
  const owner = directory.state.getAccountByPublicKey(node.ownerPublicKey);
  const height = Number(directory.state.height);
  return {
    mainPublicKey: toHex(node.ownerPublicKey),
    nodePublicKey: toHex(node.nodePublicKey),
    endpoint: node.url,
    name: `devnet-node-${node.index}`,
    version: directory.version,
    height,
    // the devnet finalizes every block at once (its /chain/info says so too)
    finalizedHeight: height,
    // nodewatch reports the owner's balance in XYM, as a number
    balance: Number(owner?.balance ?? 0n) / MICROS_PER_XYM,
    isHealthy: true,
    isSslEnabled: false,
    restVersion: directory.restVersion,
    roles: directory.roles,
    geoLocation: null,
  };
}
