/**
 * Several --node URLs as one NodeClient (docs/cli.md, "Several nodes"): each call goes to the node in use; when it
 * fails with a NodeError (after that node's own retries) the call is made again on the next node, which is then in
 * use. Before a node is first used, its network (generation hash seed) is compared with the first node that
 * answered: a node of another network is dropped with a note. Node-specific reads (/node/info, /node/server,
 * /node/unlockedaccount) go to `pinned` when it is given (the node to delegate to), without failover; `url` is
 * then the pinned node's.
 */
import { toHex } from '../core/bytes.js';
import { InputError, NodeError } from '../core/errors.js';
import type { NodeClient } from './createNodeClient.js';

/** What createFailoverClient needs. */
export interface FailoverClientOptions {
  /** The nodes in the order given, the first one preferred; at least one. */
  readonly clients: readonly NodeClient[];
  /** The node whose own facts (transport key, unlocked accounts) count; without it they fail over too. */
  readonly pinned?: NodeClient;
  /** Says on stderr that a node is skipped or dropped. */
  readonly onNote?: (text: string) => void;
}

/** One NodeClient over several nodes of the same network. */
export function createFailoverClient(options: FailoverClientOptions): NodeClient {
  const live = [...options.clients];
  const note = options.onNote ?? (() => undefined);
  const admitted = new Set<NodeClient>();
  let current = 0;
  // the hex seed of the first node that answered; '' when it gave none
  let seed: string | undefined;

  const seedOf = async (client: NodeClient): Promise<string> => {
    const properties = await client.getNetworkProperties();
    return properties.generationHashSeed === undefined ? '' : toHex(properties.generationHashSeed);
  };

  /** False when `client` is on another network than the nodes used so far. */
  const admit = async (client: NodeClient): Promise<boolean> => {
    if (admitted.has(client) || live.length === 1) return true;
    const own = await seedOf(client);
    if (seed === undefined || seed === '') seed = own;
    else if (own !== '' && own !== seed) {
      note(
        `WRONG_NETWORK: ${client.url} is on another network (seed ${own.slice(0, 8)}…) than ` +
          `${live[current]!.url} (seed ${seed.slice(0, 8)}…); it is not used`,
      );
      return false;
    }
    admitted.add(client);
    return true;
  };

  const call = async <T>(run: (client: NodeClient) => Promise<T>): Promise<T> => {
    let last: NodeError | undefined;
    let tried = 0;
    while (tried < live.length) {
      const index = (current + tried) % live.length;
      const client = live[index]!;
      try {
        if (!(await admit(client))) {
          live.splice(index, 1);
          if (index < current) current -= 1;
          continue;
        }
        const value = await run(client);
        if (index !== current) current = index;
        return value;
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        last = error;
        tried += 1;
        if (tried < live.length) {
          const next = live[(current + tried) % live.length]!;
          note(`${client.url} failed (${error.code}); trying ${next.url}`);
        }
      }
    }
    if (last !== undefined) throw last;
    throw new InputError('WRONG_NETWORK', 'no --node left on the network of the first node', {
      hint: 'give nodes of one network',
    });
  };

  let pinnedChecked: Promise<void> | undefined;
  /** The pinned node must be on the network of the nodes in use (checked once). */
  const checkPinned = (pinned: NodeClient): Promise<void> => {
    pinnedChecked ??= (async () => {
      const [own, used] = await Promise.all([seedOf(pinned), call(seedOf)]);
      if (own !== '' && used !== '' && own !== used) {
        throw new InputError(
          'WRONG_NETWORK',
          `${pinned.url} (the node to delegate to) is on another network than the --node URLs`,
          { hint: 'give nodes of one network' },
        );
      }
    })().catch((error: unknown) => {
      pinnedChecked = undefined; // a passing failure is tried again at the next call
      throw error;
    });
    return pinnedChecked;
  };
  const own = async <T>(run: (client: NodeClient) => Promise<T>): Promise<T> => {
    const { pinned } = options;
    if (pinned === undefined) return call(run);
    await checkPinned(pinned);
    return run(pinned);
  };

  return {
    // the node delegated to when pinned (results and the keystore name it), else the node in use
    get url() {
      return options.pinned?.url ?? live[current]?.url ?? options.clients[0]!.url;
    },
    getNodeInfo: () => own((client) => client.getNodeInfo()),
    getNodeServer: () => own((client) => client.getNodeServer()),
    getUnlockedAccounts: () => own((client) => client.getUnlockedAccounts()),
    getNodeTime: () => call((client) => client.getNodeTime()),
    getNetworkProperties: () => call((client) => client.getNetworkProperties()),
    getTransactionFees: () => call((client) => client.getTransactionFees()),
    getChainInfo: () => call((client) => client.getChainInfo()),
    getAccount: (id) => call((client) => client.getAccount(id)),
    getAccounts: (publicKeys) => call((client) => client.getAccounts(publicKeys)),
    announceTransaction: (payload) => call((client) => client.announceTransaction(payload)),
    getTransactionStatus: (hash) => call((client) => client.getTransactionStatus(hash)),
    searchConfirmedTransactions: (parameters) =>
      call((client) => client.searchConfirmedTransactions(parameters)),
    getConfirmedTransaction: (hash) => call((client) => client.getConfirmedTransaction(hash)),
    getBlock: (height) => call((client) => client.getBlock(height)),
    searchTransactionStatements: (parameters) =>
      call((client) => client.searchTransactionStatements(parameters)),
    getMultisigInfo: (address) => call((client) => client.getMultisigInfo(address)),
    getHashLocks: (ownerAddress) => call((client) => client.getHashLocks(ownerAddress)),
    searchPartialTransactions: (filter) => call((client) => client.searchPartialTransactions(filter)),
    getPartialTransaction: (hash) => call((client) => client.getPartialTransaction(hash)),
    announcePartialTransaction: (payload) => call((client) => client.announcePartialTransaction(payload)),
    announceCosignature: (cosignature) => call((client) => client.announceCosignature(cosignature)),
  };
}
