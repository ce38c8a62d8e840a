/** The --json result of `harvest cosign` (docs/commands/cosign.md). */
import type { PlannedTransaction } from './setupResult.js';

/** What happened to one partial aggregate. */
export type CosignAction =
  /** Cosigned now: the cosignature was announced (PUT /transactions/cosignature). */
  | 'cosigned'
  /** Shown only (--address without a key, or --dry-run). */
  | 'listed'
  /** This key has cosigned it already (or initiated it). */
  | 'alreadySigned'
  /** Not cosigned: it holds more than key links and delegation requests (see `problems`), or its hash did not check. */
  | 'refused'
  /** Not cosigned: declined at the prompt. */
  | 'declined';

/** One bonded aggregate waiting in the node's partial cache. */
export interface PartialReport {
  readonly hash: Uint8Array;
  /** The cosignatory who initiated it (its outer signer). */
  readonly initiatorPublicKey: Uint8Array;
  /** The account whose transactions it holds (the multisig account), base32; null when several sign inside. */
  readonly multisigAddress: string | null;
  readonly deadline: bigint;
  /** The inner transactions, as delegate's `plan[]` shows them. */
  readonly plan: readonly PlannedTransaction[];
  /** True when it was rebuilt from what the node shows and its hash and signature checked. */
  readonly verified: boolean;
  /** Cosignatures it carries (valid ones). */
  readonly cosignatures: number;
  /** The multisig account's minApproval, when read. */
  readonly minApproval: number | null;
  readonly action: CosignAction;
  /** Why it is refused (empty otherwise). */
  readonly problems: readonly string[];
}

/** The --json result of `harvest cosign`. */
export interface CosignResult {
  readonly network: string;
  readonly nodeUrl: string;
  /** The cosignatory whose partials were listed, base32. */
  readonly cosignatoryAddress: string;
  readonly partials: readonly PartialReport[];
}
