import type { Style } from '../style.js';
import { toHex } from '../../core/bytes.js';
import type { DecryptCheckResult } from '../../contract/decryptCheck.js';

/** Human text of a decrypt-check report. */
export function formatDecryptCheck(result: DecryptCheckResult, style: Style): string {
  const lines = [`node public key  ${toHex(result.nodePublicKey)}`];
  if (result.requests.length === 0) lines.push('no delegation requests');
  for (const request of result.requests) {
    const state = request.ok ? style.green('ok') : style.red(`FAILED ${request.error?.code ?? ''}`.trim());
    lines.push('', `${request.source}  ${state}`);
    if (request.requestId !== null) lines.push(`  request id   ${toHex(request.requestId)}`);
    if (request.mainPublicKey !== null) lines.push(`  main         ${toHex(request.mainPublicKey)}`);
    if (request.remotePublicKey !== null) lines.push(`  remote       ${toHex(request.remotePublicKey)}`);
    if (request.vrfPublicKey !== null) lines.push(`  vrf          ${toHex(request.vrfPublicKey)}`);
    if (request.remotePrivateKey !== undefined)
      lines.push(`  remote key   ${toHex(request.remotePrivateKey)}`);
    if (request.vrfPrivateKey !== undefined) lines.push(`  vrf key      ${toHex(request.vrfPrivateKey)}`);
    if (request.verdict !== null) lines.push(`  verdict      ${request.verdict}`);
    if (request.reasons.length > 0) lines.push(`  reasons      ${request.reasons.join(', ')}`);
    if (request.error !== undefined) lines.push(`  ${request.error.message}`);
  }
  const failed = result.requests.filter((request) => !request.ok).length;
  lines.push('', `${result.requests.length - failed} opened, ${failed} failed`);
  return lines.join('\n');
}
