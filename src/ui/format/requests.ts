import type { Style } from '../style.js';
import { toHex } from '../../core/bytes.js';
import type { RequestsResult } from '../../contract/requests.js';

/** Human text of `harvest requests`. */
export function formatRequests(result: RequestsResult, style: Style): string {
  const lines = [
    `node public key  ${toHex(result.nodePublicKey)}`,
    `node address     ${result.nodeAddress} (${result.network})`,
  ];
  if (result.requests.length === 0) lines.push('', 'no delegation requests on chain');
  for (const request of result.requests) {
    const verdict =
      request.verdict === 'ACCEPTABLE'
        ? style.green('ACCEPTABLE')
        : request.verdict === 'REJECTED'
          ? style.red('REJECTED')
          : style.red(`FAILED ${request.error?.code ?? ''}`.trim());
    const unlocked = request.unlocked === null ? '' : request.unlocked ? ', unlocked' : ', not unlocked';
    lines.push(
      '',
      `height ${request.height}  ${request.hash === null ? '' : `${toHex(request.hash)}  `}${verdict}${unlocked}`,
    );
    if (request.mainPublicKey !== null) lines.push(`  main         ${toHex(request.mainPublicKey)}`);
    if (request.remotePublicKey !== null) lines.push(`  remote       ${toHex(request.remotePublicKey)}`);
    if (request.reasons.length > 0) lines.push(`  reasons      ${request.reasons.join(', ')}`);
    if (request.error !== undefined) lines.push(`  ${request.error.message}`);
  }
  const { summary } = result;
  lines.push(
    '',
    `${summary.total} requests: ${summary.acceptable} acceptable, ${summary.rejected} rejected, ` +
      `${summary.failed} not readable, ${summary.superseded} superseded, ` +
      (summary.unlocked === null ? 'unlocked unknown' : `${summary.unlocked} unlocked`),
  );
  return lines.join('\n');
}
