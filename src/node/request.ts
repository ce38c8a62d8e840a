/**
 * One HTTP exchange with a Symbol REST gateway: a timeout per attempt (AbortSignal), HTTP status → NodeError,
 * JSON parsing, and bounded retries with exponential backoff and jitter for reads (a read is safe to repeat; a write
 * is repeated only when the caller says it is idempotent, e.g. announcing a signed payload whose hash identifies it).
 * docs/cli.md, "Retries":
 *
 *   5xx (not 501), a reset or dropped connection → up to `retries` more attempts
 *   nothing listening (ECONNREFUSED, ENOTFOUND, EAI_AGAIN: usually a wrong --node) → at most 2 more
 *   no answer within timeoutMs → a read is not repeated (--timeout bounds it); an idempotent write at most 2 more
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
  /** Extra attempts after the first for transient failures (5xx, a reset connection); see the header. */
  readonly retries: number;
  /** A number in [0, 1) for the jitter of the backoff; Math.random when absent. */
  readonly random?: (() => number) | undefined;
}

/** Options of one request. */
export interface RequestOptions {
  readonly method?: 'GET' | 'PUT' | 'POST';
  /** JSON body (PUT, POST). */
  readonly body?: unknown;
  /** Statuses that count as success; [200] by default. */
  readonly okStatuses?: readonly number[];
  /** Return undefined on 404 instead of failing (a lookup of something that may not exist). */
  readonly notFoundAsUndefined?: boolean;
  /** Whether failures may be retried; true for GET, false otherwise unless said (a POST that only reads). */
  readonly retry?: boolean;
}

/** First backoff step; doubled on each retry and capped; each pause is 50–100 % of its step (jitter). */
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;
/** Extra attempts when nothing listens at the URL, or (idempotent writes only) after a timeout. */
const SHORT_RETRIES = 2;

/** The pause before retry `attempt` (1-based): 50–100 % of min(cap, base · 2^(attempt−1)). */
export function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Sends one request and returns the parsed JSON body (or undefined for a 404 when asked).
 * @throws {NodeError} NODE_UNAVAILABLE (no connection, or HTTP 5xx), NODE_TIMEOUT (no answer within timeoutMs),
 *   NODE_BAD_RESPONSE (another unexpected status, a body that is not JSON); details hold url and status
 */
export async function requestJson(
  transport: NodeTransport,
  path: string,
  options: RequestOptions = {},
): Promise<unknown> {
  const method = options.method ?? 'GET';
  const retry = options.retry ?? method === 'GET';
  const retries = retry ? Math.max(0, transport.retries) : 0;
  const random = transport.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await transport.sleep(backoffMs(attempt, random));
    const outcome = await attemptOnce(transport, path, method, options);
    if (outcome.ok) return outcome.value;
    if (attempt >= retriesFor(outcome.retry, method, retries)) throw outcome.error;
  }
}

/** How a failed attempt may be repeated (see the header). */
type RetryKind = 'transient' | 'nothing-there' | 'timeout' | 'never';

function retriesFor(kind: RetryKind, method: 'GET' | 'PUT' | 'POST', retries: number): number {
  if (kind === 'transient') return retries;
  if (kind === 'nothing-there') return Math.min(retries, SHORT_RETRIES);
  // A hang of a read is not repeated: --timeout bounds the wait the user agreed to.
  if (kind === 'timeout' && method === 'PUT') return Math.min(retries, SHORT_RETRIES);
  return 0;
}

type Attempt =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: NodeError; readonly retry: RetryKind };

async function attemptOnce(
  transport: NodeTransport,
  path: string,
  method: 'GET' | 'PUT' | 'POST',
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
    const reason = networkReason(error);
    const retry: RetryKind =
      failure.code === 'NODE_TIMEOUT'
        ? 'timeout'
        : reason !== undefined && NOTHING_THERE.has(reason)
          ? 'nothing-there'
          : 'transient';
    return { ok: false, error: failure, retry };
  }
  const status = response.status;
  if (status === 404 && options.notFoundAsUndefined === true) return { ok: true, value: undefined };
  const okStatuses = options.okStatuses ?? [200];
  if (!okStatuses.includes(status)) {
    const nodeMessage = restErrorMessage(text);
    const serverError = status >= 500 && status <= 599;
    return {
      ok: false,
      retry: serverError && status !== 501 ? 'transient' : 'never',
      error: new NodeError(
        serverError ? 'NODE_UNAVAILABLE' : 'NODE_BAD_RESPONSE',
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
      retry: 'never',
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

/** Network errors that mean nothing listens there (usually a wrong --node), not a passing trouble. */
const NOTHING_THERE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

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
