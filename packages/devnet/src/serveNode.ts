/** The HTTP server of one devnet node on 127.0.0.1: body reading, fault injection, JSON answers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultSettings } from './parseFaults.js';
import { restError, type RestResponse } from './restResponse.js';
import { routeRequest, type NodeRouteContext } from './routes.js';

/** Largest request body read (a full aggregate is far below it). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A listening node server. */
export interface NodeServer {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server of one node; resolves once it listens. */
export async function serveNode(
  context: Omit<NodeRouteContext, 'port' | 'dropAnnouncement'>,
  options: {
    readonly port: number;
    readonly faults: FaultSettings;
    readonly faultRandom: () => number;
    readonly log: (line: string) => void;
  },
): Promise<NodeServer> {
  let port = options.port;
  const routeContext: NodeRouteContext = {
    ...context,
    port: () => port,
    dropAnnouncement: () =>
      options.faults.dropAnnounceRate > 0 && options.faultRandom() < options.faults.dropAnnounceRate,
  };
  const server = createServer((request, response) => {
    void handle(routeContext, options, request, response);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, context.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  context: NodeRouteContext,
  options: {
    readonly faults: FaultSettings;
    readonly faultRandom: () => number;
    readonly log: (line: string) => void;
  },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let answer: RestResponse;
  try {
    const body = await readBody(request);
    if (options.faults.latencyMs > 0)
      await new Promise((resolve) => setTimeout(resolve, options.faults.latencyMs));
    if (body === undefined) {
      answer = restError(413, 'PayloadTooLarge', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    } else if (options.faults.errorRate > 0 && options.faultRandom() < options.faults.errorRate) {
      answer = restError(503, 'ServiceUnavailable', 'devnet fault injection: service unavailable');
    } else {
      const url = new URL(request.url ?? '/', `http://${context.host}`);
      answer = routeRequest(context, request.method ?? 'GET', url, body);
    }
  } catch (error) {
    options.log(
      `devnet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    answer = restError(500, 'Internal', 'internal devnet error');
  }
  if (response.destroyed) return;
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
