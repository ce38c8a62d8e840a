/**
 * Node discovery end to end (docs/commands/nodes.md): bin/harvest against a devnet of two nodes with one delegate
 * slot each, its node directory as --nodewatch. Node 0 is filled with the strongest account first, so a weaker
 * account's `--node auto` must pass it by (FULL_AND_STRONGER) and delegate to node 1, and end ACTIVE there.
 */
import { describe, expect, it } from 'vitest';
import { useDevnet } from '../helpers/devnetFixture.js';
import { closedPortUrl } from '../helpers/restServer.js';
import { spawnCli } from '../helpers/spawnCli.js';

const world = useDevnet({ blockTimeSeconds: 0.3, nodes: 2, maxUnlockedAccounts: 1 }, 'harvest-auto-');
const env = { HARVEST_PASSWORD: 'e2e password' };

describe('bin/harvest nodes and delegate --node auto on a devnet of two one-slot nodes', () => {
  it('passes by the full node whose delegate is stronger, names node 1, and ends ACTIVE on it', async () => {
    const { devnet, dir } = world;
    const [node0, node1] = devnet.nodes;
    const [strong, weak] = devnet.descriptor.accounts;
    const first = await spawnCli(
      ['delegate', '--json', '--node', node0!.url, '--key-file', strong!.keyFile, '--home', dir, '--yes'],
      { env },
    );
    expect(first.exitCode, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ nodeUrl: node0!.url, state: 'ACTIVE' });

    const listed = await spawnCli(
      [
        'nodes',
        '--json',
        '--nodewatch',
        devnet.url,
        '--address',
        weak!.address,
        '--max-unlocked-accounts',
        '1',
      ],
      { env },
    );
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      nodes: [
        {
          url: node1!.url,
          name: 'devnet-node-1',
          nodePublicKey: node1!.nodePublicKey,
          usable: true,
          reasons: [],
          unlockedAccounts: 0,
          lowestDelegateImportance: null,
          latencyMs: expect.any(Number),
          rank: 1,
        },
        {
          url: node0!.url,
          name: 'devnet-node-0',
          nodePublicKey: node0!.nodePublicKey,
          usable: false,
          reasons: ['FULL_AND_STRONGER'],
          unlockedAccounts: 1,
          lowestDelegateImportance: expect.stringMatching(/^[1-9]\d*$/),
          latencyMs: expect.any(Number),
          rank: null,
        },
      ],
    });

    const auto = await spawnCli(
      [
        'delegate',
        '--json',
        '--node',
        'auto',
        '--nodewatch',
        devnet.url,
        '--max-unlocked-accounts',
        '1',
        '--key-file',
        weak!.keyFile,
        '--home',
        dir,
        '--yes',
      ],
      { env },
    );
    expect(auto.exitCode, auto.stderr).toBe(0);
    expect(auto.stderr).toContain(`--node auto chose ${node1!.url} (devnet-node-1)`);
    expect(JSON.parse(auto.stdout)).toMatchObject({
      mainAddress: weak!.address,
      nodeUrl: node1!.url,
      nodePublicKey: node1!.nodePublicKey,
      announced: true,
      state: 'ACTIVE',
      nodeChoice: {
        url: node1!.url,
        name: 'devnet-node-1',
        nodePublicKey: node1!.nodePublicKey,
        candidates: 2,
        usable: 1,
      },
    });

    const status = await spawnCli(
      ['status', '--json', '--node', node1!.url, '--address', weak!.address, '--home', dir],
      {
        env,
      },
    );
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'ACTIVE' });
  }, 90_000);

  it('an unreachable directory is NODE_UNAVAILABLE (exit 3) naming its URL', async () => {
    const dead = await closedPortUrl();
    const run = await spawnCli(['nodes', '--json', '--nodewatch', dead, '--timeout', '2']);
    expect(run.exitCode).toBe(3);
    const error = JSON.parse(run.stdout).error;
    expect(error.code).toBe('NODE_UNAVAILABLE');
    expect(error.message).toContain(dead);
  }, 30_000);
});
