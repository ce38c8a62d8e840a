/**
 * GET /account/{address}/multisig (docs/protocol.md §5; catapult-rest multisig routes, openapi MultisigDTO):
 * `{ multisig: { version, accountAddress, minApproval, minRemoval, cosignatoryAddresses[], multisigAddresses[] } }`,
 * addresses as the hex of their 24 raw bytes. 404 when the account takes part in no multisig at all.
 */
import { encodeAddress } from '../core/address.js';
import { dtoAddress, dtoArray, dtoGet, dtoInteger, dtoRoot } from './readDto.js';
import { requestJson, type NodeTransport } from './request.js';

/** An account's multisig entry: as a multisig (cosignatories, approvals) and as a cosignatory of others. */
export interface MultisigInfo {
  readonly accountAddress: Uint8Array;
  /** Cosignatures a transaction of this account needs (0 when it is not itself multisig). */
  readonly minApproval: number;
  readonly minRemoval: number;
  /** Who may cosign for this account (empty when it is not multisig). */
  readonly cosignatoryAddresses: readonly Uint8Array[];
  /** The multisig accounts this account cosigns for. */
  readonly multisigAddresses: readonly Uint8Array[];
}

/**
 * Reads the multisig entry of an account; undefined when the node has none (404).
 * @throws {NodeError} NODE_* when the node cannot be read or answers in another shape
 */
export async function getMultisigInfo(
  transport: NodeTransport,
  address: Uint8Array,
): Promise<MultisigInfo | undefined> {
  const answer = await requestJson(transport, `/account/${encodeAddress(address)}/multisig`, {
    notFoundAsUndefined: true,
  });
  if (answer === undefined) return undefined;
  const multisig = dtoGet(dtoRoot('/account/{address}/multisig', answer), 'multisig');
  return {
    accountAddress: dtoAddress(dtoGet(multisig, 'accountAddress')),
    minApproval: dtoInteger(dtoGet(multisig, 'minApproval')),
    minRemoval: dtoInteger(dtoGet(multisig, 'minRemoval')),
    cosignatoryAddresses: dtoArray(dtoGet(multisig, 'cosignatoryAddresses')).map(dtoAddress),
    multisigAddresses: dtoArray(dtoGet(multisig, 'multisigAddresses')).map(dtoAddress),
  };
}
