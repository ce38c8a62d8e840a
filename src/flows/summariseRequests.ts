/** The summary of `harvest requests` (docs/commands/requests.md): counts over the checked requests. */
import type { ChainRequestReport, RequestsSummary } from '../contract/requests.js';
import { SUPERSEDED } from './checkRequestsAgainstChain.js';

/** Counts the requests by outcome; `unlocked` is null when /node/unlockedaccount could not be read. */
export function summariseRequests(requests: readonly ChainRequestReport[]): RequestsSummary {
  const count = (test: (report: ChainRequestReport) => boolean) => requests.filter(test).length;
  const unlockedKnown = requests.some((report) => report.unlocked !== null);
  const anyOpened = requests.some((report) => report.verdict !== null);
  return {
    total: requests.length,
    ok: count((report) => report.ok),
    failed: count((report) => !report.ok),
    acceptable: count((report) => report.verdict === 'ACCEPTABLE'),
    rejected: count((report) => report.verdict === 'REJECTED'),
    superseded: count((report) => report.reasons.includes(SUPERSEDED)),
    unlocked: unlockedKnown || !anyOpened ? count((report) => report.unlocked === true) : null,
  };
}
