/**
 * Several --node URLs (docs/cli.md, "Several nodes"): bin/harvest against a devnet of two nodes, with a first
 * --node where nothing listens (a closed port on 127.0.0.1).
 */
import { describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { closedPortUrl } from '../helpers/restServer.js';
import { spawnCli } from '../helpers/spawnCli.js';

const world = useDevnet({ blockTimeSeconds: 0.3, nodes: 2 }, 'harvest-nodes-');
const env = { HARVEST_PASSWORD: 'e2e password' };

describe('bin/harvest with a dead first --node and a devnet of two nodes', () => {
  it('delegate --node <dead> --node <node 0> --delegate-to <node 1> ends ACTIVE on node 1; status answers', async () => {
    const { devnet, dir } = world;
    const dead = await closedPortUrl();
    const [node0, node1] = devnet.nodes;
    const account = devnet.descriptor.accounts[0]!;
    const run = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        dead,
        '--node',
        node0!.url,
        '--delegate-to',
        node1!.url,
        '--key-file',
        account.keyFile,
        '--home',
        dir,
        '--yes',
        '--timeout',
        '5',
      ],
      { env },
    );
    expect(run.stderr).toContain(`${dead} failed (NODE_UNAVAILABLE)`);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      mainAddress: account.address,
      nodeUrl: node1!.url,
      nodePublicKey: node1!.nodePublicKey,
      announced: true,
      state: 'ACTIVE',
    });

    const status = await spawnCli(
      ['status', '--json', '--node', dead, '--node', node1!.url, '--address', account.address, '--home', dir],
      { env },
    );
    expect(status.exitCode).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'ACTIVE' });
  }, 60_000);

  it('delegate-to a dead node fails with its node error, without failover', async () => {
    const { devnet, dir } = world;
    const dead = await closedPortUrl();
    const account = devnet.descriptor.accounts[1]!;
    const run = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        devnet.url,
        '--delegate-to',
        dead,
        '--key-file',
        account.keyFile,
        '--home',
        dir,
        '--yes',
      ],
      { env },
    );
    expect(run.exitCode).toBe(3);
    expect(JSON.parse(run.stdout).error.code).toBe('NODE_UNAVAILABLE');
  }, 60_000);
});
