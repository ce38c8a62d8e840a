import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { encodeEd25519Pem } from '../../src/core/pem.js';
import { buildSdkDelegation } from '../helpers/sdkTransactions.js';
import { spawnCli } from '../helpers/spawnCli.js';

const random = (length: number) => new Uint8Array(randomBytes(length));
const folder = mkdtempSync(join(tmpdir(), 'harvest-e2e-'));
const nodePrivateKey = random(32);
const nodePublicKey = derivePublicKey(nodePrivateKey);
const nodeKey = join(folder, 'node.key.pem');
writeFileSync(nodeKey, encodeEd25519Pem(nodePrivateKey), { mode: 0o600 });

describe('bin/harvest (spawned)', () => {
  it('prints --version and --help and exits 0', async () => {
    const version = await spawnCli(['--version']);
    expect(version.exitCode).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await spawnCli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('decrypt-check');
  });

  it('decrypts a harvesters.dat and an SDK aggregate payload, with parseable --json', async () => {
    const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
    const record = encodeDelegationMessage(nodePublicKey, keys, random).subarray(8);
    const harvesters = join(folder, 'harvesters.dat');
    writeFileSync(harvesters, concatBytes(record, record));
    const run = await spawnCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKey,
      '--harvesters',
      harvesters,
    ]);
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.requests).toHaveLength(2);
    expect(result.requests[0].remotePublicKey).toBe(toHex(derivePublicKey(keys.remotePrivateKey)));

    const sdk = buildSdkDelegation({ nodePublicKey });
    const payload = join(folder, 'payload.json');
    writeFileSync(payload, sdk.announceBody);
    const fromPayload = await spawnCli(['decrypt-check', '--json', '--node-key', '-', '--payload', payload], {
      stdin: toHex(nodePrivateKey),
    });
    expect(fromPayload.exitCode).toBe(0);
    expect(JSON.parse(fromPayload.stdout).requests[0].mainPublicKey).toBe(sdk.main.publicKey.toString());
  });

  it('exits 4 with the report when a record fails, and 2 with an error document on bad input', async () => {
    const foreign = encodeDelegationMessage(
      derivePublicKey(random(32)),
      { remotePrivateKey: random(32), vrfPrivateKey: random(32) },
      random,
    );
    const failed = await spawnCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKey,
      '--message',
      toHex(foreign),
    ]);
    expect(failed.exitCode).toBe(4);
    expect(JSON.parse(failed.stdout).requests[0].error.code).toBe('DECRYPT_FAILED');

    const bad = await spawnCli(['decrypt-check', '--json', '--node-key', nodeKey, '--message', 'FE2A']);
    expect(bad.exitCode).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: expect.objectContaining({ code: 'INVALID_MESSAGE' }) });
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const human = await spawnCli(['decrypt-check', '--node-key', nodeKey, '--message', 'FE2A']);
    expect(human.exitCode).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^error: /);
  });

  it('exits 2 on an unknown command', async () => {
    const run = await spawnCli(['frobnicate', '--json']);
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe('INVALID_INPUT');
  });
});
