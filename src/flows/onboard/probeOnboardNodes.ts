/** Step 2 of onboarding: every node read once, at the same time; all readable nodes must be on one network. */
import { equalBytes } from '../../core/bytes.js';
import { InputError, NodeError } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import { readNodeFacts } from '../lifecycle/readNodeFacts.js';
import { readUnlocked } from '../lifecycle/waitForNode.js';
import type { OnboardAccountsParameters, Prepared, ProbedNode } from './onboardTypes.js';

/** Reads every node named by --node or by a row, once, at the same time. */
export async function probeNodes(
  parameters: OnboardAccountsParameters,
  prepared: readonly Prepared[],
): Promise<Map<string, ProbedNode>> {
  const urls = [
    ...new Set([
      ...parameters.nodes.map((node) => node.url),
      ...prepared.flatMap((entry) =>
        entry.failure === undefined && entry.input.node !== undefined ? [entry.input.node] : [],
      ),
    ]),
  ];
  const probes = await Promise.all(
    urls.map(async (url): Promise<ProbedNode> => {
      const client = parameters.connect(url);
      try {
        const facts = await readNodeFacts({
          client,
          expectedNetwork: parameters.expectedNetwork,
          now: parameters.now,
        });
        const unlockedKeys = await readUnlocked(client);
        return {
          url,
          client,
          facts,
          ...(unlockedKeys === undefined ? {} : { unlocked: unlockedKeys.length, unlockedKeys }),
        };
      } catch (error) {
        if (!(error instanceof NodeError)) throw error; // WRONG_NETWORK and bugs stop the batch
        parameters.onNote?.(`${url} cannot be read (${error.code}): its accounts fail, the others go on`);
        return { url, client, error };
      }
    }),
  );
  return new Map(probes.map((probe) => [probe.url, probe]));
}

/** The network every readable node is on (they must agree). */
export function commonNetwork(probed: ReadonlyMap<string, ProbedNode>): NetworkParameters {
  let first: ProbedNode | undefined;
  for (const probe of probed.values()) {
    if (probe.facts === undefined) continue;
    if (first === undefined) {
      first = probe;
      continue;
    }
    const a = first.facts!.network;
    const b = probe.facts.network;
    if (a.identifier !== b.identifier || !equalBytes(a.generationHashSeed, b.generationHashSeed)) {
      throw new InputError('WRONG_NETWORK', `${probe.url} is not on the same network as ${first.url}`, {
        hint: 'every node of one onboarding must be on one network',
      });
    }
  }
  if (first === undefined) {
    const error = [...probed.values()].find((probe) => probe.error !== undefined)?.error;
    throw (
      error ??
      new InputError('INPUT_REQUIRED', 'no node to delegate to', {
        hint: 'pass --node <url> (repeatable), or add a node column',
      })
    );
  }
  return first.facts!.network;
}
