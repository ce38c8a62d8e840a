/** What onboarding remembers of earlier runs (keystores, nodes) and what its one batch confirmation shows. */
import type { OnboardPlan } from '../../contract/onboard.js';
import { deriveAddress } from '../../core/address.js';
import { HarvestError } from '../../core/errors.js';
import { buildAggregate } from '../../core/transactions/buildAggregate.js';
import { resolveFeeMultiplier } from '../../core/transactions/resolveFeeMultiplier.js';
import type { AggregateVersion } from '../../core/transactions/transactionTypes.js';
import type { KeystoreFile } from '../../core/keystore/keystoreFormat.js';
import { readKeystoreFile } from '../keystore/readKeystoreFile.js';
import type { OnboardAccountsParameters, Prepared, ProbedNode } from './onboardTypes.js';

/** The account's keystore file as it is on disk (no password): undefined when none, null when damaged. */
export async function rememberedKeystore(
  parameters: Pick<OnboardAccountsParameters, 'files' | 'home'>,
  mainAddress: string,
  onWarning?: (text: string) => void,
) {
  try {
    return await readKeystoreFile(parameters.files, parameters.home, mainAddress, onWarning);
  } catch (error) {
    if (error instanceof HarvestError) return null; // exists but damaged: the account's own run reports it
    throw error;
  }
}

/** The node URL a keystore remembers. */
export function rememberedNode(file: KeystoreFile | null | undefined): string | undefined {
  const url = file?.node?.url;
  return url === undefined ? undefined : url.replace(/\/+$/, '');
}

/** The batch confirmation: accounts per node, free slots, the fee upper bound. */
export function planOf(
  parameters: OnboardAccountsParameters,
  prepared: readonly Prepared[],
  running: readonly Prepared[],
  probed: ReadonlyMap<string, ProbedNode>,
  capacities: readonly { url: string; freeSlots: number | undefined }[],
): OnboardPlan {
  const perNode = new Map<string, number>();
  for (const entry of running) perNode.set(entry.nodeUrl!, (perNode.get(entry.nodeUrl!) ?? 0) + 1);
  let totalFeeEstimate = 0n;
  for (const [url, accounts] of perNode) {
    const facts = probed.get(url)!.facts!;
    totalFeeEstimate +=
      BigInt(accounts) *
      setupSize(facts.network.identifier, facts.aggregateVersion) *
      resolveFeeMultiplier(parameters.fee, facts.fees);
  }
  return {
    accounts: running.length,
    nodes: [...perNode].map(([url, accounts]) => {
      const freeSlots = capacities.find((capacity) => capacity.url === url)?.freeSlots;
      return { url, accounts, ...(freeSlots === undefined ? {} : { freeSlots }) };
    }),
    totalFeeEstimate,
    failed: prepared.length - running.length,
  };
}

/** Bytes of the largest usual set-up aggregate: node, remote and VRF links and the 132-byte request. */
function setupSize(networkIdentifier: number, version: AggregateVersion): bigint {
  const key = new Uint8Array(32).fill(1);
  return buildAggregate({
    networkIdentifier,
    signerPublicKey: key,
    deadline: 0n,
    fee: { multiplier: 1n },
    version,
    transactions: [
      { type: 'keyLink', role: 'node', action: 'link', linkedPublicKey: key },
      { type: 'keyLink', role: 'remote', action: 'link', linkedPublicKey: key },
      { type: 'keyLink', role: 'vrf', action: 'link', linkedPublicKey: key },
      {
        type: 'transfer',
        recipientAddress: deriveAddress(key, networkIdentifier),
        message: new Uint8Array(132),
      },
    ],
  }).fee;
}
