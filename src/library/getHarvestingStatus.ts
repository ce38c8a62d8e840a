/**
 * `getHarvestingStatus` for library callers (README, "The library"): the flow of the same name with Node's defaults,
 * so that a node URL, an account and (for the keystore facts) a harvest home are enough. Its result is the object
 * `harvest status --json` prints once written with `toJson`.
 */
import type { HarvestingStatus } from '../contract/status.js';
import { InputError } from '../core/errors.js';
import type { Clock, FileSystem } from '../core/ports.js';
import {
  getHarvestingStatus as readStatus,
  type GetHarvestingStatusParameters,
} from '../flows/getHarvestingStatus.js';
import type { NodeClient } from '../node/createNodeClient.js';
import { createNodePorts } from '../platform/nodePorts.js';
import { connectWith } from './connectWith.js';

/** Inputs of the library's getHarvestingStatus: the flow's, with every port optional. */
export interface HarvestingStatusParameters extends Omit<
  GetHarvestingStatusParameters,
  'client' | 'connect' | 'now' | 'keystore'
> {
  /** The node to ask (`--node`); or give `client`. */
  readonly nodeUrl?: string | undefined;
  readonly client?: NodeClient | undefined;
  /** The harvest home whose keystore is read (without its password); without it no keystore fact is used. */
  readonly home?: string | undefined;
  /** The file system of `home`; Node's by default. */
  readonly files?: FileSystem | undefined;
  /** As the flow's `keystore`; overrides `home` and `files`. */
  readonly keystore?: GetHarvestingStatusParameters['keystore'];
  readonly connect?: ((url: string) => NodeClient) | undefined;
  readonly now?: Clock | undefined;
  /** Per request, 10 s by default (as `--timeout`). */
  readonly timeoutMs?: number | undefined;
}

/**
 * The harvesting state of an account, read with Node's fetch, clock and file system unless given.
 * @throws {InputError} INPUT_REQUIRED (neither `nodeUrl` nor `client`), INVALID_INPUT (not an http(s) URL),
 *   WRONG_NETWORK, KEYSTORE_CORRUPT
 * @throws {NodeError} NODE_* when the asked node cannot be read
 */
export async function getHarvestingStatus(parameters: HarvestingStatusParameters): Promise<HarvestingStatus> {
  const ports = createNodePorts();
  const { nodeUrl, home, files, timeoutMs, ...rest } = parameters;
  const connect = parameters.connect ?? connectWith(ports, timeoutMs);
  if (parameters.client === undefined && nodeUrl === undefined) {
    throw new InputError('INPUT_REQUIRED', 'a node is required', { hint: 'pass nodeUrl (or client)' });
  }
  return readStatus({
    ...rest,
    client: parameters.client ?? connect(nodeUrl!),
    connect,
    now: parameters.now ?? ports.now,
    keystore: parameters.keystore ?? (home === undefined ? undefined : { files: files ?? ports.files, home }),
  });
}
