/**
 * The library's defaults (src/library/): getHarvestingStatus and onboardAccounts with only what a script has (node
 * URLs, keys, a home, a password), Node's real ports otherwise; garbage inputs are typed errors; results written with
 * toJson are the --json documents.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createNodeFileSystem,
  createNodePorts,
  getHarvestingStatus,
  onboardAccounts,
  parseAddress,
  parsePrivateKey,
  toJson,
} from '../../src/index.js';
import { runCli } from '../helpers/runCli.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { readFileSync } from 'node:fs';

const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-library-');

describe('getHarvestingStatus with the defaults', () => {
  it('needs only a node URL and an account; toJson(result) is the `harvest status --json` document', async () => {
    const account = fixture.devnet.descriptor.accounts[1]!;
    const status = await getHarvestingStatus({
      nodeUrl: `${fixture.devnet.url}/`,
      account: { address: parseAddress(account.address) },
    });
    expect(() => JSON.stringify(status)).toThrow(); // bigint inside: the reason toJson exists
    const cli = await runCli([
      'status',
      '--json',
      '--node',
      fixture.devnet.url,
      '--address',
      account.address,
    ]);
    const document = JSON.parse(toJson(status)) as Record<string, unknown>;
    expect(document).toEqual({
      ...cli.json(),
      nextImportanceRecalculation: document['nextImportanceRecalculation'],
    });
    expect(document).toMatchObject({
      state: 'INACTIVE',
      mainAddress: account.address,
      balance: account.balance,
    });
  });

  it.each([
    [{ nodeUrl: 'not a url' }, 'INVALID_INPUT'],
    [{ nodeUrl: 'ftp://127.0.0.1:3000' }, 'INVALID_INPUT'],
    [{ nodeUrl: 42 as unknown as string }, 'INVALID_INPUT'],
    [{}, 'INPUT_REQUIRED'],
  ])('refuses %j with %s', async (given, code) => {
    const address = parseAddress(fixture.devnet.descriptor.accounts[1]!.address);
    await expect(getHarvestingStatus({ ...given, account: { address } })).rejects.toMatchObject({ code });
  });
});

describe('onboardAccounts with the defaults', () => {
  it('needs only keys, nodes, a home and a password', async () => {
    const account = fixture.devnet.descriptor.accounts[2]!;
    const privateKey = parsePrivateKey(readFileSync(account.keyFile, 'utf8'));
    const home = join(fixture.dir, 'home');

    const result = await onboardAccounts({
      accounts: [{ privateKey }, { privateKey: new Uint8Array(3) }],
      nodes: [fixture.devnet.url],
      home,
      password: 'library',
    });

    expect(JSON.parse(toJson(result))).toMatchObject({
      accounts: [
        { line: 1, mainAddress: account.address, state: 'ACTIVE', error: null },
        { line: 2, mainAddress: null, state: 'FAILED', error: { code: 'INVALID_KEY' } },
      ],
      summary: { ACTIVE: 1, FAILED: 1 },
    });
    const files = createNodeFileSystem();
    expect((await files.stat(join(home, 'keystore', `${account.address}.json`)))?.mode).toBe(0o600);
  });

  it.each([
    [{ password: '' }, 'INVALID_INPUT'],
    [{ nodes: ['node-a:3000'] }, 'INVALID_INPUT'],
  ])('refuses %j with %s before anything is read', async (given, code) => {
    const privateKey = parsePrivateKey(readFileSync(fixture.devnet.descriptor.accounts[3]!.keyFile, 'utf8'));
    await expect(
      onboardAccounts({
        accounts: [{ privateKey }],
        nodes: [fixture.devnet.url],
        home: join(fixture.dir, 'refused'),
        password: 'library',
        ...given,
      }),
    ).rejects.toMatchObject({ code });
  });

  it('exports the real ports the CLI uses', async () => {
    const ports = createNodePorts();
    expect(ports.random(32)).toHaveLength(32);
    expect(ports.now()).toBeInstanceOf(Date);
    expect(await ports.files.readdir(join(fixture.dir, 'none'))).toEqual([]);
  });
});
