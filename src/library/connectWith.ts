/** The library's default way to reach a node: Node's fetch and timers, the URL checked first. */
import { InputError } from '../core/errors.js';
import { httpUrlOf } from '../core/textInput.js';
import { createNodeClient, type NodeClient } from '../node/createNodeClient.js';
import type { NodePorts } from '../platform/nodePorts.js';
import { echoUrl } from '../core/redact.js';

/** The default of `timeoutMs` (as `harvest --timeout`). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A `connect(url)` for the flows: a client of the node at `url` (trailing slashes dropped).
 * @throws {InputError} INVALID_INPUT when `url` is not an http(s) URL
 */
export function connectWith(
  ports: Pick<NodePorts, 'fetch' | 'sleep'>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): (url: string) => NodeClient {
  return (url) => {
    const given: unknown = url; // library callers in JavaScript may pass anything
    if (typeof given !== 'string' || httpUrlOf(given) === undefined) {
      throw new InputError('INVALID_INPUT', `node URL ${echoUrl(String(given))} is not an http(s) URL`, {
        hint: 'e.g. http://127.0.0.1:3000',
      });
    }
    return createNodeClient({
      url: url.replace(/\/+$/, ''),
      fetch: ports.fetch,
      sleep: ports.sleep,
      timeoutMs,
    });
  };
}
