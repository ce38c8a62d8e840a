/**
 * `harvest cosign` (docs/commands/cosign.md): the other cosignatories of a multisig account complete the bonded
 * aggregate `delegate --multisig` announced.
 *
 *   1. the node's network checked (WRONG_NETWORK), the partial aggregates involving the cosignatory or one of the
 *      multisig accounts it cosigns for listed (/account/{address}/multisig, /transactions/partial?address=), or
 *      the one of --hash (/transactions/partial/{hash}: TRANSACTION_NOT_FOUND; an answer naming another hash is
 *      NODE_BAD_RESPONSE, nothing signed)
 *   2. each one rebuilt from what the node shows and its hash checked (rebuildPartialAggregate), every inner
 *      transaction described; only key links and delegation requests of one account pass (checkAggregateSafety,
 *      as `announce` and `sign` apply it), unless allowAny — an aggregate whose rebuilt hash differs from the node's
 *      is refused even then
 *   3. the key must be a cosignatory of that account (/account/{address}/multisig) and not have signed it yet
 *   4. confirm, then the detached cosignature of the hash (PUT /transactions/cosignature)
 *
 * With --hash a refusal is the error (UNSAFE_TRANSACTION, NOT_COSIGNATORY); listing, it is the entry's `action`.
 */
import type { CosignResult, PartialReport } from '../contract/cosign.js';
import { deriveAddress, encodeAddress } from '../core/address.js';
import { equalBytes, toHex } from '../core/bytes.js';
import { HarvestError, InputError, NodeError, RejectedError } from '../core/errors.js';
import { derivePublicKey } from '../core/keys.js';
import type { NetworkParameters } from '../core/network.js';
import { checkAggregateSafety } from '../core/transactions/checkAggregateSafety.js';
import { cosignAggregateHash } from '../core/transactions/cosignAggregateHash.js';
import type { TransactionDescription } from '../core/transactions/describeTransaction.js';
import { verifyCosignature } from '../core/transactions/verifyCosignature.js';
import type { NodeClient } from '../node/createNodeClient.js';
import type { PartialAggregate } from '../node/readPartialAggregate.js';
import { readNodeFacts, type NodeFacts } from './lifecycle/readNodeFacts.js';
import { rebuildPartialAggregate } from './multisig/rebuildPartialAggregate.js';
import { describePlanned } from './plans/checkSignedFile.js';

/** Inputs of cosignPartials. */
export interface CosignPartialsParameters {
  readonly client: NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  /** The key cosigns; with only the address (--address) the partials are listed. */
  readonly cosignatory: { readonly privateKey: Uint8Array } | { readonly address: Uint8Array };
  /** --hash: this aggregate only. */
  readonly hash: Uint8Array | undefined;
  readonly allowAny: boolean;
  readonly dryRun: boolean;
  /** Shown one aggregate (its description and hash) before cosigning; false or CANCELLED declines. */
  readonly confirm: (
    description: TransactionDescription,
    hash: Uint8Array,
    verified: boolean,
  ) => Promise<boolean>;
  readonly now: () => Date;
  readonly onNote?: ((text: string) => void) | undefined;
}

/** Lists, checks and cosigns. */
export async function cosignPartials(parameters: CosignPartialsParameters): Promise<CosignResult> {
  const { client, cosignatory } = parameters;
  const facts = await readNodeFacts(parameters);
  const identifier = facts.network.identifier;
  const address =
    'privateKey' in cosignatory
      ? deriveAddress(derivePublicKey(cosignatory.privateKey), identifier)
      : cosignatory.address;
  const partials = await readPartials(parameters, address);
  const reports: PartialReport[] = [];
  for (const partial of partials) {
    reports.push(await handle(parameters, facts, address, partial));
  }
  return {
    network: facts.network.name,
    nodeUrl: client.url,
    cosignatoryAddress: encodeAddress(address),
    partials: reports,
  };
}

async function readPartials(
  parameters: CosignPartialsParameters,
  address: Uint8Array,
): Promise<PartialAggregate[]> {
  const { client, hash } = parameters;
  if (hash !== undefined) {
    const partial = await client.getPartialTransaction(hash);
    if (partial === undefined) {
      throw new InputError(
        'TRANSACTION_NOT_FOUND',
        `no partial transaction ${toHex(hash)} on ${client.url}`,
        {
          hint: 'it completed, expired, or was announced to another network; `harvest cosign` without --hash lists them',
        },
      );
    }
    if (!equalBytes(partial.hash, hash)) throw wrongPartial(client.url, hash, partial.hash);
    return [partial];
  }
  // the node indexes a partial under the accounts it involves (the multisig account, the initiator), not under
  // every cosignatory of the multisig account: search under each account this one cosigns for, as wallets do
  const setup = await client.getMultisigInfo(address);
  const hashes = new Map<string, Uint8Array>();
  for (const each of [address, ...(setup?.multisigAddresses ?? [])]) {
    for (const hash of await client.searchPartialTransactions({ address: each }))
      hashes.set(toHex(hash), hash);
  }
  const found: PartialAggregate[] = [];
  for (const each of hashes.values()) {
    const partial = await client.getPartialTransaction(each);
    if (partial === undefined) continue; // completed or expired since the search
    if (!equalBytes(partial.hash, each)) throw wrongPartial(client.url, each, partial.hash);
    found.push(partial);
  }
  return found;
}

async function handle(
  parameters: CosignPartialsParameters,
  facts: NodeFacts,
  address: Uint8Array,
  partial: PartialAggregate,
): Promise<PartialReport> {
  const { client, cosignatory } = parameters;
  const identifier = facts.network.identifier;
  const rebuilt = rebuildPartialAggregate(partial, facts.network);
  const { description } = rebuilt;
  const signers = new Set(description.transactions.map((inner) => toHex(inner.signerPublicKey)));
  const innerSigner = signers.size === 1 ? description.transactions[0]!.signerPublicKey : undefined;
  const multisigAddress = innerSigner === undefined ? undefined : deriveAddress(innerSigner, identifier);
  const setup = multisigAddress === undefined ? undefined : await client.getMultisigInfo(multisigAddress);
  const cosigners = partial.cosignatures
    .filter((entry) => verifyCosignature(partial.hash, entry.signerPublicKey, entry.signature))
    .map((entry) => entry.signerPublicKey);
  const base = {
    hash: partial.hash,
    initiatorPublicKey: partial.signerPublicKey,
    multisigAddress: multisigAddress === undefined ? null : encodeAddress(multisigAddress),
    deadline: partial.deadline,
    plan: description.transactions.map((inner) => describePlanned(inner, facts)),
    verified: rebuilt.verified,
    cosignatures: cosigners.length,
    minApproval: setup?.minApproval ?? null,
  };
  const refuse = (problems: string[]): PartialReport => {
    if (parameters.hash !== undefined) {
      throw new RejectedError(
        'UNSAFE_TRANSACTION',
        `refusing to cosign ${toHex(partial.hash)}: ${problems.join('; ')}`,
        {
          hint: 'only pass --allow-any if you know exactly what every inner transaction does',
          details: { problems },
        },
      );
    }
    return { ...base, action: 'refused', problems };
  };
  if (!rebuilt.consistent) {
    return refuse([
      "the node's hash is not the hash of the transactions it shows: it may be hiding another one",
    ]);
  }
  const problems = safetyProblems(description, parameters.allowAny);
  if (problems.length > 0) return refuse(problems);
  if (setup === undefined || !setup.cosignatoryAddresses.some((entry) => equalBytes(entry, address))) {
    if (parameters.hash !== undefined) {
      throw new InputError(
        'NOT_COSIGNATORY',
        `${encodeAddress(address)} is not a cosignatory of ${base.multisigAddress ?? 'the accounts signing inside'}`,
      );
    }
    return refuse([
      `${encodeAddress(address)} is not a cosignatory of ${base.multisigAddress ?? 'its signers'}`,
    ]);
  }
  const signedAlready = [partial.signerPublicKey, ...cosigners].some((key) =>
    equalBytes(deriveAddress(key, identifier), address),
  );
  if (signedAlready) return { ...base, action: 'alreadySigned', problems: [] };
  if (!('privateKey' in cosignatory) || parameters.dryRun) return { ...base, action: 'listed', problems: [] };
  if (!(await parameters.confirm(description, partial.hash, rebuilt.verified))) {
    return { ...base, action: 'declined', problems: [] };
  }
  await client.announceCosignature(cosignAggregateHash(partial.hash, cosignatory.privateKey));
  parameters.onNote?.(`cosigned ${toHex(partial.hash)}`);
  return { ...base, action: 'cosigned', problems: [] };
}

/** The reasons checkAggregateSafety gives, as a list (empty: safe, or allowAny). */
function safetyProblems(description: TransactionDescription, allowAny: boolean): string[] {
  if (allowAny) return [];
  try {
    checkAggregateSafety(description, { cosigning: true });
    return [];
  } catch (error) {
    if (!(error instanceof HarvestError)) throw error;
    const problems = (error.details as { problems?: string[] } | undefined)?.problems;
    return problems ?? [error.message];
  }
}

/** The node answered /transactions/partial/{hash} with another aggregate: nothing of it is signed. */
function wrongPartial(url: string, asked: Uint8Array, given: Uint8Array): NodeError {
  return new NodeError(
    'NODE_BAD_RESPONSE',
    `${url} answered /transactions/partial/${toHex(asked)} with another aggregate (${toHex(given)}): nothing was signed`,
    { hint: 'ask another node (--node)', details: { asked: toHex(asked), given: toHex(given) } },
  );
}
