/**
 * `--multisig 2-of-3`: multisig accounts created at genesis, each with its cosignatories, all funded. Keys live in
 * the state folder as the other account keys do (64 hex digits, 0600):
 *   multisig/<m>/account.key        the multisig account (it signs nothing once multisig; kept for completeness)
 *   multisig/<m>/cosignatory-<j>.key its cosignatories
 * A resumed state folder keeps every multisig account it was created with.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePrivateKeyFile, publicKeyOf } from './keys.js';
import { toHex } from './bytes.js';
import { MAX_COSIGNATORIES_PER_ACCOUNT } from './settings.js';

/** One `m-of-n` request: minApproval m of n cosignatories. */
export interface MultisigSpec {
  readonly minApproval: number;
  readonly cosignatories: number;
}

/** Balance of a multisig account at genesis: 150,000 XYM, within the harvester bounds. */
export const MULTISIG_ACCOUNT_BALANCE = 150_000_000_000n;
/** Balance of a cosignatory at genesis: 1,000 XYM, for fees and the 10 XYM hash lock. */
export const COSIGNATORY_BALANCE = 1_000_000_000n;

/**
 * Parses `m-of-n` (1 ≤ m ≤ n ≤ 25, maxCosignatoriesPerAccount).
 * @throws {RangeError} saying what is wrong
 */
export function parseMultisigSpec(text: string): MultisigSpec {
  const match = /^\s*(\d{1,3})-of-(\d{1,3})\s*$/.exec(text);
  if (match === null) throw new RangeError(`'${text}' is not of the form m-of-n (e.g. 2-of-3)`);
  const minApproval = Number(match[1]);
  const cosignatories = Number(match[2]);
  if (cosignatories < 1 || cosignatories > MAX_COSIGNATORIES_PER_ACCOUNT) {
    throw new RangeError(`'${text}': n must be from 1 to ${MAX_COSIGNATORIES_PER_ACCOUNT} cosignatories`);
  }
  if (minApproval < 1 || minApproval > cosignatories) {
    throw new RangeError(`'${text}': m must be from 1 to n (${cosignatories})`);
  }
  return { minApproval, cosignatories };
}

/** One multisig account's keys on disk. */
export interface MultisigKeys {
  readonly publicKey: Uint8Array;
  readonly minApproval: number;
  readonly cosignatories: readonly { readonly publicKey: Uint8Array; readonly file: string }[];
}

/**
 * Loads the multisig folders of the state folder and creates those still missing for `specs` (folder m for the m-th
 * spec). A folder kept from an earlier run keeps its cosignatories; its minApproval is the chain's (the caller
 * reads it from the multisig cache).
 */
export function loadOrCreateMultisigKeys(
  stateDir: string,
  specs: readonly MultisigSpec[],
  random: (length: number) => Uint8Array,
): MultisigKeys[] {
  const root = join(stateDir, 'multisig');
  const keys: MultisigKeys[] = [];
  for (let index = 0; index < specs.length || existsSync(join(root, String(index))); index += 1) {
    const folder = join(root, String(index));
    const existed = existsSync(folder);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const spec = specs[index];
    const count = existed ? countCosignatories(folder) : spec!.cosignatories;
    keys.push({
      publicKey: publicKeyOf(loadOrCreate(join(folder, 'account.key'), random)),
      minApproval: spec?.minApproval ?? 1,
      cosignatories: Array.from({ length: count }, (_, j) => {
        const file = join(folder, `cosignatory-${j}.key`);
        return { publicKey: publicKeyOf(loadOrCreate(file, random)), file };
      }),
    });
  }
  return keys;
}

function countCosignatories(folder: string): number {
  let count = 0;
  while (existsSync(join(folder, `cosignatory-${count}.key`))) count += 1;
  return count;
}

function loadOrCreate(file: string, random: (length: number) => Uint8Array): Uint8Array {
  if (existsSync(file)) return parsePrivateKeyFile(readFileSync(file, 'utf8'), file);
  const key = random(32);
  writeFileSync(file, `${toHex(key)}\n`, { mode: 0o600 });
  return key;
}
