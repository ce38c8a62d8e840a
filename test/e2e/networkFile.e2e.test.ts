/**
 * Issue 13 point 8: a cold-signed file for a private network. The devnet's ready line (what `harvest devnet --json`
 * prints) saved to a file is the --network of an offline `delegate`; the devnet verifies signatures and deadlines
 * with its own seed and epoch, so an ACTIVE account proves that the file's were used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/ui/output.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { spawnCli } from '../helpers/spawnCli.js';

const world = useDevnet({ blockTimeSeconds: 0.3 }, 'harvest-netfile-');

/** An offline, cold-signed delegation of `account` to the devnet node, for `network`; the signed file's path. */
async function signOffline(network: string, accountIndex: number, name: string): Promise<string> {
  const { devnet, dir } = world;
  const account = devnet.descriptor.accounts[accountIndex]!;
  const password = join(dir, 'password');
  writeFileSync(password, 'cold\n', { mode: 0o600 });
  const signed = join(dir, `${name}.json`);
  const run = await spawnCli([
    'delegate',
    '--json',
    '--yes',
    '--offline',
    '--network',
    network,
    '--node-public-key',
    devnet.descriptor.nodePublicKey,
    '--key-file',
    account.keyFile,
    '--home',
    join(dir, `home-${name}`),
    '--password-file',
    password,
    '--out',
    signed,
  ]);
  expect(run.exitCode, run.stderr).toBe(0);
  return signed;
}

describe('--network <the devnet ready line saved to a file> (spawned bin/harvest, devnet over HTTP)', () => {
  it('signs offline for the devnet, and the devnet confirms it and activates the account', async () => {
    const { devnet, dir } = world;
    const readyLine = join(dir, 'devnet.json');
    writeFileSync(readyLine, `${toJson(devnet.descriptor)}\n`);
    const signed = await signOffline(readyLine, 0, 'devnet-signed');
    expect(JSON.parse(readFileSync(signed, 'utf8')).network).toEqual({
      name: 'private',
      identifier: devnet.descriptor.networkIdentifier,
      generationHashSeed: devnet.descriptor.generationHashSeed,
    });

    const announced = await spawnCli(['announce', signed, '--json', '--yes', '--node', devnet.url]);
    expect(announced.exitCode, announced.stderr).toBe(0);
    expect(JSON.parse(announced.stdout)).toMatchObject({
      state: 'ACTIVE',
      nodePublicKey: devnet.descriptor.nodePublicKey,
    });
  });

  it('refuses a file signed for testnet on the devnet: same identifier, other seed, both named', async () => {
    const { devnet } = world;
    const signed = await signOffline('testnet', 1, 'testnet-signed');
    const announced = await spawnCli(['announce', signed, '--json', '--yes', '--node', devnet.url]);
    expect(announced.exitCode).toBe(2);
    const seed = devnet.descriptor.generationHashSeed.slice(0, 8);
    expect(JSON.parse(announced.stdout).error).toMatchObject({
      code: 'WRONG_NETWORK',
      message:
        `the file was signed for testnet (seed 49D6E1CE…), but ${devnet.url} is on ` +
        `private (testnet identifier, seed ${seed}…)`,
    });
  });
});
