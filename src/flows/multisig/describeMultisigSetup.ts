/**
 * Where a multisig set-up stands, for the result's `multisig` (docs/commands/delegate.md, "Multisig accounts"):
 * which cosignatories still have to cosign the bonded aggregate (its partial entry on the node, each cosignature
 * checked), and when its hash lock expires (/lock/hash of the initiator). A lock that ends within LOCK_WARNING_BLOCKS
 * while the aggregate is still incomplete is said on stderr with its height: the deposit goes to that block's
 * harvester.
 */
import type { MultisigResult } from '../../contract/setupResult.js';
import { encodeAddress, deriveAddress } from '../../core/address.js';
import { equalBytes } from '../../core/bytes.js';
import { NodeError } from '../../core/errors.js';
import { verifyCosignature } from '../../core/transactions/verifyCosignature.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { MultisigSetup } from './readMultisigSetup.js';

/** Blocks before a lock's end at which an incomplete aggregate is reported. */
export const LOCK_WARNING_BLOCKS = 120n;

/** Inputs of describeMultisigSetup. */
export interface DescribeMultisigParameters {
  readonly client: NodeClient;
  readonly networkIdentifier: number;
  readonly setup: MultisigSetup;
  readonly lockDeposit: bigint;
  readonly lock?: Uint8Array;
  readonly aggregate?: Uint8Array;
  readonly onNote?: ((text: string) => void) | undefined;
}

/** Reads the partial cache and the locks; a node that fails a read leaves the facts unknown (not an error). */
export async function describeMultisigSetup(parameters: DescribeMultisigParameters): Promise<MultisigResult> {
  const { client, setup, aggregate, lock } = parameters;
  const others = setup.info.cosignatoryAddresses.filter(
    (address) => !equalBytes(address, setup.initiatorAddress),
  );
  let missing = others;
  let given = 0;
  let complete = false;
  if (aggregate !== undefined) {
    const status = await optional(() => client.getTransactionStatus(aggregate));
    complete = status?.group === 'confirmed';
    const partial = complete ? undefined : await optional(() => client.getPartialTransaction(aggregate));
    if (partial !== undefined) {
      const signers = partial.cosignatures
        .filter((entry) => verifyCosignature(aggregate, entry.signerPublicKey, entry.signature))
        .map((entry) => deriveAddress(entry.signerPublicKey, parameters.networkIdentifier));
      missing = others.filter((address) => !signers.some((signer) => equalBytes(signer, address)));
      given = others.length - missing.length;
    }
  }
  let lockEndHeight: bigint | null = null;
  if (lock !== undefined) {
    const locks = await optional(() => client.getHashLocks(setup.initiatorAddress));
    const found = locks?.find((entry) => aggregate !== undefined && equalBytes(entry.hash, aggregate));
    lockEndHeight = found?.endHeight ?? null;
    if (found !== undefined && !found.used && !complete) {
      const height = (await optional(() => client.getChainInfo()))?.height;
      if (height !== undefined && found.endHeight - height <= LOCK_WARNING_BLOCKS) {
        parameters.onNote?.(
          `the hash lock ends at height ${found.endHeight} (now ${height}) and the aggregate is still incomplete: ` +
            'unless the cosignatories sign before then, its deposit goes to that block’s harvester',
        );
      }
    }
  }
  const needed = complete ? 0 : Math.max(0, setup.info.minApproval - 1 - given);
  return {
    address: setup.multisigAddress,
    minApproval: setup.info.minApproval,
    initiatorAddress: encodeAddress(setup.initiatorAddress),
    lockHash: lock ?? null,
    aggregateHash: aggregate ?? null,
    lockDeposit: parameters.lockDeposit,
    lockEndHeight,
    missingCosignatories: complete ? [] : missing.map(encodeAddress),
    cosignaturesNeeded: needed,
  };
}

async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NodeError) return undefined;
    throw error;
  }
}
