import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const fixture = useDevnet({ blockTimeSeconds: 0.3 }, 'harvest-prepare-address-');
beforeAll(() => {
  writeFileSync(join(fixture.dir, 'password'), 'prepare\n');
});

const prepare = (address: string, out: string) =>
  runCli(
    [
      'delegate',
      '--json',
      '--prepare',
      '--node',
      fixture.devnet.url,
      '--address',
      address,
      '--home',
      join(fixture.dir, 'home'),
      '--password-file',
      join(fixture.dir, 'password'),
      '--out',
      out,
    ],
    { cwd: fixture.dir },
  );

describe('harvest delegate --prepare --address (docs/commands/sign.md: the public key or the address)', () => {
  it('finds the public key on chain and writes the unsigned plan', async () => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const run = await prepare(account.address, 'plan.json');
    expect(run.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(fixture.dir, 'plan.json'), 'utf8'));
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
