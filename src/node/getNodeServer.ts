/** GET /node/server: the REST gateway's own version (openapi getServerInfo.yml). */
import { dtoGet, dtoHas, dtoRoot, dtoString } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The parts of /node/server we use. */
export interface NodeServer {
  readonly restVersion: string;
  /** e.g. "symbol-bootstrap" or "symbol-shoestring", when the gateway says. */
  readonly deploymentTool: string | undefined;
}

/**
 * Reads /node/server.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getNodeServer(transport: NodeTransport): Promise<NodeServer> {
  const info = dtoGet(dtoRoot('/node/server', await requestJson(transport, '/node/server')), 'serverInfo');
  const deployment = dtoGet(info, 'deployment');
  const tool = dtoHas(deployment) ? dtoGet(deployment, 'deploymentTool') : undefined;
  return {
    restVersion: dtoString(dtoGet(info, 'restVersion')),
    deploymentTool: tool !== undefined && dtoHas(tool) ? dtoString(tool) : undefined,
  };
}
