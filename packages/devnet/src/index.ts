/**
 * @symbol-harvest/devnet: a local Symbol network over real HTTP, held to a node's rules (signatures, fees, key
 * links, importance, the harvesting extension), for `harvest devnet`, rehearsals and end-to-end tests
 * (docs/devnet.md). It depends on symbol-sdk and Node only, never on the product it judges.
 */
export {
  startDevnet,
  type Devnet,
  type DevnetAccount,
  type DevnetCosignatory,
  type DevnetMultisigAccount,
  type DevnetDescriptor,
  type DevnetNodeDescriptor,
} from './startDevnet.js';
export type { DevnetOptions } from './settings.js';
export { parseFaults, type FaultSettings } from './parseFaults.js';
export { parseMultisigSpec, type MultisigSpec } from './multisigGenesis.js';
export {
  DelegationRequestOpener,
  DELEGATION_MARKER,
  DELEGATION_RECORD_SIZE,
  type OpenedDelegationRequest,
} from './delegationRequest.js';
