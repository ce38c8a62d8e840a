import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateKey, PublicKey } from 'symbol-sdk';
import { KeyPair, MessageEncoder, SymbolTransactionFactory } from 'symbol-sdk/symbol';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { seededRandom } from '../helpers/seededRandom.js';

const MAIN_PRIVATE = 'EDB671EB741BD676969D8A035271D1EE5E75DF33278083D877F23615EB839FEC';
const MAIN_PUBLIC = '87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8';
const NODE_PRIVATE = '1'.repeat(64);
const NODE_PUBLIC = 'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737';
const NOW = new Date('2025-06-01T00:00:00Z');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'harvest-delegate-'));
  writeFileSync(join(dir, 'main.key'), `${MAIN_PRIVATE}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'password'), 'correct horse\n', { mode: 0o600 });
  return { dir, home: join(dir, 'home') };
}

const baseArgs = (dir: string, home: string) => [
  'delegate',
  '--json',
  '--offline',
  '--network',
  'testnet',
  '--home',
  home,
  '--key-file',
  join(dir, 'main.key'),
  '--node-public-key',
  NODE_PUBLIC,
  '--password-file',
  join(dir, 'password'),
];

function allFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('harvest delegate --offline', () => {
  it('signs one V3 aggregate that symbol-sdk verifies and the node key opens, and stores the keys first', async () => {
    const { dir, home } = setup();
    const run = await runCli(baseArgs(dir, home), { now: () => NOW, random: seededRandom(1), cwd: dir });
    expect(run.stderr).not.toContain('Error:');
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result).toMatchObject({
      network: 'testnet',
      mainPublicKey: MAIN_PUBLIC,
      nodePublicKey: NODE_PUBLIC,
      nodeUrl: null,
      announced: false,
      state: 'INACTIVE',
    });
    expect(result.plan.map((entry: { kind: string }) => entry.kind)).toEqual([
      'nodeLink',
      'remoteLink',
      'vrfLink',
      'delegationRequest',
    ]);
    const [transaction] = result.transactions;
    expect(transaction.fee).toBe('64800'); // 648 bytes × 100
    const parsed = SymbolTransactionFactory.deserialize(Buffer.from(transaction.payload, 'hex')) as any;
    expect(parsed.version).toBe(3);
    expect(parsed.transactions[1].linkedPublicKey.toString()).toBe(result.remotePublicKey);
    expect(parsed.transactions[2].linkedPublicKey.toString()).toBe(result.vrfPublicKey);
    const decoded = new MessageEncoder(new KeyPair(new PrivateKey(NODE_PRIVATE))).tryDecode(
      new PublicKey(MAIN_PUBLIC),
      parsed.transactions[3].message,
    );
    expect(decoded.isDecoded).toBe(true);
    const remote = new KeyPair(new PrivateKey(decoded.message.subarray(0, 32)));
    const vrf = new KeyPair(new PrivateKey(decoded.message.subarray(32)));
    expect(remote.publicKey.toString()).toBe(result.remotePublicKey);
    expect(vrf.publicKey.toString()).toBe(result.vrfPublicKey);

    // the keystore holds both keys (encrypted) and the node; no private key in plain text anywhere. The offline
    // payload is not journalled: a later online run must never announce it unasked (use `harvest announce`).
    const keystoreFile = join(home, 'keystore', `${result.mainAddress}.json`);
    expect(statSync(keystoreFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'keystore')).mode & 0o777).toBe(0o700);
    const keystore = JSON.parse(readFileSync(keystoreFile, 'utf8'));
    expect(keystore.keys.map((key: { publicKey: string }) => key.publicKey)).toEqual([
      result.remotePublicKey,
      result.vrfPublicKey,
    ]);
    expect(keystore.journal).toEqual([]);
    expect(transaction.hash).toMatch(/^[0-9A-F]{64}$/);
    const secrets = [toHexUpper(remote), toHexUpper(vrf), MAIN_PRIVATE];
    for (const file of allFiles(dir)) {
      if (file.endsWith('main.key')) continue;
      const text = readFileSync(file, 'utf8').toUpperCase();
      for (const secret of secrets) expect(text, file).not.toContain(secret);
    }
    for (const secret of secrets)
      expect(run.stdout.toUpperCase() + run.stderr.toUpperCase()).not.toContain(secret);
  });

  it('keeps keys the keystore holds on a second run and unlinks what it does not hold', async () => {
    const { dir, home } = setup();
    const first = (
      await runCli(baseArgs(dir, home), { now: () => NOW, random: seededRandom(2), cwd: dir })
    ).json();
    const state = {
      account: {
        address: '98',
        publicKey: MAIN_PUBLIC,
        supplementalPublicKeys: {
          linked: { publicKey: first.remotePublicKey },
          vrf: { publicKey: 'C'.repeat(64) },
          node: { publicKey: NODE_PUBLIC },
        },
        importance: '5',
        mosaics: [{ id: '72C0212E67A08BCE', amount: '20000000000' }],
      },
    };
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
    const run = await runCli(
      [...baseArgs(dir, home), '--account-state', join(dir, 'state.json'), '--aggregate-version', '2'],
      {
        now: () => NOW,
        random: seededRandom(3),
        cwd: dir,
      },
    );
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result.remotePublicKey).toBe(first.remotePublicKey);
    expect(result.plan).toEqual([
      { kind: 'vrfUnlink', publicKey: 'C'.repeat(64) },
      { kind: 'vrfLink', publicKey: result.vrfPublicKey },
      { kind: 'delegationRequest', publicKey: NODE_PUBLIC },
    ]);
    const parsed = SymbolTransactionFactory.deserialize(Buffer.from(result.transactions[0].payload, 'hex'));
    expect(parsed.version).toBe(2);
  });

  it('refuses a wrong password with KEYSTORE_LOCKED and leaves the keystore unchanged', async () => {
    const { dir, home } = setup();
    const first = (
      await runCli(baseArgs(dir, home), { now: () => NOW, random: seededRandom(4), cwd: dir })
    ).json();
    const path = join(home, 'keystore', `${first.mainAddress}.json`);
    const before = readFileSync(path, 'utf8');
    writeFileSync(join(dir, 'password'), 'wrong\n');
    const run = await runCli(baseArgs(dir, home), { now: () => NOW, random: seededRandom(5), cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('KEYSTORE_LOCKED');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it.each([
    [['--fee', '-1'], 'INVALID_INPUT'],
    [['--fee', 'abc'], 'INVALID_INPUT'],
    [['--fee', 'fast'], 'INVALID_INPUT'],
    [['--aggregate-version', '1'], 'INVALID_INPUT'],
    [['--node-public-key', '00'.repeat(32)], 'INVALID_KEY'],
    [['--node-public-key', 'ZZ'], 'INVALID_KEY'],
    [['--account-state', 'missing.json'], 'INVALID_FILE'],
    [['--key-file', 'missing.key'], 'INVALID_KEY'],
  ])('rejects %j with %s, exit 2, and writes nothing', async (extra, code) => {
    const { dir, home } = setup();
    const run = await runCli([...baseArgs(dir, home), ...extra], {
      now: () => NOW,
      random: seededRandom(6),
      cwd: dir,
    });
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe(code);
    expect(() => readdirSync(home)).toThrow();
  });

  it('rejects an unknown network and a missing password without a terminal', async () => {
    const { dir, home } = setup();
    const args = baseArgs(dir, home);
    const badNetwork = await runCli(
      args.map((arg) => (arg === 'testnet' ? 'moonnet' : arg)),
      { cwd: dir },
    );
    expect(badNetwork.exitCode).toBe(2);
    expect(badNetwork.json().error.code).toBe('INVALID_INPUT');
    const noPassword = await runCli(args.slice(0, -2), { now: () => NOW, random: seededRandom(7), cwd: dir });
    expect(noPassword.exitCode).toBe(2);
    expect(noPassword.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringContaining('HARVEST_PASSWORD'),
    });
  });
});

describe('cold signing: delegate --prepare, then sign', () => {
  it('prepares without the private key, signs after review, and refuses unsafe plans', async () => {
    const { dir, home } = setup();
    const prepare = await runCli(
      [
        'delegate',
        '--json',
        '--offline',
        '--prepare',
        '--network',
        'testnet',
        '--home',
        home,
        '--public-key',
        MAIN_PUBLIC,
        '--node-public-key',
        NODE_PUBLIC,
        '--password-file',
        join(dir, 'password'),
        '--out',
        'plan.json',
      ],
      { now: () => NOW, random: seededRandom(8), cwd: dir },
    );
    expect(prepare.stderr).not.toContain('Error');
    expect(prepare.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(plan.format).toBe('harvest-unsigned');
    expect(plan.transactions[0].hash).toBeUndefined();

    const refused = await runCli(
      ['sign', 'plan.json', '--json', '--key-file', 'main.key', '--out', 'signed.json'],
      { cwd: dir },
    );
    expect(refused.exitCode).toBe(2);
    expect(refused.json().error.code).toBe('CONFIRMATION_REQUIRED');

    const signed = await runCli(
      ['sign', 'plan.json', '--json', '--yes', '--key-file', 'main.key', '--out', 'signed.json'],
      {
        cwd: dir,
      },
    );
    expect(signed.exitCode).toBe(0);
    expect(signed.stderr).toContain('delegationRequest');
    const file = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8'));
    expect(file.format).toBe('harvest-signed');
    expect(statSync(join(dir, 'signed.json')).mode & 0o777).toBe(0o600);
    const parsed: any = SymbolTransactionFactory.deserialize(
      Buffer.from(file.transactions[0].payload, 'hex'),
    );
    const { SymbolFacade } = await import('symbol-sdk/symbol');
    const facade = new SymbolFacade('testnet');
    expect(facade.verifyTransaction(parsed, parsed.signature)).toBe(true);
    expect(facade.hashTransaction(parsed).toString()).toBe(file.transactions[0].hash);

    // an aggregate hiding a mosaic transfer is refused unless --allow-any
    const facadeTx = facade.transactionFactory.create({
      type: 'transfer_transaction_v1',
      signerPublicKey: new PublicKey(MAIN_PUBLIC),
      recipientAddress: 'TD4PJKW5JP3CNHA47VDFIM25RCWTWRGT45HMPSA',
      mosaics: [{ mosaicId: 0x72c0212e67a08bcen, amount: 1000000000n }],
      deadline: 1n,
    });
    const evil = {
      ...plan,
      transactions: [
        { ...plan.transactions[0], payload: Buffer.from(facadeTx.serialize()).toString('hex').toUpperCase() },
      ],
    };
    writeFileSync(join(dir, 'evil.json'), JSON.stringify(evil));
    const unsafe = await runCli(['sign', 'evil.json', '--json', '--yes', '--key-file', 'main.key'], {
      cwd: dir,
    });
    expect(unsafe.exitCode).toBe(4);
    expect(unsafe.json().error.code).toBe('UNSAFE_TRANSACTION');
    const allowed = await runCli(
      ['sign', 'evil.json', '--json', '--yes', '--allow-any', '--key-file', 'main.key'],
      { cwd: dir },
    );
    expect(allowed.exitCode).toBe(0);
  });
});

describe('harvest link-remote --offline', () => {
  it('writes the harvesting settings with mode 0600 and never prints the keys', async () => {
    const { dir, home } = setup();
    const run = await runCli(
      [
        'link-remote',
        '--json',
        '--offline',
        '--network',
        'testnet',
        '--home',
        home,
        '--key-file',
        'main.key',
        '--password-file',
        'password',
        '--config-out',
        'harvesting.properties',
      ],
      { now: () => NOW, random: seededRandom(9), cwd: dir },
    );
    expect(run.stderr).not.toContain('Error');
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result.plan.map((entry: { kind: string }) => entry.kind)).toEqual(['remoteLink', 'vrfLink']);
    expect(result.nodePublicKey).toBeNull();
    const configPath = join(dir, 'harvesting.properties');
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    const config = readFileSync(configPath, 'utf8');
    const remoteKey = /harvesterSigningPrivateKey = ([0-9A-F]{64})/.exec(config)![1]!;
    const vrfKey = /harvesterVrfPrivateKey = ([0-9A-F]{64})/.exec(config)![1]!;
    expect(config).toContain('enableAutoHarvesting = true');
    expect(config).toContain(`beneficiaryAddress = ${result.mainAddress}`);
    expect(new KeyPair(new PrivateKey(remoteKey)).publicKey.toString()).toBe(result.remotePublicKey);
    expect(new KeyPair(new PrivateKey(vrfKey)).publicKey.toString()).toBe(result.vrfPublicKey);
    expect(run.stdout + run.stderr).not.toContain(remoteKey);
    expect(run.stdout + run.stderr).not.toContain(vrfKey);
  });
});

function toHexUpper(keyPair: KeyPair): string {
  return keyPair.privateKey.toString().toUpperCase();
}
