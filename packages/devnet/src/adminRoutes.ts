/**
 * The devnet's own test routes (docs/devnet.md, "Failures on demand"), which no Symbol node has: they make a node
 * show, when a test asks, what a real node does after a restart, a data reset or when a stronger delegate arrives.
 *
 *   POST /devnet/restart   {"wipeHarvesters": true | false}   → 200 {"restarted": true}
 *   POST /devnet/delegate  {"importance": "<decimal>"}        → 200 {"mainPublicKey", …, "unlocked", "evicted"}
 *   POST /devnet/beneficiary {"address": "<base32>" | null}   → 200 {"beneficiaryAddress"} (beneficiaryRoute.ts)
 *
 * A body that is not JSON or not of this shape is 400 with the gateway's error body (code InvalidArgument).
 */
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder } from 'symbol-sdk/symbol';
import { toHex } from './bytes.js';
import { beneficiaryRoute } from './beneficiaryRoute.js';
import { ACCOUNT_TYPE, addressKey, addressOf, newAccount } from './chainState.js';
import { restError, type RestResponse } from './restResponse.js';
import type { NodeRouteContext } from './routes.js';
import { importanceHeightFor, MAX_HARVESTER_BALANCE } from './settings.js';

/** Routes a POST under /devnet/. */
export function adminRoute(context: NodeRouteContext, name: string | undefined, text: string): RestResponse {
  const parsed = parseObject(text);
  if (typeof parsed === 'string') return badRequest(parsed);
  if (name === 'restart') return restart(context, parsed);
  if (name === 'delegate') return delegate(context, parsed);
  if (name === 'beneficiary') return beneficiaryRoute(context, parsed);
  return restError(404, 'ResourceNotFound', `/devnet/${name ?? ''} does not exist`);
}

const badRequest = (message: string) => restError(400, 'InvalidArgument', message);

function parseObject(text: string): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'body must be a JSON object';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'body must be a JSON object';
  return parsed as Record<string, unknown>;
}

function onlyKeys(body: Record<string, unknown>, names: readonly string[]): string | undefined {
  const extra = Object.keys(body).filter((key) => !names.includes(key));
  return extra.length === 0 ? undefined : `unknown field ${extra.join(', ')}`;
}

/** The node restarts: its delegates are read again from harvesters.dat, which `wipeHarvesters` empties first. */
function restart(context: NodeRouteContext, body: Record<string, unknown>): RestResponse {
  const extra = onlyKeys(body, ['wipeHarvesters']);
  if (extra !== undefined) return badRequest(extra);
  if (typeof body['wipeHarvesters'] !== 'boolean') return badRequest('wipeHarvesters must be true or false');
  context.extension.restart(body['wipeHarvesters']);
  return { status: 200, body: { restarted: true } };
}

/**
 * A fresh account delegating to this node with the given importance: made main account (balance half the maximum
 * harvester balance, so that the rewards of the blocks it signs never push it out of the harvesting range and get it
 * pruned, remote and VRF keys linked, node key linked to this node, importance current), and its
 * delegation request processed at once by the Importance policy, which evicts the weakest delegate when the slots
 * are full and the newcomer is stronger.
 */
function delegate(context: NodeRouteContext, body: Record<string, unknown>): RestResponse {
  const extra = onlyKeys(body, ['importance']);
  if (extra !== undefined) return badRequest(extra);
  const text = body['importance'];
  if (typeof text !== 'string' || !/^[1-9]\d{0,30}$/.test(text))
    return badRequest('importance must be a positive whole number written as a decimal string');
  const importance = BigInt(text);
  const state = context.chain.state;
  const height = state.height;
  const [main, remote, vrf] = [0, 1, 2].map(() => new KeyPair(PrivateKey.random())) as [
    KeyPair,
    KeyPair,
    KeyPair,
  ];
  const mainAccount = newAccount(addressOf(main.publicKey.bytes), height);
  mainAccount.publicKey = main.publicKey.bytes;
  mainAccount.publicKeyHeight = height;
  mainAccount.accountType = ACCOUNT_TYPE.main;
  mainAccount.links = {
    linked: remote.publicKey.bytes,
    vrf: vrf.publicKey.bytes,
    node: context.extension.nodePublicKey,
  };
  mainAccount.balance = MAX_HARVESTER_BALANCE / 2n;
  mainAccount.importance = importance;
  mainAccount.importanceHeight = importanceHeightFor(height + 1n, context.properties.importanceGrouping);
  const remoteAccount = newAccount(addressOf(remote.publicKey.bytes), height);
  remoteAccount.publicKey = remote.publicKey.bytes;
  remoteAccount.publicKeyHeight = height;
  remoteAccount.accountType = ACCOUNT_TYPE.remote;
  remoteAccount.links = { linked: main.publicKey.bytes };
  state.accounts.set(addressKey(mainAccount.address), mainAccount);
  state.accounts.set(addressKey(remoteAccount.address), remoteAccount);
  const message = new MessageEncoder(main).encodePersistentHarvestingDelegation(
    new PublicKey(context.extension.nodePublicKey),
    remote,
    vrf,
  );
  const { unlocked, evicted } = context.extension.unlockNow(main.publicKey.bytes, message, height);
  return {
    status: 200,
    body: {
      mainPublicKey: toHex(main.publicKey.bytes),
      remotePublicKey: toHex(remote.publicKey.bytes),
      vrfPublicKey: toHex(vrf.publicKey.bytes),
      importance: importance.toString(),
      unlocked,
      evicted: evicted === undefined ? null : toHex(evicted),
    },
  };
}
