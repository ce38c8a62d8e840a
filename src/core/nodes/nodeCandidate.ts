/**
 * The facts node discovery gathers about one candidate node (docs/commands/nodes.md), and the words it uses to
 * exclude one. Types only: probing is in src/flows/nodes, judging and ranking here.
 */

/** Why a candidate cannot take a delegation (docs/commands/nodes.md, "Reasons"); public, never renamed. */
export type NodeExclusionReason =
  /** /node/info did not answer within the probe timeout, or not as a Symbol REST gateway. */
  | 'UNREACHABLE'
  /** Another network identifier or generation hash seed than the expected network. */
  | 'WRONG_NETWORK'
  /** /node/info has no nodePublicKey: a delegation request has nowhere to be encrypted to. */
  | 'NO_TRANSPORT_KEY'
  /** The transport key is not a safe curve point: the request would be readable by anyone. */
  | 'UNSAFE_NODE_KEY'
  /** The directory marks it unhealthy, /chain/info fails, or its height lags the network's. */
  | 'UNHEALTHY'
  /** /node/unlockedaccount is not served: whether the node took the account can never be seen. */
  | 'NO_UNLOCKED_LIST'
  /** Every slot is taken and the weakest delegate's importance is not below the account's. */
  | 'FULL_AND_STRONGER';

/** What a probe found (undefined: not seen). */
export interface NodeProbe {
  readonly url: string;
  /** The directory's name, else the node's friendlyName, else ''. */
  readonly name: string;
  /** False when the directory listed the node as unhealthy. */
  readonly directoryHealthy: boolean;
  /** Why /node/info could not be read (an error code, e.g. NODE_TIMEOUT); undefined when it was. */
  readonly unreachable: string | undefined;
  readonly networkIdentifier: number | undefined;
  readonly generationHashSeed: Uint8Array | undefined;
  readonly nodePublicKey: Uint8Array | undefined;
  readonly transportKeySafe: boolean;
  /** catapult's version number (one byte per part). */
  readonly version: number | undefined;
  readonly height: bigint | undefined;
  /** Length of /node/unlockedaccount (the node's own harvester included); undefined when not served. */
  readonly unlockedAccounts: number | undefined;
  /** The lowest importance among the delegates' main accounts; undefined when none could be read. */
  readonly lowestDelegateImportance: bigint | undefined;
  /** Time /node/info took, in whole milliseconds. */
  readonly latencyMs: number | undefined;
}

/** What the judge needs besides the probe. */
export interface NodeJudgeSettings {
  /** The network the account is on; undefined only when no candidate answered. */
  readonly expected: { readonly identifier: number; readonly generationHashSeed: Uint8Array } | undefined;
  /** Slots assumed per node (REST does not publish maxUnlockedAccounts). */
  readonly maxUnlockedAccounts: number;
  /** The account's importance (--address, or the key's account); undefined when unknown. */
  readonly accountImportance: bigint | undefined;
  /** The highest height among the candidates on the expected network. */
  readonly networkHeight: bigint | undefined;
  /** Blocks a node may lag `networkHeight` and still count as healthy. */
  readonly maxHeightLag: bigint;
}

/**
 * How sure the account is to get a slot: `free` a slot is open, `beats` every slot is taken but the account outranks
 * the weakest delegate, `unknown` the node is full and the comparison cannot be made, `full` full and outranked.
 */
export type NodeRoom = 'free' | 'beats' | 'unknown' | 'full';

/** A judged candidate. */
export interface JudgedNode {
  readonly probe: NodeProbe;
  readonly usable: boolean;
  readonly reasons: readonly NodeExclusionReason[];
  readonly room: NodeRoom;
}

/** A judged candidate with its place: 1, 2, … for usable nodes in rank order, null for excluded ones. */
export interface RankedNode extends JudgedNode {
  readonly rank: number | null;
}
