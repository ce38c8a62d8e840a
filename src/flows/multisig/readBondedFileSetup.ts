/**
 * `harvest announce` of a multisig file (docs/commands/announce.md, "Multisig files"): the multisig setup behind its
 * hash lock and bonded aggregate, read before anything is announced — the inner transactions' signer must be a
 * multisig account (NOT_MULTISIG) and the lock's signer one of its cosignatories (NOT_COSIGNATORY) — and the
 * cosignatures added offline (`harvest sign --cosign`) checked: each verifies over the aggregate's hash
 * (INVALID_FILE) and comes from another cosignatory of that account (NOT_COSIGNATORY). The initiator (the lock's
 * signer) must hold what it still pays — the lock's fee and deposit unless the lock is confirmed, the aggregate's
 * fee unless it is — before anything is announced (INSUFFICIENT_BALANCE, as `delegate --multisig` checks).
 */
import type { MultisigResult } from '../../contract/setupResult.js';
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { equalBytes, toHex } from '../../core/bytes.js';
import { InputError, RejectedError } from '../../core/errors.js';
import { describeXym } from '../../core/units/describeXym.js';
import type { DetachedCosignature } from '../../core/transactions/cosignAggregateHash.js';
import { readHashLock } from '../../core/transactions/hashLockPayload.js';
import type { AnnounceFile } from '../../core/transactions/parseAnnounceFile.js';
import { verifyCosignature } from '../../core/transactions/verifyCosignature.js';
import type { NodeFacts } from '../lifecycle/readNodeFacts.js';
import type { CheckedTransaction } from '../plans/checkSignedFile.js';
import { describeMultisigSetup } from './describeMultisigSetup.js';
import { readMultisigSetup, type MultisigSetup } from './readMultisigSetup.js';

/** The checked cosignatures to send, and how to describe where the set-up stands. */
export interface BondedFileSetup {
  readonly cosignatures: readonly DetachedCosignature[];
  readonly describe: () => Promise<MultisigResult>;
}

/**
 * Reads the setup and checks the file's cosignatures.
 * @throws {InputError} NOT_MULTISIG, NOT_COSIGNATORY, INVALID_FILE
 * @throws {RejectedError} INSUFFICIENT_BALANCE
 */
export async function readBondedFileSetup(parameters: {
  readonly facts: NodeFacts;
  readonly file: AnnounceFile;
  readonly lock: CheckedTransaction;
  readonly aggregate: CheckedTransaction;
  readonly multisigPublicKey: Uint8Array;
  readonly onNote: ((text: string) => void) | undefined;
}): Promise<BondedFileSetup> {
  const { facts, lock, aggregate } = parameters;
  const { network, properties } = facts;
  const setup = await readMultisigSetup({
    client: facts.client,
    networkIdentifier: network.identifier,
    currencyMosaicId: properties.currencyMosaicId,
    multisigAddress: deriveAddress(parameters.multisigPublicKey, network.identifier),
    initiatorPublicKey: lock.description.signerPublicKey,
  });
  const parentHash = aggregate.transaction.hash;
  const cosignatures = (parameters.file.cosignatures ?? []).map((entry, index): DetachedCosignature => {
    if (!verifyCosignature(parentHash, entry.signerPublicKey, entry.signature)) {
      throw new InputError(
        'INVALID_FILE',
        `cosignature ${index + 1} of the file does not verify for the aggregate ${toHex(parentHash)}`,
      );
    }
    const address = deriveAddress(entry.signerPublicKey, network.identifier);
    const isOther =
      !equalBytes(address, setup.initiatorAddress) &&
      setup.info.cosignatoryAddresses.some((cosignatory) => equalBytes(cosignatory, address));
    if (!isOther) {
      throw new InputError(
        'NOT_COSIGNATORY',
        `cosignature ${index + 1} of the file is by ${encodeAddress(address)}, not another cosignatory of ` +
          setup.multisigAddress,
        { hint: `its cosignatories: ${setup.info.cosignatoryAddresses.map(encodeAddress).join(', ')}` },
      );
    }
    return { version: 0n, signerPublicKey: entry.signerPublicKey, signature: entry.signature, parentHash };
  });
  const lockDeposit = readHashLock(lock.transaction.payload)?.amount ?? 0n;
  checkInitiatorBalance(setup, lock, aggregate, lockDeposit);
  return {
    cosignatures,
    describe: () =>
      describeMultisigSetup({
        client: facts.client,
        networkIdentifier: network.identifier,
        setup,
        lockDeposit,
        lock: lock.transaction.hash,
        aggregate: parentHash,
        onNote: parameters.onNote,
      }),
  };
}

/** The initiator pays what is not confirmed yet: the lock's fee and deposit, the aggregate's fee. */
function checkInitiatorBalance(
  setup: MultisigSetup,
  lock: CheckedTransaction,
  aggregate: CheckedTransaction,
  lockDeposit: bigint,
): void {
  const lockCost = lock.known === 'confirmed' ? 0n : lock.description.fee + lockDeposit;
  const aggregateFee = aggregate.known === 'confirmed' ? 0n : aggregate.description.fee;
  const needed = lockCost + aggregateFee;
  if (setup.initiatorBalance >= needed) return;
  const fees = (lock.known === 'confirmed' ? 0n : lock.description.fee) + aggregateFee;
  throw new RejectedError(
    'INSUFFICIENT_BALANCE',
    `the initiating cosignatory ${encodeAddress(setup.initiatorAddress)} holds ${describeXym(setup.initiatorBalance)}, ` +
      `less than the ${describeXym(needed)} it pays (fees ${describeXym(fees)}` +
      (lock.known === 'confirmed' ? ')' : ` and a ${describeXym(lockDeposit)} deposit that comes back)`),
    { hint: 'fund the cosignatory account before announcing; nothing was announced' },
  );
}
