import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const env = { HARVEST_PASSWORD: 'paths' };
const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-paths-');
beforeAll(() => {
  writeFileSync(join(fixture.dir, 'a-file'), 'x');
});

async function confirmedCount(): Promise<number> {
  const response = await fetch(`${fixture.devnet.url}/transactions/confirmed?pageSize=100`);
  return ((await response.json()) as { data: unknown[] }).data.length;
}

describe('output paths and --home are checked before anything is announced', () => {
  it.each([
    [
      'delegate --out in a missing folder',
      () => ['delegate', '--out', join(fixture.dir, 'missing', 'signed.json')],
      'INVALID_FILE',
    ],
    ['delegate --out that is a folder', () => ['delegate', '--out', fixture.dir], 'INVALID_FILE'],
    [
      'link-remote --config-out under a file',
      () => ['link-remote', '--config-out', join(fixture.dir, 'a-file', 'x')],
      'INVALID_FILE',
    ],
    [
      'delegate with --home under a file',
      () => ['delegate', '--home', join(fixture.dir, 'a-file', 'home')],
      'INVALID_INPUT',
    ],
  ])('%s → exit 2 %s, nothing announced', async (_label, args, code) => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const before = await confirmedCount();
    const [command, ...rest] = args();
    const run = await runCli(
      [
        command!,
        '--json',
        '--yes',
        '--node',
        fixture.devnet.url,
        '--key-file',
        account.keyFile,
        '--home',
        join(fixture.dir, 'home'),
        ...rest,
      ],
      { env },
    );
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe(code);
    await fixture.devnet.nextBlock();
    expect(await confirmedCount()).toBe(before);
  });

  it('status with --home under a file reads no keystore and still answers', async () => {
    const account = fixture.devnet.descriptor.accounts[1]!;
    const run = await runCli([
      'status',
      '--json',
      '--node',
      fixture.devnet.url,
      '--address',
      account.address,
      '--home',
      join(fixture.dir, 'a-file', 'h'),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json().state).toBe('INACTIVE');
  });
});
