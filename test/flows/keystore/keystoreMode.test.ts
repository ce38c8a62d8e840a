/** A keystore that others may read is warned about, like ssh does with a private key file (not on Windows). */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFileSystem } from '../../../src/platform/nodeFileSystem.js';
import type { FileSystem } from '../../../src/core/ports.js';
import { keystoreModeWarning } from '../../../src/flows/keystore/keystoreModeWarning.js';
import { openKeystore } from '../../../src/flows/keystore/openKeystore.js';
import { readKeystoreFile } from '../../../src/flows/keystore/readKeystoreFile.js';
import { seededRandom } from '../../helpers/seededRandom.js';

const MAIN_ADDRESS = 'TBJIAAIQ2CVXL6ZG2AWIXCL7LM4ROQHM3UTTTYQ';
const FAST = { n: 16, r: 8, p: 1 };
const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A real keystore file written by harvest (0600), then chmod'ed to `mode`. */
async function keystoreWithMode(mode: number): Promise<{ home: string; path: string }> {
  const home = mkdtempSync(join(tmpdir(), 'harvest-keystore-mode-'));
  homes.push(home);
  const session = await open(createNodeFileSystem(), home);
  await session.save(session.file);
  chmodSync(session.path, mode);
  return { home, path: session.path };
}

function open(files: FileSystem, home: string, onWarning?: (text: string) => void) {
  return openKeystore({
    files,
    home,
    mainAddress: MAIN_ADDRESS,
    networkIdentifier: 152,
    password: () => Promise.resolve('pw'),
    random: seededRandom(1),
    scrypt: FAST,
    onWarning,
  });
}

describe('keystoreModeWarning', () => {
  it.each<[number, string | undefined]>([
    [0o600, undefined],
    [0o400, undefined],
    [0o700, undefined],
    [0o644, '0644'],
    [0o640, '0640'],
    [0o604, '0604'],
    [0o100666, '0666'],
  ])('mode %o → %s', (mode, shown) => {
    const warning = keystoreModeWarning('/h/k.json', mode);
    if (shown === undefined) expect(warning).toBeUndefined();
    else
      expect(warning).toBe(
        `WARNING: keystore /h/k.json is readable by others (mode ${shown}); run: chmod 600 /h/k.json`,
      );
  });
});

describe('a real keystore file', () => {
  it('chmod 644: opening it warns, naming the path, the mode and the fix', async () => {
    const { home, path } = await keystoreWithMode(0o644);
    const warnings: string[] = [];
    await open(createNodeFileSystem(), home, (text) => warnings.push(text));
    expect(warnings).toEqual([
      `WARNING: keystore ${path} is readable by others (mode 0644); run: chmod 600 ${path}`,
    ]);
    const read: string[] = [];
    await readKeystoreFile(createNodeFileSystem(), home, MAIN_ADDRESS, (text) => read.push(text));
    expect(read).toEqual(warnings);
  });

  it('chmod 600: no warning', async () => {
    const { home } = await keystoreWithMode(0o600);
    const warnings: string[] = [];
    await open(createNodeFileSystem(), home, (text) => warnings.push(text));
    await readKeystoreFile(createNodeFileSystem(), home, MAIN_ADDRESS, (text) => warnings.push(text));
    expect(warnings).toEqual([]);
  });

  it('on Windows (no POSIX modes) nothing is said', async () => {
    const { home } = await keystoreWithMode(0o644);
    const warnings: string[] = [];
    await open(createNodeFileSystem('win32'), home, (text) => warnings.push(text));
    expect(warnings).toEqual([]);
  });
});
