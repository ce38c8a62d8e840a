/**
 * How every message names a network (docs/cli.md, "--network"): by its name and the first bytes of its generation
 * hash seed, because a private network (the devnet) may reuse a public identifier: "testnet (seed 49D6E1CE…)",
 * "private (testnet identifier, seed 1F2E3D4C…)".
 */
import { toHex } from './bytes.js';
import { findPublicNetwork, knownPublicNetwork, type NetworkParameters } from './network.js';

/** What names a network: its identifier byte and its generation hash seed. */
export type NetworkIdentity = Pick<NetworkParameters, 'identifier' | 'generationHashSeed'>;

/** "mainnet (seed 57F7DA20…)", or "private (testnet identifier, seed …)" for a seed that is neither public one. */
export function describeNetwork(network: NetworkIdentity): string {
  const seed = `seed ${toHex(network.generationHashSeed.subarray(0, 4))}…`;
  const known = knownPublicNetwork(network);
  if (known !== undefined) return `${known.name} (${seed})`;
  const sameIdentifier = findPublicNetwork(network.identifier);
  const identifier =
    sameIdentifier === undefined ? `identifier ${network.identifier}` : `${sameIdentifier.name} identifier`;
  return `private (${identifier}, ${seed})`;
}
