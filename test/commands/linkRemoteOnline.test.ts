import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/bytes.js';
import { derivePublicKey, parsePrivateKey } from '../../src/core/keys.js';
import { useDevnet } from '../helpers/devnetFixture.js';
import { runCli } from '../helpers/runCli.js';

const env = { HARVEST_PASSWORD: 'operator' };
const fixture = useDevnet({ blockTimeSeconds: 0.2 }, 'harvest-link-remote-');

/** The [harvesting] settings file as key → value. */
function readSettings(path: string): Record<string, string> {
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => line.split('=').map((part) => part.trim()) as [string, string]);
  return Object.fromEntries(entries);
}

describe('harvest link-remote --node', () => {
  it('links remote and VRF keys and writes a 0600 config whose keys are the ones linked on chain', async () => {
    const account = fixture.devnet.descriptor.accounts[0]!;
    const config = join(fixture.dir, 'config-harvesting.properties');
    const run = await runCli(
      [
        'link-remote',
        '--json',
        '--yes',
        '--home',
        fixture.dir,
        '--node',
        fixture.devnet.url,
        '--key-file',
        account.keyFile,
        '--config-out',
        config,
      ],
      { env },
    );
    expect(run.exitCode).toBe(0);
    expect(run.json()).toMatchObject({ state: 'OPERATOR', announced: true, configFile: config });
    expect(statSync(config).mode & 0o777).toBe(0o600);

    const settings = readSettings(config);
    expect(settings['enableAutoHarvesting']).toBe('true');
    expect(settings['beneficiaryAddress']).toBe(account.address);
    const remote = toHex(derivePublicKey(parsePrivateKey(settings['harvesterSigningPrivateKey']!)));
    const vrf = toHex(derivePublicKey(parsePrivateKey(settings['harvesterVrfPrivateKey']!)));
    const onChain = (await (await fetch(`${fixture.devnet.url}/accounts/${account.address}`)).json()) as {
      account: {
        supplementalPublicKeys: {
          linked?: { publicKey: string };
          vrf?: { publicKey: string };
          node?: unknown;
        };
      };
    };
    expect(onChain.account.supplementalPublicKeys.linked?.publicKey).toBe(remote);
    expect(onChain.account.supplementalPublicKeys.vrf?.publicKey).toBe(vrf);
    expect(onChain.account.supplementalPublicKeys.node).toBeUndefined();
    // the private keys are in the file only, never on stdout or stderr
    expect(run.stdout + run.stderr).not.toContain(settings['harvesterSigningPrivateKey']!);

    // run again: nothing announced, the settings can be written again from the keystore
    const again = await runCli(
      [
        'link-remote',
        '--json',
        '--yes',
        '--home',
        fixture.dir,
        '--node',
        fixture.devnet.url,
        '--key-file',
        account.keyFile,
        '--config-out',
        config,
      ],
      { env },
    );
    expect(again.json()).toMatchObject({ state: 'OPERATOR', announced: false, transactions: [] });
    expect(readSettings(config)['harvesterSigningPrivateKey']).toBe(settings['harvesterSigningPrivateKey']);
  });

  it('refuses a beneficiary on another network before announcing anything', async () => {
    const account = fixture.devnet.descriptor.accounts[1]!;
    const run = await runCli(
      [
        'link-remote',
        '--json',
        '--yes',
        '--home',
        fixture.dir,
        '--node',
        fixture.devnet.url,
        '--key-file',
        account.keyFile,
        '--beneficiary',
        'NCWYXKVYBMO4NBCUF3AXKJMXCGVSYQOS72UNKDY',
      ],
      { env },
    );
    expect(run.exitCode).toBe(2);
    expect(run.json().error.code).toBe('INVALID_ADDRESS');
    const onChain = (await (await fetch(`${fixture.devnet.url}/accounts/${account.address}`)).json()) as {
      account: { supplementalPublicKeys: Record<string, unknown> };
    };
    expect(onChain.account.supplementalPublicKeys).toEqual({});
  });
});
