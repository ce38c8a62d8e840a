/**
 * The human formatters with empty lists and null fields: no header without lines under it, no key without a value,
 * amounts in XYM, importance weighed in XYM, waits in one unit ("in about 6 h").
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { InspectNodeResult } from '../../src/contract/nodeInspection.js';
import type { DelegatePlan, DelegateResult, UnlinkPlan } from '../../src/contract/setupResult.js';
import type { HarvestingStatus, HarvestingStatusDetails } from '../../src/contract/status.js';
import { formatCosignResult } from '../../src/ui/format/cosign.js';
import { formatDecryptCheck } from '../../src/ui/format/decryptCheck.js';
import { formatDelegatePlan, formatDelegateResult } from '../../src/ui/format/delegate.js';
import { formatDevnet } from '../../src/ui/format/devnet.js';
import { formatImportance } from '../../src/ui/format/importance.js';
import { formatNode } from '../../src/ui/format/node.js';
import { formatOnboardPlan, formatOnboardResult } from '../../src/ui/format/onboard.js';
import { formatRequests } from '../../src/ui/format/requests.js';
import { formatSignedFile, formatTransactionReview } from '../../src/ui/format/sign.js';
import { describeTransaction } from '../../src/core/transactions/describeTransaction.js';
import { bondedPlanPayloads } from '../helpers/multisigPlan.js';
import { formatStatus } from '../../src/ui/format/status.js';
import { formatUnlinkPlan } from '../../src/ui/format/unlink.js';

const plain = new Chalk({ level: 0 });
const KEY = new Uint8Array(32).fill(0xab);
const ADDRESS = 'TDQ3NBOFQ6XRQL5YAUGN42AOHGRMULAE7FPRQBI';
const XYM = 1_000_000n;

/** No line ends with a colon or a two-space gap with nothing after it, no line is only a key, no line has trailing blanks. */
function expectNoBlanks(text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    expect(line, `line ${index}: ${JSON.stringify(line)}`).toBe(line.trimEnd());
    if (line.endsWith(':')) {
      const next = lines[index + 1] ?? '';
      expect(next.startsWith('  '), `header "${line}" has lines under it`).toBe(true);
    }
  });
  expect(text).not.toMatch(/\bundefined\b|\bnull\b|NaN/);
}

const STATUS: HarvestingStatus = {
  state: 'INACTIVE',
  reasons: [],
  mainAddress: ADDRESS,
  links: { remote: null, vrf: null, node: null },
  balance: 0n,
  importance: 0n,
  unlocked: null,
  nodeUrl: 'http://127.0.0.1:3000',
  nextImportanceRecalculation: null,
  linkedNodeUrl: null,
};
const DETAILS: HarvestingStatusDetails = {
  chainHeight: 1000n,
  minHarvesterBalance: 10_000n * XYM,
  maxHarvesterBalance: 50_000_000n * XYM,
  totalChainImportance: 7_842_928_625_000_000n,
  blockTimeMs: 30_000,
  requestConfirmedBlocksAgo: undefined,
};

describe('formatStatus', () => {
  it('shows an empty account without blanks', () => {
    const text = formatStatus(STATUS, plain);
    expectNoBlanks(text);
    expect(text).toContain('balance         0.000000 XYM');
    expect(text).toMatch(/^importance {6}0$/m);
  });

  it('shows balance in XYM, importance weighed in XYM with its share, the recalculation in hours', () => {
    const text = formatStatus(
      {
        ...STATUS,
        state: 'KEYS_LINKED',
        reasons: ['ZERO_IMPORTANCE', 'BALANCE_BELOW_MINIMUM'],
        balance: 1_234_567_890n,
        importance: 784_292_862_500n,
        nextImportanceRecalculation: { height: 1440n, estimatedAt: '2026-12-06T20:00:00.000Z' },
      },
      plain,
      DETAILS,
    );
    expectNoBlanks(text);
    expect(text).toContain('balance         1,234.567890 XYM');
    expect(text).toContain('importance      ≈ 784,293 XYM weighted, 0.01 % of the network');
    expect(text).toContain('next recalc     block 1440 (in about 4 h)');
    expect(text).toContain('importance is 0 until block 1440 (in about 4 h)');
    expect(text).toContain('balance 1,234.567890 XYM is below the harvesting minimum of 10,000.000000 XYM');
    expect(text).not.toMatch(/\d+ min\b/);
    expect(text).not.toContain('2026-12-06');
  });

  it('says nothing of when when the block time is unknown', () => {
    const text = formatStatus(
      { ...STATUS, nextImportanceRecalculation: { height: 1440n, estimatedAt: null } },
      plain,
      { ...DETAILS, blockTimeMs: undefined },
    );
    expect(text).toMatch(/^next recalc {5}block 1440$/m);
  });
});

describe('formatImportance', () => {
  it.each<[bigint, bigint | undefined, string]>([
    [0n, undefined, '0'],
    [1n, undefined, '≈ < 1 XYM weighted'],
    [123_456_789n, undefined, '≈ 123 XYM weighted'],
    [10_000n * XYM, 7_842_928_625_000_000n, '≈ 10,000 XYM weighted, 0.000128 % of the network'],
    [1n, 7_842_928_625_000_000n, '≈ < 1 XYM weighted, < 0.000001 % of the network'],
    [5n, 0n, '≈ < 1 XYM weighted'],
  ])('%s of %s → %s', (importance, total, text) => {
    expect(formatImportance(importance, total)).toBe(text);
  });
});

const PLAN: DelegatePlan = {
  mode: 'delegate',
  network: 'testnet',
  mainAddress: ADDRESS,
  nodeUrl: undefined,
  nodePublicKey: undefined,
  remotePublicKey: KEY,
  vrfPublicKey: KEY,
  aggregateVersion: 3,
  fee: 12_345_678n,
  transactions: [],
  requestSkipped: false,
} as unknown as DelegatePlan;

const RESULT: DelegateResult = {
  network: 'testnet',
  mainAddress: ADDRESS,
  mainPublicKey: KEY,
  nodeUrl: null,
  nodePublicKey: null,
  remotePublicKey: null,
  vrfPublicKey: null,
  transactions: [],
  plan: [],
  announced: false,
  state: 'INACTIVE',
  reasons: [],
};

describe('delegate, unlink, sign, onboard, requests, decrypt-check, node, devnet with nothing in them', () => {
  it('delegate plan and result', () => {
    expectNoBlanks(formatDelegatePlan(PLAN));
    expect(formatDelegatePlan(PLAN)).toContain('nothing to change');
    expectNoBlanks(formatDelegateResult(RESULT, plain));
    expect(formatDelegateResult(RESULT, plain)).not.toContain('inner transactions:');
  });

  it('delegate plan fee in XYM with separators', () => {
    const text = formatDelegatePlan({
      ...PLAN,
      fee: 1_234_000_000n,
      transactions: [{ kind: 'nodeUnlink', publicKey: null }],
    });
    expectNoBlanks(text);
    expect(text).toContain('fee 1,234.000000 XYM:');
  });

  it('unlink plan, with a key unknown', () => {
    const plan = {
      mainAddress: ADDRESS,
      network: 'testnet',
      nodeUrl: 'http://127.0.0.1:3000',
      aggregateVersion: 3,
      fee: 1n,
      linkedToThisNode: true,
      transactions: [],
    } as unknown as UnlinkPlan;
    expectNoBlanks(formatUnlinkPlan(plan));
    expect(formatUnlinkPlan(plan)).toContain('nothing to unlink');
    const withNull = {
      ...plan,
      transactions: [{ kind: 'remoteUnlink', publicKey: null }],
    } as unknown as UnlinkPlan;
    expectNoBlanks(formatUnlinkPlan(withNull));
  });

  it('sign', () => {
    expect(formatSignedFile({ transactions: [] } as never)).toBe('no transactions');
    expect(formatTransactionReview([])).toBe('');
  });

  it('sign: a hash lock shows its deposit in XYM, and where it goes', () => {
    const { lock } = bondedPlanPayloads();
    const text = formatTransactionReview([describeTransaction(lock)]);
    expectNoBlanks(text);
    expect(text).toContain(
      'locks a deposit of 10.000000 XYM (currency mosaic 72C0212E67A08BCE) for 740 blocks for the bonded aggregate ' +
        '(its hash is filled in when signed): it comes back when the aggregate completes, and goes to a harvester ' +
        'if it does not complete in time',
    );
    expect(text).not.toMatch(/10000000/);
  });

  it('onboard', () => {
    const plan = formatOnboardPlan({ accounts: 0, nodes: [], totalFeeEstimate: 0n, failed: 0 });
    expectNoBlanks(plan);
    expect(formatOnboardResult({ accounts: [], summary: {} })).toBe('summary: no accounts');
  });

  it('requests and decrypt-check', () => {
    const requests = formatRequests(
      {
        nodePublicKey: KEY,
        nodeAddress: ADDRESS,
        network: 'testnet',
        requests: [],
        summary: { total: 0, acceptable: 0, rejected: 0, failed: 0, superseded: 0, unlocked: null },
      } as never,
      plain,
    );
    expectNoBlanks(requests);
    const unhashed = formatRequests(
      {
        nodePublicKey: KEY,
        nodeAddress: ADDRESS,
        network: 'testnet',
        requests: [
          {
            height: 5n,
            hash: null,
            verdict: 'ACCEPTABLE',
            unlocked: null,
            mainPublicKey: null,
            remotePublicKey: null,
            reasons: [],
          },
        ],
        summary: { total: 1, acceptable: 1, rejected: 0, failed: 0, superseded: 0, unlocked: null },
      } as never,
      plain,
    );
    expectNoBlanks(unhashed);
    expect(unhashed).toContain('height 5  ACCEPTABLE');
    const check = formatDecryptCheck({ nodePublicKey: KEY, requests: [] }, plain);
    expectNoBlanks(check);
    expect(check).toContain('no delegation requests');
  });

  it('node with nothing published', () => {
    const node: InspectNodeResult = {
      nodeUrl: 'http://127.0.0.1:3000',
      network: 'testnet',
      networkIdentifier: 152,
      generationHashSeed: '00',
      privateNetwork: true,
      nodePublicKey: null,
      mainPublicKey: '',
      friendlyName: '',
      version: '',
      roles: 0,
      chainHeight: 1n,
      transportKeySafe: false,
      harvesting: { unlockedAccounts: null, maxUnlockedAccounts: null, lowestDelegateImportance: null },
      fees: {
        averageFeeMultiplier: 0,
        medianFeeMultiplier: 0,
        highestFeeMultiplier: 0,
        lowestFeeMultiplier: 0,
        minFeeMultiplier: 0,
      },
      aggregateVersion: 3,
    };
    const text = formatNode(node, plain);
    expectNoBlanks(text);
    expect(text).toContain('version         unknown, roles none');
    expect(text).toContain('owner key       unknown');
  });

  it('devnet with no funded account', () => {
    const text = formatDevnet(
      {
        url: 'http://127.0.0.1:3000',
        networkIdentifier: 152,
        generationHashSeed: '00',
        currencyMosaicId: '00',
        nodePublicKey: '00',
        nodeKeyFile: 'k',
        harvestersFile: 'h',
        stateDir: 's',
        accounts: [],
        nodes: [],
      },
      plain,
    );
    expectNoBlanks(text);
    expect(text).not.toContain('Funded accounts');
    expect(text).toContain('no funded accounts');
  });
});

describe('multisig: delegate --multisig plan and result, cosign', () => {
  const costs = {
    multisigAddress: ADDRESS,
    minApproval: 2,
    initiatorAddress: ADDRESS,
    lockFee: 18_400n,
    aggregateFee: 36_000n,
    lockDeposit: 10n * XYM,
    lockDurationBlocks: 740n,
  };

  it('shows both fees in XYM and the deposit that comes back', () => {
    const text = formatDelegatePlan({ ...PLAN, multisig: costs, fee: 54_400n });
    expectNoBlanks(text);
    expect(text).toContain('hash lock fee        0.018400 XYM');
    expect(text).toContain('bonded aggregate fee 0.036000 XYM');
    expect(text).toMatch(/deposit\s+10\.000000 XYM locked for 740 blocks; it comes back/);
    expect(formatUnlinkPlan({ ...UNLINK_PLAN_FOR_MULTISIG, multisig: costs })).toContain('hash lock fee');
  });

  it('names what is still missing, and says complete when it is', () => {
    const multisig = {
      address: ADDRESS,
      minApproval: 2,
      initiatorAddress: ADDRESS,
      lockHash: KEY,
      aggregateHash: KEY,
      lockDeposit: 10n * XYM,
      lockEndHeight: 5000n,
      missingCosignatories: [ADDRESS],
      cosignaturesNeeded: 1,
    };
    const pending = formatDelegateResult({ ...RESULT, multisig }, plain);
    expectNoBlanks(pending);
    expect(pending).toContain(`cosignatures   1 more needed, from: ${ADDRESS}`);
    expect(pending).toContain('harvest cosign --hash');
    const done = formatDelegateResult(
      {
        ...RESULT,
        multisig: { ...multisig, cosignaturesNeeded: 0, missingCosignatories: [], lockEndHeight: null },
      },
      plain,
    );
    expectNoBlanks(done);
    expect(done).toContain('cosignatures   complete');
    expect(done).not.toContain('harvest cosign');
  });

  it('cosign: nothing waiting, and a refused aggregate with its reasons', () => {
    expect(
      formatCosignResult({
        network: 'testnet',
        nodeUrl: 'http://n',
        cosignatoryAddress: ADDRESS,
        partials: [],
      }),
    ).toBe(`nothing waits for ${ADDRESS} on http://n`);
    const text = formatCosignResult({
      network: 'testnet',
      nodeUrl: 'http://n',
      cosignatoryAddress: ADDRESS,
      partials: [
        {
          hash: KEY,
          initiatorPublicKey: KEY,
          multisigAddress: null,
          deadline: 1n,
          plan: [{ kind: 'transfer', publicKey: null, recipientAddress: ADDRESS }],
          verified: false,
          cosignatures: 0,
          minApproval: null,
          action: 'refused',
          problems: ['transaction 1 is transfer_transaction_v1 (transfer)'],
        },
      ],
    });
    expectNoBlanks(text);
    expect(text).toContain('REFUSED');
    expect(text).toContain('refused: transaction 1 is transfer_transaction_v1 (transfer)');
    expect(text).toContain('hash not checked');
  });
});

const UNLINK_PLAN_FOR_MULTISIG: UnlinkPlan = {
  network: 'testnet',
  mainAddress: ADDRESS,
  nodeUrl: 'http://n',
  transactions: [{ kind: 'nodeUnlink', publicKey: KEY }],
  aggregateVersion: 3,
  fee: 54_400n,
  linkedToThisNode: true,
};
