import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const stopAtOnce = () => Promise.resolve('SIGTERM');

describe('harvest devnet (in process)', () => {
  it('prints exactly one line of JSON with the descriptor, then stops cleanly and removes its temporary state', async () => {
    const run = await runCli(['devnet', '--json', '--port', '0', '--accounts', '3'], {
      shutdownSignal: stopAtOnce,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const descriptor = run.json();
    expect(Object.keys(descriptor)).toEqual(
      expect.arrayContaining([
        'url',
        'networkIdentifier',
        'generationHashSeed',
        'currencyMosaicId',
        'nodePublicKey',
        'nodeKeyFile',
        'harvestersFile',
        'stateDir',
        'accounts',
        'nodes',
      ]),
    );
    expect(descriptor.networkIdentifier).toBe(152);
    expect(descriptor.currencyMosaicId).toMatch(/^[0-9A-F]{16}$/);
    expect(descriptor.accounts).toHaveLength(3);
    expect(descriptor.accounts[0]).toEqual({
      address: expect.stringMatching(/^T[A-Z2-7]{38}$/),
      publicKey: expect.stringMatching(/^[0-9A-F]{64}$/),
      keyFile: expect.stringMatching(/0\.key$/),
      balance: expect.stringMatching(/^\d+$/),
    });
    expect(existsSync(descriptor.stateDir)).toBe(false);
  });

  it('lists the --multisig accounts in the ready line, with their cosignatories and key files', async () => {
    const run = await runCli(
      ['devnet', '--json', '--port', '0', '--accounts', '1', '--multisig', '2-of-3', '--multisig', '1-of-2'],
      { shutdownSignal: stopAtOnce },
    );
    expect(run.exitCode).toBe(0);
    const accounts = run.json().multisigAccounts;
    expect(accounts.map((account: { minApproval: number }) => account.minApproval)).toEqual([2, 1]);
    expect(accounts[0].cosignatories).toHaveLength(3);
    expect(Object.keys(accounts[0])).toEqual(['address', 'publicKey', 'minApproval', 'cosignatories']);
    expect(Object.keys(accounts[0].cosignatories[0])).toEqual(['address', 'publicKey', 'keyFile']);
    const banner = await runCli(['devnet', '--port', '0', '--multisig', '2-of-3'], {
      shutdownSignal: stopAtOnce,
    });
    expect(banner.stdout).toContain('Multisig accounts');
    expect(banner.stdout).toMatch(/\(0\) T[A-Z2-7]{38} {2}2-of-3/);
  });

  it('prints a readable banner without --json', async () => {
    const run = await runCli(['devnet', '--port', '0', '--nodes', '2'], { shutdownSignal: stopAtOnce });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Symbol devnet ready');
    expect(run.stdout).toContain('Funded accounts');
    expect(run.stdout).toMatch(/\(1\) http:\/\/127\.0\.0\.1:\d+/);
  });

  it('refuses bad flag values with INVALID_INPUT (exit 2)', async () => {
    for (const argv of [
      ['--nodes', '0'],
      ['--block-time', 'soon'],
      ['--faults', 'error-rate=7'],
      ['--accounts', '-1'],
    ]) {
      const run = await runCli(['devnet', '--json', '--port', '0', ...argv], { shutdownSignal: stopAtOnce });
      expect(run.exitCode, argv.join(' ')).toBe(2);
      expect(run.json().error.code, argv.join(' ')).toBe('INVALID_INPUT');
    }
  });
});

describe('harvest devnet (the built binary)', () => {
  it('starts with --json --port 0, answers /node/info, and exits 0 on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../../bin/harvest.js', import.meta.url));
    const built = fileURLToPath(new URL('../../packages/devnet/dist/index.js', import.meta.url));
    expect(existsSync(built), 'run `npm run build` first').toBe(true);
    const child = spawn(process.execPath, [bin, 'devnet', '--json', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('devnet exited before it was ready')));
      });
      const descriptor = JSON.parse(first);
      const info: any = await (await fetch(`${descriptor.url}/node/info`)).json();
      expect(info.nodePublicKey).toBe(descriptor.nodePublicKey);
      expect(info.networkGenerationHashSeed).toBe(descriptor.generationHashSeed);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(descriptor.stateDir)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it("ships apart from the product: the product's dist holds the command, not the devnet", () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    expect(existsSync(dist), 'run `npm run build` first').toBe(true);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    expect(files).toContain('commands/devnet.js');
    for (const name of [
      'startDevnet',
      'harvestingExtension',
      'devnetChain',
      'chainState',
      'serveNode',
      'stateStore',
    ]) {
      expect(
        files.filter((file) => file.includes(name)),
        name,
      ).toEqual([]);
    }
    expect(readFileSync(`${dist}index.js`, 'utf8')).not.toMatch(/startDevnet|parseFaults|devnet\//);
  });
});
