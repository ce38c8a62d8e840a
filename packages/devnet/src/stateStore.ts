/**
 * Persists the chain in the state folder (chain.json, written atomically after every block) so that a devnet started
 * again with the same --state resumes the same chain. Confirmed transactions are kept as their signed payloads and
 * decoded again on load.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SymbolFacade } from 'symbol-sdk/symbol';
import { parseHex, toHex } from './bytes.js';
import { ChainState, type AccountState } from './chainState.js';
import { decodeTransaction } from './decodeTransaction.js';
import { loadLocksAndMultisig, storeLocksAndMultisig, type StoredLocksAndMultisig } from './multisigStore.js';

interface StoredAccount {
  address: string;
  addressHeight: string;
  publicKey?: string;
  publicKeyHeight: string;
  accountType: number;
  links: { linked?: string; vrf?: string; node?: string };
  balance: string;
  importance: string;
  importanceHeight: string;
}

interface StoredChain extends StoredLocksAndMultisig {
  version: number;
  nextId: number;
  blocks: { height: string; timestamp: string; hash: string }[];
  accounts: StoredAccount[];
  transactions: {
    id: string;
    payload: string;
    height: string;
    index: number;
    timestamp: string;
    feeMultiplier: number;
  }[];
}

/** Writes chain.json atomically. */
export function saveChain(path: string, state: ChainState): void {
  const stored: StoredChain = {
    version: 1,
    nextId: state.idCounter,
    blocks: state.blocks.map((block) => ({
      height: block.height.toString(),
      timestamp: block.timestamp.toString(),
      hash: toHex(block.hash),
    })),
    accounts: [...state.accounts.values()].map(storeAccount),
    transactions: state.confirmed.map((entry) => ({
      id: entry.id,
      payload: toHex(entry.transaction.payload),
      height: entry.height.toString(),
      index: entry.index,
      timestamp: entry.timestamp.toString(),
      feeMultiplier: entry.feeMultiplier,
    })),
    ...storeLocksAndMultisig(state),
  };
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
  renameSync(temporary, path);
}

/** Reads chain.json, or undefined when the folder has none yet. */
export function loadChain(path: string, facade: SymbolFacade): ChainState | undefined {
  if (!existsSync(path)) return undefined;
  const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredChain;
  if (stored.version !== 1) throw new Error(`unsupported chain file version in ${path}`);
  const state = new ChainState();
  state.idCounter = stored.nextId;
  for (const block of stored.blocks) {
    state.blocks.push({
      height: BigInt(block.height),
      timestamp: BigInt(block.timestamp),
      hash: hex(block.hash),
    });
  }
  for (const account of stored.accounts) {
    const loaded = loadAccount(account);
    state.accounts.set(account.address, loaded);
  }
  for (const entry of stored.transactions) {
    const transaction = decodeTransaction(facade, hex(entry.payload));
    state.addConfirmed({
      id: entry.id,
      transaction,
      height: BigInt(entry.height),
      index: entry.index,
      timestamp: BigInt(entry.timestamp),
      feeMultiplier: entry.feeMultiplier,
    });
    state.setStatus({
      group: 'confirmed',
      code: 'Success',
      hash: toHex(transaction.hash),
      deadline: transaction.deadline,
      height: BigInt(entry.height),
    });
  }
  loadLocksAndMultisig(stored, state);
  return state;
}

function storeAccount(account: AccountState): StoredAccount {
  const links: StoredAccount['links'] = {};
  if (account.links.linked !== undefined) links.linked = toHex(account.links.linked);
  if (account.links.vrf !== undefined) links.vrf = toHex(account.links.vrf);
  if (account.links.node !== undefined) links.node = toHex(account.links.node);
  return {
    address: toHex(account.address),
    addressHeight: account.addressHeight.toString(),
    ...(account.publicKey === undefined ? {} : { publicKey: toHex(account.publicKey) }),
    publicKeyHeight: account.publicKeyHeight.toString(),
    accountType: account.accountType,
    links,
    balance: account.balance.toString(),
    importance: account.importance.toString(),
    importanceHeight: account.importanceHeight.toString(),
  };
}

function loadAccount(stored: StoredAccount): AccountState {
  return {
    address: hex(stored.address),
    addressHeight: BigInt(stored.addressHeight),
    publicKey: stored.publicKey === undefined ? undefined : hex(stored.publicKey),
    publicKeyHeight: BigInt(stored.publicKeyHeight),
    accountType: stored.accountType,
    links: {
      ...(stored.links.linked === undefined ? {} : { linked: hex(stored.links.linked) }),
      ...(stored.links.vrf === undefined ? {} : { vrf: hex(stored.links.vrf) }),
      ...(stored.links.node === undefined ? {} : { node: hex(stored.links.node) }),
    },
    balance: BigInt(stored.balance),
    importance: BigInt(stored.importance),
    importanceHeight: BigInt(stored.importanceHeight),
  };
}

function hex(text: string): Uint8Array {
  return parseHex(text, 'stored value');
}
