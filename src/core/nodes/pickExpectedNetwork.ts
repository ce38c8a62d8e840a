/**
 * Which network node discovery judges against when --network is not given (docs/commands/nodes.md): the one most
 * reachable candidates report (identifier and generation hash seed together), the first listed on a tie. A directory
 * serves one network, so a node on another one is the odd one out.
 */
import { equalBytes } from '../bytes.js';
import type { NodeProbe } from './nodeCandidate.js';

/** The network a candidate reports. */
export interface ReportedNetwork {
  readonly identifier: number;
  readonly generationHashSeed: Uint8Array;
}

/** The most reported network among the reachable probes; undefined when none answered. */
export function pickExpectedNetwork(probes: readonly NodeProbe[]): ReportedNetwork | undefined {
  const counts: { network: ReportedNetwork; count: number }[] = [];
  for (const probe of probes) {
    if (probe.networkIdentifier === undefined || probe.generationHashSeed === undefined) continue;
    const network = { identifier: probe.networkIdentifier, generationHashSeed: probe.generationHashSeed };
    const known = counts.find(
      (entry) =>
        entry.network.identifier === network.identifier &&
        equalBytes(entry.network.generationHashSeed, network.generationHashSeed),
    );
    if (known === undefined) counts.push({ network, count: 1 });
    else known.count++;
  }
  let best: (typeof counts)[number] | undefined;
  for (const entry of counts) if (best === undefined || entry.count > best.count) best = entry;
  return best?.network;
}
