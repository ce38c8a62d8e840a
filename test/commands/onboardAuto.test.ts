/** `onboard --node auto` (docs/commands/nodes.md): the best candidate of the devnet's node directory takes the batch. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { runCli } from '../helpers/runCli.js';

let devnet: Devnet;
let dir: string;
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0.2, nodes: 2, accounts: 2 });
  dir = mkdtempSync(join(tmpdir(), 'harvest-onboard-auto-'));
});
afterAll(async () => {
  await devnet.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `harvest onboard --json --yes --node auto` of an accounts file, the directory read from `nodewatch`. */
function onboardAuto(file: string, nodewatch: string, options: { sleep?: () => Promise<void> } = {}) {
  return runCli(
    [
      'onboard',
      '--json',
      '--yes',
      '--home',
      dir,
      '--accounts',
      file,
      '--node',
      'auto',
      '--nodewatch',
      nodewatch,
    ],
    { env: { HARVEST_PASSWORD: 'pw' }, ...options },
  );
}

describe('harvest onboard --node auto (in-process, 2-node devnet)', () => {
  it('names the chosen node on stderr before the batch, delegates there and reports nodeChoice', async () => {
    const file = join(dir, 'accounts.csv');
    writeFileSync(file, `key_file\n${devnet.descriptor.accounts[1]!.keyFile}\n`);
    const run = await onboardAuto(file, devnet.url);
    expect(run.exitCode, run.stderr).toBe(0);
    const result = run.json();
    const chosen = result.nodeChoice.url as string;
    expect(devnet.nodes.map((node) => node.url)).toContain(chosen);
    expect(run.stderr).toContain(`--node auto chose ${chosen}`);
    expect(result.nodeChoice).toMatchObject({ candidates: 2, usable: 2 });
    expect(result.accounts).toEqual([expect.objectContaining({ state: 'ACTIVE', nodeUrl: chosen })]);
  }, 60_000);

  it('a directory that cannot be read stops the batch before anything (NODE_*, exit 3)', async () => {
    const file = join(dir, 'none.csv');
    writeFileSync(file, `key_file\n${devnet.descriptor.accounts[0]!.keyFile}\n`);
    const run = await onboardAuto(file, 'http://127.0.0.1:9', { sleep: () => Promise.resolve() });
    expect(run.exitCode).toBe(3);
    expect(run.json().error.message).toContain('http://127.0.0.1:9');
  });
});
