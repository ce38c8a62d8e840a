/** claimKeeperLock (docs/commands/keep.md, "Limits"): one keeper per home, a killed keeper's lock taken over. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { claimKeeperLock } from '../../../src/flows/keep/claimKeeperLock.js';
import { memoryFileSystem } from '../../helpers/memoryFileSystem.js';

const HOME = '/home/keeper';
const NOW = new Date('2026-12-06T12:00:00Z');
const text = async (files: ReturnType<typeof memoryFileSystem>) =>
  new TextDecoder().decode(await files.readFile(`${HOME}/keep.lock`));

describe('claimKeeperLock', () => {
  it('takes the lock, refuses a second keeper while the first runs, and releases it', async () => {
    const files = memoryFileSystem();
    const release = await claimKeeperLock(files, HOME, { pid: 100, isRunning: () => true }, NOW);
    expect(JSON.parse(await text(files))).toEqual({ pid: 100, startedAt: NOW.toISOString() });
    const second = claimKeeperLock(files, HOME, { pid: 200, isRunning: (pid) => pid === 100 }, NOW);
    await expect(second).rejects.toBeInstanceOf(InputError);
    await expect(second).rejects.toMatchObject({ code: 'KEEPER_RUNNING' });
    await release();
    expect(await files.stat(`${HOME}/keep.lock`)).toBeUndefined();
  });

  it('takes over the lock of a keeper that no longer runs (SIGKILL), or a lock that does not read', async () => {
    const files = memoryFileSystem();
    await claimKeeperLock(files, HOME, { pid: 100, isRunning: () => true }, NOW);
    await claimKeeperLock(files, HOME, { pid: 200, isRunning: () => false }, NOW);
    expect(JSON.parse(await text(files)).pid).toBe(200);
    for (const garbage of ['', '{', '{"pid": -1}', '{"pid": "100"}', 'null']) {
      await files.writeFileAtomic(`${HOME}/keep.lock`, garbage, 0o600);
      await claimKeeperLock(files, HOME, { pid: 300, isRunning: () => true }, NOW);
      expect(JSON.parse(await text(files)).pid, garbage).toBe(300);
    }
  });

  it('a release does not remove a lock another keeper took since', async () => {
    const files = memoryFileSystem();
    const release = await claimKeeperLock(files, HOME, { pid: 100, isRunning: () => false }, NOW);
    await claimKeeperLock(files, HOME, { pid: 200, isRunning: () => false }, NOW);
    await release();
    expect(JSON.parse(await text(files)).pid).toBe(200);
  });
});
