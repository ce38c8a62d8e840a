/**
 * onboardAccounts through its entry point: several stub nodes (each its own stub chain, all on virtual time), an
 * in-memory home shared by every account's keystore, real keys and signatures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAddress, encodeAddress } from '../../src/core/address.js';
import { toHex } from '../../src/core/bytes.js';
import { InputError } from '../../src/core/errors.js';
import {
  deriveKeystoreKey,
  unlockKeystore,
  type DeriveKeystoreKey,
} from '../../src/core/keystore/keystoreCrypto.js';
import { openKeystore } from '../../src/flows/keystore/openKeystore.js';
import { readKeystoreFile } from '../../src/flows/keystore/readKeystoreFile.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import type { FileSystem } from '../../src/core/ports.js';
import {
  onboardAccounts,
  type OnboardAccountInput,
  type OnboardAccountsParameters,
} from '../../src/flows/onboardAccounts.js';
import type { OnboardPlan } from '../../src/contract/onboard.js';
import { keyOf, OTHER_NODE_PUBLIC } from '../helpers/delegationChain.js';
import { BALANCE, FAST, HOME, PASSWORD } from '../helpers/flowWorld.js';
import { memoryFileSystem, type MemoryFileSystem } from '../helpers/memoryFileSystem.js';
import { seededRandom } from '../helpers/seededRandom.js';
import { stubChain, type StubChain } from '../helpers/stubChain.js';
import { reply, stubNode, type StubNode } from '../helpers/stubNode.js';
import { virtualTime, type VirtualTime } from '../helpers/virtualTime.js';

const URL_A = 'http://node-a.test:3000';
const URL_B = 'http://node-b.test:3000';
const URL_DOWN = 'http://node-down.test:3000';
/** The private key of delegationChain's OTHER_NODE_PUBLIC. */
const OTHER_NODE_PRIVATE = keyOf(0x12);

const KEYS = [keyOf(0x51), keyOf(0x52), keyOf(0x53)];
const ADDRESSES = KEYS.map((key) => encodeAddress(deriveAddress(derivePublicKey(key), TESTNET.identifier)));

let time: VirtualTime;
let files: MemoryFileSystem;
let nodes: StubNode[];
afterEach(() => nodes.forEach((node) => node.assertAllHit()));

/** A readable node whose chain knows every account of KEYS. */
function readableNode(url: string, nodePrivateKey?: Uint8Array): { node: StubNode; chain: StubChain } {
  const node = stubNode({ url });
  const chain = stubChain(node, {
    time,
    ...(nodePrivateKey === undefined
      ? {}
      : { nodePrivateKey, nodePublicKey: derivePublicKey(nodePrivateKey) }),
  });
  for (const key of KEYS) {
    chain.addAccount({ publicKey: derivePublicKey(key), balance: BALANCE, importance: 1_000n });
  }
  nodes.push(node);
  return { node, chain };
}

/** A node whose gateway answers 503 to everything asked. */
function unreadableNode(url: string): StubNode {
  const node = stubNode({ url });
  node.on('GET', '/node/info', reply(503, { code: 'ServiceUnavailable', message: 'down' }));
  nodes.push(node);
  return node;
}

function account(index: number, node?: string): OnboardAccountInput {
  return {
    line: index + 2,
    label: `KEY_${index}`,
    ...(node === undefined ? {} : { node }),
    readKey: () => Promise.resolve(KEYS[index]!),
  };
}

function parameters(overrides: Partial<OnboardAccountsParameters>): OnboardAccountsParameters {
  return {
    accounts: [account(0), account(1), account(2)],
    nodes: [{ url: URL_A }, { url: URL_B }],
    connect: (url) => nodes.find((node) => node.url === url)!.client(time.sleep),
    expectedNetwork: TESTNET,
    fee: undefined,
    concurrency: 2,
    confirm: () => Promise.resolve(),
    password: () => Promise.resolve(PASSWORD),
    files,
    home: HOME,
    scrypt: FAST,
    wait: true,
    confirmationTimeoutMs: 5 * 60_000,
    activationTimeoutMs: 10 * 60_000,
    random: seededRandom(11),
    now: time.now,
    sleep: time.sleep,
    ...overrides,
  };
}

/** A keystore for KEYS[index] with no key in it, under `password` (as a run that stopped before signing leaves). */
async function emptyKeystore(index: number, password: string): Promise<void> {
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

/** deriveKeystoreKey, counted. */
function countedDerive() {
  const calls: string[] = [];
  const derive: DeriveKeystoreKey = (password, salt, scrypt) => {
    calls.push(toHex(salt));
    return deriveKeystoreKey(password, salt, scrypt);
  };
  return { calls, derive };
}

function fresh() {
  time = virtualTime();
  files = memoryFileSystem();
  nodes = [];
}

describe('onboardAccounts', () => {
  it('spreads three accounts over two nodes, one confirmation, each ACTIVE on its node', async () => {
    fresh();
    const a = readableNode(URL_A);
    const b = readableNode(URL_B, OTHER_NODE_PRIVATE);
    const plans: OnboardPlan[] = [];

    const result = await onboardAccounts(
      parameters({ confirm: (plan) => Promise.resolve(void plans.push(plan)) }),
    );

    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      accounts: 3,
      failed: 0,
      nodes: [
        { url: URL_A, accounts: 2 },
        { url: URL_B, accounts: 1 },
      ],
    });
    expect(result.accounts.map((row) => [row.line, row.mainAddress, row.state, row.nodeUrl])).toEqual([
      [2, ADDRESSES[0], 'ACTIVE', URL_A],
      [3, ADDRESSES[1], 'ACTIVE', URL_B],
      [4, ADDRESSES[2], 'ACTIVE', URL_A],
    ]);
    expect(result.summary).toEqual({ ACTIVE: 3 });
    expect(a.chain.announced).toHaveLength(2);
    expect(b.chain.announced).toHaveLength(1);
    expect(b.chain.account(derivePublicKey(KEYS[1]!))!.links.node).toEqual(OTHER_NODE_PUBLIC);
    expect(files.files()).toEqual(ADDRESSES.map((address) => `${HOME}/keystore/${address}.json`).sort());
  });

  it('an unreadable node fails only the rows that name it; the others go on', async () => {
    fresh();
    const a = readableNode(URL_A);
    unreadableNode(URL_DOWN);
    const notes: string[] = [];

    const result = await onboardAccounts(
      parameters({
        accounts: [account(0), account(1, URL_DOWN), account(2)],
        nodes: [{ url: URL_A }, { url: URL_DOWN }],
        onNote: (text) => notes.push(text),
      }),
    );

    expect(result.accounts.map((row) => [row.line, row.state, row.nodeUrl, row.error?.code ?? null])).toEqual(
      [
        [2, 'ACTIVE', URL_A, null],
        [3, 'FAILED', URL_DOWN, 'NODE_UNAVAILABLE'],
        [4, 'ACTIVE', URL_A, null],
      ],
    );
    expect(result.summary).toEqual({ ACTIVE: 2, FAILED: 1 });
    expect(a.chain.announced).toHaveLength(2);
    expect(notes.some((note) => note.startsWith(`${URL_DOWN} cannot be read`))).toBe(true);
    expect(files.text(`${HOME}/keystore/${ADDRESSES[1]}.json`)).toBeUndefined();
  });

  it("a node failing after its row's announce: the row FAILED with the journalled hash and a resume hint", async () => {
    fresh();
    const a = readableNode(URL_A);
    readableNode(URL_B, OTHER_NODE_PRIVATE);
    a.node.on('GET', '/transactionStatus/:hash', () => reply(503, { code: 'Down', message: 'going down' }));

    const progress: string[] = [];
    const result = await onboardAccounts(
      parameters({
        accounts: [account(0, URL_A), account(1, URL_B)],
        onProgress: (text) => void progress.push(text),
      }),
    );

    const [failed, active] = result.accounts;
    expect(active).toMatchObject({ state: 'ACTIVE', error: null });
    const keystore = `${HOME}/keystore/${ADDRESSES[0]}.json`;
    const journal = (JSON.parse(files.text(keystore)!) as { journal: { hash: string }[] }).journal;
    expect(failed).toMatchObject({
      state: 'FAILED',
      error: {
        code: 'NODE_UNAVAILABLE',
        journal: { hash: journal[0]!.hash, keystore },
        hint: expect.stringContaining(
          `the signed transaction ${journal[0]!.hash} is journalled in ${keystore}`,
        ),
      },
    });
    // progress: a line per account whose state is decided
    expect(progress.map((text) => text.replace(/^\d\/2 done /, '')).sort()).toEqual(
      [`(${ADDRESSES[0]}: FAILED)`, `(${ADDRESSES[1]}: ACTIVE)`].sort(),
    );
  });

  it('a key that cannot be read fails its row only', async () => {
    fresh();
    readableNode(URL_A);
    const unreadable: OnboardAccountInput = {
      line: 3,
      label: 'KEY_1',
      readKey: () => Promise.reject(new InputError('INVALID_KEY', 'KEY_1 is not a private key')),
    };

    const result = await onboardAccounts(
      parameters({ accounts: [account(0), unreadable, account(2)], nodes: [{ url: URL_A }] }),
    );

    expect(result.accounts.map((row) => [row.line, row.state, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', null],
      [3, 'FAILED', 'INVALID_KEY'],
      [4, 'ACTIVE', null],
    ]);
  });

  it.each([1, 2])('runs at most %i account(s) at a time', async (concurrency) => {
    fresh();
    readableNode(URL_A);
    readableNode(URL_B, OTHER_NODE_PRIVATE);
    // an account's run starts when its keystore is opened (after the batch confirmation) and ends at "n/N done"
    let confirmed = false;
    let running = 0;
    let most = 0;
    const watched: FileSystem = {
      ...files,
      stat: (path) => {
        if (confirmed && path.endsWith('.json')) most = Math.max(most, ++running);
        return files.stat(path);
      },
    };

    const result = await onboardAccounts(
      parameters({
        concurrency,
        files: watched,
        confirm: () => Promise.resolve(void (confirmed = true)),
        onProgress: () => void (running -= 1),
      }),
    );

    expect(result.summary).toEqual({ ACTIVE: 3 });
    expect(most).toBe(concurrency);
  });

  it('a re-run announces nothing: each account is found ACTIVE on its remembered node', async () => {
    fresh();
    const a = readableNode(URL_A);
    const b = readableNode(URL_B, OTHER_NODE_PRIVATE);
    const first = await onboardAccounts(parameters({}));

    const again = await onboardAccounts(parameters({ nodes: [{ url: URL_B }, { url: URL_A }] }));

    expect(again.accounts.map((row) => [row.state, row.nodeUrl, row.announced])).toEqual(
      first.accounts.map((row) => ['ACTIVE', row.nodeUrl, false]),
    );
    expect(a.chain.announced).toHaveLength(2);
    expect(b.chain.announced).toHaveLength(1);
  });

  it('a re-run with one of the two nodes down: the accounts remembered on it fail, the others are ACTIVE', async () => {
    fresh();
    const a = readableNode(URL_A);
    readableNode(URL_B, OTHER_NODE_PRIVATE);
    await onboardAccounts(parameters({}));
    nodes = [a.node];
    unreadableNode(URL_B);

    const again = await onboardAccounts(parameters({}));

    expect(again.accounts.map((row) => [row.line, row.state, row.nodeUrl, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', URL_A, null],
      [3, 'FAILED', URL_B, 'NODE_UNAVAILABLE'],
      [4, 'ACTIVE', URL_A, null],
    ]);
    expect(a.chain.announced).toHaveLength(2);
  });

  it('asks the password once, after the batch confirmation', async () => {
    fresh();
    readableNode(URL_A);
    const steps: string[] = [];

    await onboardAccounts(
      parameters({
        nodes: [{ url: URL_A }],
        confirm: () => Promise.resolve(void steps.push('confirm')),
        password: (creating) => Promise.resolve(void steps.push(`password ${creating}`)).then(() => PASSWORD),
      }),
    );

    expect(steps).toEqual(['confirm', 'password true']);
  });

  it('a keystore under another password fails its row (KEYSTORE_PASSWORD, its line); the others go on', async () => {
    fresh();
    const a = readableNode(URL_A);
    // line 3's keystore is made under another password by an earlier run that announced nothing (an ACTIVE
    // account would need no password at all)
    await emptyKeystore(1, 'other');
    await onboardAccounts(parameters({ accounts: [account(0)], nodes: [{ url: URL_A }] }));
    const announced = a.chain.announced.length;

    const result = await onboardAccounts(parameters({ nodes: [{ url: URL_A }] }));

    expect(result.accounts.map((row) => [row.line, row.state, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', null],
      [3, 'FAILED', 'KEYSTORE_PASSWORD'],
      [4, 'ACTIVE', null],
    ]);
    expect(result.accounts[1]).toMatchObject({ mainAddress: ADDRESSES[1], nodeUrl: URL_A });
    expect(result.accounts[1]!.error!.message).toMatch(/^line 3: wrong password for keystore /);
    expect(result.summary).toEqual({ ACTIVE: 2, FAILED: 1 });
    expect(a.chain.announced).toHaveLength(announced + 1); // line 4 only
  });

  it('a password that opens none of the existing keystores creates none either; nothing announced', async () => {
    fresh();
    const a = readableNode(URL_A);
    await onboardAccounts(parameters({ accounts: [account(0)], nodes: [{ url: URL_A }] }));
    const writes = files.log.length;
    const announced = a.chain.announced.length;

    const result = await onboardAccounts(
      parameters({ nodes: [{ url: URL_A }], password: () => Promise.resolve('wrong') }),
    );

    // line 2 is ACTIVE with its keystore's keys: it needs no password; the password is tried on its keystore
    // before lines 3 and 4 would get one, and does not open it
    expect(result.accounts.map((row) => [row.line, row.state, row.error?.code ?? null])).toEqual([
      [2, 'ACTIVE', null],
      [3, 'FAILED', 'KEYSTORE_PASSWORD'],
      [4, 'FAILED', 'KEYSTORE_PASSWORD'],
    ]);
    expect(result.accounts[1]!.error!.message).toBe(
      "line 3: no keystore created: the password opens none of the batch's 1 existing keystore(s)",
    );
    expect(files.log.slice(writes)).toEqual([]);
    expect(a.chain.announced).toHaveLength(announced);
  });

  it('a batch of new accounts derives the keystore key once: one salt for the batch, each file opens alone', async () => {
    fresh();
    readableNode(URL_A);
    const counted = countedDerive();
    const asked: boolean[] = [];

    const result = await onboardAccounts(
      parameters({
        nodes: [{ url: URL_A }],
        deriveKey: counted.derive,
        password: (creating) => Promise.resolve(void asked.push(creating)).then(() => PASSWORD),
      }),
    );

    expect(result.summary).toEqual({ ACTIVE: 3 });
    expect(asked).toEqual([true]);
    expect(counted.calls).toHaveLength(1);
    const stored = await Promise.all(ADDRESSES.map((address) => readKeystoreFile(files, HOME, address)));
    for (const file of stored) {
      expect(toHex(file!.kdf.salt)).toBe(counted.calls[0]);
      expect(file!.kdf).toMatchObject(FAST);
      // self-contained: the file alone and the password open it, with a plain scrypt
      expect(() => unlockKeystore(file!, PASSWORD)).not.toThrow();
      expect(() => unlockKeystore(file!, 'wrong')).toThrow(/wrong password/);
    }
  });

  it('a re-run with every account ACTIVE asks no password and runs no derivation', async () => {
    fresh();
    const a = readableNode(URL_A);
    readableNode(URL_B, OTHER_NODE_PRIVATE);
    await onboardAccounts(parameters({}));
    const announced = a.chain.announced.length;
    const writes = files.log.length;
    const counted = countedDerive();
    const notes: string[] = [];

    const again = await onboardAccounts(
      parameters({
        deriveKey: counted.derive,
        password: () => Promise.reject(new Error('no password should be asked')),
        onNote: (text) => notes.push(text),
      }),
    );

    expect(again.summary).toEqual({ ACTIVE: 3 });
    expect(again.accounts.map((row) => [row.announced, row.reasons])).toEqual([
      [false, []],
      [false, []],
      [false, []],
    ]);
    expect(counted.calls).toEqual([]);
    expect(files.log.slice(writes)).toEqual([]);
    expect(a.chain.announced).toHaveLength(announced);
    expect(notes).toContain(
      "3 account(s) already ACTIVE with their keystore's keys: nothing to do, no password needed",
    );
  });

  it('existing keystores that must be opened cost one derivation each, not one for the check and one for the run', async () => {
    fresh();
    readableNode(URL_A);
    await emptyKeystore(0, PASSWORD);
    await emptyKeystore(1, PASSWORD);
    const counted = countedDerive();
    const asked: boolean[] = [];

    const result = await onboardAccounts(
      parameters({
        nodes: [{ url: URL_A }],
        deriveKey: counted.derive,
        password: (creating) => Promise.resolve(void asked.push(creating)).then(() => PASSWORD),
      }),
    );

    expect(result.summary).toEqual({ ACTIVE: 3 });
    expect(asked).toEqual([true]);
    // two existing keystores (their own salts) and one new one
    expect(counted.calls).toHaveLength(3);
    expect(new Set(counted.calls).size).toBe(3);
  });

  it('an ACTIVE account whose journal holds an open entry is not skipped: its keystore is opened', async () => {
    fresh();
    const a = readableNode(URL_A);
    await onboardAccounts(parameters({ accounts: [account(0)], nodes: [{ url: URL_A }] }));
    const path = `${HOME}/keystore/${ADDRESSES[0]!}.json`;
    const text = new TextDecoder().decode(await files.readFile(path));
    const json = JSON.parse(text) as { journal: { state: string }[] };
    json.journal[json.journal.length - 1]!.state = 'announced';
    await files.writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(json)), 0o600);
    const counted = countedDerive();

    const again = await onboardAccounts(
      parameters({ accounts: [account(0)], nodes: [{ url: URL_A }], deriveKey: counted.derive }),
    );

    expect(again.summary).toEqual({ ACTIVE: 1 });
    expect(counted.calls).toHaveLength(1);
    expect(a.chain.announced).toHaveLength(1);
  });

  it('the same account twice: INVALID_FILE for the whole file, no node asked', async () => {
    fresh();
    const a = readableNode(URL_A);

    await expect(
      onboardAccounts(parameters({ accounts: [account(0), account(0)], nodes: [{ url: URL_A }] })),
    ).rejects.toMatchObject({ code: 'INVALID_FILE' });
    expect(a.node.requests).toEqual([]);
  });
});
