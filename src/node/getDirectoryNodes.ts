/**
 * GET {nodewatch}/api/symbol/nodes/peer?limit=0: every node a nodewatch directory knows (docs/protocol.md, "Node
 * directory"; symbol/product nodewatch). The peer list holds API nodes too (their roles include peer), and peer-only
 * nodes, which may serve "light REST". An entry's `endpoint` is `https://host:3001` or `http://host:3000` for API
 * nodes and a bare `host:7900` for peer-only ones; `nodePublicKey` is null when nodewatch has not seen it.
 */
import { NodeError } from '../core/errors.js';
import { dtoArray, dtoGet, dtoHas, dtoPublicKey, dtoRoot, dtoString, type DtoField } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** One node of the directory, as far as node discovery uses it. */
export interface DirectoryNode {
  /** `https://host:3001`, `http://host:3000`, or `host:7900` for a peer-only node. */
  readonly endpoint: string;
  readonly name: string;
  /** The transport key as the directory saw it; the node's own /node/info is what counts. */
  readonly nodePublicKey: Uint8Array | undefined;
  /** False when the directory found the node lagging or not answering. */
  readonly isHealthy: boolean;
  readonly isSslEnabled: boolean;
}

const PATH = '/api/symbol/nodes/peer?limit=0';

/**
 * Reads the directory's node list; an entry without an endpoint is skipped, anything else malformed fails.
 * @throws {NodeError} NODE_* naming the directory's URL when it cannot be read or answers something else than a list
 */
export async function getDirectoryNodes(transport: NodeTransport): Promise<DirectoryNode[]> {
  let answer: unknown;
  try {
    answer = await requestJson(transport, PATH);
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    // the request's own message names a path or a URL; say plainly which directory it was
    throw new NodeError(error.code, `node directory ${transport.url}: ${error.message}`, {
      details: { ...error.details, url: `${transport.url}${PATH}` },
      cause: error,
      hint: 'check --nodewatch (a nodewatch base URL, e.g. https://nodewatch.symbol.tools) or pass --node',
    });
  }
  const entries = dtoArray(dtoRoot(`node directory ${transport.url}`, answer));
  // one odd entry (an empty key, a number for a name) is left out, not the whole directory: the probe of each
  // candidate judges the node itself; a directory none of whose entries reads is a bad answer
  let firstBad: NodeError | undefined;
  const nodes = entries.flatMap((entry) => {
    try {
      const endpoint = dtoGet(entry, 'endpoint');
      if (!dtoHas(endpoint) || dtoString(endpoint).trim() === '') return [];
      return [
        {
          endpoint: dtoString(endpoint).trim(),
          name: optionalString(dtoGet(entry, 'name')),
          nodePublicKey: dtoHas(dtoGet(entry, 'nodePublicKey'))
            ? dtoPublicKey(dtoGet(entry, 'nodePublicKey'))
            : undefined,
          isHealthy: dtoGet(entry, 'isHealthy').value !== false,
          isSslEnabled: dtoGet(entry, 'isSslEnabled').value === true,
        },
      ];
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      firstBad ??= error;
      return [];
    }
  });
  if (nodes.length === 0 && firstBad !== undefined) throw firstBad;
  return nodes;
}

function optionalString(field: DtoField): string {
  return dtoHas(field) ? dtoString(field) : '';
}
