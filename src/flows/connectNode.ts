/**
 * The seam between commands and src/node: commands may not import the node layer (docs/ARCHITECTURE.md#layers), so they get
 * their client here, from the global --node, --timeout and the runtime's fetch and sleep.
 */
import { InputError } from '../core/errors.js';
import type { Fetch, Sleep } from '../core/ports.js';
import { createFailoverClient } from '../node/createFailoverClient.js';
import { createNodeClient, type NodeClient } from '../node/createNodeClient.js';

export type { NodeClient } from '../node/createNodeClient.js';

/** `--node auto`: a node chosen by node discovery (docs/commands/nodes.md), for delegate and onboard. */
export const AUTO_NODE = 'auto';

/** What connectNode needs. */
export interface ConnectNodeParameters {
  /** --node (or HARVEST_NODE), already checked to be an http(s) URL. */
  readonly url: string | undefined;
  /** Every --node when several were given (the first is `url`): the others are failover (docs/cli.md). */
  readonly urls?: readonly string[];
  /** --delegate-to: the node whose transport key and unlocked accounts count; without it they fail over too. */
  readonly delegateTo?: string;
  /** Notes on stderr (a node skipped or dropped). */
  readonly onNote?: (text: string) => void;
  readonly fetch: Fetch;
  readonly sleep: Sleep;
  readonly timeoutMs: number;
}

/**
 * A client of the node named by --node; with several, one client failing over from each to the next.
 * @throws {InputError} INPUT_REQUIRED when no node was given
 */
export function connectNode(parameters: ConnectNodeParameters): NodeClient {
  if (parameters.url === undefined) {
    throw new InputError('INPUT_REQUIRED', 'a node is required', {
      hint: 'pass --node <url> (e.g. http://127.0.0.1:3000) or set HARVEST_NODE',
    });
  }
  if (parameters.url === AUTO_NODE) {
    throw new InputError('INVALID_INPUT', '--node auto chooses a node only for delegate and onboard', {
      hint: 'run `harvest nodes` to see the candidates, then pass one with --node <url>',
    });
  }
  const connect = (url: string) =>
    createNodeClient({
      url,
      fetch: parameters.fetch,
      sleep: parameters.sleep,
      timeoutMs: parameters.timeoutMs,
    });
  const listed = parameters.urls?.filter((url) => url !== AUTO_NODE);
  const urls = listed?.[0] === parameters.url ? listed : [parameters.url];
  const { delegateTo } = parameters;
  if (urls.length === 1 && (delegateTo === undefined || delegateTo === parameters.url)) {
    return connect(parameters.url);
  }
  const clients = urls.map(connect);
  return createFailoverClient({
    clients,
    ...(delegateTo === undefined ? {} : { pinned: clients[urls.indexOf(delegateTo)] ?? connect(delegateTo) }),
    ...(parameters.onNote === undefined ? {} : { onNote: parameters.onNote }),
  });
}
