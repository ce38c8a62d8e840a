/**
 * onboardOffline through its entry point: an in-memory home, real keys and signatures, no node at all. What it
 * promises (docs/commands/onboard.md, "Offline"): keys in each keystore before its signed file, one scrypt for the
 * keystores the batch creates, never journalled, a bad row fails alone, a password that opens none of the existing
 * keystores makes none.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { InputError } from '../../src/core/errors.js';
import { NO_LINKS } from '../../src/core/harvesting/accountLinks.js';
import { nodeKeyFromUser } from '../../src/core/harvesting/nodeTransportKey.js';
import { deriveKeystoreKey, type DeriveKeystoreKey } from '../../src/core/keystore/keystoreCrypto.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { networkTimeOf } from '../../src/core/networkTime.js';
import type { OnboardAccountInput } from '../../src/flows/onboardAccounts.js';
import { keystorePath, openKeystore } from '../../src/flows/keystore/openKeystore.js';
import { onboardOffline, type OnboardOfflineParameters } from '../../src/flows/onboard/onboardOffline.js';
import { keyOf, OTHER_NODE_PUBLIC } from '../helpers/delegationChain.js';
import { FAST, HOME, PASSWORD } from '../helpers/flowWorld.js';
import { memoryFileSystem, type MemoryFileSystem } from '../helpers/memoryFileSystem.js';
import { seededRandom } from '../helpers/seededRandom.js';

const KEYS = [keyOf(0x61), keyOf(0x62), keyOf(0x63)];
const ADDRESSES = KEYS.map((key) => encodeAddress(deriveAddress(derivePublicKey(key), TESTNET.identifier)));
const NOW = new Date('2026-12-06T12:00:00Z');

let timeline: string[];
let files: MemoryFileSystem;
let derivations: number;
beforeEach(() => {
  timeline = [];
  files = memoryFileSystem({ timeline });
  derivations = 0;
});

const counted: DeriveKeystoreKey = (password, salt, scrypt) => {
  derivations += 1;
  return deriveKeystoreKey(password, salt, scrypt);
};

function account(index: number, extra: Partial<OnboardAccountInput> = {}): OnboardAccountInput {
  return { line: index + 2, label: `KEY_${index}`, readKey: () => Promise.resolve(KEYS[index]!), ...extra };
}

function parameters(overrides: Partial<OnboardOfflineParameters>): OnboardOfflineParameters {
  return {
    accounts: [account(0), account(1), account(2)],
    facts: {
      network: TESTNET,
      networkTime: networkTimeOf(NOW, TESTNET.epochAdjustmentSeconds),
      aggregateVersion: 3,
      feeMultiplier: 100n,
      account: { links: NO_LINKS },
      nodePublicKey: nodeKeyFromUser(toHex(OTHER_NODE_PUBLIC)),
    },
    concurrency: 2,
    password: () => Promise.resolve(PASSWORD),
    files,
    home: HOME,
    scrypt: FAST,
    deriveKey: counted,
    random: seededRandom(7),
    now: () => NOW,
    writeFile: (result, kind) => {
      timeline.push(`${kind} ${result.mainAddress}`);
      return Promise.resolve(`/out/${result.mainAddress}.json`);
    },
    ...overrides,
  };
}

/** A keystore for KEYS[index] under `password`, as an earlier run leaves it. */
async function existingKeystore(index: number, password: string): Promise<void> {
  const session = await openKeystore({
    files,
    home: HOME,
    mainAddress: ADDRESSES[index]!,
    networkIdentifier: TESTNET.identifier,
    password: () => Promise.resolve(password),
    random: seededRandom(100 + index),
    scrypt: FAST,
  });
  await session.save(session.file);
}

describe('onboardOffline', () => {
  it('stores each account its fresh keys before its signed file, with one derivation for all, unjournalled', async () => {
    const result = await onboardOffline(parameters({}));
    expect(result.summary).toEqual({ INACTIVE: 3 });
    expect(derivations).toBe(1); // three new keystores, one shared salt, one scrypt
    for (const [index, row] of result.accounts.entries()) {
      const address = ADDRESSES[index]!;
      expect(row).toMatchObject({ line: index + 2, mainAddress: address, announced: false, error: null });
      expect(row.file).toBe(`/out/${address}.json`);
      const path = keystorePath(HOME, address);
      expect(timeline.indexOf(`write ${path}`)).toBeGreaterThanOrEqual(0);
      expect(timeline.indexOf(`write ${path}`)).toBeLessThan(timeline.indexOf(`signed ${address}`));
      const keystore = files.json(path) as { keys: { publicKey: string }[]; journal: unknown[] };
      expect(keystore.keys.map((key) => key.publicKey)).toContain(toHex(row.remotePublicKey!));
      expect(keystore.journal).toEqual([]);
      expect(files.modeOf(path)).toBe(0o600);
    }
  });

  it('fails an unreadable key alone; the other accounts are signed', async () => {
    const unreadable = account(1, {
      readKey: () => Promise.reject(new InputError('INVALID_KEY', 'key of line 3 is not a key')),
    });
    const result = await onboardOffline(parameters({ accounts: [account(0), unreadable, account(2)] }));
    expect(result.summary).toEqual({ INACTIVE: 2, FAILED: 1 });
    expect(result.accounts[1]).toMatchObject({ line: 3, state: 'FAILED', error: { code: 'INVALID_KEY' } });
    expect(timeline.filter((event) => event.startsWith('signed '))).toHaveLength(2);
  });

  it('makes no keystore and signs nothing with a password that opens none of the existing keystores', async () => {
    await existingKeystore(0, 'another password');
    timeline.length = 0;
    const result = await onboardOffline(parameters({}));
    expect(result.summary).toEqual({ FAILED: 3 });
    expect(result.accounts.map((row) => row.error?.code)).toEqual([
      'KEYSTORE_PASSWORD',
      'KEYSTORE_PASSWORD',
      'KEYSTORE_PASSWORD',
    ]);
    expect(timeline).toEqual([]);
  });

  it('opens an existing keystore with the batch password and adds the new keys to it', async () => {
    await existingKeystore(0, PASSWORD);
    const result = await onboardOffline(parameters({}));
    expect(result.summary).toEqual({ INACTIVE: 3 });
    expect(derivations).toBe(2); // the existing keystore's own salt, then the batch's one for the two new ones
  });

  it('refuses a row naming its own node before reading any key or keystore', async () => {
    let read = false;
    const row = account(1, {
      node: 'http://node-b.test:3000',
      readKey: () => {
        read = true;
        return Promise.resolve(KEYS[1]!);
      },
    });
    await expect(onboardOffline(parameters({ accounts: [account(0), row] }))).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('line 3 names its own node'),
    });
    expect(read).toBe(false);
    expect(timeline).toEqual([]);
  });

  it('does not start accounts once interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await onboardOffline(parameters({ signal: controller.signal }));
    expect(result.summary).toEqual({ FAILED: 3 });
    expect(result.accounts[0]!.error?.code).toBe('CANCELLED');
    expect(timeline.filter((event) => event.startsWith('signed '))).toEqual([]);
  });

  it('--prepare: plans from public keys alone, no private key read, the keys stored before each plan', async () => {
    const publicOnly = KEYS.map((key, index) =>
      account(index, {
        publicKey: derivePublicKey(key),
        readKey: () => Promise.reject(new Error('a private key was read')),
      }),
    );
    const result = await onboardOffline(parameters({ accounts: publicOnly, prepare: true }));
    expect(result.summary).toEqual({ INACTIVE: 3 });
    expect(derivations).toBe(1);
    for (const [index, row] of result.accounts.entries()) {
      const address = ADDRESSES[index]!;
      expect(row.hash).toBeUndefined(); // unsigned
      const path = keystorePath(HOME, address);
      expect(timeline.indexOf(`write ${path}`)).toBeLessThan(timeline.indexOf(`unsigned ${address}`));
      const keystore = files.json(path) as { keys: { publicKey: string }[] };
      expect(keystore.keys.map((key) => key.publicKey)).toContain(toHex(row.remotePublicKey!));
    }
  });

  it('--prepare refuses a row naming a private key, before reading anything', async () => {
    const rows = [account(0, { publicKey: derivePublicKey(KEYS[0]!) }), account(1, { label: 'keys/b.key' })];
    await expect(onboardOffline(parameters({ accounts: rows, prepare: true }))).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('line 3 names a private key (keys/b.key)'),
    });
    expect(timeline).toEqual([]);
  });
});
