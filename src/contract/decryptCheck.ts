/** The --json result of `harvest decrypt-check` (docs/commands/decrypt-check.md); keys as bytes (hex in JSON). */

/** Per-request failure codes of the report. */
export type RequestErrorCode = 'INVALID_MESSAGE' | 'DECRYPT_FAILED' | 'WRONG_RECIPIENT';

/** One entry of the decrypt-check report (docs/commands/decrypt-check.md). */
export interface DelegationRequestReport {
  readonly index: number;
  readonly source: string;
  /** The ephemeral public key, which the node uses as the request identifier. */
  readonly requestId: Uint8Array | null;
  readonly ok: boolean;
  readonly remotePublicKey: Uint8Array | null;
  readonly vrfPublicKey: Uint8Array | null;
  readonly mainPublicKey: Uint8Array | null;
  /** With --node: ACCEPTABLE or REJECTED; null otherwise or when not ok. */
  readonly verdict: 'ACCEPTABLE' | 'REJECTED' | null;
  readonly reasons: string[];
  /** With --node: whether the node lists the remote key as unlocked; null otherwise. */
  readonly unlocked: boolean | null;
  readonly error?: { readonly code: RequestErrorCode; readonly message: string };
  /** Only with --show-secrets. */
  readonly remotePrivateKey?: Uint8Array;
  readonly vrfPrivateKey?: Uint8Array;
}

/** The whole report. */
export interface DecryptCheckResult {
  readonly nodePublicKey: Uint8Array;
  readonly requests: DelegationRequestReport[];
}
