import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startDevnet, type Devnet, type DevnetOptions } from '@symbol-harvest/devnet';

/** A devnet on 127.0.0.1 and a temporary folder, shared by the tests of one file. */
export interface DevnetFixture {
  readonly devnet: Devnet;
  /** A fresh temporary folder (a --home, key and plan files), removed afterwards. */
  readonly dir: string;
}

/**
 * Starts a devnet (always on a free port) and makes a temporary folder before the file's tests, and removes both
 * after them. The returned object is filled in by `beforeAll`: read its fields inside tests only.
 */
export function useDevnet(options: Omit<DevnetOptions, 'port'>, folderPrefix: string): DevnetFixture {
  const fixture = {} as { devnet: Devnet; dir: string };
  beforeAll(async () => {
    fixture.devnet = await startDevnet({ ...options, port: 0 });
    fixture.dir = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    await fixture.devnet.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}

/** The devnet's currency mosaic id (hex), as its accounts list it. */
export const DEVNET_CURRENCY = '3A8416DB2D53B6C8';

/** GET `path` of the devnet's REST API as JSON; undefined for 404. */
export async function devnetRest(devnet: Devnet, path: string): Promise<any> {
  const response = await fetch(`${devnet.url}${path}`);
  return response.status === 404 ? undefined : response.json();
}

/** The currency balance of an address (µXYM), 0 for an account the chain does not know. */
export async function currencyBalance(devnet: Devnet, address: string): Promise<bigint> {
  const account = await devnetRest(devnet, `/accounts/${address}`);
  const mosaic = account?.account.mosaics.find((entry: { id: string }) => entry.id === DEVNET_CURRENCY);
  return BigInt(mosaic?.amount ?? 0);
}
