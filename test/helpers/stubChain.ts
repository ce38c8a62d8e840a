/**
 * A tiny stateful chain behind a stubNode: the routes every online flow reads (node info, network properties,
 * fees, chain height, node time on the virtual clock), accounts whose links change when an announced aggregate
 * confirms, and a node that opens a confirmed delegation request with its private key and unlocks the remote key
 * it carries when the account's links match (as a real node does).
 *
 *   const time = virtualTime();
 *   const node = stubNode({ url: NODE_URL, timeline });
 *   const chain = stubChain(node, { time });
 *   chain.addAccount({ publicKey: MAIN_PUBLIC, balance: 20_000_000_000n, importance: 1n });
 *   // PUT /transactions → the 1st status poll says unconfirmed, the 2nd confirmed; the links are applied;
 *   // a confirmed request to this node puts the remote key in /node/unlockedaccount
 *
 * Like a node, it fails a transaction whose signature does not verify for its network
 * (Failure_Signature_Not_Verifiable) or whose deadline is past or more than 6 h ahead of its clock.
 * Knobs: `confirmAfterPolls`, `rejectNext(code)` (the next announcement fails with a Failure_* code),
 * `dropAnnouncements` (the node forgets the next n announcements: status stays 404), `unlockDelegates` (false: the node is
 * full and never unlocks), `pruneOnNodeUnlink` (false: the node keeps the delegate after a node unlink), and
 * `setStatus(hash, …)` for a hash the node should already know. Its routes are optional for assertAllHit.
 */
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { equalBytes, toHex } from '../../src/core/bytes.js';
import { extractDelegationRecord, openDelegationRecord } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET, type NetworkParameters } from '../../src/core/network.js';
import { describeTransaction } from '../../src/core/transactions/describeTransaction.js';
import { MAX_LIFETIME_MS } from '../../src/core/transactions/computeDeadline.js';
import { hashTransaction } from '../../src/core/transactions/hashTransaction.js';
import { verifyTransactionSignature } from '../../src/core/transactions/verifyTransactionSignature.js';
import { NODE_PRIVATE, NODE_PUBLIC, testnetNodeInfo, testnetProperties } from './delegationChain.js';
import { notFound, reply, restFixture, type StubNode, type StubRequest } from './stubNode.js';
import type { VirtualTime } from './virtualTime.js';

/** One account the chain knows. */
export interface ChainAccount {
  readonly publicKey: Uint8Array;
  balance: bigint;
  importance: bigint;
  /** 1 main, 2 remote (REST's accountType). */
  accountType: number;
  links: { remote?: Uint8Array | undefined; vrf?: Uint8Array | undefined; node?: Uint8Array | undefined };
}

/** What the node has been sent. */
export interface ChainTransaction {
  readonly hash: string;
  readonly payload: Uint8Array;
  /** Status polls so far. */
  polls: number;
  /** A Failure_* code, or 'confirm'. */
  readonly fate: string;
  confirmed: boolean;
}

/** Options of stubChain. */
export interface StubChainOptions {
  readonly time: VirtualTime;
  /** TESTNET by default (node info and properties are the fixtures', set to testnet). */
  readonly network?: NetworkParameters;
  /** The node's transport key (NODE_PUBLIC by default); null: /node/info does not publish one. */
  readonly nodePublicKey?: Uint8Array | null;
  /** Its private key, to open delegation requests (NODE_PRIVATE by default; none: requests never unlock). */
  readonly nodePrivateKey?: Uint8Array;
  readonly height?: bigint;
  /** Unconfirmed answers before a status poll says confirmed (default 1). */
  readonly confirmAfterPolls?: number;
  /** Node clock − virtual clock, ms. */
  readonly clockSkewMs?: number;
  /** Block time in seconds (default 30, the fixture's). */
  readonly blockTimeSeconds?: number;
}

/** The chain, to arrange and to inspect. */
export interface StubChain {
  readonly network: NetworkParameters;
  readonly nodePublicKey: Uint8Array | undefined;
  /** Announced transactions by upper-case hash, in announcement order. */
  readonly transactions: Map<string, ChainTransaction>;
  /** Every PUT /transactions payload (repeats included), as hex. */
  readonly announced: string[];
  /** The remote keys /node/unlockedaccount lists. */
  unlocked: Uint8Array[];
  /** When false the node is full: a confirmed request never unlocks the delegate. */
  unlockDelegates: boolean;
  /** When false the node keeps listing a delegate whose node link was removed. */
  pruneOnNodeUnlink: boolean;
  /** How many of the next announcements the node accepts and forgets (status stays 404); Infinity: all. */
  dropAnnouncements: number;
  confirmAfterPolls: number;
  addAccount(account: Partial<ChainAccount> & { readonly publicKey: Uint8Array }): ChainAccount;
  account(publicKey: Uint8Array): ChainAccount | undefined;
  /** The next announced transaction fails with `code`. */
  rejectNext(code: string): void;
  /** Makes the node already know `hash` (e.g. confirmed by an earlier run). */
  setStatus(hash: string, status: 'confirmed' | 'unconfirmed' | { readonly failed: string }): void;
}

const CONFIRMED_HEIGHT = 5_270_400n;

/** Installs the chain's routes on `node` (all optional) and returns it. */
export function stubChain(node: StubNode, options: StubChainOptions): StubChain {
  const network = options.network ?? TESTNET;
  const nodePublicKey = options.nodePublicKey === null ? undefined : (options.nodePublicKey ?? NODE_PUBLIC);
  const accounts: ChainAccount[] = [];
  const preset = new Map<string, 'confirmed' | 'unconfirmed' | { readonly failed: string }>();
  let nextFate: string | undefined;
  const nodeAddress =
    nodePublicKey === undefined ? undefined : deriveAddress(nodePublicKey, network.identifier);
  const nodePrivateKey =
    options.nodePrivateKey ?? (options.nodePublicKey === undefined ? NODE_PRIVATE : undefined);

  const chain: StubChain = {
    network,
    nodePublicKey,
    transactions: new Map(),
    announced: [],
    unlocked: [],
    unlockDelegates: true,
    pruneOnNodeUnlink: true,
    dropAnnouncements: 0,
    confirmAfterPolls: options.confirmAfterPolls ?? 1,
    addAccount(account) {
      const added: ChainAccount = {
        balance: 0n,
        importance: 0n,
        accountType: 1,
        links: {},
        ...account,
      };
      accounts.push(added);
      return added;
    },
    account: (publicKey) => accounts.find((candidate) => equalBytes(candidate.publicKey, publicKey)),
    rejectNext(code) {
      nextFate = code;
    },
    setStatus(hash, status) {
      preset.set(hash.toUpperCase(), status);
    },
  };

  const apply = (payload: Uint8Array) => {
    const description = describeTransaction(payload);
    for (const inner of description.transactions) {
      const account = chain.account(inner.signerPublicKey);
      if (account === undefined) continue;
      const key = inner.linkedPublicKey;
      switch (inner.kind) {
        case 'remoteLink':
        case 'vrfLink':
        case 'nodeLink':
          account.links[inner.kind.slice(0, -4) as 'remote' | 'vrf' | 'node'] = key;
          break;
        case 'remoteUnlink':
        case 'vrfUnlink':
          account.links[inner.kind.slice(0, -6) as 'remote' | 'vrf'] = undefined;
          break;
        case 'nodeUnlink': {
          account.links.node = undefined;
          const remote = account.links.remote;
          if (chain.pruneOnNodeUnlink && remote !== undefined) {
            chain.unlocked = chain.unlocked.filter((unlocked) => !equalBytes(unlocked, remote));
          }
          break;
        }
        case 'delegationRequest': // applied below, once the links are
        case 'transfer':
        case 'other':
          break;
      }
    }
    // Like a real node: open each request sealed for this node, and unlock the remote key it carries when the
    // signer's links name exactly those remote and VRF keys and this node.
    const account = chain.account(description.signerPublicKey);
    for (const inner of description.transactions) {
      if (inner.kind !== 'delegationRequest' || account === undefined || nodePrivateKey === undefined)
        continue;
      if (!equalBytes(inner.recipientAddress!, nodeAddress!)) continue;
      const opened = openDelegationRecord(nodePrivateKey, extractDelegationRecord(inner.message!));
      if (!opened.ok) continue;
      const remote = derivePublicKey(opened.keys.remotePrivateKey);
      const vrf = derivePublicKey(opened.keys.vrfPrivateKey);
      const { links } = account;
      const matches =
        links.remote !== undefined &&
        equalBytes(links.remote, remote) &&
        links.vrf !== undefined &&
        equalBytes(links.vrf, vrf) &&
        links.node !== undefined &&
        equalBytes(links.node, nodePublicKey!);
      if (matches && chain.unlockDelegates && !chain.unlocked.some((key) => equalBytes(key, remote))) {
        chain.unlocked = [...chain.unlocked, remote];
      }
    }
  };

  const nodeNetworkTimeMs = () =>
    options.time.nowMs() + (options.clockSkewMs ?? 0) - network.epochAdjustmentSeconds * 1000;

  /** What a node checks of a new transaction on its own: the signature for its network, and the deadline. */
  const validate = (payload: Uint8Array): string => {
    if (!verifyTransactionSignature(payload, network.generationHashSeed))
      return 'Failure_Signature_Not_Verifiable';
    const { deadline } = describeTransaction(payload);
    const now = BigInt(nodeNetworkTimeMs());
    if (deadline <= now) return 'Failure_Core_Past_Deadline';
    if (deadline > now + MAX_LIFETIME_MS) return 'Failure_Core_Future_Deadline';
    return 'confirm';
  };

  const statusOf = (hash: string) => {
    const deadline = '0';
    const known = preset.get(hash);
    if (known !== undefined) {
      if (known === 'confirmed')
        return { group: 'confirmed', code: 'Success', hash, deadline, height: `${CONFIRMED_HEIGHT}` };
      if (known === 'unconfirmed') return { group: 'unconfirmed', code: 'Success', hash, deadline };
      return { group: 'failed', code: known.failed, hash, deadline };
    }
    const transaction = chain.transactions.get(hash);
    if (transaction === undefined) return notFound(hash);
    transaction.polls += 1;
    if (transaction.fate !== 'confirm') return { group: 'failed', code: transaction.fate, hash, deadline };
    if (!transaction.confirmed && transaction.polls > chain.confirmAfterPolls) {
      transaction.confirmed = true;
      apply(transaction.payload);
    }
    return transaction.confirmed
      ? { group: 'confirmed', code: 'Success', hash, deadline, height: `${CONFIRMED_HEIGHT}` }
      : { group: 'unconfirmed', code: 'Success', hash, deadline };
  };

  const properties = testnetProperties() as { chain: Record<string, unknown> };
  if (options.blockTimeSeconds !== undefined)
    properties.chain['blockGenerationTargetTime'] = `${options.blockTimeSeconds}s`;
  const nodeInfo = testnetNodeInfo() as Record<string, unknown>;
  if (nodePublicKey === undefined) delete nodeInfo['nodePublicKey'];
  else nodeInfo['nodePublicKey'] = toHex(nodePublicKey);
  const chainInfo = restFixture<Record<string, unknown>>('chainInfo');
  if (options.height !== undefined) chainInfo['height'] = `${options.height}`;
  const optional = { optional: true };

  node
    .on('GET', '/node/info', nodeInfo, optional)
    .on('GET', '/network/properties', properties, optional)
    .on('GET', '/network/fees/transaction', restFixture('transactionFees'), optional)
    .on('GET', '/chain/info', chainInfo, optional)
    .on(
      'GET',
      '/node/time',
      () => {
        const stamp = `${nodeNetworkTimeMs()}`;
        return { communicationTimestamps: { sendTimestamp: stamp, receiveTimestamp: stamp } };
      },
      optional,
    )
    .on('GET', '/node/unlockedaccount', () => ({ unlockedAccount: chain.unlocked.map(toHex) }), optional)
    .on(
      'GET',
      '/accounts/:id',
      (request: StubRequest) => {
        const id = request.params['id']!.toUpperCase();
        const account = accounts.find(
          (candidate) =>
            toHex(candidate.publicKey) === id ||
            encodeAddress(deriveAddress(candidate.publicKey, network.identifier)) === id,
        );
        return account === undefined ? notFound(id) : accountDto(account, network);
      },
      optional,
    )
    .on(
      'PUT',
      '/transactions',
      (request: StubRequest) => {
        const hex = (request.body as { payload: string }).payload;
        chain.announced.push(hex);
        const payload = Uint8Array.from(Buffer.from(hex, 'hex'));
        const hash = toHex(hashTransaction(payload, network.generationHashSeed));
        if (chain.dropAnnouncements > 0) chain.dropAnnouncements -= 1;
        else if (!chain.transactions.has(hash)) {
          chain.transactions.set(hash, {
            hash,
            payload,
            polls: 0,
            fate: nextFate ?? validate(payload),
            confirmed: false,
          });
          nextFate = undefined;
        }
        return reply(202, restFixture('announce'));
      },
      optional,
    )
    .on(
      'GET',
      '/transactionStatus/:hash',
      (request: StubRequest) => statusOf(request.params['hash']!.toUpperCase()),
      optional,
    );
  return chain;
}

/** An /accounts/{id} answer in the REST shape of test/fixtures/rest/account.mainnet.json. */
function accountDto(account: ChainAccount, network: NetworkParameters): unknown {
  const supplemental: Record<string, unknown> = {};
  if (account.links.remote) supplemental['linked'] = { publicKey: toHex(account.links.remote) };
  if (account.links.node) supplemental['node'] = { publicKey: toHex(account.links.node) };
  if (account.links.vrf) supplemental['vrf'] = { publicKey: toHex(account.links.vrf) };
  return {
    id: '5E62690AB46E5565E8C0B5B5',
    account: {
      version: 1,
      address: toHex(deriveAddress(account.publicKey, network.identifier)),
      addressHeight: '1',
      publicKey: toHex(account.publicKey),
      publicKeyHeight: '2',
      accountType: account.accountType,
      supplementalPublicKeys: supplemental,
      activityBuckets: [],
      mosaics: [
        {
          id: network.currencyMosaicId.toString(16).toUpperCase().padStart(16, '0'),
          amount: `${account.balance}`,
        },
      ],
      importance: `${account.importance}`,
      importanceHeight: '5270040',
    },
  };
}
