/**
 * The seam between commands and src/node: commands may not import the node layer (docs/ARCHITECTURE.md#layers), so they get
 * their client here, from the global --node, --timeout and the runtime's fetch and sleep.
 */
import { InputError } from '../core/errors.js';
import type { Fetch, Sleep } from '../core/ports.js';
import { createNodeClient, type NodeClient } from '../node/createNodeClient.js';

export type { NodeClient } from '../node/createNodeClient.js';

/** What connectNode needs. */
export interface ConnectNodeParameters {
  /** --node (or HARVEST_NODE), already checked to be an http(s) URL. */
  readonly url: string | undefined;
  readonly fetch: Fetch;
  readonly sleep: Sleep;
  readonly timeoutMs: number;
}

/**
 * A client of the node named by --node.
 * @throws {InputError} INPUT_REQUIRED when no node was given
 */
export function connectNode(parameters: ConnectNodeParameters): NodeClient {
  if (parameters.url === undefined) {
    throw new InputError('INPUT_REQUIRED', 'a node is required', {
      hint: 'pass --node <url> (e.g. http://127.0.0.1:3000) or set HARVEST_NODE',
    });
  }
  return createNodeClient({
    url: parameters.url,
    fetch: parameters.fetch,
    sleep: parameters.sleep,
    timeoutMs: parameters.timeoutMs,
  });
}
