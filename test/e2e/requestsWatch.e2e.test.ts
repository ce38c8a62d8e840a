/**
 * `harvest requests --watch` with the real bin/harvest against the devnet (docs/commands/requests.md, "--watch"):
 * a request confirmed before the watch is found by the first scan, one sent while it watches is found among the new
 * blocks and noted on stderr, and the final document holds both. The request is sent once the command says it is
 * watching (its plain progress line), never after a guessed delay.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { BIN } from '../helpers/spawnCli.js';
import { delegationAggregate, facadeOf, fundedKeyPair, randomKeyPair } from '../devnet/sdkClient.js';

const LIMIT_MS = 30_000;
const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-e2e-requests-watch-');

/** Announces a delegation aggregate of funded account `index` (symbol-sdk); resolves with its remote public key. */
async function delegateWithSdk(index: number): Promise<string> {
  const remote = randomKeyPair();
  const signed = delegationAggregate(
    facadeOf(fixture.devnet),
    fundedKeyPair(fixture.devnet, index),
    fixture.devnet.descriptor.nodePublicKey,
    remote,
    randomKeyPair(),
  );
  const answer = await fetch(`${fixture.devnet.url}/transactions`, {
    method: 'PUT',
    body: signed.body,
    headers: { 'content-type': 'application/json' },
  });
  expect(answer.status).toBe(202);
  return remote.publicKey.toString();
}

async function waitForHeight(height: bigint): Promise<void> {
  for (let round = 0; round < 100 && fixture.devnet.height() < height; round++)
    await fixture.devnet.nextBlock();
}

describe('harvest requests --watch (bin/harvest, devnet)', () => {
  it('reports a request sent during the watch, after a first scan that found the older one', async () => {
    const before = await delegateWithSdk(1);
    await waitForHeight(fixture.devnet.height() + 2n);
    const child = spawn(
      process.execPath,
      [
        BIN,
        'requests',
        '--json',
        '--watch',
        '--watch-timeout',
        '4',
        '--progress',
        'plain',
        '--node',
        fixture.devnet.url,
        '--node-key',
        fixture.devnet.descriptor.nodeKeyFile,
      ],
      { env: { PATH: process.env['PATH'] ?? '', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const killer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    let stdout = '';
    let stderr = '';
    let sent: Promise<string> | undefined;
    let heightWhenSent = 0n;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (sent === undefined && stderr.includes('watching for delegation requests')) {
        heightWhenSent = fixture.devnet.height();
        sent = delegateWithSdk(2);
      }
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect(exitCode).toBe(0);
    expect(sent).toBeDefined();
    const during = await sent!;
    const result = JSON.parse(stdout) as {
      requests: { remotePublicKey: string; height: string; verdict: string }[];
    };
    const found = (remote: string) => result.requests.find((request) => request.remotePublicKey === remote);
    expect(found(before)).toMatchObject({ verdict: 'ACCEPTABLE' });
    expect(found(during)).toMatchObject({ verdict: 'ACCEPTABLE' });
    expect(BigInt(found(during)!.height)).toBeGreaterThan(heightWhenSent);
    // noted on stderr when its block was searched: the older one by the first scan, the new one after it
    const notes = stderr.split('\n').filter((line) => /request [0-9A-F]{64} at height \d+: /.test(line));
    expect(notes.some((line) => line.includes(`at height ${found(during)!.height}:`))).toBe(true);
    expect(stderr.indexOf(`at height ${found(before)!.height}:`)).toBeLessThan(
      stderr.indexOf('watching for delegation requests'),
    );
  });
});
