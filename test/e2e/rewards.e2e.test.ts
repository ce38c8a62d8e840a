/**
 * `harvest rewards` as shipped (bin/harvest.js, built) against the devnet over HTTP: a node whose beneficiary is the
 * account pays it the beneficiary share of the owner's blocks, then, once the account delegates to that node, both
 * shares of its own blocks; the result equals the 5 / 25 / 70 sum of /blocks computed here, and --csv reads back.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicKey } from 'symbol-sdk';
import { Address } from 'symbol-sdk/symbol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  getJson,
  randomKeyPair,
} from '../devnet/sdkClient.js';
import { spawnCli } from '../helpers/spawnCli.js';

let devnet: Devnet;
let dir: string;
let remote: string;
const hexOf = (base32: string) => Buffer.from(new Address(base32).bytes).toString('hex').toUpperCase();

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, inflation: 7_000_000 });
  dir = mkdtempSync(join(tmpdir(), 'harvest-rewards-e2e-'));
  const account = devnet.descriptor.accounts[0]!.address;
  await fetch(`${devnet.url}/devnet/beneficiary`, {
    method: 'POST',
    body: JSON.stringify({ address: account }),
  });
  devnet.mineBlock(); // the owner signs: account 0 gets the beneficiary share alone
  const keys = randomKeyPair();
  const request = delegationAggregate(
    facadeOf(devnet),
    fundedKeyPair(devnet, 0),
    devnet.descriptor.nodePublicKey,
    keys,
    randomKeyPair(),
  );
  expect((await announce(devnet.url, request.body)).status).toBe(202);
  remote = keys.publicKey.toString();
  for (let round = 0; round < 4; round += 1) devnet.mineBlock(); // account 0 signs: both shares
});
afterAll(async () => {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('harvest rewards (built binary) on the devnet', () => {
  it('equals the sum of the blocks by the 5/25/70 rule and --csv reads back to it', async () => {
    const account = devnet.descriptor.accounts[0]!.address;
    const height = devnet.height();
    let expected = 0n;
    let blocks = 0;
    for (let h = 2n; h <= height; h += 1n) {
      const { block, meta } = (await getJson(`${devnet.url}/blocks/${h}`)).body;
      const total =
        BigInt(meta.totalFee) +
        BigInt((await getJson(`${devnet.url}/network/inflation/at/${h}`)).body.rewardAmount);
      const signer = facadeOf(devnet)
        .network.publicKeyToAddress(new PublicKey(block.signerPublicKey))
        .toString();
      const beneficiary = hexOf(signer) === block.beneficiaryAddress ? 0n : (total * 25n) / 100n;
      if (block.signerPublicKey === remote) {
        expected += total - (total * 5n) / 100n - beneficiary;
        blocks += 1;
      }
      if (block.beneficiaryAddress === hexOf(account)) expected += beneficiary;
    }
    const csv = join(dir, 'rewards.csv');
    const run = await spawnCli([
      'rewards',
      '--json',
      '--node',
      devnet.url,
      '--address',
      account,
      '--to',
      String(height),
      '--csv',
      csv,
    ]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ total: String(expected), blocks, toHeight: String(height) });
    expect(blocks).toBeGreaterThan(0);
    expect(BigInt(result.beneficiaryShare) > 0n).toBe(true);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n').slice(1);
    const sum = rows.reduce((total, row) => total + BigInt(row.split(',')[5]!), 0n);
    expect(sum).toBe(expected);
  });
});
