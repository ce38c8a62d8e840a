/**
 * One HTTP exchange with a Symbol REST gateway: a timeout per attempt (AbortSignal), HTTP status → NodeError,
 * JSON parsing, and bounded retries with exponential backoff for reads (a read is safe to repeat; a write is
 * repeated only when the caller says it is idempotent, e.g. announcing a signed payload whose hash identifies it).
 */
import { NodeError } from '../core/errors.js';
import type { Fetch, Sleep } from '../core/ports.js';

/** How to reach one node: what every endpoint function takes. */
export interface NodeTransport {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  readonly fetch: Fetch;
  /** Time allowed for one attempt (connect, status and body). */
  readonly timeoutMs: number;
  /** Waits between retries (injected so tests do not wait). */
  readonly sleep: Sleep;
  /** Extra attempts after the first for retryable failures (network error, timeout of a read, 5xx). */
  readonly retries: number;
}

/** Options of one request. */
export interface RequestOptions {
  readonly method?: 'GET' | 'PUT';
  /** JSON body (PUT). */
  readonly body?: unknown;
  /** Statuses that count as success; [200] by default. */
  readonly okStatuses?: readonly number[];
  /** Return undefined on 404 instead of failing (a lookup of something that may not exist). */
  readonly notFoundAsUndefined?: boolean;
  /** Whether failures may be retried; true for GET, false otherwise unless said. */
  readonly retry?: boolean;
}

/** First backoff step; doubled on each retry and capped. */
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 2_000;

/**
 * Sends one request and returns the parsed JSON body (or undefined for a 404 when asked).
 * @throws {NodeError} NODE_UNAVAILABLE (no connection), NODE_TIMEOUT (no answer within timeoutMs),
 *   NODE_BAD_RESPONSE (5xx or unexpected status, body that is not JSON); details hold url and status
 */
export async function requestJson(
  transport: NodeTransport,
  path: string,
  options: RequestOptions = {},
): Promise<unknown> {
  const method = options.method ?? 'GET';
  const retry = options.retry ?? method === 'GET';
  const attempts = retry ? 1 + Math.max(0, transport.retries) : 1;
  let lastError: NodeError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) {
      await transport.sleep(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)));
    }
    const outcome = await attemptOnce(transport, path, method, options);
    if (outcome.ok) return outcome.value;
    lastError = outcome.error;
    if (!outcome.retryable) break;
  }
  throw lastError!;
}

type Attempt =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: NodeError; readonly retryable: boolean };

async function attemptOnce(
  transport: NodeTransport,
  path: string,
  method: 'GET' | 'PUT',
  options: RequestOptions,
): Promise<Attempt> {
  const url = `${transport.url}${path}`;
  const signal = AbortSignal.timeout(transport.timeoutMs);
  const init: RequestInit = {
    method,
    signal,
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  };
  let response: Response;
  let text: string;
  try {
    response = await transport.fetch(url, init);
    text = await response.text(); // under the same signal: a body that never ends times out too
  } catch (error) {
    const failure = transportError(error, url, method, transport.timeoutMs);
    // A hang is not retried: --timeout bounds the wait the user agreed to.
    return { ok: false, error: failure, retryable: failure.code !== 'NODE_TIMEOUT' };
  }
  const status = response.status;
  if (status === 404 && options.notFoundAsUndefined === true) return { ok: true, value: undefined };
  const okStatuses = options.okStatuses ?? [200];
  if (!okStatuses.includes(status)) {
    const nodeMessage = restErrorMessage(text);
    return {
      ok: false,
      retryable: status >= 500 && status !== 501,
      error: new NodeError(
        'NODE_BAD_RESPONSE',
        `${method} ${path} answered HTTP ${status}${nodeMessage === undefined ? '' : `: ${nodeMessage}`}`,
        { details: { url, status }, hint: 'try again later or use another node' },
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return {
      ok: false,
      retryable: false,
      error: new NodeError(
        'NODE_BAD_RESPONSE',
        `${method} ${path} answered with something that is not JSON`,
        {
          details: { url, status },
          cause,
          hint: 'is this the REST gateway URL (usually port 3000)?',
        },
      ),
    };
  }
}

function transportError(error: unknown, url: string, method: string, timeoutMs: number): NodeError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new NodeError('NODE_TIMEOUT', `${method} ${url} got no answer within ${timeoutMs / 1000} s`, {
      details: { url },
      cause: error,
      hint: 'raise --timeout, or use another node',
    });
  }
  const reason = networkReason(error);
  return new NodeError(
    'NODE_UNAVAILABLE',
    `cannot reach ${url}${reason === undefined ? '' : ` (${reason})`}`,
    {
      details: { url },
      cause: error,
      hint: 'check --node (scheme, host and port, usually 3000) and that the node is up',
    },
  );
}

/** The errno code undici hides in `cause`, e.g. ECONNREFUSED. */
function networkReason(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** REST errors are `{"code":"ResourceNotFound","message":"..."}`; keep the message short. */
function restErrorMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 200);
  } catch {
    // not JSON: say nothing more than the status
  }
  return undefined;
}
