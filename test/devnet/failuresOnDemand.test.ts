/**
 * The devnet's test routes (docs/devnet.md, "Failures on demand"): POST /devnet/restart restarts one node, with or
 * without its delegates (harvesters.dat), and POST /devnet/delegate adds a high-importance delegate that forces the
 * Importance policy to evict the weakest one. The devnet is driven with symbol-sdk alone.
 */
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { getJson, delegateWithSdk, postJson } from './sdkClient.js';

const running: Devnet[] = [];
async function start(options: Parameters<typeof startDevnet>[0] = {}) {
  const devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, ...options });
  running.push(devnet);
  return devnet;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((devnet) => devnet.close()));
});

const unlocked = async (url: string): Promise<string[]> =>
  (await getJson(`${url}/node/unlockedaccount`)).body.unlockedAccount;

describe('POST /devnet/restart', () => {
  it('with wipeHarvesters forgets the node’s delegates (empty harvesters.dat), as after a data reset', async () => {
    const devnet = await start();
    const remote = await delegateWithSdk(devnet, 0);
    expect(await unlocked(devnet.url)).toEqual([remote]);
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(124);

    const answer = await postJson(`${devnet.url}/devnet/restart`, '{"wipeHarvesters": true}');
    expect(answer).toEqual({ status: 200, body: { restarted: true } });
    expect(await unlocked(devnet.url)).toEqual([]);
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(0);
    // still forgotten after the next block, and the node still serves and takes new requests
    devnet.mineBlock();
    expect(await unlocked(devnet.url)).toEqual([]);
    const again = await delegateWithSdk(devnet, 1);
    expect(await unlocked(devnet.url)).toEqual([again]);
  });

  it('without wipeHarvesters keeps the delegates, read again from harvesters.dat', async () => {
    const devnet = await start();
    const remote = await delegateWithSdk(devnet, 0);
    const before = readFileSync(devnet.descriptor.harvestersFile);
    const answer = await postJson(`${devnet.url}/devnet/restart`, JSON.stringify({ wipeHarvesters: false }));
    expect(answer).toEqual({ status: 200, body: { restarted: true } });
    expect(await unlocked(devnet.url)).toEqual([remote]);
    expect(readFileSync(devnet.descriptor.harvestersFile)).toEqual(before);
    devnet.mineBlock();
    expect(await unlocked(devnet.url)).toEqual([remote]);
  });

  it('restarts only the node asked', async () => {
    const devnet = await start({ nodes: 2 });
    const onNode0 = await delegateWithSdk(devnet, 0, 0);
    const onNode1 = await delegateWithSdk(devnet, 1, 1);
    expect(await postJson(`${devnet.nodes[1]!.url}/devnet/restart`, '{"wipeHarvesters":true}')).toMatchObject(
      {
        status: 200,
      },
    );
    expect(await unlocked(devnet.nodes[0]!.url)).toEqual([onNode0]);
    expect(await unlocked(devnet.nodes[1]!.url)).toEqual([]);
    expect(onNode1).not.toBe(onNode0);
  });

  it('answers a body that is not JSON or not {"wipeHarvesters": boolean} with 400 InvalidArgument', async () => {
    const devnet = await start();
    const remote = await delegateWithSdk(devnet, 0);
    for (const body of [
      '',
      'wipe',
      '{"wipeHarvesters": tru',
      'null',
      '[]',
      '"wipeHarvesters"',
      '{}',
      '{"wipeHarvesters": "true"}',
      '{"wipeHarvesters": 1}',
      '{"wipeHarvesters": true, "now": true}',
    ]) {
      const answer = await postJson(`${devnet.url}/devnet/restart`, body);
      expect(answer.status, body).toBe(400);
      expect(answer.body).toEqual({ code: 'InvalidArgument', message: expect.any(String) });
    }
    // nothing was restarted, and the node keeps serving
    expect(await unlocked(devnet.url)).toEqual([remote]);
    expect((await postJson(`${devnet.url}/devnet/nothing`, '{}')).status).toBe(404);
  });
});

describe('POST /devnet/delegate', () => {
  it('adds a high-importance delegate that evicts the weakest when the slots are full', async () => {
    const devnet = await start({ maxUnlockedAccounts: 2 });
    // balances (and importances) decrease with the index: account 9 is the weakest delegate
    const fifth = await delegateWithSdk(devnet, 5);
    const ninth = await delegateWithSdk(devnet, 9);
    expect(await unlocked(devnet.url)).toEqual([fifth, ninth]);
    const strongest = (await getJson(`${devnet.url}/accounts/${devnet.descriptor.accounts[0]!.address}`)).body
      .account.importance as string;

    const answer = await postJson(
      `${devnet.url}/devnet/delegate`,
      JSON.stringify({ importance: (BigInt(strongest) * 10n).toString() }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ unlocked: true, evicted: ninth, importance: `${strongest}0` });
    expect(await unlocked(devnet.url)).toEqual([fifth, answer.body.remotePublicKey]);
    expect(statSync(devnet.descriptor.harvestersFile).size).toBe(248);

    // the new main account is on chain as the node rules want it: linked to its remote, VRF and this node
    const main = (await getJson(`${devnet.url}/accounts/${answer.body.mainPublicKey}`)).body.account;
    expect(main.supplementalPublicKeys).toMatchObject({
      linked: { publicKey: answer.body.remotePublicKey },
      vrf: { publicKey: answer.body.vrfPublicKey },
      node: { publicKey: devnet.descriptor.nodePublicKey },
    });
    expect(main.importance).toBe(answer.body.importance);
    // it is not pruned at the next block, and a restart without wipe keeps it (it is in harvesters.dat)
    devnet.mineBlock();
    await postJson(`${devnet.url}/devnet/restart`, '{"wipeHarvesters":false}');
    expect(await unlocked(devnet.url)).toEqual([fifth, answer.body.remotePublicKey]);
  });

  it('is refused like any request (Failure_Server_Limit) when it is not stronger than the weakest', async () => {
    const devnet = await start({ maxUnlockedAccounts: 1 });
    const first = await delegateWithSdk(devnet, 0);
    const answer = await postJson(`${devnet.url}/devnet/delegate`, '{"importance":"1"}');
    expect(answer.body).toMatchObject({ unlocked: false, evicted: null });
    expect(await unlocked(devnet.url)).toEqual([first]);
  });

  it('answers a bad body with 400 InvalidArgument', async () => {
    const devnet = await start();
    for (const body of [
      '',
      '{',
      '{}',
      '{"importance": 5}',
      '{"importance":"0"}',
      '{"importance":"-3"}',
      '{"importance":"1","x":1}',
    ]) {
      const answer = await postJson(`${devnet.url}/devnet/delegate`, body);
      expect(answer.status, body).toBe(400);
      expect(answer.body.code).toBe('InvalidArgument');
    }
    expect(await unlocked(devnet.url)).toEqual([]);
  });
});
