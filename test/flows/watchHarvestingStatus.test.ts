import { describe, expect, it } from 'vitest';
import { InputError, NodeError } from '../../src/core/errors.js';
import type { HarvestingStatusReport } from '../../src/flows/getHarvestingStatus.js';
import { watchHarvestingStatus } from '../../src/flows/watchHarvestingStatus.js';

function report(state: HarvestingStatusReport['status']['state']): HarvestingStatusReport {
  return {
    status: {
      state,
      reasons: [],
      mainAddress: 'T'.repeat(39),
      links: { remote: null, vrf: null, node: null },
      balance: 0n,
      importance: 0n,
      unlocked: null,
      nodeUrl: 'http://127.0.0.1:1',
      nextImportanceRecalculation: null,
      linkedNodeUrl: null,
    },
    details: {
      chainHeight: 1n,
      minHarvesterBalance: 0n,
      maxHarvesterBalance: 0n,
      blockTimeMs: 1000,
      requestConfirmedBlocksAgo: undefined,
    },
  };
}

/** A clock moved only by sleep, and a reader answering from a script. */
function scripted(steps: (HarvestingStatusReport | Error)[]) {
  let clock = 0;
  const slept: number[] = [];
  const progress: string[] = [];
  return {
    slept,
    progress,
    parameters: {
      initial: report('ACTIVATION_PENDING'),
      read: () => {
        const step = steps.shift() ?? report('ACTIVATION_PENDING');
        return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
      },
      timeoutMs: 10_000,
      pollMs: 3_000,
      now: () => new Date(clock),
      sleep: (ms: number) => {
        clock += ms;
        slept.push(ms);
        return Promise.resolve();
      },
      onProgress: (text: string) => progress.push(text),
    },
  };
}

describe('watchHarvestingStatus', () => {
  it('returns the first status whose state word differs, after one block time per poll', async () => {
    const run = scripted([report('ACTIVATION_PENDING'), report('ACTIVE')]);
    const outcome = await watchHarvestingStatus(run.parameters);
    expect(outcome).toMatchObject({ changed: true, report: { status: { state: 'ACTIVE' } } });
    expect(run.slept).toEqual([3_000, 3_000]);
  });

  it('rides out a node error between polls and reports it as progress', async () => {
    const run = scripted([new NodeError('NODE_TIMEOUT', 'no answer'), report('ACTIVE')]);
    const outcome = await watchHarvestingStatus(run.parameters);
    expect(outcome.changed).toBe(true);
    expect(run.progress[0]).toContain('NODE_TIMEOUT');
  });

  it('stops at the timeout with the latest status, the last poll shortened to fit', async () => {
    const run = scripted([]);
    const outcome = await watchHarvestingStatus(run.parameters);
    expect(outcome).toMatchObject({ changed: false, report: { status: { state: 'ACTIVATION_PENDING' } } });
    expect(run.slept).toEqual([3_000, 3_000, 3_000, 1_000]);
  });

  it('lets input errors (a damaged keystore) through', async () => {
    const run = scripted([new InputError('KEYSTORE_CORRUPT', 'damaged')]);
    await expect(watchHarvestingStatus(run.parameters)).rejects.toMatchObject({ code: 'KEYSTORE_CORRUPT' });
  });

  it('a dead node: after --max-failed-polls failed polls in a row, the last NODE_* error, never the stale state', async () => {
    const down = () => new NodeError('NODE_UNAVAILABLE', 'connection refused');
    const run = scripted([down(), down(), new NodeError('NODE_TIMEOUT', 'no answer'), down()]);
    await expect(
      watchHarvestingStatus({ ...run.parameters, timeoutMs: 600_000, maxFailedPolls: 3 }),
    ).rejects.toMatchObject({ code: 'NODE_TIMEOUT' });
    expect(run.slept).toEqual([3_000, 3_000, 3_000]);
    expect(run.progress).toEqual([
      expect.stringContaining('NODE_UNAVAILABLE, 1/3'),
      expect.stringContaining('NODE_UNAVAILABLE, 2/3'),
    ]);
  });

  it('counts failed polls in a row only: a good poll starts the count again', async () => {
    const down = () => new NodeError('NODE_UNAVAILABLE', 'connection refused');
    const run = scripted([down(), report('ACTIVATION_PENDING'), down(), report('ACTIVE')]);
    const outcome = await watchHarvestingStatus({ ...run.parameters, timeoutMs: 600_000, maxFailedPolls: 2 });
    expect(outcome).toMatchObject({ changed: true, report: { status: { state: 'ACTIVE' } } });
  });

  it('five failed polls in a row by default', async () => {
    const run = scripted(Array.from({ length: 6 }, () => new NodeError('NODE_UNAVAILABLE', 'down')));
    await expect(watchHarvestingStatus({ ...run.parameters, timeoutMs: 600_000 })).rejects.toMatchObject({
      code: 'NODE_UNAVAILABLE',
    });
    expect(run.slept).toHaveLength(5);
  });

  it('the timeout while the last poll failed: that error, not "no change" from stale data', async () => {
    const run = scripted([
      report('ACTIVATION_PENDING'),
      report('ACTIVATION_PENDING'),
      report('ACTIVATION_PENDING'),
      new NodeError('NODE_UNAVAILABLE', 'down'), // the last poll, at the timeout
    ]);
    await expect(watchHarvestingStatus(run.parameters)).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
    expect(run.slept).toEqual([3_000, 3_000, 3_000, 1_000]);
  });

  it('SIGINT/SIGTERM: ends at once with the latest status, interrupted', async () => {
    const run = scripted([report('ACTIVATION_PENDING')]);
    const controller = new AbortController();
    const sleep = (ms: number, signal?: AbortSignal) => {
      if (run.slept.length === 2) controller.abort('SIGINT');
      if (signal?.aborted === true) return Promise.reject(new Error('aborted'));
      return run.parameters.sleep(ms);
    };
    const outcome = await watchHarvestingStatus({
      ...run.parameters,
      timeoutMs: 600_000,
      sleep,
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({
      changed: false,
      interrupted: true,
      report: { status: { state: 'ACTIVATION_PENDING' } },
    });
    expect(run.slept).toEqual([3_000, 3_000]);
  });

  it('SIGINT/SIGTERM while the last poll failed: that error', async () => {
    const run = scripted([new NodeError('NODE_UNAVAILABLE', 'down')]);
    const controller = new AbortController();
    const outcome = watchHarvestingStatus({
      ...run.parameters,
      timeoutMs: 600_000,
      read: () => {
        controller.abort('SIGTERM');
        return Promise.reject(new NodeError('NODE_UNAVAILABLE', 'down'));
      },
      signal: controller.signal,
    });
    await expect(outcome).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
  });
});
