import { describe, expect, it } from 'vitest';
import type { OnboardResult } from '../../src/contract/onboard.js';
import { formatOnboardResult } from '../../src/ui/format/onboard.js';

describe('formatOnboardResult', () => {
  it('a FAILED row with its transaction left in the journal says a re-run resumes it', () => {
    const hash = 'AB'.repeat(32);
    const result: OnboardResult = {
      accounts: [
        {
          line: 2,
          mainAddress: 'T'.repeat(39),
          state: 'FAILED',
          nodeUrl: 'http://node-a.test:3000',
          error: {
            code: 'NODE_UNAVAILABLE',
            message: 'no connection',
            journal: { hash, keystore: '/h/keystore/T.json' },
          },
        },
      ],
      summary: { FAILED: 1 },
    };
    expect(formatOnboardResult(result).split('\n')[0]).toBe(
      `line 2  ${'T'.repeat(39)}  FAILED  http://node-a.test:3000  NODE_UNAVAILABLE: no connection ` +
        `(transaction ${hash} journalled: run again to resume it)`,
    );
  });
});
