import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';
import { delegationAggregate, facadeOf, fundedKeyPair, randomKeyPair } from '../devnet/sdkClient.js';

const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-requests-');

async function delegateWithSdk(index: number): Promise<string> {
  const facade = facadeOf(fixture.devnet);
  const remote = randomKeyPair();
  const signed = delegationAggregate(
    facade,
    fundedKeyPair(fixture.devnet, index),
    fixture.devnet.descriptor.nodePublicKey,
    remote,
    randomKeyPair(),
  );
  await fetch(`${fixture.devnet.url}/transactions`, {
    method: 'PUT',
    body: signed.body,
    headers: { 'content-type': 'application/json' },
  });
  return remote.publicKey.toString();
}

describe('harvest requests --watch', () => {
  it('notes each new request on stderr as blocks come, and prints one final document', async () => {
    const watching = runCli([
      'requests',
      '--json',
      '--watch',
      '--watch-timeout',
      '2',
      '--node',
      fixture.devnet.url,
      '--node-key',
      fixture.devnet.descriptor.nodeKeyFile,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const remote = await delegateWithSdk(0);
    const run = await watching;
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/request [0-9A-F]{64} at height \d+: ACCEPTABLE/);
    const result = run.json();
    expect(result.requests.map((request: { remotePublicKey: string }) => request.remotePublicKey)).toContain(
      remote,
    );
    expect(result.summary.total).toBe(result.requests.length);
  });

  it('stops at SIGINT/SIGTERM with the last scan', async () => {
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const watching = runCli(
      [
        'requests',
        '--json',
        '--watch',
        '--node',
        fixture.devnet.url,
        '--node-key',
        fixture.devnet.descriptor.nodeKeyFile,
      ],
      { shutdownSignal: () => stopped },
    );
    setTimeout(() => stop('SIGINT'), 500);
    const run = await watching;
    expect(run.exitCode).toBe(0);
    expect(Array.isArray(run.json().requests)).toBe(true);
  });

  it('--progress plain: a `harvest: watching …` line per scan on stderr, stdout one document', async () => {
    const run = await runCli([
      'requests',
      '--json',
      '--watch',
      '--watch-timeout',
      '0.5',
      '--progress',
      'plain',
      '--node',
      fixture.devnet.url,
      '--node-key',
      fixture.devnet.descriptor.nodeKeyFile,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^harvest: watching for delegation requests \(\d+ seen, \d+ s\)$/m);
    expect(Array.isArray(run.json().requests)).toBe(true);
  });

  it('refuses a bad --watch-timeout', async () => {
    const run = await runCli([
      'requests',
      '--json',
      '--watch',
      '--watch-timeout',
      'soon',
      '--node',
      fixture.devnet.url,
      '--node-key',
      fixture.devnet.descriptor.nodeKeyFile,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_INPUT');
  });
});

describe('node key checks', () => {
  it('refuses a --node-key that is not the transport key of --node (requests and decrypt-check --node)', async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'harvest-other-key-')), 'other.key');
    writeFileSync(other, '22'.repeat(32), { mode: 0o600 });
    const requests = await runCli(['requests', '--json', '--node', fixture.devnet.url, '--node-key', other]);
    expect(requests.exitCode).toBe(2);
    expect(requests.json().error.code).toBe('NODE_KEY_MISMATCH');
    const check = await runCli([
      'decrypt-check',
      '--json',
      '--node',
      fixture.devnet.url,
      '--node-key',
      other,
      '--harvesters',
      fixture.devnet.descriptor.harvestersFile,
    ]);
    expect(check.exitCode).toBe(2);
    expect(check.json().error.code).toBe('NODE_KEY_MISMATCH');
  });
});
