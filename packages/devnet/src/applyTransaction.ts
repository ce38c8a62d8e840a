/**
 * Stateful rules applied when a transaction goes into a block: fee and transfer balances, remote-account
 * restrictions and the key-link rules of catapult (KeyLinkValidator.h, NewRemoteAccountAvailabilityValidator.cpp,
 * RemoteSenderValidator.cpp, RemoteInteractionValidator.cpp). An aggregate is all-or-nothing: it is applied to copies
 * of the accounts it touches, which replace the originals only when every embedded transaction passed.
 */
import { equalBytes } from './bytes.js';
import {
  ACCOUNT_TYPE,
  addressKey,
  addressOf,
  cloneAccount,
  newAccount,
  type AccountState,
  type ChainState,
} from './chainState.js';
import type { DecodedBody, DecodedHeader, DecodedTransaction } from './decodeTransaction.js';
import { applyHashLock, useHashLock } from './hashLockRules.js';
import { applyMultisigModification } from './multisigModification.js';
import { DEVNET_CURRENCY_MOSAIC_ID } from './settings.js';

/** The outcome of applying one transaction: the fee charged, or the failure code. */
export type ApplyResult =
  { readonly ok: true; readonly fee: bigint } | { readonly ok: false; readonly code: string };

/** Copy-on-write view of the account map for one transaction. */
export class AccountOverlay {
  private readonly changed = new Map<string, AccountState>();
  /** Changes to other caches (hash locks, multisig), made only if the whole transaction passes. */
  private readonly effects: (() => void)[] = [];
  readonly chain: ChainState;
  readonly height: bigint;

  constructor(chain: ChainState, height: bigint) {
    this.chain = chain;
    this.height = height;
  }

  find(address: Uint8Array): AccountState | undefined {
    const key = addressKey(address);
    const mine = this.changed.get(key);
    if (mine !== undefined) return mine;
    const base = this.chain.accounts.get(key);
    if (base === undefined) return undefined;
    const copy = cloneAccount(base);
    this.changed.set(key, copy);
    return copy;
  }

  findOrCreate(address: Uint8Array): AccountState {
    const found = this.find(address);
    if (found !== undefined) return found;
    const created = newAccount(address, this.height);
    this.changed.set(addressKey(address), created);
    return created;
  }

  forPublicKey(publicKey: Uint8Array): AccountState {
    const account = this.findOrCreate(addressOf(publicKey));
    if (account.publicKey === undefined) {
      account.publicKey = publicKey;
      account.publicKeyHeight = this.height;
    }
    return account;
  }

  /** Runs `effect` on commit. */
  onCommit(effect: () => void): void {
    this.effects.push(effect);
  }

  commit(): void {
    for (const [key, account] of this.changed) this.chain.accounts.set(key, account);
    for (const effect of this.effects) effect();
  }
}

/**
 * Applies `transaction` at `height` with the block fee multiplier; on success the state is updated and the fee is
 * credited to `beneficiary`.
 */
export function applyTransaction(
  chain: ChainState,
  transaction: DecodedTransaction,
  height: bigint,
  feeMultiplier: number,
  beneficiary: Uint8Array,
): ApplyResult {
  const overlay = new AccountOverlay(chain, height);
  const fee = minBigInt(transaction.maxFee, BigInt(transaction.size) * BigInt(feeMultiplier));
  const signer = overlay.find(addressOf(transaction.signerPublicKey));
  if (signer?.accountType === ACCOUNT_TYPE.remote) {
    return { ok: false, code: 'Failure_AccountLink_Remote_Account_Signer_Prohibited' };
  }
  // A multisig account signs nothing itself: only embedded transactions its cosignatories approve (catapult
  // MultisigPermittedOperationValidator).
  if (chain.multisig.isMultisig(addressOf(transaction.signerPublicKey))) {
    return { ok: false, code: 'Failure_Multisig_Operation_Prohibited_By_Account' };
  }
  if (signer === undefined || signer.balance < fee)
    return { ok: false, code: 'Failure_Core_Insufficient_Balance' };
  signer.balance -= fee;
  overlay.forPublicKey(transaction.signerPublicKey);
  const parts: readonly DecodedHeader[] =
    transaction.body.kind === 'aggregate' ? transaction.body.embedded : [transaction];
  for (const part of parts) {
    const code = applyBody(overlay, part.signerPublicKey, part.body);
    if (code !== undefined) return { ok: false, code };
  }
  if (transaction.body.kind === 'aggregate' && transaction.body.bonded) {
    const code = useHashLock(overlay, transaction.hash);
    if (code !== undefined) return { ok: false, code };
  }
  overlay.findOrCreate(beneficiary).balance += fee;
  overlay.commit();
  return { ok: true, fee };
}

function applyBody(
  overlay: AccountOverlay,
  signerPublicKey: Uint8Array,
  body: DecodedBody,
): string | undefined {
  const signer = overlay.forPublicKey(signerPublicKey);
  if (signer.accountType === ACCOUNT_TYPE.remote)
    return 'Failure_AccountLink_Remote_Account_Signer_Prohibited';
  switch (body.kind) {
    case 'transfer':
      return applyTransfer(overlay, signer, body);
    case 'accountKeyLink':
      return applyAccountKeyLink(overlay, signer, body.linkedPublicKey, body.linkAction);
    case 'vrfKeyLink':
    case 'nodeKeyLink':
      return applyKeyLink(
        signer,
        body.kind === 'vrfKeyLink' ? 'vrf' : 'node',
        body.linkedPublicKey,
        body.linkAction,
      );
    case 'hashLock':
      return applyHashLock(overlay, signer, body);
    case 'multisigAccountModification':
      return applyMultisigModification(overlay, signer, body);
    case 'aggregate':
    case 'unsupported':
      return 'Failure_Aggregate_Unsupported_Transaction';
  }
}

function applyTransfer(
  overlay: AccountOverlay,
  signer: AccountState,
  body: Extract<DecodedBody, { kind: 'transfer' }>,
): string | undefined {
  const recipient = overlay.findOrCreate(body.recipientAddress);
  if (recipient.accountType === ACCOUNT_TYPE.remote)
    return 'Failure_AccountLink_Remote_Account_Participant_Prohibited';
  for (const mosaic of body.mosaics) {
    // The devnet holds a single mosaic: any other id has no balance anywhere.
    if (mosaic.id !== DEVNET_CURRENCY_MOSAIC_ID) {
      if (mosaic.amount > 0n) return 'Failure_Core_Insufficient_Balance';
      continue;
    }
    if (signer.balance < mosaic.amount) return 'Failure_Core_Insufficient_Balance';
    signer.balance -= mosaic.amount;
    recipient.balance += mosaic.amount;
  }
  return undefined;
}

/** AccountKeyLink: LINK needs no current link and a remote account that is new or Remote_Unlinked. */
function applyAccountKeyLink(
  overlay: AccountOverlay,
  signer: AccountState,
  linkedPublicKey: Uint8Array,
  linkAction: number,
): string | undefined {
  if (linkAction === 1) {
    if (signer.links.linked !== undefined) return 'Failure_AccountLink_Link_Already_Exists';
    const existing = overlay.find(addressOf(linkedPublicKey));
    if (existing !== undefined && existing.accountType !== ACCOUNT_TYPE.remoteUnlinked) {
      return 'Failure_AccountLink_Remote_Account_Ineligible';
    }
    const remote = overlay.forPublicKey(linkedPublicKey);
    remote.accountType = ACCOUNT_TYPE.remote;
    remote.links = { linked: signer.publicKey! };
    signer.links.linked = linkedPublicKey;
    signer.accountType = ACCOUNT_TYPE.main;
    return undefined;
  }
  if (signer.links.linked === undefined || !equalBytes(signer.links.linked, linkedPublicKey)) {
    return 'Failure_AccountLink_Inconsistent_Unlink_Data';
  }
  const remote = overlay.forPublicKey(linkedPublicKey);
  remote.accountType = ACCOUNT_TYPE.remoteUnlinked;
  remote.links = {};
  signer.links.linked = undefined;
  signer.accountType = ACCOUNT_TYPE.unlinked;
  return undefined;
}

/** VRF and node links: LINK needs no current link; UNLINK needs the same key (KeyLinkValidator.h). */
function applyKeyLink(
  signer: AccountState,
  slot: 'vrf' | 'node',
  linkedPublicKey: Uint8Array,
  linkAction: number,
): string | undefined {
  const current = signer.links[slot];
  if (linkAction === 1) {
    if (current !== undefined) return 'Failure_Core_Link_Already_Exists';
    signer.links[slot] = linkedPublicKey;
    return undefined;
  }
  if (current === undefined || !equalBytes(current, linkedPublicKey))
    return 'Failure_Core_Inconsistent_Unlink_Data';
  signer.links[slot] = undefined;
  return undefined;
}

function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
