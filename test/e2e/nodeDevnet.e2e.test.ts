import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { toJson } from '../../src/ui/output.js';
import { runCli } from '../helpers/runCli.js';

let devnet: Devnet;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0 });
});
afterAll(async () => {
  await devnet.close();
});

describe('harvest node and harvest requests against the embedded devnet', () => {
  it('inspects the devnet node as a private network', async () => {
    const run = await runCli(['node', '--json', '--node', devnet.url]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      nodeUrl: devnet.url,
      networkIdentifier: devnet.descriptor.networkIdentifier,
      generationHashSeed: devnet.descriptor.generationHashSeed,
      privateNetwork: true,
      nodePublicKey: devnet.descriptor.nodePublicKey,
      transportKeySafe: true,
    });
  });

  it('names the devnet as a private network with the testnet identifier and its seed', async () => {
    const run = await runCli(['node', '--node', devnet.url]);
    expect(run.exitCode).toBe(0);
    const seed = devnet.descriptor.generationHashSeed.slice(0, 8);
    expect(run.stdout).toContain(`network         private (testnet identifier, seed ${seed}…)`);
  });

  it('accepts the devnet for --network <its ready line saved to a file>, and refuses it as testnet by seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harvest-node-net-'));
    try {
      const file = join(dir, 'devnet.json');
      writeFileSync(file, `${toJson(devnet.descriptor)}\n`);
      const run = await runCli(['node', '--json', '--node', devnet.url, '--network', file]);
      expect(run.exitCode).toBe(0);
      expect(run.json()).toMatchObject({ network: 'private', privateNetwork: true });
      const wrong = await runCli(['node', '--json', '--node', devnet.url, '--network', 'testnet']);
      expect(wrong.exitCode).toBe(2);
      const seed = devnet.descriptor.generationHashSeed.slice(0, 8);
      expect(wrong.json().error).toMatchObject({
        code: 'WRONG_NETWORK',
        message: `${devnet.url} is on private (testnet identifier, seed ${seed}…), not on testnet (seed 49D6E1CE…)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the devnet as mainnet', async () => {
    const run = await runCli(['node', '--json', '--node', devnet.url, '--network', 'mainnet']);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('WRONG_NETWORK');
  });

  it('scans the devnet for delegation requests with its node key', async () => {
    const run = await runCli([
      'requests',
      '--json',
      '--node',
      devnet.url,
      '--node-key',
      devnet.descriptor.nodeKeyFile,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      nodePublicKey: devnet.descriptor.nodePublicKey,
      requests: expect.any(Array),
    });
  });
});
