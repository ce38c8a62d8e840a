import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.js';
import { runCli } from '../helpers/runCli.js';

let devnet: Devnet;
let dir: string;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.3 });
  dir = mkdtempSync(join(tmpdir(), 'harvest-prepare-address-'));
  writeFileSync(join(dir, 'password'), 'prepare\n');
});
afterAll(async () => {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
});

const prepare = (address: string, out: string) =>
  runCli(
    [
      'delegate',
      '--json',
      '--prepare',
      '--node',
      devnet.url,
      '--address',
      address,
      '--home',
      join(dir, 'home'),
      '--password-file',
      join(dir, 'password'),
      '--out',
      out,
    ],
    { cwd: dir },
  );

describe('harvest delegate --prepare --address (product.md §2.7: the public key or the address)', () => {
  it('finds the public key on chain and writes the unsigned plan', async () => {
    const account = devnet.descriptor.accounts[0]!;
    const run = await prepare(account.address, 'plan.json');
    expect(run.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(plan).toMatchObject({
      format: 'harvest-unsigned',
      mainAddress: account.address,
      mainPublicKey: account.publicKey,
    });
  });

  it('asks for --public-key when the chain does not know the account public key', async () => {
    const run = await prepare('TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLI', 'other.json');
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringMatching(/--public-key/),
    });
  });

  it('refuses a malformed address with INVALID_ADDRESS', async () => {
    const run = await prepare('not-an-address', 'bad.json');
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_ADDRESS');
  });
});
