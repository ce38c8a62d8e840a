import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
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
      nodePublicKey: devnet.descriptor.nodePublicKey,
      transportKeySafe: true,
    });
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
