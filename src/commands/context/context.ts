/**
 * What a command sees (docs/ARCHITECTURE.md): the runtime, the global options already parsed, and the helpers
 * every command shares (questions, input files and keys, output files, node and keystore). src/cli builds it;
 * commands import only these types, so commands never import src/cli.
 */
import type { InputErrorCode } from '../../core/errors.js';
import type { NetworkParameters } from '../../core/network.js';
import type { NodeClient } from '../../flows/connectNode.js';
import type { KeystoreSession } from '../../flows/keystore/openKeystore.js';
import type { Output } from '../../ui/output.js';
import type { Runtime } from './runtime.js';

/** Where a private key may come from, and how it is named in messages. */
export interface PrivateKeySource {
  /** What the key is, e.g. "main account key". */
  readonly name: string;
  /** The key-file flag value, if given: a path, or "-" for standard input. */
  readonly file: string | undefined;
  /** The flag that supplies it, for the hint when it is missing, e.g. "--key-file". */
  readonly flag: string;
  /** Environment variable that may hold it (64 hex digits), e.g. HARVEST_PRIVATE_KEY. */
  readonly envVar?: string;
}

/** Questions, with the rules of docs/cli.md applied: never hang without a terminal, every prompt has a flag. */
export interface Ask {
  /** Passes with --yes; asks on a terminal; else CONFIRMATION_REQUIRED. Declining is CancelledError. */
  confirm(summary: string): Promise<void>;
  /** Asks on a terminal; else INPUT_REQUIRED naming `flag`. */
  input(message: string, flag: string, validate?: (value: string) => string | true): Promise<string>;
  /** A hidden answer on a terminal; else INPUT_REQUIRED naming `flag`. */
  secret(message: string, flag: string): Promise<string>;
}

/** Which account's keystore to open. */
export interface KeystoreAccount {
  readonly mainAddress: string;
  readonly networkIdentifier: number;
  readonly mainPublicKey?: Uint8Array;
}

/** What a command sees. */
export interface Context {
  readonly runtime: Runtime;
  readonly output: Output;
  readonly ask: Ask;
  readonly json: boolean;
  readonly yes: boolean;
  readonly verbose: boolean;
  /** True when prompts may be shown: stdin and stderr are terminals, no CI, no --no-input. */
  readonly interactive: boolean;
  /** The first --node (or HARVEST_NODE URL). */
  readonly nodeUrl: string | undefined;
  /** Every --node in order: the first preferred, the others failover (docs/cli.md, "Several nodes"). */
  readonly nodeUrls: readonly string[];
  /** The public network asked for with --network (or HARVEST_NETWORK), if any. */
  readonly network: NetworkParameters | undefined;
  /** The harvest home folder (keystore and settings). */
  readonly home: string;
  /** Per-request HTTP timeout. */
  readonly timeoutMs: number;
  /** Reads a file named on the command line ("-" is standard input); a missing file is InputError `code`. */
  readFile(path: string, name: string, code: InputErrorCode): Promise<Uint8Array>;
  /** Reads a private key from its file, its environment variable or a hidden prompt, in that order. */
  readPrivateKey(source: PrivateKeySource): Promise<Uint8Array>;
  /**
   * The keystore password: the first line of `passwordFile`, else HARVEST_PASSWORD, else a hidden prompt (twice
   * when `creating`); INPUT_REQUIRED when none of them is possible.
   */
  readKeystorePassword(passwordFile: string | undefined, creating: boolean): Promise<string>;
  /** A path given on the command line, made absolute. */
  resolvePath(path: string): string;
  /**
   * Checks, before any work, that an output file named on the command line can be created: its folder exists and
   * the path is not a folder. Commands call it first, so that a bad --out never fails after an announcement.
   * @throws {InputError} INVALID_FILE
   */
  checkOutputPath(path: string, name: string): Promise<string>;
  /** Writes an output file atomically with `mode`; a file-system failure is INVALID_FILE, not a crash. */
  writeOutputFile(path: string, data: string, mode: number, name: string): Promise<void>;
  /**
   * A client of `url` (default: --node / HARVEST_NODE) with this invocation's fetch, sleep and --timeout; when
   * `url` is the first --node, the other --node URLs are its failover, and `delegateTo` (--delegate-to) alone
   * answers the node-specific reads (transport key, unlocked accounts).
   * @throws {InputError} INPUT_REQUIRED when no node is known
   */
  connectNode(url?: string, delegateTo?: string): Promise<NodeClient>;
  /** Unlocks (or prepares) an account's keystore under --home, asking the password as docs/cli.md says. */
  openKeystore(account: KeystoreAccount, passwordFile: string | undefined): Promise<KeystoreSession>;
}
