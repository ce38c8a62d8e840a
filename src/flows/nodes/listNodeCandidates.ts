/**
 * The candidates of node discovery (docs/commands/nodes.md, "Candidates"): every --node first, in order, then the
 * directory's nodes, each URL once. A directory endpoint `https://host:3001` or `http://host:3000` is an API node's
 * REST URL as it is; a bare `host:7900` is a peer-only node, probed at `http://host:3000`, where "light REST" listens
 * when the operator runs it (otherwise the node is UNREACHABLE).
 */
import { httpUrlOf } from '../../core/textInput.js';
import type { DirectoryNode } from '../../node/getDirectoryNodes.js';
import type { NodeCandidate } from './probeNodeCandidate.js';

/** The port light REST serves on a peer node: the gateway's usual one. */
const LIGHT_REST_PORT = 3000;

/** --node URLs, then the directory's nodes, without repeats. */
export function listNodeCandidates(
  nodeUrls: readonly string[],
  directory: readonly DirectoryNode[],
): NodeCandidate[] {
  const candidates = new Map<string, NodeCandidate>();
  for (const url of nodeUrls) {
    const key = url.replace(/\/+$/, '');
    if (!candidates.has(key)) candidates.set(key, { url: key, name: '', directoryHealthy: true });
  }
  for (const node of directory) {
    const url = restUrlOf(node.endpoint);
    if (url === undefined || candidates.has(url)) continue;
    candidates.set(url, { url, name: node.name, directoryHealthy: node.isHealthy });
  }
  return [...candidates.values()];
}

function restUrlOf(endpoint: string): string | undefined {
  const direct = httpUrlOf(endpoint);
  if (direct !== undefined) return `${direct.protocol}//${direct.host}`;
  // a peer-only node is a bare host:port; anything else with a scheme or a path is not a node we can probe
  if (!/^[^\s/]+$/.test(endpoint)) return undefined;
  const peer = httpUrlOf(`http://${endpoint}`);
  if (peer === undefined || peer.hostname === '') return undefined;
  return `http://${peer.hostname}:${LIGHT_REST_PORT}`;
}
