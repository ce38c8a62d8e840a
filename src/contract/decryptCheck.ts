/** --json result types (see docs/commands/). */

/** Per-request failure codes of the report. */
export type RequestErrorCode = 'INVALID_MESSAGE' | 'DECRYPT_FAILED' | 'WRONG_RECIPIENT';

/** One entry of the decrypt-check report (docs/commands/decrypt-check.md). */
export interface DelegationRequestReport {
  readonly index: number;
  readonly source: string;
  /** The ephemeral public key, which the node uses as the request identifier. */
  readonly requestId: string | null;
  readonly ok: boolean;
  readonly remotePublicKey: string | null;
  readonly vrfPublicKey: string | null;
  readonly mainPublicKey: string | null;
  /** With --node: ACCEPTABLE or REJECTED; null otherwise or when not ok. */
  readonly verdict: 'ACCEPTABLE' | 'REJECTED' | null;
  readonly reasons: string[];
  /** With --node: whether the node lists the remote key as unlocked; null otherwise. */
  readonly unlocked: boolean | null;
  readonly error?: { readonly code: RequestErrorCode; readonly message: string };
  readonly remotePrivateKey?: string;
  readonly vrfPrivateKey?: string;
}

/** The whole report. */
export interface DecryptCheckResult {
  readonly nodePublicKey: string;
  readonly requests: DelegationRequestReport[];
}
