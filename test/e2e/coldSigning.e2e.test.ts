import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { spawnCli } from '../helpers/spawnCli.js';

let devnet: Devnet;
let dir: string;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.3 });
  dir = mkdtempSync(join(tmpdir(), 'harvest-cold-'));
  writeFileSync(join(dir, 'password'), 'cold\n', { mode: 0o600 });
});
afterAll(async () => {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cold signing end to end (spawned bin/harvest, devnet over HTTP)', () => {
  it('prepares online with the public key only, signs offline, announces, and ends ACTIVE', async () => {
    const account = devnet.descriptor.accounts[0]!;
    const plan = join(dir, 'plan.json');
    const signed = join(dir, 'signed.json');
    const prepared = await spawnCli([
      'delegate',
      '--json',
      '--prepare',
      '--node',
      devnet.url,
      '--public-key',
      account.publicKey,
      '--home',
      join(dir, 'online-home'),
      '--password-file',
      join(dir, 'password'),
      '--out',
      plan,
    ]);
    expect(prepared.exitCode).toBe(0);
    const planFile = JSON.parse(readFileSync(plan, 'utf8'));
    expect(planFile).toMatchObject({ format: 'harvest-unsigned', mainAddress: account.address });
    expect(planFile.transactions[0].hash).toBeUndefined();

    // the offline machine: only the plan and the main key, no network
    const signing = await spawnCli([
      'sign',
      plan,
      '--json',
      '--yes',
      '--key-file',
      account.keyFile,
      '--out',
      signed,
    ]);
    expect(signing.exitCode).toBe(0);
    expect(signing.stderr).toMatch(/delegationRequest|delegation request/);

    const announced = await spawnCli(['announce', signed, '--json', '--yes', '--node', devnet.url]);
    expect(announced.exitCode).toBe(0);
    const result = JSON.parse(announced.stdout);
    expect(result).toMatchObject({
      state: 'ACTIVE',
      nodePublicKey: devnet.descriptor.nodePublicKey,
      remotePublicKey: planFile.remotePublicKey,
      vrfPublicKey: planFile.vrfPublicKey,
    });
    expect(result.plan).toContainEqual({
      kind: 'delegationRequest',
      publicKey: devnet.descriptor.nodePublicKey,
    });

    const status = await spawnCli(['status', '--json', '--node', devnet.url, '--address', account.address]);
    expect(status.exitCode).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'ACTIVE', unlocked: true });
  });
});
