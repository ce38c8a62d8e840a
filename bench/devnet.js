// Devnet load benchmark (plain Node, run after `npm run build`, which builds packages/devnet too): announces N
// symbol-sdk-signed transfers over HTTP to one devnet (block time 1 s) as fast as the client can, then reports the
// announce throughput and the confirmation lag (announce → confirmed status). Usage: node bench/devnet.js [count=400]
import { readFileSync } from 'node:fs';
import { PrivateKey } from 'symbol-sdk';
import { Address, KeyPair, SymbolFacade, descriptors, models } from 'symbol-sdk/symbol';
import { startDevnet } from '@symbol-harvest/devnet';

const count = Number(process.argv[2] ?? 400);
const devnet = await startDevnet({ port: 0, blockTimeSeconds: 1 });
const facade = new SymbolFacade(devnet.network);
const senders = devnet.descriptor.accounts.map(
  (account) => new KeyPair(new PrivateKey(readFileSync(account.keyFile, 'utf8').trim())),
);
const mosaicId = new models.UnresolvedMosaicId(BigInt(`0x${devnet.descriptor.currencyMosaicId}`));

const signStart = performance.now();
const prepared = Array.from({ length: count }, (_, index) => {
  const sender = senders[index % senders.length];
  const recipient = new Address(devnet.descriptor.accounts[(index + 1) % senders.length].address);
  const transaction = facade.createTransactionFromTypedDescriptor(
    new descriptors.TransferTransactionV1Descriptor(recipient, [
      new descriptors.UnresolvedMosaicDescriptor(mosaicId, new models.Amount(BigInt(index + 1))),
    ]),
    sender.publicKey,
    100,
    3600,
  );
  const body = facade.transactionFactory.static.attachSignature(
    transaction,
    facade.signTransaction(sender, transaction),
  );
  return { body, hash: facade.hashTransaction(transaction).toString() };
});
const signMs = performance.now() - signStart;

const announcedAt = new Map();
const start = performance.now();
const concurrency = 8;
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < prepared.length) {
      const item = prepared[next++];
      const response = await fetch(`${devnet.url}/transactions`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: item.body,
      });
      if (response.status !== 202) throw new Error(`announce answered ${response.status}`);
      await response.arrayBuffer();
      announcedAt.set(item.hash, performance.now());
    }
  }),
);
const announceMs = performance.now() - start;

const lags = [];
const pending = new Set(prepared.map((item) => item.hash));
let failed = 0;
const startHeight = devnet.height();
while (pending.size > 0 && devnet.height() < startHeight + 10n) {
  await devnet.nextBlock();
  const now = performance.now();
  await Promise.all(
    [...pending].map(async (hash) => {
      const status = await (await fetch(`${devnet.url}/transactionStatus/${hash}`)).json();
      if (status.group === 'confirmed' || status.group === 'failed') {
        pending.delete(hash);
        if (status.group === 'failed') failed += 1;
        else lags.push(now - announcedAt.get(hash));
      }
    }),
  );
}
await devnet.close();

lags.sort((a, b) => a - b);
const median = lags[Math.floor(lags.length / 2)] ?? NaN;
const max = lags.at(-1) ?? NaN;
const perMinute = (count / announceMs) * 60_000;
console.log(
  `devnet benchmark: ${count} symbol-sdk-signed transfers, block time 1 s, ${concurrency} concurrent clients`,
);
console.log(`  client signing (symbol-sdk):  ${(count / (signMs / 1000)).toFixed(0)} tx/s`);
console.log(
  `  announce throughput:          ${(count / (announceMs / 1000)).toFixed(0)} tx/s = ${perMinute.toFixed(0)} per minute (need 200)`,
);
console.log(`  confirmed: ${lags.length}, failed: ${failed}, still pending after 10 blocks: ${pending.size}`);
console.log(
  `  confirmation lag: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms (block time 1000 ms)`,
);
if (pending.size > 0 || failed > 0 || perMinute < 200) process.exitCode = 1;
