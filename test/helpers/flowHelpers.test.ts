/** The flow-test helpers behave like what they stand for (a file system, a REST gateway, a clock). */
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from './memoryFileSystem.js';
import { notFound, stubNode } from './stubNode.js';
import { virtualTime } from './virtualTime.js';

describe('memoryFileSystem', () => {
  it('writes atomically with modes, and fails like Node (ENOENT, EISDIR) with a .code', async () => {
    const files = memoryFileSystem();
    await expect(files.writeFileAtomic('/h/k/a.json', 'x', 0o600)).rejects.toMatchObject({ code: 'ENOENT' });
    await files.mkdir('/h/k', 0o700);
    await files.writeFileAtomic('/h/k/a.json', 'hello', 0o600);
    expect(await files.stat('/h/k/a.json')).toEqual({ mode: 0o600, size: 5, isFile: true });
    expect(await files.stat('/h/k')).toMatchObject({ mode: 0o700, isFile: false });
    expect(await files.stat('/h/k/none')).toBeUndefined();
    await expect(files.readFile('/h/k')).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(files.readFile('/h/k/none')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(files.writeFileAtomic('/h/k', 'x', 0o600)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await files.readdir('/h')).toEqual(['k']);
    expect(await files.readdir('/nowhere')).toEqual([]);
    await files.remove('/h/k/a.json');
    await files.remove('/h/k/a.json');
    expect(files.files()).toEqual([]);
    expect(files.log.map((event) => `${event.op} ${event.path}`)).toEqual([
      'mkdir /h/k',
      'write /h/k/a.json',
      'remove /h/k/a.json',
    ]);
  });

  it('a crash on the nth write leaves the previous version', async () => {
    const files = memoryFileSystem();
    files.seed('/h/a.json', 'v1');
    files.crashOnWrite(2);
    await files.writeFileAtomic('/h/a.json', 'v2', 0o600);
    await expect(files.writeFileAtomic('/h/a.json', 'v3', 0o600)).rejects.toThrow('simulated crash');
    expect(files.text('/h/a.json')).toBe('v2');
    expect(files.versions('/h/a.json')).toEqual(['v2']);
    await files.writeFileAtomic('/h/a.json', 'v4', 0o644);
    expect(files.modeOf('/h/a.json')).toBe(0o644);
  });
});

describe('stubNode', () => {
  it('matches :params and optional query parts, the last route registered winning', async () => {
    const node = stubNode({ url: 'http://n.test:3000' });
    node.on('GET', '/accounts/:id', (request: { params: Record<string, string> }) => ({
      id: request.params['id'],
    }));
    node.on('GET', '/accounts/:id?kind=x', { special: true });
    node.on('GET', '/missing', notFound());
    const get = async (path: string) => {
      const response = await node.fetch(`http://n.test:3000${path}`);
      return [response.status, await response.json()] as const;
    };
    expect(await get('/accounts/ABC')).toEqual([200, { id: 'ABC' }]);
    expect(await get('/accounts/ABC?kind=x&page=2')).toEqual([200, { special: true }]);
    expect((await get('/missing'))[0]).toBe(404);
    expect((await get('/missing'))[0]).toBe(404);
    expect(node.calls()).toHaveLength(4);
    expect(() => node.assertAllHit()).not.toThrow();
  });

  it('assertAllHit fails on a route never requested and on a request no route matches', async () => {
    const node = stubNode({ url: 'http://n.test:3000' });
    node.on('GET', '/node/info', {});
    node.on('GET', '/chain/info', {}, { optional: true });
    await expect(node.fetch('http://n.test:3000/node/time')).rejects.toThrow('no route for GET /node/time');
    expect(() => node.assertAllHit()).toThrow(
      /never requested: GET \/node\/info[\s\S]*not stubbed: GET \/node\/time/,
    );
  });
});

describe('virtualTime', () => {
  it('sleeps take no real time and move the clock; an aborted sleep rejects', async () => {
    const time = virtualTime(1_000);
    await time.sleep(600_000);
    expect(time.nowMs()).toBe(601_000);
    expect(time.now()).toEqual(new Date(601_000));
    expect(time.sleeps).toEqual([600_000]);
    await expect(time.sleep(5, AbortSignal.abort())).rejects.toBeDefined();
    expect(time.elapsedMs()).toBe(600_000);
  });
});
