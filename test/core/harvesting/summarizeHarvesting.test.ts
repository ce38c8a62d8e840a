import { describe, expect, it } from 'vitest';
import type { AccountLinks as LinkedKeys } from '../../../src/core/harvesting/accountLinks.js';
import {
  summarizeHarvesting,
  type HarvestingFacts,
} from '../../../src/core/harvesting/summarizeHarvesting.js';

const REMOTE = new Uint8Array(32).fill(1);
const VRF = new Uint8Array(32).fill(2);
const NODE = new Uint8Array(32).fill(3);
const XYM = 1_000_000n;
const ALL: LinkedKeys = { remote: REMOTE, vrf: VRF, node: NODE };
const NONE: LinkedKeys = { remote: undefined, vrf: undefined, node: undefined };

function facts(
  overrides: Partial<HarvestingFacts> & { links?: LinkedKeys; importance?: bigint; balance?: bigint } = {},
): HarvestingFacts {
  const { links = ALL, importance = 1000n, balance = 20_000n * XYM, ...rest } = overrides;
  return {
    account: { links, importance, balance },
    minHarvesterBalance: 10_000n * XYM,
    maxHarvesterBalance: 50_000_000n * XYM,
    linkedNode: { kind: 'asked', unlocked: [] },
    isNodeOwner: false,
    keystore: { holdsRemoteKey: true, linkRemoteRecorded: false, pending: undefined },
    requestConfirmedBlocksAgo: 1,
    ...rest,
  };
}

describe('summarizeHarvesting', () => {
  it.each<[string, HarvestingFacts, string, string[], boolean | null]>([
    ['an unknown account', { ...facts(), account: undefined }, 'INACTIVE', ['UNKNOWN_ACCOUNT'], null],
    ['no links', facts({ links: NONE, linkedNode: { kind: 'none' } }), 'INACTIVE', [], null],
    [
      'the node lists the remote key',
      facts({ linkedNode: { kind: 'asked', unlocked: [NODE, REMOTE] } }),
      'ACTIVE',
      [],
      true,
    ],
    ['a request just confirmed', facts(), 'ACTIVATION_PENDING', [], false],
    [
      'a request confirmed long ago',
      facts({ requestConfirmedBlocksAgo: 50 }),
      'ACTIVATION_PENDING',
      ['NODE_FULL_LIKELY'],
      false,
    ],
    [
      'a request confirmed long ago, remote key not in our keystore',
      facts({
        requestConfirmedBlocksAgo: 50,
        keystore: { holdsRemoteKey: false, linkRemoteRecorded: false, pending: undefined },
      }),
      'ACTIVATION_PENDING',
      ['REMOTE_KEY_NOT_IN_KEYSTORE', 'NODE_FULL_LIKELY'],
      false,
    ],
    [
      'a request confirmed long ago, balance under the minimum',
      facts({ requestConfirmedBlocksAgo: 50, balance: 9_999n * XYM }),
      'ACTIVATION_PENDING',
      ['BALANCE_BELOW_MINIMUM'],
      false,
    ],
    [
      'links right, the request search failed (status)',
      facts({ requestConfirmedBlocksAgo: null }),
      'ACTIVATION_PENDING',
      ['REQUEST_AGE_UNKNOWN'],
      false,
    ],
    [
      'links but no request',
      facts({ requestConfirmedBlocksAgo: undefined }),
      'KEYS_LINKED',
      ['REQUEST_NOT_SENT'],
      false,
    ],
    ['importance 0', facts({ importance: 0n }), 'KEYS_LINKED', ['ZERO_IMPORTANCE'], false],
    [
      'a balance under 10,000 XYM',
      facts({ balance: 9_999n * XYM }),
      'ACTIVATION_PENDING',
      ['BALANCE_BELOW_MINIMUM'],
      false,
    ],
    [
      'diagnostics off',
      facts({ linkedNode: { kind: 'asked', unlocked: undefined } }),
      'ACTIVATION_PENDING',
      ['NODE_DIAGNOSTICS_UNAVAILABLE'],
      null,
    ],
    [
      'a node we cannot name',
      facts({ linkedNode: { kind: 'unknown' } }),
      'UNKNOWN',
      ['LINKED_TO_OTHER_NODE'],
      null,
    ],
    [
      'a node that does not answer',
      facts({ linkedNode: { kind: 'unreachable' } }),
      'UNKNOWN',
      ['NODE_UNREACHABLE'],
      null,
    ],
    [
      'remote + VRF without node link, node owner',
      facts({ links: { ...ALL, node: undefined }, isNodeOwner: true, linkedNode: { kind: 'none' } }),
      'OPERATOR',
      [],
      null,
    ],
    [
      'remote + VRF without node link, recorded link-remote',
      facts({
        links: { ...ALL, node: undefined },
        keystore: { holdsRemoteKey: true, linkRemoteRecorded: true, pending: undefined },
        linkedNode: { kind: 'none' },
      }),
      'OPERATOR',
      [],
      null,
    ],
    [
      'remote + VRF without node link, someone else',
      facts({ links: { ...ALL, node: undefined }, linkedNode: { kind: 'none' } }),
      'KEYS_LINKED',
      [],
      null,
    ],
    [
      'a node link without VRF',
      facts({ links: { ...ALL, vrf: undefined } }),
      'KEYS_LINKED',
      ['VRF_KEY_NOT_LINKED'],
      false,
    ],
    [
      'a remote key we do not hold',
      facts({ keystore: { holdsRemoteKey: false, linkRemoteRecorded: false, pending: undefined } }),
      'ACTIVATION_PENDING',
      ['REMOTE_KEY_NOT_IN_KEYSTORE'],
      false,
    ],
    [
      'our delegation not confirmed yet',
      facts({ keystore: { holdsRemoteKey: true, linkRemoteRecorded: false, pending: 'delegate' } }),
      'CONFIRMATION_PENDING',
      [],
      false,
    ],
    [
      'our unlink not confirmed yet',
      facts({ keystore: { holdsRemoteKey: true, linkRemoteRecorded: false, pending: 'unlink' } }),
      'DEACTIVATION_PENDING',
      [],
      false,
    ],
  ])('%s → state, reasons and unlocked', (_label, input, state, reasons, unlocked) => {
    expect(summarizeHarvesting(input)).toEqual({ state, reasons, unlocked });
  });
});
