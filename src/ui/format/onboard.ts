import type { OnboardPlan, OnboardResult } from '../../contract/onboard.js';
import { formatXym } from './delegate.js';

/** The one batch confirmation of `harvest onboard`: how many accounts, on which nodes, the fees at most. */
export function formatOnboardPlan(plan: OnboardPlan): string {
  return [
    `onboard ${plan.accounts} account(s) over ${plan.nodes.length} node(s)${plan.nodes.length === 0 ? '' : ':'}`,
    ...plan.nodes.map(
      (node) =>
        `  ${node.url}  ${node.accounts} account(s)` +
        (node.freeSlots === undefined ? '' : `, ${node.freeSlots} free slot(s) seen`),
    ),
    `fees at most ${formatXym(plan.totalFeeEstimate)} in total (accounts already set up pay nothing)`,
    ...(plan.failed === 0 ? [] : [`${plan.failed} row(s) already failed and are skipped`]),
  ].join('\n');
}

/** One line per account, then the summary. */
export function formatOnboardResult(result: OnboardResult): string {
  const lines = result.accounts.map((account) => {
    const who = account.mainAddress ?? '-'.padEnd(39);
    const where = account.nodeUrl ?? account.file ?? '-'; // offline: the signed file, to announce
    const detail =
      account.error === null
        ? (account.reasons ?? []).join(', ')
        : `${account.error.code}: ${account.error.message}` +
          (account.error.journal === undefined
            ? ''
            : ` (transaction ${account.error.journal.hash} journalled: run again to resume it)`);
    return `line ${account.line}  ${who}  ${account.state}  ${where}${detail === '' ? '' : `  ${detail}`}`;
  });
  const summary = Object.entries(result.summary)
    .map(([state, count]) => `${state} ${count}`)
    .join(', ');
  return [
    ...lines,
    `summary: ${summary === '' ? 'no accounts' : summary}`,
    ...(result.interrupted === true
      ? [
          'interrupted: accounts not started are FAILED (CANCELLED); announced ones keep their journal open: ' +
            'run the same command again to go on',
        ]
      : []),
  ].join('\n');
}
