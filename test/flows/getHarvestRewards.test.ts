/**
 * getHarvestRewards against recorded gateway shapes (test/fixtures/rest: a mainnet /statements/transaction page of
 * harvest fee statements, their /blocks/{height}): every receipt for the account counts, whole statements bring other
 * accounts' receipts and the inflation receipt along, and a block where the account is harvester and beneficiary
 * counts twice. The real node client reads the fixtures through a stub fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/core/address.js';
import { parseRewardsBound } from '../../src/core/rewards/parseRewardsBound.js';
import { getBeneficiaryRewards } from '../../src/flows/rewards/getBeneficiaryRewards.js';
import { getHarvestRewards } from '../../src/flows/rewards/getHarvestRewards.js';
import { formatRewardsCsv } from '../../src/ui/format/rewardsCsv.js';
import { restFixture, stubNode, type StubNode, type StubRequest } from '../helpers/stubNode.js';

const ACCOUNT = 'NCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS72UNKDY';
const OTHER_NODE = 'NCD4NC5VIE2EEB3BCV5JRLBNJXYDW5Q5JLOGVTA';
const sleep = () => Promise.resolve();

let node: StubNode;
afterEach(() => node.assertAllHit());

function mainnetNode(): StubNode {
  node = stubNode({ url: 'http://mainnet-node.test:3000' });
  node.on('GET', '/node/info', restFixture('nodeInfo.mainnet'));
  node.on('GET', '/network/properties', restFixture('networkProperties.mainnet'), { optional: true });
  node.on('GET', '/chain/info', restFixture('chainInfo'));
  const blocks = restFixture<Record<string, unknown>>('blocks.harvested');
  node.on('GET', '/blocks/:height', (request: StubRequest) => blocks[request.params['height']!], {
    optional: true,
  });
  return node;
}

describe('getHarvestRewards on recorded gateway shapes', () => {
  it('sums every receipt for the account, both shares of one block included, per day and per node', async () => {
    const stub = mainnetNode();
    stub.on('GET', '/statements/transaction', (request: StubRequest) => {
      expect(Object.fromEntries(request.query)).toEqual({
        targetAddress: ACCOUNT,
        receiptType: '8515',
        fromHeight: '1',
        toHeight: '5270371',
        pageSize: '100',
        pageNumber: '1',
        order: 'asc',
      });
      return restFixture('statementsTransaction.harvestFee');
    });
    const report = await getHarvestRewards({
      client: stub.client(sleep),
      account: { address: parseAddress(ACCOUNT) },
      expectedNetwork: undefined,
    });
    expect(report.result).toEqual({
      address: ACCOUNT,
      fromHeight: 1n,
      toHeight: 5270371n,
      total: 191_175_000n,
      harvesterShare: 141_050_000n,
      beneficiaryShare: 50_125_000n,
      blocks: 2,
      days: [
        { date: '2026-03-01', amount: 95_700_000n },
        { date: '2026-03-02', amount: 95_475_000n },
      ],
      nodes: [
        { beneficiaryAddress: ACCOUNT, amount: 120_475_000n, blocks: 1 },
        { beneficiaryAddress: OTHER_NODE, amount: 70_700_000n, blocks: 1 },
      ],
    });
    expect(report.entries.map((entry) => [entry.height, entry.share, entry.amount])).toEqual([
      [1000100n, 'harvester', 70_700_000n],
      [1000200n, 'beneficiary', 25_000_000n],
      [1000300n, 'harvester', 70_350_000n],
      [1000300n, 'beneficiary', 25_125_000n],
    ]);
    expect(formatRewardsCsv(report.entries).split('\n')[1]).toBe(
      '1000100,2026-03-01T10:00:00.000Z,2026-03-01,harvester,70.700000,70700000,' +
        `${OTHER_NODE},17CB79FB2B4120F2B1EC65E4198D6E08B28E813FEB01E4A400839B85E18080CE`,
    );
  });

  it('pages until a short page, and a node repeating a page ends the paging', async () => {
    const stub = mainnetNode();
    const fixture = restFixture<{ data: unknown[] }>('statementsTransaction.harvestFee');
    // a node that ignores pageNumber and returns full pages of the same statements
    stub.on('GET', '/statements/transaction', () => ({
      data: fixture.data.slice(0, 2),
      pagination: { pageNumber: 1, pageSize: 2 },
    }));
    const report = await getHarvestRewards({
      client: stub.client(sleep),
      account: { address: parseAddress(ACCOUNT) },
      expectedNetwork: undefined,
      from: parseRewardsBound('1000000', '--from'),
      to: parseRewardsBound('1000250', '--to'),
    });
    expect(report.result.total).toBe(95_700_000n);
    expect(stub.requests.filter((request) => request.path === '/statements/transaction')).toHaveLength(2);
  });

  it('refuses a statements answer in another shape (NODE_BAD_RESPONSE)', async () => {
    const stub = mainnetNode();
    stub.on('GET', '/statements/transaction', { data: [{ statement: { height: 'x', receipts: [] } }] });
    await expect(
      getHarvestRewards({
        client: stub.client(sleep),
        account: { address: parseAddress(ACCOUNT) },
        expectedNetwork: undefined,
      }),
    ).rejects.toMatchObject({ code: 'NODE_BAD_RESPONSE' });
  });

  it('--beneficiary: each beneficiary share attributed to the block’s harvester (the first Harvest_Fee receipt)', async () => {
    const stub = mainnetNode();
    stub.on('GET', '/statements/transaction', restFixture('statementsTransaction.harvestFee'));
    const report = await getBeneficiaryRewards({
      client: stub.client(sleep),
      beneficiary: parseAddress(ACCOUNT),
      expectedNetwork: undefined,
      kickbackBasisPoints: 3333n,
    });
    expect(report.result).toEqual({
      beneficiaryAddress: ACCOUNT,
      fromHeight: 1n,
      toHeight: 5270371n,
      total: 50_125_000n,
      blocks: 2,
      kickbackPercent: '33.33',
      kickbackTotal: 16_706_662n,
      delegates: [
        { address: ACCOUNT, amount: 25_125_000n, blocks: 1, kickback: 8_374_162n },
        {
          address: 'NCOUCADEQEZXJBPY2E54DIWVKGQQUGNAJRFI4FY',
          amount: 25_000_000n,
          blocks: 1,
          kickback: 8_332_500n,
        },
      ],
    });
  });
});
