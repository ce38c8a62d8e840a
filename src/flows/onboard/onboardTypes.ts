/** The inputs of `harvest onboard` and the rows and nodes it works on (docs/commands/onboard.md). */
import type { OnboardAccountResult, OnboardPlan } from '../../contract/onboard.js';
import type { HarvestError } from '../../core/errors.js';
import type { DeriveKeystoreKey, ScryptParameters } from '../../core/keystore/keystoreCrypto.js';
import type { NetworkParameters } from '../../core/network.js';
import type { FileSystem, RandomBytes } from '../../core/ports.js';
import type { FeeLevel } from '../../core/transactions/parseFeeMultiplier.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import type { NodeFacts } from '../lifecycle/readNodeFacts.js';
import type { WaitPorts } from '../lifecycle/waitPorts.js';

/** One account to onboard. */
export interface OnboardAccountInput {
  /** Line in the accounts file (for messages and the result). */
  readonly line: number;
  /** How the key is named, for humans: the key file path or the variable name (never the key). */
  readonly label: string;
  /** The row's own node URL, if any. */
  readonly node?: string | undefined;
  /** Reads the main private key; a HarvestError marks the row FAILED. */
  readonly readKey: () => Promise<Uint8Array>;
  /** The main public key of a `public_key` row: read only by `--prepare` (cold signing), never by a signing run. */
  readonly publicKey?: Uint8Array | undefined;
}

/** One listed node; `maxUnlockedAccounts`, when known, lets the spreading respect its free slots. */
export interface OnboardNode {
  readonly url: string;
  readonly maxUnlockedAccounts?: number | undefined;
}

/**
 * Inputs of onboardAccounts. The wait ports: after `signal` the accounts running stop waiting and report the state
 * they reached, the accounts not started are FAILED with CANCELLED (docs/commands/onboard.md); `onProgress` hears
 * "n/N done (<address>: <state>)" after each account.
 */
export interface OnboardAccountsParameters extends WaitPorts {
  readonly accounts: readonly OnboardAccountInput[];
  /** The --node list, in order. */
  readonly nodes: readonly OnboardNode[];
  readonly connect: (url: string) => NodeClient;
  readonly expectedNetwork: NetworkParameters | undefined;
  readonly fee: bigint | FeeLevel | undefined;
  /** Accounts run at the same time (≥ 1). */
  readonly concurrency: number;
  /** Asked once for the whole batch; may throw CONFIRMATION_REQUIRED or CANCELLED (nothing is sent then). */
  readonly confirm: (plan: OnboardPlan) => Promise<void>;
  /** The one password of every keystore; `creating` when at least one keystore will be made. */
  readonly password: (creating: boolean) => Promise<string>;
  readonly files: FileSystem;
  readonly home: string;
  readonly scrypt?: ScryptParameters;
  /** The keystore key derivation (default: scrypt); the batch remembers each result (tests count the calls). */
  readonly deriveKey?: DeriveKeystoreKey;
  readonly wait: boolean;
  readonly confirmationTimeoutMs: number;
  readonly activationTimeoutMs: number;
  readonly random: RandomBytes;
  readonly onNote?: (text: string) => void;
}

/** A row on its way: what is known of it so far (mutated as the batch is prepared). */
export interface Prepared {
  readonly input: OnboardAccountInput;
  privateKey?: Uint8Array;
  /** The main public key, derived once when the key is read. */
  publicKey?: Uint8Array;
  mainAddress?: string;
  nodeUrl?: string;
  failure?: OnboardAccountResult;
}

/** A node read once for the whole batch, or the error it gave. */
export interface ProbedNode {
  readonly url: string;
  readonly client: NodeClient;
  readonly facts?: NodeFacts;
  readonly unlocked?: number;
  /** /node/unlockedaccount as read once for the batch (finds the accounts already ACTIVE). */
  readonly unlockedKeys?: readonly Uint8Array[];
  readonly error?: HarvestError;
}
