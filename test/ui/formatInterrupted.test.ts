/** The human text of an interrupted run (docs/cli.md, "Signals"): what was left behind and what to do next. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { OnboardResult } from '../../src/contract/onboard.js';
import type { SetupResult } from '../../src/contract/setupResult.js';
import { formatDelegateResult } from '../../src/ui/format/delegate.js';
import { formatOnboardResult } from '../../src/ui/format/onboard.js';

const plain = new Chalk({ level: 0 });
const base: SetupResult = {
  network: 'testnet',
  mainAddress: 'T'.repeat(39),
  mainPublicKey: new Uint8Array(32),
  nodeUrl: 'http://127.0.0.1:3000',
  nodePublicKey: null,
  remotePublicKey: null,
  vrfPublicKey: null,
  transactions: [],
  plan: [],
  announced: true,
  state: 'CONFIRMATION_PENDING',
  reasons: [],
};

describe('formatDelegateResult, interrupted', () => {
  it.each<[Partial<SetupResult>, string]>([
    [{}, 'the keystore journal keeps the transaction open; run the same command again to resume it'],
    [{ state: 'ACTIVATION_PENDING' }, 'interrupted while waiting for the node: run `harvest status`'],
    [{ announced: false }, 'interrupted: nothing was announced'],
  ])('%j', (change, text) => {
    expect(formatDelegateResult({ ...base, ...change, interrupted: true }, plain)).toContain(text);
  });

  it('says nothing of an interruption when there was none', () => {
    expect(formatDelegateResult(base, plain)).not.toContain('interrupted');
  });
});

describe('formatOnboardResult, interrupted', () => {
  it('tells how to go on', () => {
    const result: OnboardResult = { accounts: [], summary: {}, interrupted: true };
    expect(formatOnboardResult(result)).toContain('interrupted: accounts not started are FAILED (CANCELLED)');
    expect(formatOnboardResult({ accounts: [], summary: {} })).not.toContain('interrupted');
  });
});
