import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/core/bytes.js';
import { encodeDelegationMessage } from '../../src/core/crypto/delegationMessage.js';
import { derivePublicKey } from '../../src/core/keys.js';
import { encodeEd25519Pem } from '../../src/core/pem.js';
import { runCli } from '../helpers/runCli.js';
import { buildSdkDelegation } from '../helpers/sdkTransactions.js';

const random = (length: number) => new Uint8Array(randomBytes(length));
const folder = mkdtempSync(join(tmpdir(), 'harvest-decrypt-check-'));
const nodePrivateKey = random(32);
const nodePublicKey = derivePublicKey(nodePrivateKey);
const nodeKeyPem = join(folder, 'node.key.pem');
writeFileSync(nodeKeyPem, encodeEd25519Pem(nodePrivateKey), { mode: 0o600 });
const nodeKeyHex = join(folder, 'node.key');
writeFileSync(nodeKeyHex, toHex(nodePrivateKey), { mode: 0o600 });

function file(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function delegation() {
  const keys = { remotePrivateKey: random(32), vrfPrivateKey: random(32) };
  return { keys, message: encodeDelegationMessage(nodePublicKey, keys, random) };
}

describe('harvest decrypt-check', () => {
  it('opens one message and reports the public keys inside, never the private ones', async () => {
    const { keys, message } = delegation();
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--message',
      toHex(message),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toEqual({
      nodePublicKey: toHex(nodePublicKey),
      requests: [
        {
          index: 0,
          source: 'message',
          requestId: toHex(message.subarray(8, 40)),
          ok: true,
          remotePublicKey: toHex(derivePublicKey(keys.remotePrivateKey)),
          vrfPublicKey: toHex(derivePublicKey(keys.vrfPrivateKey)),
          mainPublicKey: null,
          verdict: null,
          reasons: [],
          unlocked: null,
        },
      ],
    });
    for (const secret of [keys.remotePrivateKey, keys.vrfPrivateKey, nodePrivateKey]) {
      expect(run.stdout + run.stderr).not.toContain(toHex(secret));
    }
  });

  it('adds the private keys with --show-secrets', async () => {
    const { keys, message } = delegation();
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--show-secrets',
      '--node-key',
      nodeKeyHex,
      '--message',
      toHex(message).toLowerCase(),
    ]);
    expect(run.json().requests[0]).toMatchObject({
      remotePrivateKey: toHex(keys.remotePrivateKey),
      vrfPrivateKey: toHex(keys.vrfPrivateKey),
    });
  });

  it('reads the node key from standard input with --node-key -', async () => {
    const { message } = delegation();
    const run = await runCli(['decrypt-check', '--json', '--node-key', '-', '--message', toHex(message)], {
      stdin: encodeEd25519Pem(nodePrivateKey),
    });
    expect(run.exitCode).toBe(0);
    expect(run.json().requests[0].ok).toBe(true);
  });

  it('reports every record of a harvesters.dat, a foreign one failed in its entry, and exits 4', async () => {
    const good = [delegation(), delegation()];
    const foreign = encodeDelegationMessage(derivePublicKey(random(32)), delegation().keys, random);
    const content = concatBytes(
      good[0]!.message.subarray(8),
      foreign.subarray(8),
      good[1]!.message.subarray(8),
    );
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--harvesters',
      file('h.dat', content),
    ]);
    expect(run.exitCode).toBe(4);
    const { requests } = run.json();
    expect(requests.map((request: { ok: boolean }) => request.ok)).toEqual([true, false, true]);
    expect(requests[1]).toMatchObject({
      source: 'harvesters.dat record 2',
      ok: false,
      verdict: null,
      remotePublicKey: null,
      error: { code: 'DECRYPT_FAILED', message: expect.stringMatching(/not sealed for this node key/) },
    });
    expect(requests[2].remotePublicKey).toBe(toHex(derivePublicKey(good[1]!.keys.remotePrivateKey)));
  });

  it('accepts an empty harvesters.dat: no requests, exit 0', async () => {
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--harvesters',
      file('e.dat', ''),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json().requests).toEqual([]);
  });

  it('finds the delegation inside an SDK-signed aggregate, with the signer as main account', async () => {
    const sdk = buildSdkDelegation({ nodePublicKey });
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--payload',
      file('p.json', sdk.announceBody),
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json().requests).toEqual([
      expect.objectContaining({
        source: 'payload embedded transaction 4',
        ok: true,
        mainPublicKey: sdk.main.publicKey.toString(),
        remotePublicKey: sdk.remote.publicKey.toString(),
        vrfPublicKey: sdk.vrf.publicKey.toString(),
      }),
    ]);
  });

  it('flags a request sent to another address than the transport key address', async () => {
    const sdk = buildSdkDelegation({
      nodePublicKey,
      recipientPublicKey: derivePublicKey(random(32)),
      aggregate: false,
    });
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--payload',
      file('w.hex', toHex(sdk.payload)),
    ]);
    expect(run.exitCode).toBe(4);
    expect(run.json().requests[0]).toMatchObject({ ok: false, error: { code: 'WRONG_RECIPIENT' } });
  });

  it('reports a marker message of the wrong size inside a payload as INVALID_MESSAGE in its entry', async () => {
    const sdk = buildSdkDelegation({
      nodePublicKey,
      message: concatBytes(Uint8Array.of(0xfe, 0x2a, 0x80, 0x61, 0x57, 0x73, 0x01, 0xe2), random(100)),
    });
    const run = await runCli([
      'decrypt-check',
      '--json',
      '--node-key',
      nodeKeyPem,
      '--payload',
      file('s.hex', toHex(sdk.payload)),
    ]);
    expect(run.exitCode).toBe(4);
    expect(run.json().requests[0]).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('prints a readable report without --json', async () => {
    const { message } = delegation();
    const run = await runCli(['decrypt-check', '--node-key', nodeKeyPem, '--message', toHex(message)]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`node public key  ${toHex(nodePublicKey)}`);
    expect(run.stdout).toContain('1 opened, 0 failed');
    expect(run.stdout).not.toContain('\x1b['); // no colour without a terminal
  });

  const garbage: [string, () => string[], string, number][] = [
    ['no input at all', () => ['--node-key', nodeKeyPem], 'INPUT_REQUIRED', 2],
    [
      'two inputs',
      () => ['--node-key', nodeKeyPem, '--message', 'FE', '--harvesters', 'x'],
      'INVALID_INPUT',
      2,
    ],
    ['no node key', () => ['--message', toHex(delegation().message)], 'INPUT_REQUIRED', 2],
    [
      'a missing node key file',
      () => ['--node-key', join(folder, 'nope'), '--message', 'FE'],
      'INVALID_KEY',
      2,
    ],
    ['a node key file that is a folder', () => ['--node-key', folder, '--message', 'FE'], 'INVALID_KEY', 2],
    [
      'a garbage node key',
      () => ['--node-key', file('bad.key', 'hello'), '--message', 'FE'],
      'INVALID_KEY',
      2,
    ],
    ['a message in bad hex', () => ['--node-key', nodeKeyPem, '--message', 'XYZ'], 'INVALID_MESSAGE', 2],
    [
      'a message with an odd length',
      () => ['--node-key', nodeKeyPem, '--message', 'FE2'],
      'INVALID_MESSAGE',
      2,
    ],
    [
      'a message with a wrong marker',
      () => ['--node-key', nodeKeyPem, '--message', '00'.repeat(132)],
      'INVALID_MESSAGE',
      2,
    ],
    [
      'a truncated message',
      () => ['--node-key', nodeKeyPem, '--message', toHex(delegation().message).slice(0, 262)],
      'INVALID_MESSAGE',
      2,
    ],
    [
      'a truncated harvesters.dat',
      () => ['--node-key', nodeKeyPem, '--harvesters', file('t.dat', random(200))],
      'INVALID_FILE',
      2,
    ],
    [
      'a missing harvesters.dat',
      () => ['--node-key', nodeKeyPem, '--harvesters', join(folder, 'none.dat')],
      'INVALID_FILE',
      2,
    ],
    [
      'a payload of garbage hex',
      () => ['--node-key', nodeKeyPem, '--payload', file('g.hex', 'ABCD')],
      'INVALID_PAYLOAD',
      2,
    ],
    [
      'a payload without delegation',
      () => [
        '--node-key',
        nodeKeyPem,
        '--payload',
        file('n.json', buildSdkDelegation({ nodePublicKey, message: new Uint8Array(3) }).announceBody),
      ],
      'INVALID_PAYLOAD',
      2,
    ],
    ['an unknown option', () => ['--node-key', nodeKeyPem, '--mesage', 'FE'], 'INVALID_INPUT', 2],
  ];
  it.each(garbage)(
    'fails on %s with %s (exit %d), as JSON, without a stack trace',
    async (_label, args, code, exitCode) => {
      const run = await runCli(['decrypt-check', '--json', ...args()]);
      expect(run.exitCode).toBe(exitCode);
      expect(run.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('prints errors on stderr, with a hint, when not --json', async () => {
    const run = await runCli(['decrypt-check', '--node-key', nodeKeyPem]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error: nothing to check\nhint: pass --message, --harvesters or --payload/);
  });
});
