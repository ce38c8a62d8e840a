/**
 * POST /devnet/beneficiary (docs/devnet.md, "Failures on demand"): sets this node's beneficiary, as an operator sets
 * `beneficiaryAddress` in config-node.properties, so that a test can make one account both the harvester and the
 * beneficiary of a block (a delegate of this node named its beneficiary gets both shares).
 *
 *   {"address": "<base32>"} → 200 {"beneficiaryAddress": "<base32>"}; {"address": null} resets it to the owner.
 */
import { encodeAddress, parseAddress } from './keys.js';
import { restError, type RestResponse } from './restResponse.js';
import type { NodeRouteContext } from './routes.js';

/** Sets (or resets) the beneficiary of the node answering. */
export function beneficiaryRoute(context: NodeRouteContext, body: Record<string, unknown>): RestResponse {
  const extra = Object.keys(body).filter((key) => key !== 'address');
  if (extra.length > 0) return restError(400, 'InvalidArgument', `unknown field ${extra.join(', ')}`);
  const rewards = context.chain.parameters.rewards;
  if (rewards === undefined) return restError(400, 'InvalidArgument', 'this devnet has no block rewards');
  const text = body['address'];
  if (text === null) {
    rewards.setBeneficiary(context.index, undefined);
  } else {
    if (typeof text !== 'string')
      return restError(400, 'InvalidArgument', 'address must be a base32 address or null');
    try {
      rewards.setBeneficiary(context.index, parseAddress(text));
    } catch {
      return restError(400, 'InvalidArgument', 'address is not a devnet address');
    }
  }
  return { status: 200, body: { beneficiaryAddress: encodeAddress(rewards.beneficiaryOf(context.index)) } };
}
