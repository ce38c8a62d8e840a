import { describeXym } from '../../core/units/describeXym.js';
import type { Style } from '../style.js';

/** The parts of the devnet descriptor the banner shows (src/devnet/startDevnet.ts DevnetDescriptor). */
export interface DevnetBanner {
  readonly url: string;
  readonly networkIdentifier: number;
  readonly generationHashSeed: string;
  readonly currencyMosaicId: string;
  readonly nodePublicKey: string;
  readonly nodeKeyFile: string;
  readonly harvestersFile: string;
  readonly stateDir: string;
  readonly accounts: readonly { address: string; publicKey: string; keyFile: string; balance: string }[];
  readonly multisigAccounts?: readonly {
    address: string;
    minApproval: number;
    cosignatories: readonly { address: string; keyFile: string }[];
  }[];
  readonly nodes: readonly {
    url: string;
    nodePublicKey: string;
    nodeKeyFile: string;
    harvestersFile: string;
  }[];
}

/** µXYM (a decimal string) → "123,456.000000 XYM". */
function formatXym(microXym: string): string {
  return describeXym(BigInt(microXym));
}

/** The readable banner of `harvest devnet`, like a local Ethereum devnet prints. */
export function formatDevnet(devnet: DevnetBanner, style: Style): string {
  const lines = [
    style.bold('Symbol devnet ready') + ` (network ${devnet.networkIdentifier}, Ctrl-C to stop)`,
    '',
    `  REST URL              ${style.cyan(devnet.url)}`,
    `  generation hash seed  ${devnet.generationHashSeed}`,
    `  currency mosaic id    ${devnet.currencyMosaicId}`,
    `  node public key       ${devnet.nodePublicKey}  (transport key; /node/info nodePublicKey)`,
    `  node key file         ${devnet.nodeKeyFile}`,
    `  harvesters.dat        ${devnet.harvestersFile}`,
    `  state folder          ${devnet.stateDir}`,
  ];
  if (devnet.nodes.length > 1) {
    lines.push('', style.bold('Nodes'));
    devnet.nodes.forEach((node, index) => lines.push(`  (${index}) ${node.url}  ${node.nodePublicKey}`));
  }
  if (devnet.accounts.length === 0) lines.push('', 'no funded accounts (--accounts 0)');
  else lines.push('', style.bold('Funded accounts') + ' (private keys are in the key files)');
  devnet.accounts.forEach((account, index) =>
    lines.push(`  (${index}) ${account.address}  ${formatXym(account.balance)}  ${account.keyFile}`),
  );
  const multisig = devnet.multisigAccounts ?? [];
  if (multisig.length > 0)
    lines.push('', style.bold('Multisig accounts') + ' (cosignatory keys in the key files)');
  multisig.forEach((account, index) => {
    const n = account.cosignatories.length;
    lines.push(`  (${index}) ${account.address}  ${account.minApproval}-of-${n}`);
    account.cosignatories.forEach((cosignatory) =>
      lines.push(`        cosignatory ${cosignatory.address}  ${cosignatory.keyFile}`),
    );
  });
  return lines.join('\n');
}
