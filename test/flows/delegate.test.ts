import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeFileSystem } from '../../src/platform/nodeFileSystem.js';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { NO_LINKS } from '../../src/core/harvesting/accountLinks.js';
import { nodeKeyFromNode } from '../../src/core/harvesting/nodeTransportKey.js';
import { planKeyChanges } from '../../src/core/harvesting/planKeyChanges.js';
import { TESTNET } from '../../src/core/network.js';
import type { FileSystem } from '../../src/core/ports.js';
import { delegate, type ChainFacts } from '../../src/flows/delegate.js';
import { openKeystore } from '../../src/flows/keystore/openKeystore.js';
import { seededRandom } from '../helpers/seededRandom.js';

const MAIN_PRIVATE = parseHex('EDB671EB741BD676969D8A035271D1EE5E75DF33278083D877F23615EB839FEC', {
  name: 'k',
});
const NODE_PUBLIC = parseHex('D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737', {
  name: 'k',
});
const MAIN_ADDRESS = 'TBJIAAIQ2CVXL6ZG2AWIXCL7LM4ROQHM3UTTTYQ'; // openKeystore only names the file after it
const FAST = { n: 16, r: 8, p: 1 };

function recording(inner: FileSystem, log: string[]): FileSystem {
  return {
    ...inner,
    writeFileAtomic: async (path, data, mode) => {
      log.push(`write ${path.split('/').slice(-2).join('/')} ${mode.toString(8)}`);
      await inner.writeFileAtomic(path, data, mode);
    },
    mkdir: async (path, mode) => {
      log.push(`mkdir ${mode.toString(8)}`);
      await inner.mkdir(path, mode);
    },
  };
}

const facts: ChainFacts = {
  network: TESTNET,
  networkTime: 1_000_000n,
  aggregateVersion: 3,
  feeMultiplier: 100n,
  account: { links: NO_LINKS },
  nodePublicKey: nodeKeyFromNode(NODE_PUBLIC),
};

async function open(home: string, files: FileSystem, password = 'pw', mainAddress = MAIN_ADDRESS) {
  return openKeystore({
    files,
    home,
    mainAddress,
    networkIdentifier: 152,
    password: () => Promise.resolve(password),
    random: seededRandom(1),
    scrypt: FAST,
  });
}

describe('planKeyChanges', () => {
  const key = (byte: number) => new Uint8Array(32).fill(byte);
  const fresh = { freshRemotePublicKey: key(0xaa), freshVrfPublicKey: key(0xbb) };
  it('links everything fresh when nothing is linked', () => {
    const plan = planKeyChanges({ links: NO_LINKS, heldPublicKeys: [], nodePublicKey: key(1), ...fresh });
    expect(plan.transactions.map((t) => `${t.role}:${t.action}`)).toEqual([
      'node:link',
      'remote:link',
      'vrf:link',
    ]);
    expect(plan.remoteIsFresh && plan.vrfIsFresh).toBe(true);
  });
  it('keeps what is held and right, unlinks before linking what must go', () => {
    const plan = planKeyChanges({
      links: { remote: key(2), vrf: key(3), node: key(4) },
      heldPublicKeys: [key(2)],
      nodePublicKey: key(1),
      ...fresh,
    });
    expect(plan.transactions.map((t) => `${t.role}:${t.action}:${t.linkedPublicKey[0]}`)).toEqual([
      'node:unlink:4',
      'node:link:1',
      'vrf:unlink:3',
      'vrf:link:187',
    ]);
    expect(plan.remoteIsFresh).toBe(false);
    expect(plan.remotePublicKey).toEqual(key(2));
  });
  it('plans nothing when all is right, and leaves the node link alone for remote harvesting', () => {
    const links = { remote: key(2), vrf: key(3), node: key(1) };
    expect(
      planKeyChanges({ links, heldPublicKeys: [key(2), key(3)], nodePublicKey: key(1), ...fresh })
        .transactions,
    ).toEqual([]);
    expect(planKeyChanges({ links, heldPublicKeys: [key(2), key(3)], ...fresh }).transactions).toEqual([]);
  });
});

describe('delegate flow: write-ahead', () => {
  it('confirms first, then stores keys and journal (0700 folders, 0600 file) before returning', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'harvest-flow-')), 'home');
    const log: string[] = [];
    const files = recording(createNodeFileSystem(), log);
    const { encodeAddress, deriveAddress } = await import('../../src/core/address.js');
    const { derivePublicKey } = await import('../../src/core/keys.js');
    const address = encodeAddress(deriveAddress(derivePublicKey(MAIN_PRIVATE), 152));
    const keystore = await open(home, files, 'pw', address);
    expect(keystore.isNew).toBe(true);
    expect(log).toEqual([]);
    const outcome = await delegate({
      mode: 'delegate',
      facts,
      main: { privateKey: MAIN_PRIVATE },
      keystore,
      random: seededRandom(2),
      now: () => new Date('2025-01-01T00:00:00Z'),
      confirm: () => {
        log.push('confirm');
        return Promise.resolve();
      },
    });
    log.push('returned');
    expect(log).toEqual([
      'confirm',
      'mkdir 700',
      'mkdir 700',
      `write keystore/${address}.json 600`,
      'returned',
    ]);
    const saved = JSON.parse(readFileSync(join(home, 'keystore', `${address}.json`), 'utf8'));
    expect(saved.journal[0].hash).toBe(toHex(outcome.result.transactions[0]!.hash!));
    expect(saved.node.publicKey).toBe(toHex(outcome.result.nodePublicKey!));
  });

  it('writes nothing when confirmation is refused', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'harvest-flow-')), 'home');
    const log: string[] = [];
    const { encodeAddress, deriveAddress } = await import('../../src/core/address.js');
    const { derivePublicKey } = await import('../../src/core/keys.js');
    const address = encodeAddress(deriveAddress(derivePublicKey(MAIN_PRIVATE), 152));
    const keystore = await open(home, recording(createNodeFileSystem(), log), 'pw', address);
    await expect(
      delegate({
        mode: 'delegate',
        facts,
        main: { privateKey: MAIN_PRIVATE },
        keystore,
        random: seededRandom(2),
        now: () => new Date(0),
        confirm: () => Promise.reject(new Error('declined')),
      }),
    ).rejects.toThrow('declined');
    expect(log).toEqual([]);
  });

  it('a crash between the temp write and the rename leaves the old keystore intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harvest-flow-'));
    const home = join(dir, 'home');
    mkdirSync(join(home, 'keystore'), { recursive: true });
    const real = createNodeFileSystem();
    const first = await open(home, real);
    await first.save(first.file);
    const path = join(home, 'keystore', `${MAIN_ADDRESS}.json`);
    const before = readFileSync(path, 'utf8');
    // a file system that writes the temporary file and then "crashes" before renaming it
    const crashing: FileSystem = {
      ...real,
      writeFileAtomic: (target, data) => {
        writeFileSync(`${target}.tmp-crash`, data, { mode: 0o600 });
        return Promise.reject(new Error('power loss'));
      },
    };
    const session = await open(home, crashing);
    await expect(session.save({ ...session.file, journal: [], keys: [] })).rejects.toThrow('power loss');
    expect(readFileSync(path, 'utf8')).toBe(before);
    const reopened = await open(home, real);
    expect(reopened.file.mainAddress).toBe(MAIN_ADDRESS);
    expect(readdirSync(join(home, 'keystore'))).toContain(`${MAIN_ADDRESS}.json`);
  });

  it('refuses a wrong password (KEYSTORE_LOCKED) and a corrupt file (KEYSTORE_CORRUPT) without writing', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'harvest-flow-')), 'home');
    const real = createNodeFileSystem();
    const session = await open(home, real);
    await session.save(session.file);
    await expect(open(home, real, 'nope')).rejects.toMatchObject({ code: 'KEYSTORE_LOCKED' });
    const path = join(home, 'keystore', `${MAIN_ADDRESS}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 50));
    const log: string[] = [];
    await expect(open(home, recording(real, log))).rejects.toMatchObject({ code: 'KEYSTORE_CORRUPT' });
    expect(log).toEqual([]);
  });
});
