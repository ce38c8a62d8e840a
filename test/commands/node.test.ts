import { afterEach, describe, expect, it } from 'vitest';
import {
  closedPortUrl,
  restFixture,
  startRestServer,
  type RestServer,
  type Route,
} from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';

const servers: RestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const MAIN = '87DA603E7BE5656C45692D5FC7F6D0EF8F24BB7A5C10ED5FDA8C5CFBC49FCBC8';
const REMOTE = 'FA313F7B4E6148B0E6CB8637599678D1587FCBCFD16F6E3FCBEC9A035B6C2F21';
const OWNER = 'AC1A6E1D8DE5B17D2C6B1293F1CAD3829EEACF38D09311BB3C8E5A880092DE26';

const remoteAccount = {
  account: {
    address: '68F96BD2F803DE1EE39AACFC53A246F4F7A46901A57DC922',
    publicKey: REMOTE,
    accountType: 2,
    supplementalPublicKeys: { linked: { publicKey: MAIN } },
    mosaics: [],
    importance: '0',
    importanceHeight: '0',
  },
};
const ownerRemote = {
  account: { ...remoteAccount.account, supplementalPublicKeys: { linked: { publicKey: OWNER } } },
};

function healthyNode(overrides: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /node/info': { body: restFixture('nodeInfo.mainnet') },
    'GET /network/properties': { body: restFixture('networkProperties.mainnet') },
    'GET /network/fees/transaction': { body: restFixture('transactionFees') },
    'GET /chain/info': { body: restFixture('chainInfo') },
    'GET /node/unlockedaccount': { body: { unlockedAccount: [OWNER, REMOTE, '11'.repeat(32)] } },
    [`GET /accounts/${REMOTE}`]: { body: remoteAccount },
    [`GET /accounts/${OWNER}`]: { body: ownerRemote },
    [`GET /accounts/${MAIN}`]: { body: restFixture('account.mainnet') },
    ...overrides,
  };
}

async function serve(routes: Record<string, Route>): Promise<RestServer> {
  const server = await startRestServer(routes);
  servers.push(server);
  return server;
}

const fast = { sleep: () => Promise.resolve() };

describe('harvest node', () => {
  it('summarises a healthy mainnet node as JSON', async () => {
    const server = await serve(healthyNode());
    const run = await runCli(['node', '--json', '--node', server.url, '--network', 'mainnet'], fast);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toEqual({
      nodeUrl: server.url,
      network: 'mainnet',
      networkIdentifier: 104,
      generationHashSeed: '57F7DA205008026C776CB6AED843393F04CD458E0AA2D9F1D5F31A402072B2D6',
      privateNetwork: false,
      nodePublicKey: 'D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737',
      mainPublicKey: OWNER,
      friendlyName: 'api-node-0',
      version: '1.0.3.9',
      roles: 7,
      chainHeight: '5270371',
      transportKeySafe: true,
      harvesting: { unlockedAccounts: 3, maxUnlockedAccounts: null, lowestDelegateImportance: '123456789' },
      fees: {
        averageFeeMultiplier: 103,
        medianFeeMultiplier: 100,
        highestFeeMultiplier: 1136,
        lowestFeeMultiplier: 0,
        minFeeMultiplier: 10,
      },
      aggregateVersion: 3,
    });
  });

  it('reports unknown slots when /node/unlockedaccount fails, and V2 before the fork', async () => {
    const server = await serve(
      healthyNode({
        'GET /node/unlockedaccount': { status: 500, body: {} },
        'GET /chain/info': { body: { height: '4759099' } },
      }),
    );
    const run = await runCli(['node', '--json', '--node', server.url], fast);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      network: 'mainnet',
      harvesting: { unlockedAccounts: null, lowestDelegateImportance: null },
      aggregateVersion: 2,
    });
  });

  it('reports an unsafe transport key', async () => {
    const info = { ...restFixture<object>('nodeInfo.mainnet'), nodePublicKey: `01${'00'.repeat(31)}` };
    const server = await serve(healthyNode({ 'GET /node/info': { body: info } }));
    const run = await runCli(['node', '--json', '--node', server.url], fast);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ transportKeySafe: false });
    expect(run.stderr).toContain('not a safe curve point');
  });

  it('prints a readable summary without --json', async () => {
    const server = await serve(healthyNode());
    const run = await runCli(['node', '--node', server.url], fast);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('network         mainnet (identifier 104, seed 57F7DA20…)');
    expect(run.stdout).toContain('version         1.0.3.9, roles peer, api, voting');
    expect(run.stdout).toContain('(safe)');
    expect(run.stdout).toContain('lowest delegate importance  ≈ 123 XYM weighted');
  });

  it('refuses a node of another network with WRONG_NETWORK (exit 2)', async () => {
    const server = await serve(healthyNode());
    const run = await runCli(['node', '--json', '--node', server.url, '--network', 'testnet'], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('WRONG_NETWORK');
  });

  it('needs a node', async () => {
    const run = await runCli(['node', '--json'], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error).toMatchObject({
      code: 'INPUT_REQUIRED',
      hint: expect.stringContaining('--node'),
    });
  });

  it.each([
    ['a 500', { status: 500, body: { code: 'Internal', message: 'boom' } }, 'NODE_UNAVAILABLE'],
    ['an HTML page', { text: '<html>hello</html>' }, 'NODE_BAD_RESPONSE'],
    ['a wrong shape', { body: { version: 'new' } }, 'NODE_BAD_RESPONSE'],
    ['a hang', { hang: true }, 'NODE_TIMEOUT'],
  ] as const)('turns %s into exit 3 without a stack', async (_name, reply, code) => {
    const server = await serve({ 'GET /node/info': reply });
    const run = await runCli(['node', '--json', '--timeout', '0.2', '--node', server.url], fast);
    expect(run.exitCode).toBe(3);
    expect(run.json().error.code).toBe(code);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('turns a dead port into NODE_UNAVAILABLE (exit 3), also in human mode', async () => {
    const url = await closedPortUrl();
    const json = await runCli(['node', '--json', '--node', url], fast);
    expect(json.exitCode).toBe(3);
    expect(json.json().error.code).toBe('NODE_UNAVAILABLE');
    const human = await runCli(['node', '--node', url], fast);
    expect(human.exitCode).toBe(3);
    expect(human.stderr).toContain('cannot reach');
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });
});
