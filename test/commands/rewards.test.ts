/**
 * `harvest rewards` against the devnet (in-process, real HTTP on 127.0.0.1): the totals equal, to the µXYM, what the
 * devnet's blocks say by the 5 / 25 / 70 rule computed here independently (from /blocks and /network/inflation),
 * including blocks where the account gets both shares and statements holding other accounts' receipts; --csv reads
 * back to the same totals; an empty range is zero; bad input and bad nodes are typed errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicKey } from 'symbol-sdk';
import { Address } from 'symbol-sdk/symbol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@symbol-harvest/devnet';
import { serializeKeystore } from '../../src/core/keystore/keystoreFormat.js';
import {
  announce,
  delegationAggregate,
  facadeOf,
  fundedKeyPair,
  getJson,
  randomKeyPair,
  transfer,
} from '../devnet/sdkClient.js';
import { closedPortUrl, startRestServer, type RestServer } from '../helpers/restServer.js';
import { runCli } from '../helpers/runCli.js';

const INFLATION = 3_000_000n;
let devnet: Devnet;
let dir: string;
let html: RestServer;
/** Remote key → funded account index. */
const remotes = new Map<string, number>();

const fast = { sleep: () => Promise.resolve() };
const address = (index: number) => devnet.descriptor.accounts[index]!.address;
const hexOf = (base32: string) => Buffer.from(new Address(base32).bytes).toString('hex').toUpperCase();
const base32Of = (publicKey: string) =>
  facadeOf(devnet).network.publicKeyToAddress(new PublicKey(publicKey)).toString();

async function delegate(index: number, node: number): Promise<void> {
  const remote = randomKeyPair();
  const request = delegationAggregate(
    facadeOf(devnet),
    fundedKeyPair(devnet, index),
    devnet.nodes[node]!.nodePublicKey,
    remote,
    randomKeyPair(),
  );
  expect((await announce(devnet.url, request.body)).status).toBe(202);
  devnet.mineBlock();
  remotes.set(remote.publicKey.toString(), index);
}

/** What account `index` earned in [from, to], from /blocks and /network/inflation/at alone. */
async function expectedRewards(index: number, from: bigint, to: bigint) {
  const account = hexOf(address(index));
  let harvesterShare = 0n;
  let beneficiaryShare = 0n;
  let blocks = 0;
  for (let height = from; height <= to; height += 1n) {
    const { block, meta } = (await getJson(`${devnet.url}/blocks/${height}`)).body;
    const inflation = BigInt(
      (await getJson(`${devnet.url}/network/inflation/at/${height}`)).body.rewardAmount,
    );
    if (height === 1n) continue; // the nemesis block pays no one
    const total = BigInt(meta.totalFee) + inflation;
    const network = (total * 5n) / 100n;
    const signerAddress = hexOf(base32Of(block.signerPublicKey));
    const beneficiary = signerAddress === block.beneficiaryAddress ? 0n : (total * 25n) / 100n;
    const harvesterMain = remotes.has(block.signerPublicKey)
      ? hexOf(address(remotes.get(block.signerPublicKey)!))
      : signerAddress;
    if (harvesterMain === account) {
      harvesterShare += total - network - beneficiary;
      blocks += 1;
    }
    if (block.beneficiaryAddress === account) beneficiaryShare += beneficiary;
  }
  return { harvesterShare, beneficiaryShare, total: harvesterShare + beneficiaryShare, blocks };
}

/** Parses --csv back: the sums of each share. */
function readCsv(path: string) {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = header!.split(',');
  const sums = { harvester: 0n, beneficiary: 0n, xym: 0n };
  const lines = rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i]!, cell])));
  for (const line of lines) {
    sums[line['share'] as 'harvester' | 'beneficiary'] += BigInt(line['amount_micro_xym']!);
    const [whole, fraction] = line['amount_xym']!.split('.');
    sums.xym += BigInt(whole!) * 1_000_000n + BigInt(fraction!);
  }
  return { columns, lines, sums };
}

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeSeconds: 0, nodes: 2, inflation: Number(INFLATION) });
  dir = mkdtempSync(join(tmpdir(), 'harvest-rewards-cli-'));
  html = await startRestServer({ 'GET *': { text: '<html>not a node</html>' } });
  await delegate(0, 0);
  await delegate(1, 1);
  await delegate(2, 0);
  // node 0 pays its beneficiary share to account 0: when account 0 harvests there it gets both shares of the block
  const answer = await fetch(`${devnet.url}/devnet/beneficiary`, {
    method: 'POST',
    body: JSON.stringify({ address: address(0) }),
  });
  expect(answer.status).toBe(200);
  const facade = facadeOf(devnet);
  for (let round = 0; round < 9; round += 1) {
    const sent = transfer(facade, fundedKeyPair(devnet, 5 + (round % 3)), address(8), BigInt(round + 1));
    await announce(devnet.url, sent.body);
    devnet.mineBlock();
  }
});
afterAll(async () => {
  await devnet.close();
  await html.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `harvest rewards --json --node <the devnet> …flags`, in process. */
function rewards(flags: readonly string[], options?: Parameters<typeof runCli>[1]) {
  return runCli(['rewards', '--json', '--node', devnet.url, ...flags], options);
}

describe('harvest rewards on the devnet', () => {
  it('equals the 5/25/70 sum of the blocks to the µXYM, both shares of one block included, and --csv reads back', async () => {
    const csv = join(dir, 'rewards.csv');
    const run = await rewards(['--address', address(0), '--csv', csv], fast);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(Object.keys(result)).toEqual([
      'address',
      'fromHeight',
      'toHeight',
      'total',
      'harvesterShare',
      'beneficiaryShare',
      'blocks',
      'days',
      'nodes',
    ]);
    const height = devnet.height();
    const expected = await expectedRewards(0, 1n, height);
    expect(expected.harvesterShare > 0n && expected.beneficiaryShare > 0n).toBe(true);
    expect(result).toMatchObject({
      address: address(0),
      fromHeight: '1',
      toHeight: String(height),
      total: String(expected.total),
      harvesterShare: String(expected.harvesterShare),
      beneficiaryShare: String(expected.beneficiaryShare),
      blocks: expected.blocks,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(result.days).toEqual([{ date: today, amount: String(expected.total) }]);
    // node 0 paid its owner as beneficiary until account 0 was named: account 0's blocks fall under both
    const owner0 = base32Of((await getJson(`${devnet.url}/node/info`)).body.publicKey);
    expect(result.nodes.map((node: any) => node.beneficiaryAddress).sort()).toEqual(
      [address(0), owner0].sort(),
    );
    expect(result.nodes.reduce((sum: bigint, node: any) => sum + BigInt(node.amount), 0n)).toBe(
      expected.total,
    );
    expect(result.nodes.reduce((sum: number, node: any) => sum + Number(node.blocks), 0)).toBe(
      expected.blocks,
    );

    // a block where account 0 is both harvester and beneficiary: two lines, one height
    const { lines, sums, columns } = readCsv(csv);
    expect(columns).toEqual([
      'height',
      'time',
      'date',
      'share',
      'amount_xym',
      'amount_micro_xym',
      'beneficiary_address',
      'signer_public_key',
    ]);
    const heights = lines.map((line) => line['height']);
    const both = heights.filter((value, index) => heights.indexOf(value) !== index);
    expect(both.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line['height'] === both[0]).map((line) => line['share'])).toEqual([
      'harvester',
      'beneficiary',
    ]);
    // and blocks where someone else (account 2) harvested on node 0: the beneficiary share alone
    expect(
      lines.some((line) => remotes.get(line['signer_public_key']!) === 2 && line['share'] === 'beneficiary'),
    ).toBe(true);
    expect(sums.harvester).toBe(expected.harvesterShare);
    expect(sums.beneficiary).toBe(expected.beneficiaryShare);
    expect(sums.xym).toBe(expected.total);
  });

  it('a delegate of node 1 gets the harvester share only; heights and dates bound the range', async () => {
    const height = devnet.height();
    const expected = await expectedRewards(1, 4n, height - 2n);
    const run = await rewards(['--address', address(1), '--from', '4', '--to', String(height - 2n)], fast);
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({
      fromHeight: '4',
      toHeight: String(height - 2n),
      total: String(expected.total),
      harvesterShare: String(expected.total),
      beneficiaryShare: '0',
      blocks: expected.blocks,
    });
    expect(run.json().nodes[0].beneficiaryAddress).toBe(
      base32Of((await getJson(`${devnet.nodes[1]!.url}/node/info`)).body.publicKey),
    );
    // today as dates: the whole chain; the public key names the same account
    const today = new Date().toISOString().slice(0, 10);
    const all = await expectedRewards(1, 1n, height);
    const publicKey = fundedKeyPair(devnet, 1).publicKey.toString();
    const byDate = await rewards(['--public-key', publicKey, '--from', today, '--to', today], fast);
    expect(byDate.exitCode).toBe(0);
    expect(byDate.json()).toMatchObject({
      fromHeight: '1',
      toHeight: String(height),
      total: String(all.total),
    });
  });

  it('an empty range is a zero total, not an error', async () => {
    for (const range of [
      ['--from', '1', '--to', '1'],
      ['--from', '2999-01-01'],
      ['--from', String(devnet.height() + 100n)],
    ]) {
      const run = await rewards(['--address', address(0), ...range], fast);
      expect(run.exitCode).toBe(0);
      expect(run.json()).toMatchObject({
        total: '0',
        harvesterShare: '0',
        beneficiaryShare: '0',
        blocks: 0,
        days: [],
        nodes: [],
      });
    }
    const human = await runCli(['rewards', '--node', devnet.url, '--address', address(9)], fast);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain('no harvest rewards in this range');
  });

  it('reads the account from a keystore without its password, and from a private key file', async () => {
    const keystore = join(dir, 'keystore.json');
    writeFileSync(
      keystore,
      serializeKeystore({
        mainAddress: address(0),
        networkIdentifier: 152,
        kdf: { n: 16, r: 1, p: 1, salt: new Uint8Array(32), check: new Uint8Array(44) },
        keys: [],
        journal: [],
      }),
    );
    const fromKeystore = await rewards(['--key-file', keystore], fast);
    expect(fromKeystore.exitCode).toBe(0);
    expect(fromKeystore.json().address).toBe(address(0));
    const keyFile = devnet.descriptor.accounts[0]!.keyFile;
    const fromKey = await rewards(['--key-file', keyFile], fast);
    expect(fromKey.json()).toEqual(fromKeystore.json());
    expect(fromKey.stdout).not.toContain(readFileSync(keyFile, 'utf8').trim());
  });

  it('refuses a keystore whose address is not its public key’s, one output file named twice, and "-"', async () => {
    const keystore = join(dir, 'edited-keystore.json');
    writeFileSync(
      keystore,
      serializeKeystore({
        mainAddress: address(1),
        networkIdentifier: 152,
        mainPublicKey: new PublicKey(devnet.descriptor.accounts[0]!.publicKey).bytes,
        kdf: { n: 16, r: 1, p: 1, salt: new Uint8Array(32), check: new Uint8Array(44) },
        keys: [],
        journal: [],
      }),
    );
    const edited = await rewards(['--key-file', keystore], fast);
    expect(edited.exitCode).toBe(2);
    expect(edited.json().error.code).toBe('KEYSTORE_CORRUPT');

    const same = join(dir, 'same.out');
    const twice = await rewards(
      ['--beneficiary', address(0), '--kickback-percent', '10'].concat([
        '--csv',
        same,
        '--kickback-plan',
        same,
      ]),
      fast,
    );
    expect(twice.exitCode).toBe(2);
    expect(twice.json().error.code).toBe('INVALID_INPUT');
    for (const flag of ['--csv', '--kickback-plan']) {
      const dash = await rewards(['--beneficiary', address(0), '--kickback-percent', '10', flag, '-'], fast);
      expect(dash.exitCode, flag).toBe(2);
      expect(dash.json().error.code, flag).toBe('INVALID_INPUT');
    }
    const publicKeyLike = await rewards(['--public-key', `01${'00'.repeat(31)}`], fast);
    expect(publicKeyLike.exitCode).toBe(2);
    expect(publicKeyLike.json().error.code).toBe('INVALID_KEY');
  });

  it('draws a bar chart of the days on a terminal, and amounts in XYM', async () => {
    const run = await runCli(['rewards', '--node', devnet.url, '--address', address(0)], {
      ...fast,
      tty: true,
    });
    expect(run.exitCode).toBe(0);
    // eslint-disable-next-line no-control-regex
    const text = run.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(text).toMatch(/total\s+[\d,]+\.\d{6} XYM/);
    expect(text).toMatch(/\d{4}-\d\d-\d\d {2}█+ [\d,]+\.\d{6} XYM/);
    const plain = await runCli(['rewards', '--node', devnet.url, '--address', address(0)], fast);
    expect(plain.stdout).not.toContain('█');
  });

  it.each([
    [['--address', 'TNOTANADDRESS'], 'INVALID_ADDRESS', 2],
    [['--address', 'NAMAINNETADDRESSXXXXXXXXXXXXXXXXXXXXXX'], 'INVALID_ADDRESS', 2],
    [['--from', '10', '--to', '5'], 'INVALID_INPUT', 2],
    [['--from', '2026-12-07', '--to', '2026-12-06'], 'INVALID_INPUT', 2],
    [['--from', 'yesterday'], 'INVALID_INPUT', 2],
    [['--to', '2026-02-30'], 'INVALID_INPUT', 2],
    [['--from', '0'], 'INVALID_INPUT', 2],
    [['--public-key', 'zz'], 'INVALID_KEY', 2],
    [['--csv', '-'], 'INVALID_INPUT', 2],
    [['--csv', '/nonexistent-folder/x.csv'], 'INVALID_FILE', 2],
    [['--key-file', '/nonexistent-folder/main.key'], 'INVALID_KEY', 2],
  ])('%j → %s, exit %i', async (flags, code, exit) => {
    const account = ['--address', '--public-key', '--key-file'].some((flag) => flags.includes(flag))
      ? []
      : ['--address', address(0)];
    const run = await rewards([...account, ...flags], fast);
    expect(run.exitCode).toBe(exit);
    expect(run.json().error.code).toBe(code);
  });

  it('names the account once, and asks for one', async () => {
    const twice = await rewards(['--address', address(0), '--public-key', '00'], fast);
    expect(twice.json().error.code).toBe('INVALID_INPUT');
    const none = await runCli(['rewards', '--json', '--node', devnet.url], fast);
    expect(none.exitCode).toBe(2);
    expect(none.json().error.code).toBe('INPUT_REQUIRED');
  });

  it('an unreachable node and a node answering HTML are NODE_* (exit 3) with the URL', async () => {
    const closed = await closedPortUrl();
    const down = await runCli(['rewards', '--json', '--node', closed, '--address', address(0)], fast);
    expect(down.exitCode).toBe(3);
    expect(down.json().error.code).toBe('NODE_UNAVAILABLE');
    expect(JSON.stringify(down.json().error)).toContain(closed);
    const page = await runCli(['rewards', '--json', '--node', html.url, '--address', address(0)], fast);
    expect(page.exitCode).toBe(3);
    expect(page.json().error.code).toBe('NODE_BAD_RESPONSE');
    expect(JSON.stringify(page.json().error)).toContain(html.url);
  });

  it('fails over to the next --node', async () => {
    const closed = await closedPortUrl();
    const run = await runCli(
      ['rewards', '--json', '--node', closed, '--node', devnet.url, '--address', address(1)],
      fast,
    );
    expect(run.exitCode).toBe(0);
    expect(BigInt(run.json().total) > 0n).toBe(true);
  });

  it('--beneficiary: what the node earned from each delegate’s blocks, and the kickback owed, as JSON and CSV', async () => {
    const height = devnet.height();
    const beneficiary = hexOf(address(0));
    const perDelegate = new Map<string, { amount: bigint; blocks: number }>();
    for (let h = 2n; h <= height; h += 1n) {
      const { block, meta } = (await getJson(`${devnet.url}/blocks/${h}`)).body;
      if (block.beneficiaryAddress !== beneficiary) continue;
      if (hexOf(base32Of(block.signerPublicKey)) === beneficiary) continue;
      const total = BigInt(meta.totalFee) + INFLATION;
      const delegate = address(remotes.get(block.signerPublicKey)!);
      const sum = perDelegate.get(delegate) ?? { amount: 0n, blocks: 0 };
      perDelegate.set(delegate, { amount: sum.amount + (total * 25n) / 100n, blocks: sum.blocks + 1 });
    }
    expect([...perDelegate.keys()].sort()).toEqual([address(0), address(2)].sort());
    const csv = join(dir, 'kickback.csv');
    const run = await rewards(
      ['--beneficiary', address(0), '--kickback-percent', '12.5', '--csv', csv],
      fast,
    );
    expect(run.exitCode).toBe(0);
    const result = run.json();
    expect(result).toMatchObject({
      beneficiaryAddress: address(0),
      fromHeight: '1',
      toHeight: String(height),
      kickbackPercent: '12.50',
    });
    const expectedTotal = [...perDelegate.values()].reduce((sum, value) => sum + value.amount, 0n);
    expect(result.total).toBe(String(expectedTotal));
    expect(result.blocks).toBe([...perDelegate.values()].reduce((sum, value) => sum + value.blocks, 0));
    expect(result.delegates.map((delegate: { address: string }) => delegate.address).sort()).toEqual(
      [...perDelegate.keys()].sort(),
    );
    for (const delegate of result.delegates) {
      const expected = perDelegate.get(delegate.address)!;
      expect(delegate).toEqual({
        address: delegate.address,
        amount: String(expected.amount),
        blocks: expected.blocks,
        kickback: String((expected.amount * 1250n) / 10_000n),
      });
    }
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe(
      'delegate_address,blocks,beneficiary_share_micro_xym,kickback_percent,kickback_micro_xym,kickback_xym',
    );
    const kickbacks = rows.slice(1).reduce((sum, row) => sum + BigInt(row.split(',')[4]!), 0n);
    expect(String(kickbacks)).toBe(result.kickbackTotal);
    // node 1's owner earned from account 1 alone
    const owner1 = base32Of((await getJson(`${devnet.nodes[1]!.url}/node/info`)).body.publicKey);
    const node1 = await rewards(['--beneficiary', owner1], fast);
    expect(node1.json().delegates.map((delegate: any) => delegate.address)).toEqual([address(1)]);
    expect(node1.json().kickbackPercent).toBeUndefined();
  });

  it.each([
    [['--beneficiary', 'TNOPE'], 'INVALID_ADDRESS'],
    [['--kickback-percent', '10', '--address', 'TNOPE'], 'INVALID_INPUT'],
    [['--beneficiary', '@', '--address', '@'], 'INVALID_INPUT'],
    [['--beneficiary', '@', '--kickback-percent', '101'], 'INVALID_INPUT'],
    [['--beneficiary', '@', '--kickback-percent', '-5'], 'INVALID_INPUT'],
    [['--beneficiary', '@', '--kickback-percent', '1.234'], 'INVALID_INPUT'],
  ])('--beneficiary garbage %j → %s', async (flags, code) => {
    const args = flags.map((flag) => (flag === '@' ? address(0) : flag));
    const run = await rewards([...args], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe(code);
  });

  it('--kickback-plan: an unsigned plan of transfers that sign --allow-any signs and announce confirms', async () => {
    const plan = join(dir, 'kickback.json');
    const run = await rewards(
      ['--beneficiary', address(0), '--kickback-percent', '50', '--kickback-plan', plan],
      fast,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('harvest sign');
    const file = JSON.parse(readFileSync(plan, 'utf8'));
    const owed = run.json().delegates.filter((delegate: any) => delegate.address !== address(0));
    expect(file).toMatchObject({
      format: 'harvest-unsigned',
      mainAddress: address(0),
      kickbacks: owed.map((delegate: any) => ({ address: delegate.address, amount: delegate.kickback })),
    });
    expect(file.transactions).toHaveLength(1);
    // without --allow-any the transfers are refused, as any asset transfer in a plan is
    const refused = await runCli(
      ['sign', plan, '--json', '--yes', '--key-file', devnet.descriptor.accounts[0]!.keyFile],
      fast,
    );
    expect(refused.json().error.code).toBe('UNSAFE_TRANSACTION');
    const signedPath = join(dir, 'kickback.signed.json');
    const signed = await runCli(
      [
        'sign',
        plan,
        '--json',
        '--yes',
        '--allow-any',
        '--key-file',
        devnet.descriptor.accounts[0]!.keyFile,
        '--out',
        signedPath,
      ],
      fast,
    );
    expect(signed.exitCode).toBe(0);
    expect(signed.stderr).toContain(`sending ${owed[0].kickback} of mosaic 3A8416DB2D53B6C8`);
    const announced = await runCli(
      ['announce', signedPath, '--json', '--yes', '--allow-any', '--no-wait', '--node', devnet.url],
      fast,
    );
    expect(announced.exitCode).toBe(0);
    devnet.mineBlock();
    const hash = JSON.parse(readFileSync(signedPath, 'utf8')).transactions[0].hash as string;
    expect((await getJson(`${devnet.url}/transactionStatus/${hash}`)).body.group).toBe('confirmed');
    const confirmed = (await getJson(`${devnet.url}/transactions/confirmed/${hash}`)).body;
    expect(
      confirmed.transaction.transactions.map((inner: any) => [
        inner.transaction.recipientAddress,
        inner.transaction.mosaics[0].amount,
      ]),
    ).toEqual(owed.map((delegate: any) => [hexOf(delegate.address), delegate.kickback]));
  });

  it('--kickback-plan needs --kickback-percent', async () => {
    const run = await rewards(['--beneficiary', address(0), '--kickback-plan', join(dir, 'x.json')], fast);
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_INPUT');
  });
});
