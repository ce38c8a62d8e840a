import { describe, expect, it } from 'vitest';
import { listNodeCandidates } from '../../../src/flows/nodes/listNodeCandidates.js';

const entry = (endpoint: string, name = endpoint, isHealthy = true) => ({
  endpoint,
  name,
  nodePublicKey: undefined,
  isHealthy,
  isSslEnabled: endpoint.startsWith('https'),
});

describe('listNodeCandidates', () => {
  it('--node first, then the directory; URLs as they are, peer-only host:port at http://host:3000; each once', () => {
    expect(
      listNodeCandidates(
        ['http://mine:3000/', 'http://mine:3000'],
        [
          entry('https://a.example:3001'),
          entry('http://mine:3000', 'listed again'),
          entry('peer.example:7900', 'peer', false),
          entry('[2001:db8::1]:7900', 'v6'),
          entry('https://a.example:3001/', 'twice'),
        ],
      ),
    ).toEqual([
      { url: 'http://mine:3000', name: '', directoryHealthy: true },
      { url: 'https://a.example:3001', name: 'https://a.example:3001', directoryHealthy: true },
      { url: 'http://peer.example:3000', name: 'peer', directoryHealthy: false },
      { url: 'http://[2001:db8::1]:3000', name: 'v6', directoryHealthy: true },
    ]);
  });

  it('skips endpoints that are no host at all', () => {
    expect(listNodeCandidates([], [entry('::::'), entry('http://'), entry(' ')])).toEqual([]);
  });
});
