/**
 * --network <name|file> (docs/cli.md): a network file is read before the command runs, and every bad file is a typed
 * error with exit 2, never a crash. The happy path against a real devnet is in test/e2e/networkFile.e2e.test.ts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../src/core/bytes.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { TESTNET } from '../../src/core/network.js';
import { verifyTransactionSignature } from '../../src/core/transactions/verifyTransactionSignature.js';
import { expectRefused, scratchFolder } from '../helpers/argsTable.js';
import { runCli } from '../helpers/runCli.js';

const { folder, file } = scratchFolder('network');
const SEED = '1F2E3D4C'.repeat(8);
const good = { networkIdentifier: 152, generationHashSeed: SEED, epochAdjustment: 1700000000 };
const goodFile = file('devnet.json', JSON.stringify(good));
mkdirSync(join(folder, 'folder.json'));

/** `harvest node` with a node that must not be reached: the --network value fails first. */
const nodeWith = (network: string) => ['node', '--node', 'http://127.0.0.1:9', '--network', network];

describe('--network <file>: garbage is refused before anything else, exit 2', () => {
  it.each<[string, string, string, RegExp]>([
    ['a missing file', join(folder, 'missing.json'), 'INVALID_FILE', /missing\.json not found/],
    ['a folder', join(folder, 'folder.json'), 'INVALID_FILE', /is a folder/],
    ['an empty file', file('empty.json', ''), 'INVALID_FILE', /is not JSON/],
    ['a file that is not JSON', file('text.json', 'network: testnet'), 'INVALID_FILE', /is not JSON/],
    ['binary garbage', file('bin.json', '\u0000\u00ff\u0001'), 'INVALID_FILE', /is not JSON/],
    ['a JSON array', file('array.json', '[152]'), 'INVALID_FILE', /is not a JSON object/],
    [
      'a file without a seed',
      file('noseed.json', JSON.stringify({ ...good, generationHashSeed: undefined })),
      'INVALID_FILE',
      /generationHashSeed/,
    ],
    [
      'a file with a bad identifier',
      file('badid.json', JSON.stringify({ ...good, networkIdentifier: 'moon' })),
      'INVALID_FILE',
      /networkIdentifier/,
    ],
    [
      'a file with a bad epoch adjustment',
      file('badepoch.json', JSON.stringify({ ...good, epochAdjustment: 'soon' })),
      'INVALID_FILE',
      /epochAdjustment/,
    ],
    ['an unknown name', 'moonnet', 'INVALID_INPUT', /unknown network "moonnet"/],
  ])('%s → %s', async (_, network, code, message) => {
    const run = await expectRefused(nodeWith(network), code, 2, folder);
    expect(run.json().error.message).toMatch(message);
  });

  it('does not echo a value that looks like a key', async () => {
    const run = await expectRefused(nodeWith('AB'.repeat(32)), 'INVALID_INPUT', 2, folder);
    expect(run.stdout).not.toContain('AB'.repeat(32));
  });

  it('takes the file from HARVEST_NETWORK too', async () => {
    const run = await runCli(['node', '--json', '--node', 'http://127.0.0.1:9'], {
      env: { HARVEST_NETWORK: join(folder, 'missing.json') },
    });
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_FILE');
  });
});

describe('--network <file> offline', () => {
  it('signs with the seed of the file and names the private network in the signed file', async () => {
    const out = join(folder, 'signed.json');
    const run = await runCli([
      'delegate',
      '--json',
      '--yes',
      '--offline',
      '--network',
      goodFile,
      '--node-public-key',
      toHex(derivePublicKey(new Uint8Array(32).fill(0x22))),
      '--key-file',
      file('main.key', '11'.repeat(32)),
      '--home',
      join(folder, 'home'),
      '--password-file',
      file('password', 'pw\n'),
      '--out',
      out,
    ]);
    expect(run.exitCode, run.stdout).toBe(0);
    const signed = JSON.parse(readFileSync(out, 'utf8'));
    expect(signed.network).toEqual({ name: 'private', identifier: 152, generationHashSeed: SEED });
    expect(signed.mainAddress).toMatch(/^T/);
    const payload = parseHex(signed.transactions[0].payload, { name: 'payload' });
    expect(verifyTransactionSignature(payload, parseHex(SEED, { name: 'seed' }))).toBe(true);
    expect(verifyTransactionSignature(payload, TESTNET.generationHashSeed)).toBe(false);
  });

  it('link-remote --offline signs with the seed of the file too', async () => {
    const out = join(folder, 'link-signed.json');
    const run = await runCli([
      'link-remote',
      '--json',
      '--yes',
      '--offline',
      '--network',
      goodFile,
      '--key-file',
      file('owner.key', '33'.repeat(32)),
      '--home',
      join(folder, 'home-link'),
      '--password-file',
      file('password-link', 'pw\n'),
      '--config-out',
      join(folder, 'harvesting.properties'),
      '--out',
      out,
    ]);
    expect(run.exitCode, run.stdout).toBe(0);
    const signed = JSON.parse(readFileSync(out, 'utf8'));
    expect(signed.network).toEqual({ name: 'private', identifier: 152, generationHashSeed: SEED });
    const payload = parseHex(signed.transactions[0].payload, { name: 'payload' });
    expect(verifyTransactionSignature(payload, parseHex(SEED, { name: 'seed' }))).toBe(true);
  });

  it('refuses to sign a testnet plan for a network file of the same identifier, naming both seeds', async () => {
    const plan = join(folder, 'plan.json');
    const prepared = await runCli([
      'delegate',
      '--json',
      '--offline',
      '--prepare',
      '--network',
      'testnet',
      '--public-key',
      toHex(derivePublicKey(new Uint8Array(32).fill(0x11))),
      '--node-public-key',
      toHex(derivePublicKey(new Uint8Array(32).fill(0x22))),
      '--home',
      join(folder, 'home-plan'),
      '--password-file',
      file('password-plan', 'pw\n'),
      '--out',
      plan,
    ]);
    expect(prepared.exitCode, prepared.stdout).toBe(0);
    const run = await runCli(['sign', plan, '--json', '--network', goodFile]);
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'WRONG_NETWORK',
      message: 'the plan is for testnet (seed 49D6E1CE…), not private (testnet identifier, seed 1F2E3D4C…)',
    });
  });
});
