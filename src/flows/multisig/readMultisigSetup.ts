/**
 * What `delegate --multisig` reads before planning (docs/commands/delegate.md, "Multisig accounts"): the multisig
 * account's setup (/account/{address}/multisig), that the key given is one of its cosignatories, the multisig
 * account's public key (the embedded signer of every inner transaction: the chain knows it once the account was
 * converted, which it signed itself), and the initiator's balance, which pays the fees and the lock's deposit.
 */
import { deriveAddress, encodeAddress } from '../../core/address.js';
import { equalBytes } from '../../core/bytes.js';
import { InputError, RejectedError } from '../../core/errors.js';
import type { NodeClient } from '../../node/createNodeClient.js';
import { accountBalance, type AccountInfo } from '../../node/getAccount.js';
import type { MultisigInfo } from '../../node/getMultisigInfo.js';

/** The multisig account as the chain has it, and the initiating cosignatory. */
export interface MultisigSetup {
  readonly info: MultisigInfo;
  readonly multisigPublicKey: Uint8Array;
  readonly multisigAddress: string;
  readonly initiatorAddress: Uint8Array;
  /** The initiator's balance of the currency mosaic (µXYM). */
  readonly initiatorBalance: bigint;
}

/** Inputs of readMultisigSetup. */
export interface ReadMultisigSetupParameters {
  readonly client: NodeClient;
  readonly networkIdentifier: number;
  readonly currencyMosaicId: bigint;
  readonly multisigAddress: Uint8Array;
  /** The initiating cosignatory's public key. */
  readonly initiatorPublicKey: Uint8Array;
}

/**
 * Reads and checks the multisig setup.
 * @throws {InputError} NOT_MULTISIG, NOT_COSIGNATORY
 * @throws {RejectedError} NOT_ELIGIBLE when the chain does not know the multisig account's public key
 */
export async function readMultisigSetup(parameters: ReadMultisigSetupParameters): Promise<MultisigSetup> {
  const { client, multisigAddress } = parameters;
  const name = encodeAddress(multisigAddress);
  const { initiatorPublicKey } = parameters;
  const initiatorAddress = deriveAddress(initiatorPublicKey, parameters.networkIdentifier);
  const info = await client.getMultisigInfo(multisigAddress);
  if (info === undefined || info.cosignatoryAddresses.length === 0) {
    throw new InputError('NOT_MULTISIG', `${name} is not a multisig account`, {
      hint: 'without --multisig, delegate signs with the account key itself',
    });
  }
  if (!info.cosignatoryAddresses.some((address) => equalBytes(address, initiatorAddress))) {
    throw new InputError(
      'NOT_COSIGNATORY',
      `${encodeAddress(initiatorAddress)} (the --key-file account) is not a cosignatory of ${name}`,
      { hint: `its cosignatories: ${info.cosignatoryAddresses.map(encodeAddress).join(', ')}` },
    );
  }
  const [multisig, initiator] = await Promise.all([
    client.getAccount({ address: multisigAddress }),
    client.getAccount({ publicKey: initiatorPublicKey }),
  ]);
  const multisigPublicKey = multisig?.publicKey;
  if (multisigPublicKey === undefined) {
    throw new RejectedError('NOT_ELIGIBLE', `the chain does not know the public key of ${name}`, {
      hint: 'a multisig account has announced its key when it was converted; check the address',
    });
  }
  return {
    info,
    multisigPublicKey,
    multisigAddress: name,
    initiatorAddress,
    initiatorBalance: balanceOf(initiator, parameters.currencyMosaicId),
  };
}

function balanceOf(account: AccountInfo | undefined, mosaicId: bigint): bigint {
  return account === undefined ? 0n : accountBalance(account, mosaicId);
}
