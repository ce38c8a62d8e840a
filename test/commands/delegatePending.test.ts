import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevnet } from '@symbol-harvest/devnet';
import { runCli } from '../helpers/runCli.js';

describe('harvest delegate, still pending', () => {
  it('exits 5 with the normal result (hashes and keys kept) when the node has no free slot', async () => {
    const full = await startDevnet({ port: 0, blockTimeSeconds: 0.2, maxUnlockedAccounts: 0 });
    const home = mkdtempSync(join(tmpdir(), 'harvest-pending-'));
    try {
      const account = full.descriptor.accounts[0]!;
      const args = [
        '--home',
        home,
        '--node',
        full.url,
        '--key-file',
        account.keyFile,
        '--activation-timeout',
        '1',
      ];
      const delegate = () =>
        runCli(['delegate', '--json', '--yes', ...args], { env: { HARVEST_PASSWORD: 'pending' } });
      const run = await delegate();
      expect(run.exitCode).toBe(5);
      expect(run.json()).toMatchObject({
        state: 'ACTIVATION_PENDING',
        announced: true,
        reasons: ['NODE_FULL_LIKELY'],
        remotePublicKey: expect.stringMatching(/^[0-9A-F]{64}$/),
        transactions: [{ kind: 'delegate', hash: expect.stringMatching(/^[0-9A-F]{64}$/) }],
      });
      // a re-run waits again and sends nothing new (the request was confirmed)
      const again = await delegate();
      expect(again.exitCode).toBe(5);
      expect(again.json()).toMatchObject({ state: 'ACTIVATION_PENDING', announced: false, transactions: [] });
    } finally {
      await full.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
