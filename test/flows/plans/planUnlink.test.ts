import { describe, expect, it } from 'vitest';
import { NO_LINKS } from '../../../src/core/harvesting/accountLinks.js';
import type { UnlinkPlan } from '../../../src/contract/setupResult.js';
import { planUnlink, type PlanUnlinkParameters } from '../../../src/flows/plans/planUnlink.js';

const key = (byte: number) => new Uint8Array(32).fill(byte);
const REMOTE = key(1);
const VRF = key(2);
const NODE = key(3);
const ALL = { remote: REMOTE, vrf: VRF, node: NODE };

function plan(overrides: Partial<PlanUnlinkParameters> = {}) {
  const notes: string[] = [];
  const shown: UnlinkPlan[] = [];
  const step = planUnlink({
    links: ALL,
    all: false,
    askedNodeKey: NODE,
    describe: { network: 'testnet', mainAddress: 'TA', nodeUrl: 'http://node' },
    confirm: (shownPlan) => {
      shown.push(shownPlan);
      return Promise.resolve();
    },
    onNote: (text) => notes.push(text),
    ...overrides,
  });
  return { step, notes, shown };
}

describe('planUnlink', () => {
  it('unlinks the node link only by default, and waits for the node asked to drop the delegate', async () => {
    const { step, shown } = plan();
    if (!('plan' in step)) throw new Error('expected a plan');
    expect(step.plan.kind).toBe('unlink');
    expect(step.plan.transactions).toEqual([
      { type: 'keyLink', role: 'node', action: 'unlink', linkedPublicKey: NODE },
    ]);
    expect(step.plan.then).toEqual({ waitFor: 'departure', remotePublicKey: REMOTE });
    await step.plan.confirm(123n, 3);
    expect(shown).toEqual([
      expect.objectContaining({
        fee: 123n,
        aggregateVersion: 3,
        linkedToThisNode: true,
        nodeUrl: 'http://node',
      }),
    ]);
  });

  it('with all: node, remote and VRF in that order; the result names the keys linked after: none', () => {
    const { step } = plan({ all: true });
    if (!('plan' in step)) throw new Error('expected a plan');
    expect(step.plan.planned.map((entry) => entry.kind)).toEqual(['nodeUnlink', 'remoteUnlink', 'vrfUnlink']);
    expect(step.plan.keys(NO_LINKS)).toEqual({
      nodePublicKey: null,
      remotePublicKey: null,
      vrfPublicKey: null,
    });
    const nodeOnly = plan().step;
    if (!('plan' in nodeOnly)) throw new Error('expected a plan');
    expect(nodeOnly.plan.keys(NO_LINKS)).toEqual({
      nodePublicKey: null,
      remotePublicKey: REMOTE,
      vrfPublicKey: VRF,
    });
  });

  it('linked to another node: nothing to wait for from the node asked', async () => {
    const { step, shown } = plan({ askedNodeKey: key(9) });
    if (!('plan' in step)) throw new Error('expected a plan');
    expect(step.plan.then).toEqual({ waitFor: 'nothing' });
    await step.plan.confirm(1n, 3);
    expect(shown[0]!.linkedToThisNode).toBe(false);
  });

  it('nothing linked that it may unlink: nothing to send, and a note saying why', () => {
    const withoutNode = plan({ links: { ...ALL, node: undefined } });
    expect(withoutNode.step).toEqual({
      nothingToSend: {
        keys: { nodePublicKey: null, remotePublicKey: REMOTE, vrfPublicKey: VRF },
        then: { waitFor: 'nothing' },
      },
    });
    expect(withoutNode.notes[0]).toMatch(/--all unlinks the remote and VRF keys/);
    expect(plan({ links: NO_LINKS, all: true }).notes).toEqual(['nothing is linked: nothing to unlink']);
  });
});
