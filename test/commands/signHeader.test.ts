import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const MAIN_PRIVATE = 'EDB671EB741BD676969D8A035271D1EE5E75DF33278083D877F23615EB839FEC';
const MAIN_PUBLIC = '87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8';
const NODE_PUBLIC = 'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737';

describe('harvest sign checks the plan header against the payloads', () => {
  it('refuses a plan whose header names another account than the signer (INVALID_FILE)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harvest-sign-header-'));
    writeFileSync(join(dir, 'main.key'), MAIN_PRIVATE, { mode: 0o600 });
    const env = { HARVEST_PASSWORD: 'header' };
    const prepared = await runCli(
      [
        'delegate',
        '--json',
        '--offline',
        '--prepare',
        '--network',
        'testnet',
        '--home',
        join(dir, 'home'),
        '--public-key',
        MAIN_PUBLIC,
        '--node-public-key',
        NODE_PUBLIC,
        '--out',
        'plan.json',
      ],
      { cwd: dir, env },
    );
    expect(prepared.exitCode).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    writeFileSync(
      join(dir, 'lying.json'),
      JSON.stringify({ ...plan, mainAddress: 'TCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS7ZG2TLI' }),
    );
    const run = await runCli(['sign', 'lying.json', '--json', '--yes', '--key-file', 'main.key'], {
      cwd: dir,
    });
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringMatching(/header names/),
    });
    const honest = await runCli(['sign', 'plan.json', '--json', '--yes', '--key-file', 'main.key'], {
      cwd: dir,
    });
    expect(honest.exitCode).toBe(0);
  });
});
