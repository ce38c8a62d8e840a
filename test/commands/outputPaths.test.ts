import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../src/devnet/startDevnet.js';
import { runCli } from '../helpers/runCli.js';

const env = { HARVEST_PASSWORD: 'paths' };
let devnet: Devnet;
let dir: string;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2 });
  dir = mkdtempSync(join(tmpdir(), 'harvest-paths-'));
  writeFileSync(join(dir, 'a-file'), 'x');
});
afterAll(async () => {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
});

async function confirmedCount(): Promise<number> {
  const response = await fetch(`${devnet.url}/transactions/confirmed?pageSize=100`);
  return ((await response.json()) as { data: unknown[] }).data.length;
}

describe('output paths and --home are checked before anything is announced', () => {
  it.each([
    [
      'delegate --out in a missing folder',
      () => ['delegate', '--out', join(dir, 'missing', 'signed.json')],
      'INVALID_FILE',
    ],
    ['delegate --out that is a folder', () => ['delegate', '--out', dir], 'INVALID_FILE'],
    [
      'link-remote --config-out under a file',
      () => ['link-remote', '--config-out', join(dir, 'a-file', 'x')],
      'INVALID_FILE',
    ],
    [
      'delegate with --home under a file',
      () => ['delegate', '--home', join(dir, 'a-file', 'home')],
      'INVALID_INPUT',
    ],
  ])('%s → exit 2 %s, nothing announced', async (_label, args, code) => {
    const account = devnet.descriptor.accounts[0]!;
    const before = await confirmedCount();
    const [command, ...rest] = args();
    const run = await runCli(
      [
        command!,
        '--json',
        '--yes',
        '--node',
        devnet.url,
        '--key-file',
        account.keyFile,
        '--home',
        join(dir, 'home'),
        ...rest,
      ],
      { env },
    );
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe(code);
    await devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
  });

  it('status with --home under a file reads no keystore and still answers', async () => {
    const account = devnet.descriptor.accounts[1]!;
    const run = await runCli([
      'status',
      '--json',
      '--node',
      devnet.url,
      '--address',
      account.address,
      '--home',
      join(dir, 'a-file', 'h'),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json().state).toBe('INACTIVE');
  });
});
