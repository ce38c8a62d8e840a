/** GET /node/info: who the node is (docs/protocol.md §5; catapult-rest nodeRoutes.js, sockets/nodeInfoCodec.js). */
import { dtoGet, dtoHas, dtoHex, dtoInteger, dtoPublicKey, dtoRoot, dtoString, badField } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** The parts of /node/info we use. */
export interface NodeInfo {
  /** Server version as a number, e.g. 16777993 = 0x01000309 = 1.0.3.9. */
  readonly version: number;
  /** The node owner's main account key (CA key); not where delegation requests go. */
  readonly publicKey: Uint8Array;
  /** The node's transport (TLS) key: delegation requests are encrypted and sent to it; absent on old gateways. */
  readonly nodePublicKey: Uint8Array | undefined;
  readonly networkGenerationHashSeed: Uint8Array;
  readonly networkIdentifier: number;
  /** Bitmask: 1 peer, 2 api, 4 voting, 64 IPv4, 128 IPv6. */
  readonly roles: number;
  readonly port: number;
  readonly friendlyName: string;
  readonly host: string;
}

/**
 * Reads /node/info.
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getNodeInfo(transport: NodeTransport): Promise<NodeInfo> {
  const root = dtoRoot('/node/info', await requestJson(transport, '/node/info'));
  const publicKey = dtoHex(dtoGet(root, 'publicKey'), 32);
  const nodeKeyField = dtoGet(root, 'nodePublicKey');
  const networkIdentifier = dtoInteger(dtoGet(root, 'networkIdentifier'));
  if (networkIdentifier > 255) throw badField(dtoGet(root, 'networkIdentifier'), 'a network byte');
  return {
    version: dtoInteger(dtoGet(root, 'version')),
    publicKey,
    nodePublicKey: dtoHas(nodeKeyField) ? dtoPublicKey(nodeKeyField) : undefined,
    networkGenerationHashSeed: dtoHex(dtoGet(root, 'networkGenerationHashSeed'), 32),
    networkIdentifier,
    roles: dtoInteger(dtoGet(root, 'roles')),
    port: dtoHas(dtoGet(root, 'port')) ? dtoInteger(dtoGet(root, 'port')) : 0,
    friendlyName: dtoHas(dtoGet(root, 'friendlyName')) ? dtoString(dtoGet(root, 'friendlyName')) : '',
    host: dtoHas(dtoGet(root, 'host')) ? dtoString(dtoGet(root, 'host')) : '',
  };
}
